"""initial registry

Revision ID: 0001
Revises:
Create Date: 2026-11-29 05:45:33.159540
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_event',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=True),
    sa.Column('username', sa.String(length=40), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=True),
    sa.Column('beneficiary_id', sa.String(length=36), nullable=True),
    sa.Column('summary', sa.String(length=300), nullable=False),
    sa.Column('diff', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_event'))
    )
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.create_index('ix_audit_event_beneficiary_at', ['beneficiary_id', 'at'], unique=False)
        batch_op.create_index('ix_audit_event_user_action_at', ['user_id', 'action', 'at'], unique=False)

    op.create_table('code_counter',
    sa.Column('site', sa.String(length=8), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('last_value', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('site', 'year', 'kind', name=op.f('pk_code_counter'))
    )
    op.create_table('setting',
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting'))
    )
    op.create_table('user_account',
    sa.Column('username', sa.String(length=40), nullable=False),
    sa.Column('full_name', sa.String(length=120), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('language', sa.String(length=5), nullable=False),
    sa.Column('last_login_at', sa.DateTime(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user_account')),
    sa.UniqueConstraint('username', name=op.f('uq_user_account_username'))
    )
    op.create_table('beneficiary',
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('site', sa.String(length=8), nullable=False),
    sa.Column('first_name', sa.String(length=80), nullable=False),
    sa.Column('last_name', sa.String(length=80), nullable=False),
    sa.Column('arabic_name', sa.String(length=80), nullable=False),
    sa.Column('sort_name', sa.String(length=170), nullable=False),
    sa.Column('sex', sa.String(length=10), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('birth_year', sa.Integer(), nullable=True),
    sa.Column('nationality', sa.String(length=2), nullable=False),
    sa.Column('migration_status', sa.String(length=20), nullable=False),
    sa.Column('arrival_year', sa.Integer(), nullable=True),
    sa.Column('id_document_type', sa.String(length=20), nullable=False),
    sa.Column('id_document_number', sa.String(length=30), nullable=False),
    sa.Column('id_document_expiry', sa.Date(), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('neighbourhood', sa.String(length=200), nullable=False),
    sa.Column('city', sa.String(length=200), nullable=False),
    sa.Column('education_level', sa.String(length=20), nullable=True),
    sa.Column('occupation', sa.String(length=20), nullable=True),
    sa.Column('has_disability', sa.Boolean(), nullable=False),
    sa.Column('disability_note', sa.Text(), nullable=False),
    sa.Column('household_size', sa.Integer(), nullable=True),
    sa.Column('dependents', sa.Integer(), nullable=True),
    sa.Column('registered_on', sa.Date(), nullable=False),
    sa.Column('heard_from', sa.String(length=20), nullable=True),
    sa.Column('referring_organisation', sa.String(length=200), nullable=False),
    sa.Column('counsellor_id', sa.String(length=36), nullable=True),
    sa.Column('consent_given_on', sa.Date(), nullable=True),
    sa.Column('consent_purposes', sa.String(length=100), nullable=False),
    sa.Column('consent_withdrawn_on', sa.Date(), nullable=True),
    sa.Column('merged_into_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['counsellor_id'], ['user_account.id'], name=op.f('fk_beneficiary_counsellor_id_user_account')),
    sa.ForeignKeyConstraint(['merged_into_id'], ['beneficiary.id'], name=op.f('fk_beneficiary_merged_into_id_beneficiary')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_beneficiary')),
    sa.UniqueConstraint('code', name=op.f('uq_beneficiary_code'))
    )
    with op.batch_alter_table('beneficiary', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_beneficiary_birth_date'), ['birth_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_beneficiary_counsellor_id'), ['counsellor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_beneficiary_id_document_number'), ['id_document_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_beneficiary_migration_status'), ['migration_status'], unique=False)
        batch_op.create_index(batch_op.f('ix_beneficiary_nationality'), ['nationality'], unique=False)
        batch_op.create_index('ix_beneficiary_live', ['registered_on', 'sex', 'counsellor_id', 'deleted_at'], unique=False)
        batch_op.create_index('ix_beneficiary_registered', ['registered_on'], unique=False)
        batch_op.create_index('ix_beneficiary_sort', ['sort_name'], unique=False)

    op.create_table('beneficiary_diploma',
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('beneficiary_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['beneficiary_id'], ['beneficiary.id'], name=op.f('fk_beneficiary_diploma_beneficiary_id_beneficiary'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_beneficiary_diploma'))
    )
    with op.batch_alter_table('beneficiary_diploma', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_beneficiary_diploma_beneficiary_id'), ['beneficiary_id'], unique=False)

    op.create_table('beneficiary_language',
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('level', sa.String(length=10), nullable=False),
    sa.Column('beneficiary_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['beneficiary_id'], ['beneficiary.id'], name=op.f('fk_beneficiary_language_beneficiary_id_beneficiary'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_beneficiary_language'))
    )
    with op.batch_alter_table('beneficiary_language', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_beneficiary_language_beneficiary_id'), ['beneficiary_id'], unique=False)

    op.create_table('beneficiary_phone',
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('whatsapp', sa.Boolean(), nullable=False),
    sa.Column('beneficiary_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['beneficiary_id'], ['beneficiary.id'], name=op.f('fk_beneficiary_phone_beneficiary_id_beneficiary'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_beneficiary_phone'))
    )
    with op.batch_alter_table('beneficiary_phone', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_beneficiary_phone_beneficiary_id'), ['beneficiary_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_beneficiary_phone_number'), ['number'], unique=False)

    op.create_table('beneficiary_skill',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('sector', sa.String(length=20), nullable=False),
    sa.Column('level', sa.String(length=20), nullable=False),
    sa.Column('years', sa.Integer(), nullable=True),
    sa.Column('certified', sa.Boolean(), nullable=False),
    sa.Column('beneficiary_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['beneficiary_id'], ['beneficiary.id'], name=op.f('fk_beneficiary_skill_beneficiary_id_beneficiary'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_beneficiary_skill'))
    )
    with op.batch_alter_table('beneficiary_skill', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_beneficiary_skill_beneficiary_id'), ['beneficiary_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_beneficiary_skill_sector'), ['sector'], unique=False)

    op.create_table('match_key',
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('beneficiary_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['beneficiary_id'], ['beneficiary.id'], name=op.f('fk_match_key_beneficiary_id_beneficiary'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('key', 'beneficiary_id', name=op.f('pk_match_key')),
    sqlite_with_rowid=False,
    )
    with op.batch_alter_table('match_key', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_match_key_beneficiary_id'), ['beneficiary_id'], unique=False)

    op.create_table('not_duplicate',
    sa.Column('first_id', sa.String(length=36), nullable=False),
    sa.Column('second_id', sa.String(length=36), nullable=False),
    sa.Column('decided_by', sa.String(length=36), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['first_id'], ['beneficiary.id'], name=op.f('fk_not_duplicate_first_id_beneficiary'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['second_id'], ['beneficiary.id'], name=op.f('fk_not_duplicate_second_id_beneficiary'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('first_id', 'second_id', name=op.f('pk_not_duplicate'))
    )
    op.create_table('search_key',
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('beneficiary_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['beneficiary_id'], ['beneficiary.id'], name=op.f('fk_search_key_beneficiary_id_beneficiary'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('key', 'beneficiary_id', name=op.f('pk_search_key')),
    sqlite_with_rowid=False,
    )
    with op.batch_alter_table('search_key', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_search_key_beneficiary_id'), ['beneficiary_id'], unique=False)

    op.create_table('work_experience',
    sa.Column('job', sa.String(length=200), nullable=False),
    sa.Column('employer', sa.String(length=200), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('start_year', sa.Integer(), nullable=True),
    sa.Column('end_year', sa.Integer(), nullable=True),
    sa.Column('beneficiary_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['beneficiary_id'], ['beneficiary.id'], name=op.f('fk_work_experience_beneficiary_id_beneficiary'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_work_experience'))
    )
    with op.batch_alter_table('work_experience', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_work_experience_beneficiary_id'), ['beneficiary_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('work_experience', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_work_experience_beneficiary_id'))

    op.drop_table('work_experience')
    with op.batch_alter_table('search_key', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_search_key_beneficiary_id'))

    op.drop_table('search_key')
    op.drop_table('not_duplicate')
    with op.batch_alter_table('match_key', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_match_key_beneficiary_id'))

    op.drop_table('match_key')
    with op.batch_alter_table('beneficiary_skill', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_beneficiary_skill_sector'))
        batch_op.drop_index(batch_op.f('ix_beneficiary_skill_beneficiary_id'))

    op.drop_table('beneficiary_skill')
    with op.batch_alter_table('beneficiary_phone', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_beneficiary_phone_number'))
        batch_op.drop_index(batch_op.f('ix_beneficiary_phone_beneficiary_id'))

    op.drop_table('beneficiary_phone')
    with op.batch_alter_table('beneficiary_language', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_beneficiary_language_beneficiary_id'))

    op.drop_table('beneficiary_language')
    with op.batch_alter_table('beneficiary_diploma', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_beneficiary_diploma_beneficiary_id'))

    op.drop_table('beneficiary_diploma')
    with op.batch_alter_table('beneficiary', schema=None) as batch_op:
        batch_op.drop_index('ix_beneficiary_sort')
        batch_op.drop_index('ix_beneficiary_registered')
        batch_op.drop_index('ix_beneficiary_live')
        batch_op.drop_index(batch_op.f('ix_beneficiary_nationality'))
        batch_op.drop_index(batch_op.f('ix_beneficiary_migration_status'))
        batch_op.drop_index(batch_op.f('ix_beneficiary_id_document_number'))
        batch_op.drop_index(batch_op.f('ix_beneficiary_counsellor_id'))
        batch_op.drop_index(batch_op.f('ix_beneficiary_birth_date'))

    op.drop_table('beneficiary')
    op.drop_table('user_account')
    op.drop_table('setting')
    op.drop_table('code_counter')
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_event_user_action_at')
        batch_op.drop_index('ix_audit_event_beneficiary_at')

    op.drop_table('audit_event')
