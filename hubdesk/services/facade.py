"""The one object the interface and the command line are given: every use case, for one user."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from hubdesk.db.database import Database, open_database
from hubdesk.domain.enums import Role
from hubdesk.domain.errors import PermissionDenied
from hubdesk.services.accounts import AccountService
from hubdesk.services.auto_entrepreneurs import AutoEntrepreneurService
from hubdesk.services.beneficiaries import WRITERS, BeneficiaryService
from hubdesk.services.beneficiary_search import BeneficiarySearch
from hubdesk.services.documents import DocumentService
from hubdesk.services.duplicates import DuplicateService
from hubdesk.services.export import ExportService
from hubdesk.services.follow_up_queries import FollowUpQueries
from hubdesk.services.guidance import GuidanceService
from hubdesk.services.jobs import JobService
from hubdesk.services.organisation import OrganisationService
from hubdesk.services.partners import PartnerService
from hubdesk.services.person_documents import PersonDocuments
from hubdesk.services.person_follow_up import PersonFollowUpService
from hubdesk.services.pipeline_queries import PipelineQueries
from hubdesk.services.readmodels import Actor, UserInfo
from hubdesk.services.referrals import ReferralService
from hubdesk.services.settings import SettingsService
from hubdesk.services.support_actions import SupportActionService
from hubdesk.services.training_documents import TrainingDocuments
from hubdesk.services.trainings import TrainingService
from hubdesk.services.ventures import VentureService


class Services:
    """Use cases over one open database. ``login`` decides who the actor of every later call is."""

    def __init__(self, database: Database, today: Callable[[], date] = date.today) -> None:
        self.database = database
        #: the services' clock: the interface counts delays from the same day
        self.today = today
        self.user: UserInfo | None = None
        self.accounts = AccountService(database)
        self.settings = SettingsService(database)
        self.beneficiaries = BeneficiaryService(database, self.actor, today)
        self.search = BeneficiarySearch(database)
        self.duplicates = DuplicateService(database, self.actor, today)
        self.exports = ExportService(database, self.actor)
        self.organisation = OrganisationService(database, self.actor)
        self.documents = DocumentService(database, self.actor, today, organisation=self.organisation.profile)
        self.person_documents = PersonDocuments(
            database,
            self.actor,
            self.beneficiaries,
            self.documents,
            self.organisation.profile,
            self._user_full_name,
            today,
        )
        self.guidance = GuidanceService(database, self.actor, today)
        self.partners = PartnerService(database, self.actor)
        self.referrals = ReferralService(database, self.actor, today)
        self.jobs = JobService(database, self.actor, today)
        self.follow_up = FollowUpQueries(database, self.actor, today)
        self.person_follow_up = PersonFollowUpService(
            database, self.actor, self.beneficiaries, self.documents, self.organisation.profile, today
        )
        self.ventures = VentureService(database, self.actor, today)
        self.pipeline = PipelineQueries(database, self.actor)
        self.support_actions = SupportActionService(database, self.actor, today)
        self.auto_entrepreneurs = AutoEntrepreneurService(database, self.actor, today)
        self.trainings = TrainingService(database, self.actor, today)
        self.training_documents = TrainingDocuments(
            database, self.actor, self.documents, self.organisation.profile, today
        )

    @classmethod
    def open(
        cls, data_dir: Path, today: Callable[[], date] = date.today, *, lock: bool = True, upgrade: bool = True
    ) -> Services:
        """Services over the database of ``data_dir``, opened, locked and upgraded.

        Raises DatabaseUnavailable with the reason and the way out. ``lock=False, upgrade=False``
        works beside a running hubdesk (see ``open_database``).
        """
        return cls(open_database(data_dir, lock=lock, upgrade=upgrade), today)

    def login(self, username: str, password: str) -> UserInfo:
        self.user = self.accounts.authenticate(username, password)
        return self.user

    @property
    def can_change_people(self) -> bool:
        """Whether the logged-in user may register and edit people (the services enforce it too)."""
        return self.user is not None and self.user.role in WRITERS

    @property
    def can_export(self) -> bool:
        return self.user is not None and self.user.role is not Role.READ_ONLY

    def _user_full_name(self) -> str:
        return self.user.full_name if self.user is not None else ""

    def logout(self) -> None:
        self.user = None

    def actor(self) -> Actor:
        if self.user is None:
            raise PermissionDenied("Log in first.")
        return Actor(self.user.id, self.user.username, self.user.role)

    def close(self) -> None:
        self.database.close()
