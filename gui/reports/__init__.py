"""Printable records produced with Qt's PDF writer."""
