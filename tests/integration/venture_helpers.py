"""Shared by the tests of projects and trainings: a collective project of three, a training with days."""

from __future__ import annotations

from datetime import date, timedelta

from hubdesk.domain.enums import MemberRole, TrainingTheme, VentureKind
from hubdesk.services.facade import Services
from hubdesk.services.readmodels import SavedBeneficiary
from hubdesk.services.venture_readmodels import MemberDraft, TrainingDraft, VentureDraft
from tests.integration.test_beneficiary_service import person

TODAY = date.today()


def people(hub: Services, count: int) -> list[SavedBeneficiary]:
    names = [("Aminata", "Diallo"), ("Moussa", "Traoré"), ("Fatou", "Ndiaye"), ("Ibrahim", "Koné"), ("Awa", "Sow")]
    return [hub.beneficiaries.create(person(*names[i % len(names)])) for i in range(count)]


def collective(hub: Services, members: list[SavedBeneficiary], started_on: date | None = None) -> str:
    roles = [MemberRole.FOUNDER, MemberRole.MANAGER] + [MemberRole.MEMBER] * len(members)
    return hub.ventures.create(
        VentureDraft(name="Coopérative Couture Solidaire", kind=VentureKind.COLLECTIVE),
        [MemberDraft(m.id, role) for m, role in zip(members, roles, strict=False)],
        started_on=started_on or TODAY - timedelta(days=60),
    )


def training(hub: Services, days: int = 5, first: date | None = None, title: str = "Créer son entreprise") -> str:
    first = first or TODAY - timedelta(days=days + 2)
    return hub.trainings.create(
        TrainingDraft(
            title=title,
            theme=TrainingTheme.ENTREPRENEURSHIP,
            trainer="Salma Bennani",
            place="HUB Tanger",
            days=[(first + timedelta(days=i), 3.0) for i in range(days)],
        )
    )
