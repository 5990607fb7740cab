# %% [markdown]
# # Bring your history in
#
# Months of applications already in a spreadsheet or another tracker? Import them here without editing the file first.
#
# 1. Type the path of a `.csv` or `.xlsx` file (or upload it) and press **Read file**.
# 2. Check what each column of your file becomes in the kit; change any guess.
# 3. If your dates are not written `YYYY-MM-DD`, choose how they are written: `03/04/2026` is 3 April in the UK and March 4 in the US, so the kit never guesses.
# 4. **Preview** shows what would be added, what is already in your log (same company, role and date), and every row it cannot read, with its line. Nothing is written.
# 5. Status words the kit does not know appear below the dates: say what each means, then preview again.
# 6. **Import** adds the new rows in one save. Importing the same file again adds nothing.
#
# On the demo data the form opens with a small example spreadsheet, to try it safely.

# %%
import rejectkit as rk

ws = rk.open_workspace()
rk.banner(ws)

# %%
rk.ImportForm(ws)

# %% [markdown]
# ## Every change, and undo
#
# Every save the kit makes (a form, an import, the command line) is kept in the history of your workspace, field by field. **Undo last save** takes the last one back, a whole import included; it asks first, and refuses if the record changed since. From a terminal: `rejectkit history [ID]` and `rejectkit undo`.

# %%
rk.HistoryPanel(ws)

# %% [markdown]
# ## Your search activity
#
# The applications of the last three months, as `rejectkit report --from DATE --to DATE --out FILE` writes them (a CSV file and a printable HTML page) for a job centre.

# %%
from datetime import timedelta

today = rk.today()
rk.activity(ws.load(), today - timedelta(days=91), today)
