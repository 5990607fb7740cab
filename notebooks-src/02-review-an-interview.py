# %% [markdown]
# # Review an interview
#
# Do this on the day, while you still remember. Rate yourself on each touchpoint from 1 to 5 (the hints say what a 1 and a 5 look like), or n/a when it did not come up, and note what to keep doing and what to do differently.

# %%
import rejectkit as rk

ws = rk.open_workspace()
rk.banner(ws)

# %% [markdown]
# To change a review you saved before, choose it in the first box: its values load back into the form.

# %%
rk.ReviewForm(ws)

# %% [markdown]
# Turned down? Ask why, then [record the feedback](03-feedback-and-changes.ipynb).
#
# [Back to the start page](00-start.ipynb)
