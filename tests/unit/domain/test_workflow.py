"""The steps a case and a referral may take (issue #4's workflow rules)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from hubdesk.domain.enums import CaseStatus, CloseReason, PartnerType, ReferralFailure, ReferralStatus
from hubdesk.domain.partner_seed import TANGIER_PARTNERS
from hubdesk.domain.workflow import (
    AWAITING_FEEDBACK,
    REFERRAL_STEPS,
    case_step_problems,
    referral_step_problems,
    session_problems,
)

S = ReferralStatus


@pytest.mark.parametrize(
    ("current", "new"),
    [(S.DRAFT, S.SENT), (S.SENT, S.ACCEPTED), (S.SENT, S.REJECTED), (S.DRAFT, S.CANCELLED), (S.ACCEPTED, S.CANCELLED)],
)
def test_a_referral_may_take_the_next_step(current: ReferralStatus, new: ReferralStatus) -> None:
    assert referral_step_problems(current, new) == {}


@pytest.mark.parametrize(
    ("current", "new"),
    [(S.DRAFT, S.ACCEPTED), (S.DRAFT, S.COMPLETED), (S.SENT, S.DRAFT), (S.COMPLETED, S.SENT), (S.REJECTED, S.ACCEPTED)],
)
def test_a_referral_may_not_skip_or_go_back(current: ReferralStatus, new: ReferralStatus) -> None:
    problems = referral_step_problems(current, new)

    assert set(problems) == {"status"}
    assert current.value in problems["status"] and new.value in problems["status"]


def test_finished_referrals_say_so() -> None:
    for finished in (S.COMPLETED, S.REJECTED, S.CANCELLED):
        assert REFERRAL_STEPS[finished] == frozenset()
        assert "finished" in referral_step_problems(finished, S.SENT)["status"]


def test_completing_says_whether_it_succeeded_and_why_not() -> None:
    assert referral_step_problems(S.ACCEPTED, S.COMPLETED) == {"successful": "Say whether the referral succeeded."}
    assert set(referral_step_problems(S.ACCEPTED, S.COMPLETED, successful=False)) == {"failure"}
    assert referral_step_problems(S.ACCEPTED, S.COMPLETED, successful=True) == {}
    failed = referral_step_problems(S.ACCEPTED, S.COMPLETED, successful=False, failure=ReferralFailure.NO_CAPACITY)
    assert failed == {}
    contradictory = referral_step_problems(
        S.ACCEPTED, S.COMPLETED, successful=True, failure=ReferralFailure.PERSON_REFUSED
    )
    assert set(contradictory) == {"failure"}


def test_sent_and_accepted_referrals_await_the_partners_answer() -> None:
    assert frozenset({S.SENT, S.ACCEPTED}) == AWAITING_FEEDBACK


def test_a_case_closes_with_a_reason_and_is_reopened_not_made_active() -> None:
    assert case_step_problems(CaseStatus.ACTIVE, CaseStatus.CLOSED, CloseReason.EMPLOYED) == {}
    assert set(case_step_problems(CaseStatus.ACTIVE, CaseStatus.CLOSED)) == {"reason"}
    assert case_step_problems(CaseStatus.CLOSED, CaseStatus.REOPENED) == {}
    assert set(case_step_problems(CaseStatus.CLOSED, CaseStatus.ACTIVE)) == {"status"}
    assert set(case_step_problems(CaseStatus.ON_HOLD, CaseStatus.ACTIVE, CloseReason.OTHER)) == {"reason"}


def test_a_follow_up_before_the_session_is_refused() -> None:
    held = datetime(2026, 11, 29, 10, 30)

    assert set(session_problems(held, date(2026, 11, 28), 45)) == {"next_follow_up"}
    assert session_problems(held, date(2026, 11, 29), 45) == {}
    assert set(session_problems(held, None, 0)) == {"duration"}


def test_a_new_installation_knows_the_tangier_partners() -> None:
    names = " / ".join(p.name for p in TANGIER_PARTNERS)
    for expected in ("ANAPEC", "OFPPT", "Centre régional d'investissement", "Entraide Nationale", "INDH", "Forsa"):
        assert expected in names
    for expected in ("Al Amana", "AMAPPE", "Orient-Occident", "Caritas"):
        assert expected in names
    anapec = TANGIER_PARTNERS[0]
    assert anapec.partner_type is PartnerType.PUBLIC_EMPLOYMENT
    assert set(anapec.services) == {"Idmaj", "Taehil", "Tahfiz", "Auto-emploi"}
    assert all(p.arabic_name and p.services for p in TANGIER_PARTNERS)
    assert len({p.name for p in TANGIER_PARTNERS}) == len(TANGIER_PARTNERS)


def test_what_the_feedback_slip_stands_for() -> None:
    from hubdesk.domain.enums import ReferralOutcome as O
    from hubdesk.domain.errors import ValidationError
    from hubdesk.domain.workflow import feedback_steps

    assert feedback_steps(S.SENT, O.SERVICE_GIVEN) == [(S.ACCEPTED, None, None), (S.COMPLETED, True, None)]
    assert feedback_steps(S.ACCEPTED, O.SERVICE_GIVEN) == [(S.COMPLETED, True, None)]
    assert feedback_steps(S.SENT, O.REFUSED) == [(S.REJECTED, None, None)]
    assert feedback_steps(S.SENT, O.UNREACHABLE) == [(S.REJECTED, None, ReferralFailure.PERSON_UNREACHABLE)]
    assert feedback_steps(S.ACCEPTED, O.UNREACHABLE, ReferralFailure.PARTNER_UNREACHABLE) == [
        (S.COMPLETED, False, ReferralFailure.PARTNER_UNREACHABLE)
    ]
    with pytest.raises(ValidationError) as unknown:
        feedback_steps(S.ACCEPTED, O.REFUSED)
    assert "failure" in unknown.value.errors
    # every step the slip implies is one the workflow allows
    for current in (S.SENT, S.ACCEPTED):
        for outcome in O:
            if (current, outcome) == (S.ACCEPTED, O.ACCEPTED):
                continue  # said twice: the workflow refuses it with its own message
            status = current
            for new, successful, failure in feedback_steps(current, outcome, ReferralFailure.OTHER):
                assert referral_step_problems(status, new, successful=successful, failure=failure) == {}
                status = new
