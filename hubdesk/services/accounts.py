"""Accounts, first version: the first administrator, log-in with argon2id hashes, user lists."""

from __future__ import annotations

import re
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from hubdesk.db.base import utcnow
from hubdesk.db.database import Database
from hubdesk.db.models import User
from hubdesk.domain.enums import AuditAction, Role
from hubdesk.domain.errors import AuthenticationFailed, PermissionDenied, ValidationError
from hubdesk.services.audit import record_event
from hubdesk.services.readmodels import Actor, UserInfo

MIN_PASSWORD = 10
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _info(user: User) -> UserInfo:
    return UserInfo(user.id, user.username, user.full_name, Role(user.role), user.language, user.active)


def _check_new_account(username: str, full_name: str, password: str) -> dict[str, str]:
    errors = {}
    if not _USERNAME.match(username):
        errors["username"] = "2 to 40 characters: lower-case letters, digits, dot, dash or underscore"
    if not full_name.strip():
        errors["full_name"] = "Required"
    elif len(full_name.strip()) > 120:
        errors["full_name"] = "Too long: at most 120 characters"
    if len(password) < MIN_PASSWORD:
        errors["password"] = f"At least {MIN_PASSWORD} characters"
    return errors


class AccountService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def needs_first_administrator(self) -> bool:
        with self._db.unit_of_work() as uow:
            return not uow.session.scalar(select(func.count()).select_from(User))

    def create_first_administrator(self, username: str, full_name: str, password: str) -> UserInfo:
        if not self.needs_first_administrator():
            raise PermissionDenied("An administrator account already exists.")
        return self.create_user(Actor.system(), username, full_name, password, Role.ADMINISTRATOR)

    def create_user(
        self, actor: Actor, username: str, full_name: str, password: str, role: Role, language: str = "fr"
    ) -> UserInfo:
        if actor.role is not Role.ADMINISTRATOR:
            raise PermissionDenied("Only an administrator can create accounts.")
        username = username.strip().lower()
        errors = _check_new_account(username, full_name, password)
        with self._db.unit_of_work() as uow:
            if not errors and uow.session.scalar(select(User.id).where(User.username == username)):
                errors["username"] = "This user name is taken"
            if errors:
                raise ValidationError(errors)
            user = User(
                username=username,
                full_name=full_name.strip(),
                role=role.value,
                password_hash=hash_password(password),
                language=language,
                created_by=actor.user_id,
                updated_by=actor.user_id,
            )
            uow.session.add(user)
            uow.session.flush()
            record_event(
                uow.session,
                actor,
                AuditAction.CREATE,
                "user_account",
                user.id,
                summary=f"account {username} ({role.value})",
                diff={"username": username, "role": role.value},
            )
            uow.commit()
            return _info(user)

    def authenticate(self, username: str, password: str) -> UserInfo:
        """The user, when the password is right and the account active; AuthenticationFailed otherwise."""
        username = username.strip().lower()
        with self._db.unit_of_work() as uow:
            user = uow.session.scalar(select(User).where(User.username == username))
            ok = False
            if user is not None and user.active:
                try:
                    ok = _hasher.verify(user.password_hash, password)
                except (VerificationError, InvalidHashError):
                    ok = False
            if not ok or user is None:
                actor = Actor(user.id if user else None, username[:40], Role.READ_ONLY)
                record_event(uow.session, actor, AuditAction.LOGIN_FAILED, "user_account", user.id if user else None)
                uow.commit()
                raise AuthenticationFailed("Wrong user name or password.")
            if _hasher.check_needs_rehash(user.password_hash):
                user.password_hash = hash_password(password)
            user.last_login_at = utcnow()
            info = _info(user)
            record_event(
                uow.session,
                Actor(user.id, user.username, info.role),
                AuditAction.LOGIN,
                "user_account",
                user.id,
            )
            uow.commit()
            return info

    def users(self, *, active_only: bool = True) -> list[UserInfo]:
        with self._db.unit_of_work() as uow:
            query = select(User).order_by(User.full_name)
            if active_only:
                query = query.where(User.active.is_(True))
            return [_info(u) for u in uow.session.scalars(query)]

    def counsellors(self) -> list[UserInfo]:
        """People a beneficiary can be assigned to."""
        roles = {Role.COUNSELLOR, Role.COORDINATOR, Role.ADMINISTRATOR}
        return [u for u in self.users() if u.role in roles]

    def last_login(self, user_id: str) -> datetime | None:
        with self._db.unit_of_work() as uow:
            return uow.session.scalar(select(User.last_login_at).where(User.id == user_id))
