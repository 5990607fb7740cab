# %% [markdown]
# # Log a rejection from the email itself
#
# The email came in; let it update your log instead of typing it again. Everything happens on this computer: no mail account is connected, nothing is sent anywhere.
#
# 1. Paste the email into the box (with its From, Date and Subject lines if your mail program copies them), or **Upload** the saved `.eml` or Outlook `.msg` file.
# 2. **Check** says what the email is and why ("rejection: 'we have decided not to move forward'"), which application it is about, and every change Save would make. Nothing is written yet.
# 3. When two applications could match, or none, pick the right one: the kit never guesses.
# 4. **Save** writes the outcome and its date (the email's date, not today), the stage the email says you reached, the sender as your contact, and any feedback it gives, as one change: **Undo last save** takes all of it back. Reading the same email again changes nothing.
# 5. After a rejection the reply is drafted below, addressed to the sender; its `.eml` answers their email, so your mail program puts it in the same thread.
#
# On the demo data the box holds a fictional rejection, to try it safely. A whole mail folder (`.mbox`) is read from a terminal: `rejectkit inbox FILE` (add `--apply` to save).

# %%
import rejectkit as rk

ws = rk.open_workspace()
rk.banner(ws)

# %%
rk.InboxForm(ws)
