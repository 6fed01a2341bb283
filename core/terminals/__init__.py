"""Approved terminals: the terminal key pair, approval scope and the posting gate.

Binding posting to a terminal ties the act of posting — and the evidence of
it in the audit chain — to a workstation an administrator approved: the
request is signed with a key whose private half lives only in that
workstation's OS keyring. It does not stop malware running as the same OS
user from copying a platform token out of the keyring; no application can.
"""
