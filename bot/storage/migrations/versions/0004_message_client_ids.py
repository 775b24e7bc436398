"""messages.client_id: the web chat page's id for a citizen message, unique per conversation.

The page resends a message it has no acknowledgement for (after a restart of the gateway);
the unique index makes a resend of a stored message a duplicate, never a second turn.
NULLs are distinct in a unique index (SQLite and PostgreSQL): other channels store none.
Only additions: replicas of the previous release keep working.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

revision: str = "0004"
down_revision: Union[str, Sequence[str], None] = "0003"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("messages") as batch_op:
        batch_op.add_column(sa.Column("client_id", sa.String(length=64), nullable=True))
        batch_op.create_index("uq_messages_client_id", ["conversation_id", "client_id"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("messages") as batch_op:
        batch_op.drop_index("uq_messages_client_id")
        batch_op.drop_column("client_id")
