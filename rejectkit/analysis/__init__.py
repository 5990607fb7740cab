"""Reading the log for patterns: touchpoint scores, the funnel, comparisons, the prep sheet,
the activity report. Plain pandas in, plain pandas out; no widget and no write but reports.
"""
