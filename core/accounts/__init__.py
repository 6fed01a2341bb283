"""Official accounts as the guidelines define them.

The operating policy (joso:3(3) ア–セ) as data with its clauses, the staff
duties (運用管理者 / 運用責任者 / 担当者), the naming rule, and the check that
an account may be used at all (:func:`core.accounts.usable.ensure_account_usable`).
"""
