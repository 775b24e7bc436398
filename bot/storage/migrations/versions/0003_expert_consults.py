"""Ask an expert: consults, experts' answers proposed as knowledge, and officers' gender.

consults: a question from a ticket to an expert (by area or by name), open -> answered ->
closed; knowledge_drafts: an expert's answer a trainer completes and exports to
content/knowledge; officers.gender: only so French sentences about an officer agree
("agente ... s'est jointe"). Only additions: replicas of the previous release keep working.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0003'
down_revision: Union[str, Sequence[str], None] = '0002'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('consults',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=False),
    sa.Column('asked_by', sa.Integer(), nullable=False),
    sa.Column('team', sa.String(length=20), nullable=False),
    sa.Column('expert_id', sa.Integer(), nullable=True),
    sa.Column('question', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('answer', sa.Text(), nullable=True),
    sa.Column('answered_by', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('answered_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['answered_by'], ['officers.id'], ),
    sa.ForeignKeyConstraint(['asked_by'], ['officers.id'], ),
    sa.ForeignKeyConstraint(['expert_id'], ['officers.id'], ),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('consults', schema=None) as batch_op:
        batch_op.create_index('ix_consults_status_team', ['status', 'team'], unique=False)

    op.create_table('knowledge_drafts',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('consult_id', sa.Integer(), nullable=True),
    sa.Column('area', sa.String(length=20), nullable=False),
    sa.Column('language', sa.String(length=2), nullable=False),
    sa.Column('question', sa.Text(), nullable=False),
    sa.Column('answer', sa.Text(), nullable=False),
    sa.Column('proposed_by', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('intent', sa.String(length=100), nullable=True),
    sa.Column('texts', sa.JSON(), nullable=True),
    sa.Column('checked', sa.String(length=10), nullable=True),
    sa.Column('completed_by', sa.String(length=80), nullable=True),
    sa.Column('exported_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['consult_id'], ['consults.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['proposed_by'], ['officers.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('officers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('gender', sa.String(length=1), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('officers', schema=None) as batch_op:
        batch_op.drop_column('gender')

    op.drop_table('knowledge_drafts')
    with op.batch_alter_table('consults', schema=None) as batch_op:
        batch_op.drop_index('ix_consults_status_team')

    op.drop_table('consults')
