"""Charts: each takes data and an optional matplotlib ``ax`` and returns the axes."""
