"""document register

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 09:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document_register",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("number", sa.String(length=30), nullable=False),
        sa.Column("verification_code", sa.String(length=11), nullable=False),
        sa.Column("language", sa.String(length=5), nullable=False),
        sa.Column("subject_key", sa.String(length=200), nullable=False),
        sa.Column("beneficiary_id", sa.String(length=36), nullable=True),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("issued_by", sa.String(length=36), nullable=True),
        sa.Column("issued_by_name", sa.String(length=120), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=True),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("file_documents", sa.Integer(), nullable=False),
        sa.Column("cancelled_at", sa.DateTime(), nullable=True),
        sa.Column("cancelled_by", sa.String(length=36), nullable=True),
        sa.Column("cancel_reason", sa.String(length=300), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["beneficiary_id"],
            ["beneficiary.id"],
            name=op.f("fk_document_register_beneficiary_id_beneficiary"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_register")),
        sa.UniqueConstraint("number", name=op.f("uq_document_register_number")),
        sa.UniqueConstraint("verification_code", name=op.f("uq_document_register_verification_code")),
    )
    with op.batch_alter_table("document_register", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_document_register_beneficiary_id"), ["beneficiary_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_document_register_sha256"), ["sha256"], unique=False)
        batch_op.create_index("ix_document_register_subject", ["kind", "subject_key", "language"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("document_register", schema=None) as batch_op:
        batch_op.drop_index("ix_document_register_subject")
        batch_op.drop_index(batch_op.f("ix_document_register_sha256"))
        batch_op.drop_index(batch_op.f("ix_document_register_beneficiary_id"))

    op.drop_table("document_register")
