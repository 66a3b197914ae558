"""Demo data: a realistic, reproducible registry to show hubdesk without touching anyone's real data.

``generate_demo`` fills an empty database with the people the HUB in Tangier actually meets (young
Moroccans, West and Central African migrants, refugees from Sudan, Syria and Yemen). The same seed
and day give exactly the same data, with their follow-up (sessions, case steps, referrals, jobs): 100,000
people, half a million sessions and 100,000 referrals take under three minutes on a small two-core machine.

Data tables: ``names``, ``origins``, ``sectors``, ``tangier``, ``follow_up_words``; inventing people:
``draws``, ``people``, ``backgrounds``, ``records``; their follow-up: ``follow_up`` and its
``follow_up_*`` modules; writing them: ``bulk``, ``generate``.
"""

from hubdesk.services.demo.accounts import (
    DEMO_ACCOUNTS,
    DEMO_PASSWORD,
    DEMO_SITE,
    demo_accounts,
)
from hubdesk.services.demo.generate import DemoSummary, generate_demo
from hubdesk.services.demo.organisation import DEMO_ORGANISATION, DEMO_PROFILE

__all__ = [
    "DEMO_ACCOUNTS",
    "DEMO_ORGANISATION",
    "DEMO_PASSWORD",
    "DEMO_PROFILE",
    "DEMO_SITE",
    "DemoSummary",
    "demo_accounts",
    "generate_demo",
]
