"""Saving what a user records: the multi-record saves, the import, reminders and the sent log.

Each function here is one save (one transaction of the store), called alike by a form, the
app and a command.
"""
