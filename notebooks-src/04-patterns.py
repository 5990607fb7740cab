# %% [markdown]
# # Patterns across your interviews
#
# After each interview you rated every touchpoint and noted what went well and what to do differently. Here those notes add up: which touchpoints are improving, which are slipping, what the feedback keeps saying, and what to work on before your next interview. Run all cells (Run > Run All Cells). Nothing here changes your log; only the prep sheet at the end is saved again, as `prep-sheet.md` in your workspace.

# %%
import rejectkit as rk

ws = rk.open_workspace()
data = ws.load()

# %% [markdown]
# ## 1. Your touchpoint ratings over time
#
# Thin lines are each interview's rating; the thick line is the average of your last three ratings of that touchpoint, so where it ends is where you stand now. Pick the touchpoints to compare.

# %%
rk.trend_picker(data)

# %% [markdown]
# ## 2. Every interview at a glance
#
# One row per interview (oldest at the top), one column per touchpoint. Hatched cells were not applicable in that interview.

# %%
rk.plot_score_heatmap(data);

# %% [markdown]
# ## 3. Weakest, strongest, most improved and slipping
#
# "Last three" is your average over the last three interviews where you rated the touchpoint; the change compares your latest interviews with your first ones.

# %%
rk.touchpoint_highlights(data)

# %%
rk.plot_touchpoint_changes(data);

# %% [markdown]
# ## 4. How far you got
#
# The first step of the method is perspective: every interview invitation means a hiring team chose you from the pile. This is how far your applications got, where the rejections came and how long answers took.

# %%
rk.funnel_summary(data)

# %%
rk.plot_funnel(data);

# %% [markdown]
# ## 5. Rounds you passed against rounds you did not
#
# Your ratings in rounds that led to a next round or an offer, against rounds that ended in a rejection. Each figure says how many interviews stand behind it.

# %%
rk.passed_vs_rejected(data)

# %%
rk.plot_passed_vs_rejected(data);

# %% [markdown]
# ## 6. Your ratings against the feedback you received
#
# For each touchpoint that feedback asked you to improve: how you had rated it yourself in that interview. A 4 or 5 there is a blind spot worth a second look.

# %%
rk.blind_spots(data)

# %% [markdown]
# ## 7. Strategy changes, before and after
#
# Each entry of your strategy log, with the touchpoint's average over up to three rated interviews before the change and up to three after it.

# %%
rk.strategy_effects(data)

# %%
rk.plot_strategy_changes(data);

# %% [markdown]
# ## 8. Your next-interview prep sheet
#
# The touchpoints to work on, with your own notes on what to do differently, the ones to keep doing, and what feedback keeps mentioning. It is saved as `prep-sheet.md` in your workspace each time this cell runs: open it from there to print it.

# %%
rk.write_prep_sheet(data, today=rk.today())

# %% [markdown]
# Next: [review your next interview](02-review-an-interview.ipynb) while it is fresh, and note what you change in [feedback and changes](03-feedback-and-changes.ipynb).
#
# [Back to the start page](00-start.ipynb)
