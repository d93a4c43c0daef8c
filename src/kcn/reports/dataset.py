"""The report's dataset: everything a report of a period says, read once from the records.

Renderers only lay it out; the wording turns it into sentences. A published
report stores this dataset as JSON (``to_json``) and renders from it later
(``from_json``), so what the board published never changes with the records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone

from kcn.board.models import BoardProfile
from kcn.core.periods import Period, months_of_year, parse_period
from kcn.core.symbols import parse_symbol
from kcn.documents.models import Direction, Document
from kcn.indicators.engine import IndicatorValue, compute_indicators
from kcn.indicators.models import Target
from kcn.indicators.registry import INDICATORS, Unit
from kcn.projects.models import ProjectEvent, ProjectEventKind, ProjectKind
from kcn.reports.models import ListedPlan, Narrative, Priority, ReportFraming
from kcn.zones.models import Zone, ZoneEvent, ZoneEventKind

DATASET_VERSION = 1
REGISTRY_ORDER = {code: position for position, code in enumerate(INDICATORS)}

# The indicators charted month by month over the year.
MONTHLY_CODES = (
    "attracted_capital_usd_equiv",
    "new_projects",
    "projects_started_operation",
    "jobs_created",
    "dossiers_received",
)


@dataclass(frozen=True)
class Board:
    """The issuing body and signer, as on the letterhead of the report."""

    province: str
    parent_body: str
    name: str
    name_in_text: str
    abbreviation: str
    place: str
    signer_authority: str
    signer_title: str
    signer_deputy_title: str
    signer_name: str
    recipients: list[str]
    # The same in English, for the English report ("" when the board has not written it).
    parent_body_en: str = ""
    name_en: str = ""
    name_in_text_en: str = ""
    place_en: str = ""
    signer_authority_en: str = ""
    signer_title_en: str = ""
    signer_deputy_title_en: str = ""
    recipients_en: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CitedDocument:
    symbol: str  # "14/CTr-UBND"
    date: dt.date
    type: str  # "CTr"
    title: str
    issuer: str  # "UBND tỉnh Hưng Yên"

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> CitedDocument:
        return cls(**{**raw, "date": dt.date.fromisoformat(raw["date"])})


@dataclass(frozen=True)
class TargetInfo:
    description: str  # "đầu tư xây dựng hạ tầng 120 ha đất khu công nghiệp"
    assigned_by: CitedDocument | None  # Chương trình hành động số 14/CTr-UBND …
    description_en: str = ""  # the same in English


@dataclass(frozen=True)
class ZoneApproval:
    zone: str  # "KCN Thăng Long II mở rộng (giai đoạn 3)"
    area_ha: Decimal | None
    date: dt.date
    decision: str  # "123/QĐ-TTg"
    issuer_code: str  # "TTg": who approved


@dataclass(frozen=True)
class InfrastructureProject:
    name: str
    zone: str
    date: dt.date
    capital: Decimal
    currency: str


@dataclass(frozen=True)
class ListedTitle:
    """A thematic plan the framing paragraph names."""

    title: str  # "Cải cách hành chính nhà nước năm 2022"
    title_en: str = ""


@dataclass(frozen=True)
class Framing:
    """What the framing paragraph says: the province's programme that assigned the year's
    targets, the board's yearly plan and its groups of tasks, how many thematic plans carry it
    out and which of them staff chose to name. Only documents dated by the report's date."""

    programme: CitedDocument | None
    plan: CitedDocument | None
    task_groups: int | None  # "20 nhóm nhiệm vụ, giải pháp", as staff entered it
    thematic_plans: int  # issued under the plan by the report's date
    listed: list[ListedTitle]

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Framing:
        def cited(item: dict[str, Any] | None) -> CitedDocument | None:
            return CitedDocument.from_json(item) if item else None

        return cls(
            programme=cited(raw["programme"]),
            plan=cited(raw["plan"]),
            task_groups=raw["task_groups"],
            thematic_plans=raw["thematic_plans"],
            listed=[ListedTitle(**item) for item in raw["listed"]],
        )


NO_FRAMING = Framing(None, None, None, 0, [])


