"""The steps a case and a referral may take, and what each step needs (issue #4).

Pure rules: the services ask them before changing a record and show their message when a step is
refused, so that a status never skips the workflow.
"""

from __future__ import annotations

from datetime import date, datetime

from hubdesk.domain.enums import CaseStatus, CloseReason, ReferralFailure, ReferralOutcome, ReferralStatus
from hubdesk.domain.errors import ValidationError
from hubdesk.domain.local_time import local_day

#: the statuses a referral may go to from each status
REFERRAL_STEPS: dict[ReferralStatus, frozenset[ReferralStatus]] = {
    ReferralStatus.DRAFT: frozenset({ReferralStatus.SENT, ReferralStatus.CANCELLED}),
    ReferralStatus.SENT: frozenset({ReferralStatus.ACCEPTED, ReferralStatus.REJECTED, ReferralStatus.CANCELLED}),
    ReferralStatus.ACCEPTED: frozenset({ReferralStatus.COMPLETED, ReferralStatus.CANCELLED}),
    ReferralStatus.REJECTED: frozenset(),
    ReferralStatus.COMPLETED: frozenset(),
    ReferralStatus.CANCELLED: frozenset(),
}

#: the statuses a case may go to from each status (a closed case is reopened, never made active again)
CASE_STEPS: dict[CaseStatus, frozenset[CaseStatus]] = {
    CaseStatus.ACTIVE: frozenset({CaseStatus.ON_HOLD, CaseStatus.CLOSED}),
    CaseStatus.ON_HOLD: frozenset({CaseStatus.ACTIVE, CaseStatus.CLOSED}),
    CaseStatus.CLOSED: frozenset({CaseStatus.REOPENED}),
    CaseStatus.REOPENED: frozenset({CaseStatus.ON_HOLD, CaseStatus.CLOSED}),
}

#: a referral waiting for the partner's answer (it shows in the agenda once overdue)
AWAITING_FEEDBACK = frozenset({ReferralStatus.SENT, ReferralStatus.ACCEPTED})


def referral_step_problems(
    current: ReferralStatus,
    new: ReferralStatus,
    *,
    successful: bool | None = None,
    failure: ReferralFailure | None = None,
) -> dict[str, str]:
    """Field -> message when a referral may not go from ``current`` to ``new``; {} when it may.

    Completing says whether it succeeded; an unsuccessful completion names one reason.
    """
    if new not in REFERRAL_STEPS[current]:
        allowed = ", ".join(sorted(step.value for step in REFERRAL_STEPS[current])) or "none: it is finished"
        return {"status": f"The referral is {current.value}: it cannot become {new.value} (next steps: {allowed})."}
    if new is not ReferralStatus.COMPLETED:
        return {}
    if successful is None:
        return {"successful": "Say whether the referral succeeded."}
    if not successful and failure is None:
        return {"failure": "Say why the referral did not succeed."}
    if successful and failure is not None:
        return {"failure": "A successful referral has no reason for failing."}
    return {}


def case_step_problems(current: CaseStatus, new: CaseStatus, reason: CloseReason | None = None) -> dict[str, str]:
    """Field -> message when a case may not go from ``current`` to ``new``; {} when it may.

    Closing needs a reason; nothing else takes one.
    """
    if new not in CASE_STEPS[current]:
        allowed = ", ".join(sorted(step.value for step in CASE_STEPS[current]))
        return {"status": f"A case that is {current.value} cannot become {new.value} (next steps: {allowed})."}
    if new is CaseStatus.CLOSED and reason is None:
        return {"reason": "Say why the case is closed."}
    if new is not CaseStatus.CLOSED and reason is not None:
        return {"reason": "Only closing a case takes a reason."}
    return {}


def session_problems(held_at: datetime, next_follow_up: date | None, duration_minutes: int | None) -> dict[str, str]:
    """Field -> message for a guidance session that cannot be saved as given; {} when it can."""
    problems: dict[str, str] = {}
    held_on = local_day(held_at) if held_at.tzinfo is not None else held_at.date()
    if next_follow_up is not None and next_follow_up < held_on:
        problems["next_follow_up"] = "The next follow-up cannot come before the session."
    if duration_minutes is not None and not 1 <= duration_minutes <= 8 * 60:
        problems["duration"] = "A session lasts between 1 minute and 8 hours."
    return problems


#: one step a feedback slip implies: the new status, whether it succeeded (completion), the reason it failed
FeedbackStep = tuple[ReferralStatus, bool | None, ReferralFailure | None]


def feedback_steps(
    current: ReferralStatus, outcome: ReferralOutcome, failure: ReferralFailure | None = None
) -> list[FeedbackStep]:
    """The workflow steps the partner's tick on the feedback slip stands for, from ``current``.

    Accepted: sent -> accepted. Service given: (-> accepted) -> completed, successful. Refused: a sent
    referral is rejected; an accepted one did not succeed, and who refused must be said. Could not be
    reached: rejected (sent) or completed unsuccessfully (accepted), the person unreachable unless said.
    Raises ValidationError when the slip leaves the reason open.
    """
    if outcome is ReferralOutcome.ACCEPTED:
        return [(ReferralStatus.ACCEPTED, None, None)]
    if outcome is ReferralOutcome.SERVICE_GIVEN:
        accepted: list[FeedbackStep] = [(ReferralStatus.ACCEPTED, None, None)] if current is ReferralStatus.SENT else []
        return [*accepted, (ReferralStatus.COMPLETED, True, None)]
    if outcome is ReferralOutcome.REFUSED:
        if current is ReferralStatus.SENT:
            return [(ReferralStatus.REJECTED, None, failure)]
        if failure is None:  # ticked "refused" after accepting: who refused is not known
            raise ValidationError({"failure": "The referral was accepted: say why it did not succeed."})
        return [(ReferralStatus.COMPLETED, False, failure)]
    reason = failure or ReferralFailure.PERSON_UNREACHABLE
    if current is ReferralStatus.SENT:
        return [(ReferralStatus.REJECTED, None, reason)]
    return [(ReferralStatus.COMPLETED, False, reason)]
