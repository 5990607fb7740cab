# %% [markdown]
# # Log your applications
#
# Every application goes in your log, the ones that went nowhere too: a pattern needs all of them. Run the first cell, then use the form.

# %%
import rejectkit as rk

ws = rk.open_workspace()
rk.banner(ws)

# %% [markdown]
# **To record what happened** to an application, type part of its company or role in the first box and pick it, click the outcome (the date fills in as today), then Save.
#
# **To add a new application**, leave the first box empty and fill in the details.

# %%
rk.ApplicationForm(ws)

# %% [markdown]
# Had an interview? [Review it while it is fresh](02-review-an-interview.ipynb).
#
# [Back to the start page](00-start.ipynb)
