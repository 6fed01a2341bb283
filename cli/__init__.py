"""The command line of ``app.py``: option parsing and every non-GUI command. Never imports Qt."""
