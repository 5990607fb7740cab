# %% [markdown]
# # Your questions and stories
#
# Interviewers ask the same questions again and again, in slightly different words. Here are the questions you logged in your reviews, the ones that keep coming back, where your answers had gaps, and your story bank: the examples you tell, in the STAR shape (situation, task, action, result), with the rounds you told them in and how those rounds ended. Add the questions of an interview in [the review form](02-review-an-interview.ipynb); add and edit stories below.

# %%
import rejectkit as rk

ws = rk.open_workspace()
rk.banner(ws)

# %% [markdown]
# ## Add or edit a story

# %%
rk.StoryForm(ws)

# %% [markdown]
# ## Your stories, and the rounds you told them in
#
# Run this cell again after adding a story or a question to see it counted.

# %%
data = ws.load()
rk.story_usage(data)

# %% [markdown]
# ## Questions that keep coming back
#
# Questions asked in similar words are counted as one: "Tell me a little about yourself" is "Tell me about yourself".

# %%
rk.recurring_questions(data)

# %% [markdown]
# ## Where your answers had gaps

# %%
rk.gap_kinds(data)

# %% [markdown]
# ## Stories in rounds you passed and rounds you did not
#
# With fewer than three rounds on either side a story's counts are anecdotes: no share is given.

# %%
rk.stories_passed_vs_rejected(data)

# %% [markdown]
# ## Questions with no story yet
#
# The kinds of question you were asked for which no story in your bank is listed: the stories to write next.

# %%
rk.untold_touchpoints(data)

# %% [markdown]
# ## Likely in your next interview
#
# The questions most likely to come up, and the story to rehearse for each; the [prep sheet](04-patterns.ipynb) lists them too.

# %%
rk.likely_questions(data, today=rk.today())

# %% [markdown]
# [Back to the start page](00-start.ipynb)
