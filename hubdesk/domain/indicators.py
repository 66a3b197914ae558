"""The donors' indicators (issue #6): what each counts, over which period, broken down how.

Pure definitions and rules: the services count, the reports print. Each indicator names what it counts
(unique people, or events such as referrals) and the date that puts it in a period; every period is
closed at both ends (its first and last day included).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from hubdesk.domain.enums import MigrationStatus

LANGUAGES = ("fr", "ar", "en")


class Unit(StrEnum):
    """What an indicator counts; people are counted once per indicator and period."""

    PEOPLE = "people"
    PROJECTS = "projects"
    REFERRALS = "referrals"
    TRAININGS = "trainings"
    DOCUMENTS = "documents"


class Disaggregation(StrEnum):
    SEX = "sex"
    AGE_BAND = "age_band"
    STATUS_GROUP = "status_group"
    NATIONALITY = "nationality"
    DISABILITY = "disability"
    SITE = "site"


class AgeBand(StrEnum):
    """Age at the period's last day."""

    UNDER_15 = "under_15"
    FROM_15_TO_17 = "15_17"
    FROM_18_TO_24 = "18_24"
    FROM_25_TO_35 = "25_35"
    FROM_36_TO_45 = "36_45"
    FROM_46 = "46_plus"
    UNKNOWN = "unknown"


class StatusGroup(StrEnum):
    MOROCCAN = "moroccan"
    MIGRANT = "migrant"
    REFUGEE_OR_ASYLUM_SEEKER = "refugee_or_asylum_seeker"


#: migration status -> the group donors report
STATUS_GROUPS: dict[MigrationStatus, StatusGroup] = {
    MigrationStatus.MOROCCAN: StatusGroup.MOROCCAN,
    MigrationStatus.RETURNEE: StatusGroup.MOROCCAN,
    MigrationStatus.REGULAR_MIGRANT: StatusGroup.MIGRANT,
    MigrationStatus.IRREGULAR: StatusGroup.MIGRANT,
    MigrationStatus.OTHER: StatusGroup.MIGRANT,
    MigrationStatus.ASYLUM_SEEKER: StatusGroup.REFUGEE_OR_ASYLUM_SEEKER,
    MigrationStatus.REFUGEE_UNHCR: StatusGroup.REFUGEE_OR_ASYLUM_SEEKER,
    MigrationStatus.REFUGEE_MOROCCO: StatusGroup.REFUGEE_OR_ASYLUM_SEEKER,
}

#: the breakdowns every people indicator gets, in the order reports show them
DISAGGREGATIONS: tuple[Disaggregation, ...] = tuple(Disaggregation)


@dataclass(frozen=True)
class Indicator:
    """One indicator: its identifier, its label and definition in French, Arabic and English."""

    id: str
    labels: tuple[str, str, str]  # fr, ar, en
    #: what is counted and which date decides the period, in plain words (fr, ar, en)
    definitions: tuple[str, str, str]
    unit: Unit
    #: an extra breakdown of this indicator only ("partner", "contract_type"), or ""
    by: str = ""

    def label(self, lang: str) -> str:
        return self.labels[_index(lang)]

    def definition(self, lang: str) -> str:
        return self.definitions[_index(lang)]

    @property
    def disaggregated(self) -> bool:
        """People-based figures are broken down by sex, age band...; projects and trainings are not."""
        return self.unit in (Unit.PEOPLE, Unit.REFERRALS, Unit.DOCUMENTS)


def _index(lang: str) -> int:
    base = lang.split("-")[0].split("_")[0].lower()
    return LANGUAGES.index(base) if base in LANGUAGES else 0


INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "counselled",
        (
            "Personnes ayant bénéficié de conseil et d'orientation",
            "الأشخاص المستفيدون من الإرشاد والتوجيه",
            "People who received counselling and orientation",
        ),
        (
            "Personnes distinctes ayant eu au moins une séance d'orientation dont la date tombe dans la période.",
            "عدد الأشخاص المختلفين الذين حضروا جلسة توجيه واحدة على الأقل خلال الفترة، حسب تاريخ الجلسة.",
            "Distinct people with at least one guidance session held in the period (the session's day counts).",
        ),
        Unit.PEOPLE,
    ),
    Indicator(
        "business_support",
        (
            "Personnes ayant reçu un appui à la création d'entreprise",
            "الأشخاص الذين تلقوا دعما لإحداث مقاولة",
            "People who received business creation support",
        ),
        (
            "Personnes distinctes ayant reçu une action d'appui, ou membres d'un projet qui en a reçu une, "
            "à une date de la période.",
            "عدد الأشخاص المختلفين الذين استفادوا من عملية دعم، أو أعضاء مشروع استفاد منها، خلال الفترة.",
            "Distinct people given a support action, or members of a project given one, on a day of the period.",
        ),
        Unit.PEOPLE,
    ),
    Indicator(
        "auto_entrepreneur",
        (
            "Personnes ayant obtenu le statut d'auto-entrepreneur",
            "الأشخاص الحاصلون على صفة المقاول الذاتي",
            "People who obtained the auto-entrepreneur status",
        ),
        (
            "Personnes dont la date d'inscription au registre national des auto-entrepreneurs tombe dans la période.",
            "الأشخاص الذين يقع تاريخ تسجيلهم في السجل الوطني للمقاولين الذاتيين داخل الفترة.",
            "People whose registration in the national register of auto-entrepreneurs falls in the period.",
        ),
        Unit.PEOPLE,
    ),
    Indicator(
        "collective_startups_created",
        ("Start-ups collectives créées", "المقاولات الجماعية المحدثة", "Collective start-ups created"),
        (
            "Projets collectifs dont la date de création tombe dans la période.",
            "المشاريع الجماعية التي يقع تاريخ إحداثها داخل الفترة.",
            "Collective projects whose creation day falls in the period.",
        ),
        Unit.PROJECTS,
    ),
    Indicator(
        "individual_businesses_created",
        ("Entreprises individuelles créées", "المقاولات الفردية المحدثة", "Individual businesses created"),
        (
            "Projets individuels dont la date de création tombe dans la période.",
            "المشاريع الفردية التي يقع تاريخ إحداثها داخل الفترة.",
            "Individual projects whose creation day falls in the period.",
        ),
        Unit.PROJECTS,
    ),
    Indicator(
        "referrals_made",
        ("Orientations vers les partenaires", "الإحالات على الشركاء", "Referrals made"),
        (
            "Orientations (hors brouillons et annulées) dont la date d'orientation tombe dans la période, "
            "par partenaire.",
            "الإحالات (باستثناء المسودات والملغاة) التي يقع تاريخها داخل الفترة، حسب الشريك.",
            "Referrals (not drafts, not cancelled) made on a day of the period, by partner.",
        ),
        Unit.REFERRALS,
        by="partner",
    ),
    Indicator(
        "referrals_with_feedback",
        ("Orientations avec retour du partenaire", "الإحالات التي تلقت ردا من الشريك", "Referrals with feedback"),
        (
            "Orientations dont la première réponse du partenaire tombe dans la période, par partenaire.",
            "الإحالات التي وصل أول رد للشريك بشأنها داخل الفترة، حسب الشريك.",
            "Referrals whose partner's first answer came on a day of the period, by partner.",
        ),
        Unit.REFERRALS,
        by="partner",
    ),
    Indicator(
        "referrals_successful",
        ("Orientations réussies", "الإحالات الناجحة", "Successful referrals"),
        (
            "Orientations clôturées avec succès dans la période, par partenaire.",
            "الإحالات المختتمة بنجاح داخل الفترة، حسب الشريك.",
            "Referrals completed successfully on a day of the period, by partner.",
        ),
        Unit.REFERRALS,
        by="partner",
    ),
    Indicator(
        "jobs_started",
        ("Personnes ayant commencé un emploi", "الأشخاص الذين بدأوا عملا", "People who started a job"),
        (
            "Personnes distinctes dont un emploi commence dans la période, par type de contrat.",
            "عدد الأشخاص المختلفين الذين بدأ عملهم داخل الفترة، حسب نوع العقد.",
            "Distinct people with a job starting in the period, by contract type.",
        ),
        Unit.PEOPLE,
        by="contract_type",
    ),
    Indicator(
        "trainings_held",
        ("Formations tenues", "الدورات التكوينية المنظمة", "Trainings held"),
        (
            "Formations dont au moins un jour tombe dans la période.",
            "الدورات التكوينية التي يقع يوم واحد منها على الأقل داخل الفترة.",
            "Trainings with at least one day in the period.",
        ),
        Unit.TRAININGS,
    ),
    Indicator(
        "training_completed",
        ("Personnes ayant achevé une formation", "الأشخاص الذين أتموا دورة تكوينية", "People who completed a training"),
        (
            "Personnes distinctes ayant achevé (ou validé par exception) une formation terminée dans la période.",
            "عدد الأشخاص المختلفين الذين أتموا دورة تكوينية (أو صودق عليها استثناء) انتهت داخل الفترة.",
            "Distinct people who completed (or were allowed by exception) a training whose last day is in the period.",
        ),
        Unit.PEOPLE,
    ),
    Indicator(
        "certificates_issued",
        ("Certificats de formation délivrés", "شهادات التكوين المسلمة", "Training certificates issued"),
        (
            "Certificats enregistrés dans la période et non annulés (un par personne, formation et langue).",
            "الشهادات المسجلة داخل الفترة وغير الملغاة (شهادة لكل شخص ودورة ولغة).",
            "Certificates registered in the period and not cancelled (one per person, training and language).",
        ),
        Unit.DOCUMENTS,
    ),
    Indicator(
        "new_registrations",
        ("Nouvelles inscriptions", "التسجيلات الجديدة", "New registrations"),
        (
            "Personnes dont la date d'inscription au HUB tombe dans la période.",
            "الأشخاص الذين يقع تاريخ تسجيلهم في الهب داخل الفترة.",
            "People whose registration at the HUB falls in the period.",
        ),
        Unit.PEOPLE,
    ),
)

