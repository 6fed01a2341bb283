"""The composer's rules: media preparation, image privacy and the submission gate.

Pure Python without Qt. The GUI composer (``gui/composer``) and the draft
service share these modules so that what the screen shows ("submit is
enabled") and what the service enforces are computed by the same code.
Heavy libraries (Pillow, OpenCV) are imported inside the functions that need
them, never at import time: the main window must open without them.
"""
