"""Tabs of the 設定 screen that are big enough for a module of their own."""
