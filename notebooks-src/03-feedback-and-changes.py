# %% [markdown]
# # Record feedback and changes
#
# A short, polite request for feedback after a rejection is often answered. Write down what you were told, then decide what you will do differently.

# %%
import rejectkit as rk

ws = rk.open_workspace()
rk.banner(ws)

# %% [markdown]
# ## The feedback you were given

# %%
rk.FeedbackForm(ws)

# %% [markdown]
# ## A change to your strategy
#
# One change at a time, against one touchpoint, with the day you start: then the next reviews show whether it helped.

# %%
rk.StrategyForm(ws)

# %% [markdown]
# [Back to the start page](00-start.ipynb)