BY_ID: dict[str, Indicator] = {indicator.id: indicator for indicator in INDICATORS}

#: labels of the breakdowns' values, in French, Arabic and English
LABELS: dict[StrEnum, tuple[str, str, str]] = {
    Disaggregation.SEX: ("Sexe", "الجنس", "Sex"),
    Disaggregation.AGE_BAND: ("Tranche d'âge", "الفئة العمرية", "Age band"),
    Disaggregation.STATUS_GROUP: ("Statut", "الوضعية", "Status group"),
    Disaggregation.NATIONALITY: ("Nationalité", "الجنسية", "Nationality"),
    Disaggregation.DISABILITY: ("Handicap", "الإعاقة", "Disability"),
    Disaggregation.SITE: ("Site", "الموقع", "Site"),
    AgeBand.UNDER_15: ("Moins de 15 ans", "أقل من 15 سنة", "Under 15"),
    AgeBand.FROM_15_TO_17: ("15–17 ans", "15–17 سنة", "15–17"),
    AgeBand.FROM_18_TO_24: ("18–24 ans", "18–24 سنة", "18–24"),
    AgeBand.FROM_25_TO_35: ("25–35 ans", "25–35 سنة", "25–35"),
    AgeBand.FROM_36_TO_45: ("36–45 ans", "36–45 سنة", "36–45"),
    AgeBand.FROM_46: ("46 ans et plus", "46 سنة فأكثر", "46 and over"),
    AgeBand.UNKNOWN: ("Âge inconnu", "سن غير معروف", "Age unknown"),
    StatusGroup.MOROCCAN: ("Marocain·e", "مغربي(ة)", "Moroccan"),
    StatusGroup.MIGRANT: ("Migrant·e", "مهاجر(ة)", "Migrant"),
    StatusGroup.REFUGEE_OR_ASYLUM_SEEKER: (
        "Réfugié·e ou demandeur·se d'asile",
        "لاجئ(ة) أو طالب(ة) لجوء",
        "Refugee or asylum seeker",
    ),
}


def label(member: StrEnum, lang: str) -> str:
    return LABELS[member][_index(lang)]


def age_band(birth_date: date | None, birth_year: int | None, on: date) -> AgeBand:
    """The band of a person's age on ``on`` (the period's last day). With the year of birth only, the age is
    the one reached during that year (a person born in 2008 is counted 18 in 2026)."""
    if birth_date is not None:
        age = on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))
    elif birth_year is not None:
        age = on.year - birth_year
    else:
        return AgeBand.UNKNOWN
    if age < 15:
        return AgeBand.UNDER_15 if age >= 0 else AgeBand.UNKNOWN
    for upper, band in ((17, AgeBand.FROM_15_TO_17), (24, AgeBand.FROM_18_TO_24), (35, AgeBand.FROM_25_TO_35)):
        if age <= upper:
            return band
    return AgeBand.FROM_36_TO_45 if age <= 45 else AgeBand.FROM_46


def status_group(status: MigrationStatus | str) -> StatusGroup:
    return STATUS_GROUPS[MigrationStatus(status)]


@dataclass(frozen=True)
class Period:
    """Days from ``start`` to ``end``, both included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"a period cannot end ({self.end}) before it starts ({self.start})")

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        if not 1 <= quarter <= 4:
            raise ValueError(f"a year has four quarters, not {quarter}")
        first = 3 * quarter - 2
        return cls(date(year, first, 1), cls.month(year, first + 2).end)

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31))

    @classmethod
    def last_quarter(cls, today: date) -> Period:
        """The whole quarter before the one ``today`` is in (what a quarterly report covers)."""
        current = (today.month - 1) // 3 + 1
        return cls.quarter(today.year, current - 1) if current > 1 else cls.quarter(today.year - 1, 4)

    def months(self) -> list[Period]:
        """The calendar months the period touches, clipped to it (for the monthly trend)."""
        months = []
        year, month = self.start.year, self.start.month
        while date(year, month, 1) <= self.end:
            whole = Period.month(year, month)
            months.append(Period(max(whole.start, self.start), min(whole.end, self.end)))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return months
