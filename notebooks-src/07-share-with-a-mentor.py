# %% [markdown]
# # Share your patterns with a mentor
#
# A mentor or career coach can help you read your patterns, and should never need to know who you are or where you applied. This notebook writes a **bundle** for them: your log with every organisation, person, email address, phone number, link and place replaced by an alias such as `Company 03` or `Contact 07`, every date moved by a secret number of weeks (intervals and weekdays stay true), and the patterns notebook run again on that copy, as a notebook and as a web page that opens in any browser. Before anything is written, a leak scan reads every byte of the bundle for every name of your log, and refuses to write it if it finds one.
#
# Which alias stands for what stays here, in your workspace, so that you can read your mentor's comments back against your real records.

# %%
import rejectkit as rk

ws = rk.open_workspace()
rk.banner(ws)

# %% [markdown]
# ## Small data can still give you away
#
# Aliases hide names, not facts. Someone who knows your field may recognise an organisation from the round names, the number of interviews, a distinctive detail in your notes or the weeks between two dates. Before you export:
#
# - add to **Also hide** anything else that points at you or them: your own name, a referrer's, a product, a project or a team name;
# - choose the coarser options if your mentor works in the same field or the same town: **leave locations out**, **show months instead of dates**, and **leave notes and feedback text out** (your scores, counts and charts stay the same);
# - click **Preview** to see every value that will be replaced (the table is only for you) and the columns left out;
# - the preview also lists every word of your notes that may be a name nobody listed (a nickname, an organisation only a note names, your own name in a subject line): choose **Hide** or **Keep** for each. The export refuses while one has no choice; your choices are remembered for the next export;
# - then **Export**, and open the web page in the bundle to read it as your mentor will: a header for them, then your charts, without code.

# %%
rk.ShareForm(ws, today=rk.today())

# %% [markdown]
# ## Your mentor's comments
#
# The bundle holds a `mentor_notes.csv` with a row for each organisation, contact and role alias. Exporting again keeps it once your mentor has filled it, and every file they added to the folder. When your mentor sends it back filled, upload it here (or give its path) to see each comment next to the real organisation, person or interview it is about. On the command line: `rejectkit mentor-notes mentor_notes.csv`.

# %%
rk.MentorNotesForm(ws)

# %% [markdown]
# Next: [your patterns](04-patterns.ipynb), the notebook the bundle shares.
#
# [Back to the start page](00-start.ipynb)
