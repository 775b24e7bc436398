"""officers: drop failed_logins and locked_until.

Unused since the console hardening: an account-wide lockout let anyone lock any officer out,
so failed sign-ins are throttled per client address (sign_in_failures) and nothing reads or
writes these two columns any more. Batch mode: SQLite copies the table without them.

Replicas of the previous release still map these columns (their queries on officers would
fail once they are gone): stop them before starting this release.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

revision: str = "0002"
down_revision: Union[str, Sequence[str], None] = "0001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("officers") as batch_op:
        batch_op.drop_column("locked_until")
        batch_op.drop_column("failed_logins")


def downgrade() -> None:
    # The baseline's columns again; existing officers get no failed sign-ins and no lock.
    with op.batch_alter_table("officers") as batch_op:
        batch_op.add_column(sa.Column("failed_logins", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("officers") as batch_op:
        batch_op.alter_column("failed_logins", existing_type=sa.Integer(), server_default=None)