@dataclass(frozen=True)
class CapitalChange:
    """A certificate of the period that registered or changed capital: a row of the appendix."""

    zone: str
    project: str
    investor: str
    country: str  # ISO code of the investor's country
    origin: str  # "foreign" or "domestic"
    date: dt.date
    event: str  # "issued" or "adjusted"
    certificate_no: str
    capital: Decimal  # the capital registered, or the change (negative: a decrease)
    currency: str

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> CapitalChange:
        return cls(
            **{
                **raw,
                "date": dt.date.fromisoformat(raw["date"]),
                "capital": Decimal(raw["capital"]),
            }
        )


@dataclass
class ReportDataset:
    period: Period
    board: Board
    indicators: dict[str, IndicatorValue]
    # The same period of the previous year ("cùng kỳ"); empty when it has no records.
    previous: dict[str, IndicatorValue]
    previous_code: str
    months: list[dict[str, Any]]  # [{"period": "2022-01", "values": {code: value}}]
    targets: dict[str, TargetInfo]
    zone_approvals: list[ZoneApproval]
    infrastructure_projects: list[InfrastructureProject]
    framing: Framing
    narratives: dict[str, str]
    next_period: str | None
    priorities: list[str]
    generated_at: dt.datetime
    number: str = ""  # the document number, once the report is published
    issued_on: dt.date | None = None
    version: int = 0  # the published version, 0 for a draft from live records
    # The staff's texts in English, for the English report (a section or task without one
    # is marked there as not translated).
    narratives_en: dict[str, str] = field(default_factory=dict)
    priorities_en: list[str] = field(default_factory=list)
    capital_changes: list[CapitalChange] = field(default_factory=list)  # the appendix
    extra: dict[str, Any] = field(default_factory=dict)

    # --- Reading figures ---------------------------------------------------

    def figure(self, code: str) -> IndicatorValue:
        return self.indicators[code]

    def value(self, code: str) -> Any:
        return self.indicators[code].value

    def ytd(self, code: str) -> Any:
        return self.indicators[code].ytd

    def previous_value(self, code: str) -> Any:
        """The same period of the previous year, or None when that year has no records."""
        figure = self.previous.get(code)
        return None if figure is None else figure.value

    @property
    def report_date(self) -> dt.date:
        """The report's own date: its date once published, else the day it was generated.
        No figure is stated as of a later day ("Đến nay" reads as of this one)."""
        return self.issued_on or timezone.localdate(self.generated_at)

    @property
    def has_data(self) -> bool:
        """Whether any record counts in this period (flows) or stands at its end (stocks)."""
        return _any_records(self.indicators)

    # --- Freezing ----------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        data = {
            "version": DATASET_VERSION,
            "period": self.period.code,
            "board": asdict(self.board),
            "indicators": {code: _figure_json(value) for code, value in self.indicators.items()},
            "previous": {code: _figure_json(value) for code, value in self.previous.items()},
            "previous_code": self.previous_code,
            "months": self.months,
            "targets": {code: asdict(info) for code, info in self.targets.items()},
            "zone_approvals": [asdict(item) for item in self.zone_approvals],
            "infrastructure_projects": [asdict(item) for item in self.infrastructure_projects],
            "framing": asdict(self.framing),
            "capital_changes": [asdict(item) for item in self.capital_changes],
            "narratives": self.narratives,
            "narratives_en": self.narratives_en,
            "next_period": self.next_period,
            "priorities": self.priorities,
            "priorities_en": self.priorities_en,
            "generated_at": self.generated_at,
            "number": self.number,
            "issued_on": self.issued_on,
            "published_version": self.version,
        }
        plain: dict[str, Any] = _plain(data)
        return plain

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ReportDataset:
        def values(raw: dict[str, Any]) -> dict[str, IndicatorValue]:
            # In the registry's order: PostgreSQL's jsonb keeps a published dataset's keys in
            # its own order (shortest first), which would reorder the report's table of
            # targets and the JSON of a published period on that database only.
            ordered = sorted(raw, key=lambda code: REGISTRY_ORDER.get(code, len(REGISTRY_ORDER)))
            return {code: _indicator_value(code, raw[code]) for code in ordered}

        def day(raw: str) -> dt.date:
            return dt.date.fromisoformat(raw)

        return cls(
            period=parse_period(data["period"]),
            board=Board(**data["board"]),
            indicators=values(data["indicators"]),
            previous=values(data["previous"]),
            previous_code=data["previous_code"],
            months=data["months"],
            targets={
                code: TargetInfo(
                    description=item["description"],
                    assigned_by=CitedDocument.from_json(item["assigned_by"])
                    if item["assigned_by"]
                    else None,
                    description_en=item.get("description_en", ""),
                )
                for code, item in data["targets"].items()
            },
            zone_approvals=[
                ZoneApproval(
                    zone=item["zone"],
                    area_ha=_decimal(item["area_ha"]),
                    date=day(item["date"]),
                    decision=item["decision"],
                    issuer_code=item["issuer_code"],
                )
                for item in data["zone_approvals"]
            ],
            infrastructure_projects=[
                InfrastructureProject(
                    name=item["name"],
                    zone=item["zone"],
                    date=day(item["date"]),
                    capital=Decimal(item["capital"]),
                    currency=item["currency"],
                )
                for item in data["infrastructure_projects"]
            ],
            framing=Framing.from_json(data["framing"])
            if "framing" in data
            else _framing_of_plans(data.get("plans", [])),
            capital_changes=[
                CapitalChange.from_json(item) for item in data.get("capital_changes", [])
            ],
            narratives=data["narratives"],
            narratives_en=data.get("narratives_en", {}),
            next_period=data["next_period"],
            priorities=data["priorities"],
            priorities_en=data.get("priorities_en", []),
            generated_at=dt.datetime.fromisoformat(data["generated_at"]),
            number=data["number"],
            issued_on=day(data["issued_on"]) if data["issued_on"] else None,
            version=data["published_version"],
        )


