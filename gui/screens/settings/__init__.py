"""The 設定 screen and its larger tabs."""
