# %% [markdown]
# # Keep warm and follow up
#
# Step 4 of the method: keep warm with the organisations, so that your name comes up when the
# next role opens. The list shows what is due today:
#
# - **Feedback to nudge**: you asked for feedback more than 10 days ago and heard nothing.
#   **Draft nudge** writes a short, polite follow-up.
# - **People to check in with**: their next check-in has come. **Draft check-in** writes one;
#   **Checked in today** records that you were in touch, and moves the next check-in on by
#   their cadence (`cadence_days` in `contacts.csv`, 90 days when empty). Marking a message to
#   them as sent does the same.
# - **Silent applications**: open, with no news for more than 30 days. **Mark as ghosted** closes
#   them (outcome `ghosted`), so you can put your energy into the next one.
#
# Different waits? Use `rk.DueView(ws, today=rk.today(), feedback_days=14, ghost_days=45)`.

# %%
import rejectkit as rk

ws = rk.open_workspace()
rk.banner(ws)

# %%
rk.DueView(ws, today=rk.today())

# %% [markdown]
# ## In your calendar
#
# **Export reminders (.ics)** writes `reminders.ics` in your workspace: one all-day event per
# reminder, the overdue ones on today. Import it into Google Calendar (Settings, Import &
# export), Outlook (File, Open & Export, Import/Export) or Apple Calendar (File, Import). Each
# event keeps its identity, so importing a newer file moves the events instead of doubling them.
#
# The same from a terminal:
#
#     rejectkit due
#     rejectkit remind --ics reminders.ics