def _framing_of_plans(plans: list[dict[str, Any]]) -> Framing:
    """The framing of a dataset frozen before it had one: its first plan with thematic plans,
    none of them named (staff had not chosen)."""
    if not plans:
        return NO_FRAMING
    first = plans[0]
    plan = CitedDocument(
        symbol=first["symbol"],
        date=dt.date.fromisoformat(first["date"]),
        type="KH",
        title=first["title"],
        issuer="",
    )
    return Framing(None, plan, None, first["children"], [])


def _plain(value: Any) -> Any:
    """JSON-ready: decimals as strings (exact), dates as ISO text."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def _decimal(raw: Any) -> Decimal | None:
    return None if raw is None else Decimal(str(raw))


def _number(raw: Any) -> int | Decimal | None:
    if raw is None or isinstance(raw, int):
        return raw
    return Decimal(str(raw))


def _figure_json(value: IndicatorValue) -> dict[str, Any]:
    """A figure as the report's JSON gives it, with a percentage's counts (kept so that a
    published report's sentences can state them)."""
    return {**value.as_json(), "parts": value.parts, "ytd_parts": value.ytd_parts}


def _parts(raw: Any) -> tuple[int, int] | None:
    return None if raw is None else (int(raw[0]), int(raw[1]))


def _indicator_value(code: str, raw: dict[str, Any]) -> IndicatorValue:
    return IndicatorValue(
        code=code,
        value=_number(raw["value"]),
        ytd=_number(raw["ytd"]),
        unit=Unit(raw["unit"]),
        target=_decimal(raw["target"]),
        target_max=_decimal(raw["target_max"]),
        percent_of_target=_decimal(raw["percent_of_target"]),
        met=raw["met"],
        # Datasets frozen before the counts were kept have none.
        parts=_parts(raw.get("parts")),
        ytd_parts=_parts(raw.get("ytd_parts")),
    )


# --- Building the dataset from the records ----------------------------------


def board_profile() -> Board:
    """The board's profile; the province falls back to the one most zones are in."""
    profile = BoardProfile.objects.filter(pk=1).first() or BoardProfile()
    province = profile.province or _most_common_zone_province()
    return Board(
        province=province,
        parent_body=profile.parent_body or (f"UBND TỈNH {province.upper()}" if province else ""),
        name=profile.name,
        name_in_text=profile.name_in_text,
        abbreviation=profile.abbreviation,
        place=profile.place or province,
        signer_authority=profile.signer_authority,
        signer_title=profile.signer_title,
        signer_deputy_title=profile.signer_deputy_title,
        signer_name=profile.signer_name,
        recipients=_lines(profile.recipients),
        parent_body_en=profile.parent_body_en,
        name_en=profile.name_en,
        name_in_text_en=profile.name_in_text_en,
        place_en=profile.place_en,
        signer_authority_en=profile.signer_authority_en,
        signer_title_en=profile.signer_title_en,
        signer_deputy_title_en=profile.signer_deputy_title_en,
        recipients_en=_lines(profile.recipients_en),
    )


def _lines(text: str) -> list[str]:
    """One recipient a line, without the list's dashes."""
    return [line.strip().lstrip("-+•").strip() for line in text.splitlines() if line.strip()]


def _most_common_zone_province() -> str:
    row = (
        Zone.objects.exclude(province="")
        .values("province")
        .annotate(n=Count("pk"))
        .order_by("-n", "province")
        .first()
    )
    return row["province"] if row else ""


def build_dataset(
    period: Period, *, now: dt.datetime | None = None, issued_on: dt.date | None = None
) -> ReportDataset:
    """The dataset of the report for ``period``, from the records as they are now.

    ``issued_on`` is the report's date when it is known (publishing): documents dated after
    it are not cited.
    """
    now = now or timezone.now()
    report_date = issued_on or timezone.localdate(now)
    indicators = compute_indicators(period)
    previous_period = period.same_period_previous_year()
    previous = compute_indicators(previous_period)
    if not _any_records(previous):
        previous = {}
    next_period = period.next_period()
    written = list(
        Narrative.objects.filter(period=period.code).values_list("section", "text", "text_en")
    )
    tasks = (
        list(
            Priority.objects.filter(period=next_period.code)
            .order_by("order")
            .values_list("text", "text_en")
        )
        if next_period
        else []
    )
    targets = _targets(period.year)
    return ReportDataset(
        period=period,
        board=board_profile(),
        indicators=indicators,
        previous=previous,
        previous_code=previous_period.code,
        months=_months(period),
        targets=targets,
        zone_approvals=_zone_approvals(period),
        infrastructure_projects=_infrastructure_projects(period),
        framing=_framing(period, report_date, targets),
        capital_changes=capital_changes(period),
        narratives={section: text for section, text, _english in written},
        narratives_en={section: english for section, _text, english in written if english},
        next_period=next_period.code if next_period else None,
        priorities=[text for text, _english in tasks],
        priorities_en=[english for _text, english in tasks],
        generated_at=now,
        issued_on=issued_on,
    )


def _any_records(indicators: dict[str, IndicatorValue]) -> bool:
    """Whether any figure other than a percentage is neither zero nor missing."""
    return any(
        figure.value not in (None, 0) and not INDICATORS[code].is_percent
        for code, figure in indicators.items()
    )


def _months(period: Period) -> list[dict[str, Any]]:
    """Each month of the year up to the period's end, with the charted flows."""
    from kcn.indicators.selectors import monthly_figures

    by_code = {code: monthly_figures(code, period.year, period.end.month) for code in MONTHLY_CODES}
    return [
        {
            "period": month.code,
            "values": {code: by_code[code][index][1] or 0 for code in MONTHLY_CODES},
        }
        for index, month in enumerate(months_of_year(period.year)[: period.end.month])
    ]


def _targets(year: int) -> dict[str, TargetInfo]:
    targets = Target.objects.filter(year=year).select_related("assigned_by")
    return {
        target.indicator: TargetInfo(
            description=target.description,
            assigned_by=_cited(target.assigned_by) if target.assigned_by else None,
            description_en=target.description_en,
        )
        for target in targets
    }


def _cited(document: Document) -> CitedDocument:
    return CitedDocument(
        symbol=document.symbol,
        date=document.date,
        type=document.type,
        title=document.title,
        issuer=document.issuer,
    )


def _zone_approvals(period: Period) -> list[ZoneApproval]:
    events = ZoneEvent.objects.filter(
        event=ZoneEventKind.POLICY_APPROVED, date__range=(period.start, period.end)
    ).select_related("zone")
    return [
        ZoneApproval(
            zone=event.zone.name,
            area_ha=event.zone.area_ha,
            date=event.date,
            decision=event.document,
            issuer_code=_issuer_code(event.document),
        )
        for event in events
    ]


def _issuer_code(symbol: str) -> str:
    if not symbol:
        return ""
    try:
        return parse_symbol(symbol).issuer
    except Exception:  # a free-text decision: the approver is not known
        return ""


def _infrastructure_projects(period: Period) -> list[InfrastructureProject]:
    events = ProjectEvent.objects.filter(
        event=ProjectEventKind.ISSUED,
        project__kind=ProjectKind.INFRASTRUCTURE,
        date__range=(period.start, period.end),
    ).select_related("project__zone")
    return [
        InfrastructureProject(
            name=event.project.name,
            zone=event.project.zone.name if event.project.zone else "",
            date=event.date,
            capital=event.capital or Decimal(0),
            currency=event.currency,
        )
        for event in events
    ]


def _framing(period: Period, report_date: dt.date, targets: dict[str, TargetInfo]) -> Framing:
    """The framing paragraph's documents and the staff's choices, as of the report's date."""
    programmes = [
        info.assigned_by
        for info in targets.values()
        if info.assigned_by is not None and info.assigned_by.date <= report_date
    ]
    programme = (
        max(set(programmes), key=lambda item: (programmes.count(item), item.date))
        if programmes
        else None
    )
    issued = Q(children__date__range=(period.year_start, report_date))
    plan = (
        Document.objects.filter(
            direction=Direction.OUT, date__range=(period.year_start, report_date)
        )
        .annotate(n=Count("children", filter=issued))
        .filter(n__gt=0)
        .order_by("-n", "date", "symbol")
        .first()
    )
    chosen = ReportFraming.objects.filter(period=period.code).first()
    listed: list[ListedTitle] = []
    if chosen is not None:
        listed = [
            ListedTitle(item.document.title, item.title_en)
            for item in ListedPlan.objects.filter(framing=chosen, document__date__lte=report_date)
            .select_related("document")
            .order_by("order")
            if item.document.title
        ]
    return Framing(
        programme=programme,
        plan=_cited(plan) if plan is not None else None,
        task_groups=chosen.task_groups if chosen is not None else None,
        thematic_plans=plan.n if plan is not None else 0,
        listed=listed,
    )


def thematic_plan_candidates(period: Period) -> list[Document]:
    """The thematic plans staff may name in the framing of ``period``'s report: those of the
    board's plans of the year, issued by the period's end, in date and number order."""
    return list(
        Document.objects.filter(
            parent__direction=Direction.OUT,
            parent__date__year=period.year,
            date__range=(period.year_start, period.end),
        )
        .select_related("parent")
        .order_by("date", "number", "symbol")
    )


def capital_changes(period: Period) -> list[CapitalChange]:
    """The certificates of the period that registered or changed the capital of a project in
    the zones (new projects and adjustments; the appendix), by zone, date and project."""
    events = (
        ProjectEvent.objects.filter(
            project__kind=ProjectKind.SECONDARY,
            date__range=(period.start, period.end),
        )
        .filter(
            Q(event=ProjectEventKind.ISSUED)
            | (Q(event=ProjectEventKind.ADJUSTED) & ~Q(capital=0) & Q(capital__isnull=False))
        )
        .select_related("project__zone", "project__investor")
        .order_by("project__zone__name", "date", "project__code", "id")
    )
    return [
        CapitalChange(
            zone=event.project.zone.name if event.project.zone else "",
            project=event.project.name,
            investor=event.project.investor.name if event.project.investor else "",
            country=event.project.investor.country if event.project.investor else "",
            origin=event.project.origin,
            date=event.date,
            event=event.event,
            certificate_no=event.certificate_no,
            capital=_plain_decimal(event.capital or Decimal(0)),
            currency=event.currency,
        )
        for event in events
    ]


def _plain_decimal(value: Decimal) -> Decimal:
    """``98000000.00`` → ``98000000``: the JSON of a frozen dataset stays short."""
    value = Decimal(value)
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
