"""The demo's entrepreneurship rows (issue #5) as the venture, support, auto-entrepreneur and training services
write them, with their audit events; and the words they are made of."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from hubdesk.domain.enums import AuditAction, TrainingTheme
from hubdesk.services.demo.bulk import _Rows
from hubdesk.services.demo.follow_up_days import Days
from hubdesk.services.demo.follow_up_rows import RowWriter, _json

_CREATE = AuditAction.CREATE.value
_UPDATE = AuditAction.UPDATE.value

#: (sector, names of businesses): what the people the HUB meets set up in Tangier
NAMES: dict[str, tuple[str, ...]] = {
    "textile": ("Atelier de couture", "Retouches et création", "Broderie tanjaouie", "Confection de caftans"),
    "hotels_catering": ("Snack", "Traiteur", "Pâtisserie marocaine", "Msemen et harcha", "Food truck"),
    "commerce": ("Épicerie de quartier", "Téléphones et accessoires", "Friperie", "Cosmétiques à l'argan"),
    "beauty": ("Salon de coiffure", "Institut de beauté", "Tresses africaines", "Onglerie"),
    "crafts": ("Maroquinerie artisanale", "Poterie et zellige", "Menuiserie", "Bijoux berbères"),
    "ict": ("Réparation de smartphones", "Cybercafé et impression", "Développement web", "Community management"),
    "transport": ("Livraison à deux-roues", "Transport de marchandises", "Déménagements"),
    "agriculture": ("Coopérative apicole", "Élevage de poulets", "Maraîchage bio", "Plantes aromatiques"),
    "construction": ("Peinture et plâtrerie", "Électricité bâtiment", "Plomberie", "Carrelage"),
    "care": ("Garde d'enfants", "Aide à domicile", "Ménage et repassage"),
}
#: what tells projects of the same kind apart: a neighbourhood of Tangier or a hopeful word
SUFFIXES = (
    "Nour", "Al Amal", "Tanja", "Beni Makada", "Malabata", "Boukhalef", "Souani", "Bir Chifa", "Mesnana",
    "Al Baraka", "Salam", "du Détroit", "Marchan", "Dradeb", "Iberia", "Al Fath", "Yasmine", "Atlas",
)  # fmt: skip
DESCRIPTIONS = (
    "Clientèle du quartier et commandes par WhatsApp.",
    "Local trouvé près du marché ; matériel en partie déjà acheté.",
    "Activité exercée de manière informelle depuis deux ans, à structurer.",
    "Projet porté après la formation « Créer et gérer son entreprise ».",
    "Étude de marché faite auprès de 30 clients potentiels.",
    "",
)
STEP_NOTES = {
    "pre_incubation": ("Entrée en pré-incubation.", "Formation à la création d'entreprise suivie.", ""),
    "plan_validated": ("Plan d'affaires validé en comité.", "Business plan validé avec réserves levées.", ""),
    "seeking_financing": ("Dossier déposé.", "Recherche de financement engagée.", ""),
    "created": ("Immatriculation obtenue.", "Activité déclarée.", ""),
    "operating": ("Premières ventes.", "Activité lancée.", ""),
    "closed": ("Activité arrêtée faute de clients.", "Fermeture : départ du porteur de projet.", ""),
    "abandoned": ("Le porteur a trouvé un emploi salarié.", "Projet abandonné faute de financement.", ""),
}
#: financing kind -> (sources, smallest and largest amount requested in dirhams)
FINANCING: dict[str, tuple[tuple[str, ...], int, int]] = {
    "own_funds": (("Apport personnel", "Épargne familiale"), 2_000, 30_000),
    "honour_loan": (("Forsa", "Initiative Tanger", "Réseau Entreprendre"), 10_000, 100_000),
    "bank_loan": (("Intelaka (Banque Populaire)", "Intelaka (Attijariwafa bank)", "Intelaka (Al Barid Bank)"),
                  50_000, 300_000),
    "microcredit": (("Al Amana", "Attawfiq Micro-Finance", "Al Baraka", "Fondation Ardi"), 5_000, 50_000),
    "grant": (("Forsa", "INDH", "Programme Awrach", "OIM (programme de réintégration)"), 5_000, 50_000),
    "equipment_kit": (("INDH", "Entraide Nationale", "OIM", "HCR"), 3_000, 20_000),
}  # fmt: skip
FINANCING_NOTES = ("", "", "Accordé après passage en comité.", "Montant réduit par le comité.", "Refusé : garanties")
SUPPORT_NOTES = {
    "coaching": ("Point d'étape sur l'avancement du projet.", "Préparation du rendez-vous avec le financeur."),
    "business_plan": ("Travail sur les prévisions de chiffre d'affaires.", "Relecture du plan d'affaires."),
    "formalities": ("Accompagnement pour l'inscription au registre.", "Démarches CNSS et patente."),
    "market_access": ("Participation au marché solidaire de Tanger.", "Mise en relation avec des clients."),
    "financial_education": ("Séance sur la tenue de caisse.", "Séparer argent personnel et argent de l'activité."),
    "equipment_kit": ("Remise du kit de démarrage.", "Liste du matériel validée avec le fournisseur."),
}
ACTIVITIES = {
    "commerce_industry_crafts": ("Couture et retouches", "Vente de produits alimentaires", "Artisanat du cuir",
                                 "Vente d'accessoires téléphoniques", "Menuiserie"),
    "services": ("Coiffure et esthétique", "Réparation de smartphones", "Livraison", "Garde d'enfants",
                 "Développement web"),
}  # fmt: skip
#: (title, theme, description) of trainings; the first ones are those of the small demo
TRAINING_TITLES: tuple[tuple[str, TrainingTheme, str], ...] = (
    ("Créer et gérer son entreprise", TrainingTheme.ENTREPRENEURSHIP, "De l'idée au plan d'affaires (méthode CREE)."),
    ("Éducation financière", TrainingTheme.FINANCIAL_EDUCATION, "Budget, épargne, crédit et services bancaires."),
    ("Marketing digital", TrainingTheme.DIGITAL, "Vendre avec Facebook, Instagram et WhatsApp Business."),
    ("Soft skills : entretien d'embauche", TrainingTheme.SOFT_SKILLS, "Se présenter, répondre, simuler l'entretien."),
    ("Couture industrielle", TrainingTheme.VOCATIONAL, "Machines piqueuse et surjeteuse, travail en chaîne."),
    ("Gérer sa trésorerie", TrainingTheme.FINANCIAL_EDUCATION, "Tenir sa caisse et suivre ses recettes."),
    ("Devenir auto-entrepreneur", TrainingTheme.ENTREPRENEURSHIP, "Le statut, l'inscription, la CNSS, l'impôt."),
    ("Bureautique de base", TrainingTheme.DIGITAL, "Word, Excel et messagerie pour la recherche d'emploi."),
    ("Communication professionnelle", TrainingTheme.SOFT_SKILLS, "Parler à un client, à un employeur."),
    ("Hygiène et sécurité alimentaire", TrainingTheme.VOCATIONAL, "Les règles de l'ONSSA pour la restauration."),
    ("Pitcher son projet", TrainingTheme.ENTREPRENEURSHIP, "Présenter son projet à un comité de financement."),
    ("Coiffure et esthétique", TrainingTheme.VOCATIONAL, "Techniques de base et accueil de la clientèle."),
)
TRAINERS = (
    "Karim Berrada", "Nadia El Amrani", "Hicham Ouazzani", "Awa Diallo", "Leïla Chraïbi", "Formateur OFPPT",
    "Équipe Maroc PME", "Samir Bouzid",
)  # fmt: skip
PLACES = (
    "HUB, salle de formation", "HUB, salle polyvalente", "Espace associatif Beni Makada", "Centre OFPPT Tanger",
    "Maison des jeunes Souani",
)  # fmt: skip
EXCEPTION = "Absente un jour pour raison médicale (certificat fourni)."


#: a support action: (kind, held_on, hours, notes, counsellor)
Action = tuple[str, date, float, str, str]


@dataclass(slots=True)
class VenturePlan:
    serial: int
    name: str
    kind: str
    sector: str
    description: str
    legal_form: str
    counsellor: str
    #: (stage, day, note), "idea" first on the day the project started
    steps: list[tuple[str, date, str]]
    #: (person_id, role)
    members: list[tuple[str, str]]
    jobs_created: int = 0
    #: (kind, source, requested, obtained or None, requested_on, decided_on or None, note)
    financing: list[tuple[str, str, int, int | None, date, date | None, str]] = field(default_factory=list)
    #: (period_start, period_end, revenue, jobs)
    revenues: list[tuple[date, date, int, int]] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    id: str = ""
    code: str = ""


@dataclass(slots=True)
class AutoPlan:
    person_id: str
    status: str
    applied_on: date
    registered_on: date | None
    register_number: str
    tax_id: str
    ice: str
    activity: str
    category: str
    card_received_on: date | None
    cnss_registered_on: date | None
    lapsed_on: date | None
    venture: VenturePlan | None
    note: str
    counsellor: str


@dataclass(slots=True)
class TrainingPlan:
    serial: int
    title: str
    theme: str
    description: str
    trainer: str
    place: str
    share: float
    counsellor: str
    days: list[tuple[date, float]]
    #: (person_id, enrolled_on, indexes of the days attended, exception reason)
    trainees: list[tuple[str, date, tuple[int, ...], str]]
    code: str = ""


class EntrepreneurshipWriter:
    """Turns the plans into stored rows and audit events, as the services write them."""

    def __init__(self, writer: RowWriter, days: Days, coordinator: str) -> None:
        self.w = writer
        self.days = days
        self.coordinator = coordinator

    def event(
        self,
        rows: _Rows,
        at: object,
        user_id: str,
        action: str,
        entity: str,
        entity_id: str,
        person_id: str | None,
        summary: str,
        diff: str,
    ) -> None:
        rows.events.append(
            {
                "id": self.w.new_id(), "at": at, "user_id": user_id,
                "username": self.w.usernames.get(user_id, "system"), "action": action, "entity": entity,
                "entity_id": entity_id, "beneficiary_id": person_id,
                "summary": summary[:300], "diff": diff,
            }
        )  # fmt: skip

    def venture(self, rows: _Rows, plan: VenturePlan) -> None:
        w, at = self.w, self.days.at
        venture_id = plan.id = w.new_id()
        started = plan.steps[0][1]
        by = plan.counsellor
        created = w.moment(at(started))
        stage, stage_on, _ = plan.steps[-1]
        created_on = next((on for step, on, _ in plan.steps if step in ("created", "operating")), None)
        ended_on = stage_on if stage in ("closed", "abandoned") else None
        rows.ventures.append(
            {
                "id": venture_id, "created_at": created, "updated_at": w.moment(at(stage_on)), "created_by": by,
                "updated_by": by, "deleted_at": None, "code": plan.code, "name": plan.name, "kind": plan.kind,
                "sector": plan.sector, "description": plan.description, "legal_form": plan.legal_form,
                "stage": stage, "stage_on": w.day(stage_on), "started_on": w.day(started),
                "created_on": w.day(created_on), "ended_on": w.day(ended_on), "jobs_created": plan.jobs_created,
                "counsellor_id": by,
            }
        )  # fmt: skip
        snapshot = {
            "name": plan.name, "kind": plan.kind, "sector": plan.sector, "description": plan.description,
            "legal_form": plan.legal_form, "jobs_created": plan.jobs_created, "counsellor_id": by,
        }  # fmt: skip
        summary = f"project {plan.code} {plan.name} ({plan.kind})"
        self.event(rows, created, by, _CREATE, "venture", venture_id, None, summary, _json(snapshot))
        for person_id, role in plan.members:
            rows.venture_members.append(
                {
                    "id": w.new_id(), "created_at": created, "updated_at": created, "created_by": by,
                    "updated_by": by, "deleted_at": None, "venture_id": venture_id, "beneficiary_id": person_id,
                    "role": role, "joined_on": w.day(started),
                }
            )  # fmt: skip
            summary = f"joined project {plan.code} as {role}"
            self.event(rows, created, by, _CREATE, "venture_member", venture_id, person_id, summary, "{}")
        previous: tuple[str, date] | None = None
        for step, on, note in plan.steps:
            moment = created if previous is None else w.moment(at(on))
            rows.venture_steps.append(
                {
                    "id": w.new_id(), "created_at": moment, "updated_at": moment, "created_by": by,
                    "updated_by": None, "deleted_at": None, "venture_id": venture_id, "stage": step,
                    "changed_on": w.day(on), "note": note,
                }
            )  # fmt: skip
            if previous is not None:
                summary = f"project {plan.code}: {previous[0]} -> {step} on {on:%d/%m/%Y}"
                diff = _json({"stage": [previous[0], step], "stage_on": [previous[1].isoformat(), on.isoformat()]})
                self.event(rows, moment, by, _UPDATE, "venture", venture_id, None, summary, diff)
            previous = (step, on)
        for kind, source, requested, obtained, requested_on, decided_on, note in plan.financing:
            line_id = w.new_id()
            moment = w.moment(at(requested_on))
            rows.financing.append(
                {
                    "id": line_id, "created_at": moment,
                    "updated_at": w.moment(at(decided_on)) if decided_on else moment, "created_by": by,
                    "updated_by": by, "deleted_at": None, "venture_id": venture_id, "kind": kind, "source": source,
                    "requested_mad": requested, "obtained_mad": obtained, "requested_on": w.day(requested_on),
                    "decided_on": w.day(decided_on), "note": note,
                }
            )  # fmt: skip
            snapshot = {
                "kind": kind, "source": source, "requested_mad": requested, "obtained_mad": obtained,
                "requested_on": requested_on.isoformat(), "decided_on": decided_on.isoformat() if decided_on else None,
                "note": note,
            }  # fmt: skip
            summary = f"project {plan.code}: {kind} {requested} MAD requested"
            self.event(rows, moment, by, _CREATE, "financing_line", line_id, None, summary, _json(snapshot))
        for start, end, revenue, jobs in plan.revenues:
            line_id = w.new_id()
            moment = w.moment(at(self.days.workday(end)))
            rows.revenues.append(
                {
                    "id": line_id, "created_at": moment, "updated_at": moment, "created_by": by, "updated_by": by,
                    "deleted_at": None, "venture_id": venture_id, "period_start": w.day(start),
                    "period_end": w.day(end), "revenue_mad": revenue, "jobs": jobs, "note": "",
                }
            )  # fmt: skip
            summary = f"project {plan.code}: {revenue} MAD from {start:%d/%m/%Y} to {end:%d/%m/%Y}"
            self.event(rows, moment, by, _CREATE, "revenue_follow_up", line_id, None, summary, "{}")
        for action in plan.actions:
            self.action(rows, action, venture_id, None, f"project {plan.code}")

    def action(
        self,
        rows: _Rows,
        action: Action,
        venture_id: str | None,
        person_id: str | None,
        subject: str,
    ) -> None:
        w = self.w
        kind, held_on, hours, notes, by = action
        action_id = w.new_id()
        moment = w.moment(self.days.at(held_on))
        rows.support_actions.append(
            {
                "id": action_id, "created_at": moment, "updated_at": moment, "created_by": by, "updated_by": by,
                "deleted_at": None, "venture_id": venture_id, "beneficiary_id": person_id, "kind": kind,
                "held_on": w.day(held_on), "counsellor_id": by, "hours": hours, "notes": notes,
            }
        )  # fmt: skip
        summary = f"{kind} for {subject} on {held_on:%d/%m/%Y}, {hours:g} h"
        snapshot = {"kind": kind, "held_on": held_on.isoformat(), "hours": hours, "counsellor_id": by}
        self.event(rows, moment, by, _CREATE, "support_action", action_id, person_id, summary, _json(snapshot))

    def auto_entrepreneur(self, rows: _Rows, plan: AutoPlan) -> None:
        w = self.w
        row_id = w.new_id()
        by = plan.counsellor
        last = max(d for d in (plan.applied_on, plan.registered_on, plan.card_received_on, plan.cnss_registered_on,
                               plan.lapsed_on) if d is not None)  # fmt: skip
        created = w.moment(self.days.at(plan.applied_on))
        values = {
            "status": plan.status, "applied_on": plan.applied_on, "registered_on": plan.registered_on,
            "register_number": plan.register_number, "tax_id": plan.tax_id, "ice": plan.ice,
            "activity": plan.activity, "category": plan.category, "card_received_on": plan.card_received_on,
            "cnss_registered_on": plan.cnss_registered_on, "lapsed_on": plan.lapsed_on,
            "venture_id": plan.venture.id if plan.venture is not None else None, "note": plan.note,
        }  # fmt: skip
        rows.auto_entrepreneurs.append(
            {
                "id": row_id, "created_at": created, "updated_at": w.moment(self.days.at(last)), "created_by": by,
                "updated_by": by, "deleted_at": None, "beneficiary_id": plan.person_id,
                **{k: w.day(v) if isinstance(v, date) or (v is None and k.endswith("_on")) else v
                   for k, v in values.items()},
            }
        )  # fmt: skip
        summary = f"auto-entrepreneur: {plan.status}" + (
            f", registered on {plan.registered_on:%d/%m/%Y}" if plan.registered_on else ""
        )
        diff = {k: [None, v.isoformat() if isinstance(v, date) else v] for k, v in values.items() if v}
        self.event(rows, created, by, _CREATE, "auto_entrepreneur", row_id, plan.person_id, summary, _json(diff))

    def training(self, rows: _Rows, plan: TrainingPlan) -> None:
        w, at = self.w, self.days.at
        training_id = w.new_id()
        by = plan.counsellor
        first, last = plan.days[0][0], plan.days[-1][0]
        enrolled = min((on for _, on, _, _ in plan.trainees), default=first)
        created = w.moment(at(self.days.workday(min(enrolled, first))))
        rows.trainings.append(
            {
                "id": training_id, "created_at": created, "updated_at": created, "created_by": by,
                "updated_by": by, "deleted_at": None, "code": plan.code, "title": plan.title, "theme": plan.theme,
                "trainer": plan.trainer, "place": plan.place, "completion_share": plan.share,
                "description": plan.description, "first_day": w.day(first), "last_day": w.day(last),
                "day_count": len(plan.days), "enrolled_count": len(plan.trainees),
            }
        )  # fmt: skip
        snapshot = {
            "title": plan.title, "theme": plan.theme, "trainer": plan.trainer, "place": plan.place,
            "completion_share": plan.share, "description": plan.description,
            "days": ", ".join(f"{on:%d/%m/%Y} {hours:g} h" for on, hours in plan.days),
        }  # fmt: skip
        summary = f"training {plan.code} {plan.title}"
        self.event(rows, created, by, _CREATE, "training", training_id, None, summary, _json(snapshot))
        day_ids = []
        for on, hours in plan.days:
            day_ids.append(day_id := w.new_id())
            rows.training_days.append(
                {
                    "id": day_id, "created_at": created, "updated_at": created, "created_by": by, "updated_by": None,
                    "deleted_at": None, "training_id": training_id, "held_on": w.day(on), "hours": hours,
                }
            )  # fmt: skip
        present = [0] * len(plan.days)
        summary = f"enrolled in training {plan.code} {plan.title}"
        for person_id, enrolled_on, attended, exception in plan.trainees:
            enrolment_id = w.new_id()
            moment = w.moment(at(enrolled_on))
            rows.enrolments.append(
                {
                    "id": enrolment_id, "created_at": moment, "updated_at": moment, "created_by": by,
                    "updated_by": self.coordinator if exception else by, "deleted_at": None,
                    "training_id": training_id, "beneficiary_id": person_id, "enrolled_on": w.day(enrolled_on),
                    "exception_reason": exception, "exception_by": self.coordinator if exception else None,
                }
            )  # fmt: skip
            self.event(rows, moment, by, _CREATE, "training_enrolment", training_id, person_id, summary, "{}")
            for index in attended:
                present[index] += 1
                rows.attendance.append({"day_id": day_ids[index], "enrolment_id": enrolment_id, "marked_by": by})
        for index, (on, _) in enumerate(plan.days):
            if not present[index]:
                continue
            moment = w.moment(at(on))
            summary = f"attendance of {plan.code} on {on:%d/%m/%Y}: {present[index]} of {len(plan.trainees)} present"
            diff = f'{{"present": [0, {present[index]}]}}'
            self.event(rows, moment, by, _UPDATE, "training_attendance", training_id, None, summary, diff)
