"""organization: the profile lists the checks read (issue 19)

Revision ID: 0016
Revises: 0014
Create Date: 2026-12-02 14:00:00

* ``partner_contacts``: other bodies' published numbers and addresses the city
  passes on (police, fire, hospitals, a partner's 0120 number);
* ``own_channels``: the city's own accounts on other platforms (YouTube,
  Instagram …), whose links are its own;
* ``place_names`` and ``officials``: place names of the area and officials in
  their public role, which are not private persons' names.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0014"
branch_labels = None
depends_on = None

COLUMNS = ("partner_contacts", "own_channels", "place_names", "officials")


def upgrade() -> None:
    # Plain ADD COLUMNs (no batch rebuild): the organization table has no triggers to lose.
    for name in COLUMNS:
        op.add_column("organization", sa.Column(name, sa.JSON(), nullable=False, server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("organization") as batch_op:
        for name in reversed(COLUMNS):
            batch_op.drop_column(name)
