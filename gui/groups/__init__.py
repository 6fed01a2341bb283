"""一括作成 in the GUI: compose one message for several accounts; the group in the approval queue."""
