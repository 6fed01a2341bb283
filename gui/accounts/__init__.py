"""Dialogs of the アカウント and 端末 screens: account editor, credential entry, terminal approval."""
