"""Sharing with a mentor: the bundle, aliases, anonymising, scrubbing and the leak scan."""
