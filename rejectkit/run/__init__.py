"""Running the kit: JupyterLab, the Voila app, and the server they share."""
