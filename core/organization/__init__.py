"""The organization and its people: the profile the checks use, roles, and who is at the keyboard."""
