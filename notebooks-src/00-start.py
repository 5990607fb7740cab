# %% [markdown]
# # Start here: a rejection is feedback, not failure
#
# You were turned down after an interview. That stings, and it also tells you something. This kit helps you find out what: you log every application, review each interview moment by moment, write down the feedback you ask for and the changes you make, and after a few interviews the patterns show you what to practise next.
#
# **The first step is the smallest one: log the rejection.** Writing down how far you got and when you heard turns a bad afternoon into a data point you can learn from.

# %% [markdown]
# The box below shows where your log lives. (In JupyterLab, run the notebook first: **Run > Run All Cells**.)

# %%
import rejectkit as rk

ws = rk.open_workspace()
rk.banner(ws)

# %% [markdown]
# ## Where your data lives
#
# Your log is a folder of plain CSV files, named in the box above. Nothing leaves your computer. You may open the files in Excel or LibreOffice: the forms notice when a file changed while they were open and never overwrite your edit. To check the files at any time, run `rejectkit check` in a terminal.
#
# The first time, you see **demo data**: thirty invented applications, so that every notebook has something to show. When you are ready, click **Start my own log** in the box above. The demo is moved aside, not deleted.

# %% [markdown]
# ## Your next steps
#
# Log your applications first, and record each outcome in three clicks: pick the application, click “rejected”, Save. Review each interview on the day, rating yourself from 1 to 5 on the ten touchpoints, from your first contact with the organisation to how you thanked the panel. Write down the feedback you are given and what you change because of it. Every page of the kit:

# %%
rk.pages()
