# %% [markdown]
# # Reply with grace, then ask for feedback
#
# **A rejection logged is feedback, not failure.** It tells you how far you got, and it opens two
# doors most candidates leave shut:
#
# 1. **Reply to the rejection** with grace and gratitude. Few candidates do, so it stands out.
# 2. **Ask for specific feedback**: *What did you think went well? What are some areas I can
#    improve in?*
#
# The form below opens on your latest rejection, with how far you got next to it. In under a
# minute: pick a tone, add one personal sentence if you like (your interview notes are shown as a
# reminder), read the draft, send it your way, and press **Mark as sent**. The form then moves on
# to the feedback request: send it and mark it as sent too.
#
# - **Copy message** and **Copy subject** put the text on your clipboard to paste into your mail.
# - **Open in mail program** starts a new message with the address, subject and text filled in.
# - **Download .eml** saves the draft in the `outbox` folder of your workspace; any mail program
#   opens it as a message to edit and send.
# - **Mark as sent** records it in `messages.csv`. A feedback request also goes into
#   `feedback.csv`, so the kit can remind you to nudge politely if no answer comes
#   (see *06-keep-warm-and-follow-up*).

# %%
import rejectkit as rk

ws = rk.open_workspace()
rk.banner(ws)

# %%
rk.MessageForm(ws, today=rk.today())

# %% [markdown]
# ## Make the drafts your own
#
# The drafts come from plain text templates, one per kind of message and tone. Put a file with
# the same name in the `templates` folder of your workspace to replace the kit's version, or a
# new name such as `rejection_reply.casual.txt` to add a tone of your own. Where they live, and
# the fields a template may use:

# %%
print(rk.template_help(ws.path))
