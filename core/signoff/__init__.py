"""Supervisor sign-off (wako:5-オ 所属長の了承): signed approvals bound to the exact content.

- :mod:`keys`: personal Ed25519 keys (private half in the OS keyring).
- :mod:`message`: the canonical bytes a decision signs.
- :mod:`authority`: who may decide on which draft (department, deputy, emergency).
- :mod:`approval`: the check publishing runs before anything is sent.
"""
