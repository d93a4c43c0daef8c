"""Handlers of the ``kcn`` subcommands (the parser is in cli.py).

Each handler calls one service or selector and prints its result.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from kcn.core.errors import KcnError


def _database_label() -> str:
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        return f"SQLite {database['NAME']}"
    engine = database["ENGINE"].rsplit(".", 1)[-1]
    return f"{engine} {database.get('HOST') or 'localhost'}/{database['NAME']}"


def _note(message: str) -> None:
    print(message, file=sys.stderr)


def _date(text: str) -> dt.date:
    """The date of a ``--date`` option."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise KcnError(
            _("--date %(date)s is not a date such as 2022-03-28.") % {"date": text}
        ) from None


def init(args: argparse.Namespace) -> int:
    from django.core.management import call_command

    _note(_("Database: %(db)s") % {"db": _database_label()})
    call_command("migrate", interactive=False, verbosity=0)
    _note(_("The database is ready."))
    return 0


def _require_database() -> None:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise KcnError(
            _("The database %(db)s is not initialised or is out of date: run kcn init.")
            % {"db": _database_label()}
        )


def import_workbook(args: argparse.Namespace) -> int:
    from kcn.core.oplog import logged_import
    from kcn.exchange.importer import workbook_import
    from kcn.jobs.locks import import_lock

    _require_database()
    path: Path = args.file
    if not path.is_file():
        raise KcnError(_("%(file)s: no such file") % {"file": path})
    actor = _user(args.user) if args.user else None
    progress, close = _progress_bar(path)
    try:
        waiting = _("Another import is running: this one waits for it to end.")
        with (
            import_lock(on_wait=lambda: _note(waiting)),
            logged_import(source="command", file=path.name, user=args.user) as log,
        ):
            result = log.result = workbook_import(path, actor=actor, progress=progress)
    finally:
        close()
    if not result.ok:
        for problem in result.problems.listed:
            print(problem, file=sys.stderr)
        if result.problems.unlisted:
            _note(_("… and %(n)s more problems.") % {"n": result.problems.unlisted})
        _note(
            _("%(file)s: %(n)s problems; nothing was imported.")
            % {"file": path.name, "n": result.problems.total}
        )
        return 1
    for warning in result.warnings.listed:
        print(_("warning: %(warning)s") % {"warning": warning}, file=sys.stderr)
    if result.warnings.unlisted:
        _note(_("… and %(n)s more warnings.") % {"n": result.warnings.unlisted})
    for name, summary in result.summary.items():
        _note(
            _(
                "%(sheet)s: %(rows)s rows, %(added)s added, %(updated)s updated, "
                "%(unchanged)s unchanged"
            )
            % {"sheet": name, **vars(summary)}
        )
    _note(_("%(file)s imported: %(rows)s rows.") % {"file": path.name, "rows": result.rows})
    return 0


def _progress_bar(path: Path) -> tuple[Any, Any]:
    """A progress bar on a terminal; nothing when standard error is not one."""
    if not sys.stderr.isatty():
        return None, lambda: None
    from tqdm import tqdm

    from kcn.exchange.xlsx import XlsxReader

    with XlsxReader(path) as reader:
        total = sum(reader.row_count(name) for name in reader.sheet_names)
    bar = tqdm(total=total or None, unit=" rows", file=sys.stderr, leave=False)

    def advance(sheet: str, rows: int) -> None:
        bar.set_description(sheet)
        bar.update(rows)

    return advance, bar.close


def export_workbook(args: argparse.Namespace) -> int:
    from kcn.exchange.exporter import workbook_export

    _require_database()
    counts = workbook_export(args.file, english_keys=args.keys)
    _note(
        _("%(file)s written: %(rows)s rows in %(sheets)s sheets.")
        % {"file": args.file, "rows": sum(counts.values()), "sheets": len(counts)}
    )
    return 0


def report(args: argparse.Namespace) -> int:
    from kcn.core.periods import parse_period
    from kcn.ops.replica import replica_reads

    _require_database()
    if args.action == "template":
        from kcn.reports.render.docx_template import default_template

        return _write_output(args.output, default_template())
    if not args.period:
        raise KcnError(
            _("Say which period: --period 2022-Q1 (or 2022, 2022-H1, 2022-03, 2022-9M).")
        )
    period = parse_period(args.period)
    if args.action in WORKFLOW_STEPS:
        return _report_step(args, period)
    with replica_reads():
        if args.action == "diff":
            return _report_diff(period)
        return _report_render(args, period)


def _report_render(args: argparse.Namespace, period: Any) -> int:
    from django.utils import translation

    from kcn.reports.document import local_day
    from kcn.reports.json import dataset_json
    from kcn.reports.selectors import report_dataset

    dataset = report_dataset(period, live=args.live)
    if dataset.version:  # a published dataset was generated when it was published
        _note(
            _(
                "Published report, version %(version)s of %(date)s: its figures are frozen "
                "(--live for the records as they are now)."
            )
            % {"version": dataset.version, "date": local_day(dataset.generated_at).isoformat()}
        )
    if args.format == "json":
        return _write_output(args.output, (dataset_json(dataset) + "\n").encode("utf-8"))
    from kcn.reports.document import compose
    from kcn.reports.render import render
    from kcn.reports.render.markdown import chart_files

    document = compose(dataset, translation.get_language())
    content = render(document, args.format)
    if args.format == "md" and args.output:
        for name, png in chart_files(document).items():
            (args.output.parent / name).write_bytes(png)
    if args.output is None and args.format in ("docx", "pdf") and sys.stdout.isatty():
        raise KcnError(
            _("A %(format)s file is binary: write it with -o FILE.") % {"format": args.format}
        )
    return _write_output(args.output, content)


def _write_output(path: Path | None, content: bytes) -> int:
    if path is None:
        sys.stdout.buffer.write(content)
        sys.stdout.flush()
        return 0
    try:
        path.write_bytes(content)
    except OSError as error:
        raise KcnError(f"{path}: {error.strerror}") from None
    _note(_("Wrote %(file)s.") % {"file": path})
    return 0


# The report's workflow on the command line: the same services, so the same rules, as the
# web page. Without --user the command acts as the system, which may take every step.
WORKFLOW_STEPS = ("submit", "approve", "return", "publish")


def _report_step(args: argparse.Namespace, period: Any) -> int:
    from kcn.reports import workflow

    actor = _user(args.user) if args.user else None
    if args.action == "submit":
        for warning in workflow.submit_warnings(period):
            _note(warning)
        workflow.report_submit(period=period, actor=actor)
        print(_("The report was submitted for approval."))
    elif args.action == "approve":
        workflow.report_approve(period=period, actor=actor)
        print(_("The report was approved."))
    elif args.action == "return":
        workflow.report_return(period=period, actor=actor, note=args.note or "")
        print(_("The report was returned to draft."))
    else:
        report = workflow.report_publish(
            period=period,
            number=args.number,
            issued_on=_date(args.date) if args.date else None,
            actor=actor,
        )
        print(
            _("Published the report of %(period)s, version %(version)s.")
            % {"period": report.period, "version": report.version}
        )
    return 0


def _report_diff(period: Any) -> int:
    from kcn.reports.selectors import report_changes

    published, changes = report_changes(period)
    if not changes:
        print(
            _("No change since version %(version)s was published.") % {"version": published.version}
        )
        return 0
    print(
        _("%(n)s changes since version %(version)s was published (published → now):")
        % {"n": len(changes), "version": published.version}
    )
    for change in changes:
        print(f"- {change}")
    return 0


def ministry_form(args: argparse.Namespace) -> int:
    from kcn.core.periods import parse_period
    from kcn.ops.replica import replica_reads
    from kcn.reports.ministry import ministry_form as fill
    from kcn.reports.render.xlsx import render_form_xlsx

    _require_database()
    period = parse_period(args.period)
    with replica_reads():
        content = render_form_xlsx(fill(args.code, period))
    return _write_output(args.output, content)


def board(args: argparse.Namespace) -> int:
    from kcn.board.models import BoardProfile
    from kcn.board.profile import PROFILE_TEXT_FIELDS
    from kcn.board.services import board_profile_update
    from kcn.reports.dataset import board_profile

    _require_database()
    values: dict[str, Any] = {
        name: getattr(args, name).replace("\\n", "\n")
        for name in PROFILE_TEXT_FIELDS
        if getattr(args, name) is not None
    }
    if args.outline is not None:
        from kcn.zones.rules import outline_from_geojson

        try:
            values["outline"] = outline_from_geojson(args.outline.read_text(encoding="utf-8"))
        except OSError as error:
            raise KcnError(f"{args.outline}: {error.strerror}") from None
        except ValueError as error:
            raise KcnError(f"{args.outline}: {error}") from None
    if args.self_approval is not None:
        values["self_approval"] = args.self_approval == "yes"
    if values:
        board_profile_update(**values)
    profile = board_profile()
    for name in PROFILE_TEXT_FIELDS:
        value = getattr(profile, name)
        if isinstance(value, list):
            value = "; ".join(value)
        print(f"{name:20} {value}")
    allowed = BoardProfile.objects.filter(pk=1).values_list("self_approval", flat=True).first()
    print(f"{'self_approval':20} {'yes' if allowed else 'no'}")
    outline = BoardProfile.objects.filter(pk=1).values_list("outline", flat=True).first()
    print(f"{'outline':20} {outline['type'] if outline else '-'}")
    return 0


def explain(args: argparse.Namespace) -> int:
    from kcn.core.periods import parse_period
    from kcn.indicators.drilldown import explain_text
    from kcn.ops.replica import replica_reads

    _require_database()
    period = parse_period(args.period)
    with replica_reads():
        text = explain_text(period, args.indicator, ytd=args.ytd, limit=args.limit)
    sys.stdout.write(text)
    return 0


def list_indicators(args: argparse.Namespace) -> int:
    from kcn.indicators.registry import INDICATORS

    for code, indicator in INDICATORS.items():
        print(f"{code:42} {indicator.kind.value:5} {indicator.unit.value:10} {indicator.name}")
    return 0


def demo_workbook(args: argparse.Namespace) -> int:
    from kcn.demo.generator import generate
    from kcn.exchange.exporter import write_rows_workbook

    write_rows_workbook(args.file, generate())
    _note(_("%(file)s written.") % {"file": args.file})
    return 0


def demo_portal(args: argparse.Namespace) -> int:
    from kcn.demo.portal import load_demo_portal

    _require_database()
    added = load_demo_portal()
    _note(
        _("The demo portal is ready: %(articles)s news articles and %(comments)s comments added.")
        % added
    )
    return 0


def demo_report(args: argparse.Namespace) -> int:
    from kcn.demo.report import load_demo_report

    _require_database()
    listed = load_demo_report()
    _note(
        _(
            "The demo's 2022-Q1 report is ready: the board's profile in English and "
            "%(listed)s thematic plans named in its framing paragraph."
        )
        % {"listed": listed}
    )
    return 0


def demo_enterprises(args: argparse.Namespace) -> int:
    from kcn.demo.enterprises import load_demo_enterprises

    _require_database()
    password = os.environ.get("KCN_PASSWORD")
    if not password:
        raise KcnError(_("Set KCN_PASSWORD: the demo enterprise users' password."))
    for account in load_demo_enterprises(password):
        investor = account.investor
        print(f"{account.username:14} {investor.code:14} {investor.name} ({account.shows})")
    return 0


def serve(args: argparse.Namespace) -> int:
    from kcn.server import run

    _require_database()
    _note(_("Database: %(db)s") % {"db": _database_label()})
    _note(
        _("Serving kcn on http://%(host)s:%(port)s/ (Ctrl+C to stop)")
        % {"host": args.host, "port": args.port}
    )
    run(
        host=args.host,
        port=args.port,
        workers=args.workers,
        threads=args.threads,
        job_worker=not args.no_worker,
    )
    return 0


def worker(args: argparse.Namespace) -> int:
    """Run the background jobs until stopped (Ctrl+C or SIGTERM end it after the job at hand)."""
    import logging

    from kcn.jobs.services import remind_at
    from kcn.jobs.worker import jobs_interrupted_fail, make_worker

    _require_database()
    reminders_at = remind_at()  # a bad KCN_REMIND_AT stops the worker here, said plainly
    interrupted = jobs_interrupted_fail()
    if interrupted:
        _note(
            _("%(n)s job(s) left running by a stopped worker were marked failed.")
            % {"n": interrupted}
        )
    logging.getLogger("django_tasks_db").setLevel(logging.INFO)
    runner = make_worker(interval=args.interval, batch=args.batch, daily=True)
    if not args.batch:
        _note(_("Worker started: it runs the jobs as they come (Ctrl+C to stop)."))
        if reminders_at is not None:
            _note(
                _("It sends the day's reminders to enterprises from %(time)s (KCN_REMIND_AT).")
                % {"time": reminders_at.strftime("%H:%M")}
            )
    runner.configure_signals()
    runner.run()
    return 0


def token(args: argparse.Namespace) -> int:
    """``kcn token create USER`` prints the new token alone on the last line of standard
    output (the only time it is shown); ``kcn token revoke USER``."""
    from kcn.tokens.services import token_create, token_revoke

    _require_database()
    user = _user(args.name)
    if args.action == "create":
        print(_("A new API token for %(name)s (it replaces any earlier one):") % {"name": user})
        print(token_create(user=user))
        return 0
    if token_revoke(user=user):
        print(_("The API token of %(name)s was revoked.") % {"name": user.username})
    else:
        print(_("%(name)s has no API token.") % {"name": user.username})
    return 0


def createuser(args: argparse.Namespace) -> int:
    from kcn.accounts.services import user_create_or_update

    _require_database()
    password = os.environ.get("KCN_PASSWORD")
    if not password:
        if not sys.stdin.isatty():
            raise KcnError(_("Set KCN_PASSWORD or run on a terminal to type the password."))
        password = getpass.getpass(_("Password: "))
        if password != getpass.getpass(_("Password (again): ")):
            raise KcnError(_("The two passwords differ."))
    investor = None
    if args.investor:
        from kcn.investors.models import Investor

        investor = Investor.objects.filter(code=args.investor.strip()).first()
        if investor is None:
            raise KcnError(_("No investor has the code %(code)s.") % {"code": args.investor})
    user, created = user_create_or_update(
        username=args.name,
        role=args.role,
        password=password,
        update=args.update,
        investor=investor,
        email=args.email,
    )
    message = (
        _("User %(name)s created with role %(role)s.")
        if created
        else _("User %(name)s updated: role %(role)s.")
    )
    _note(message % {"name": user.username, "role": user.role})
    return 0


def _user(username: str) -> Any:
    """The user a command acts as (``--user``): recorded in the audit trail, its role checked."""
    from kcn.accounts.models import User

    user = User.objects.filter(username=username).first()
    if user is None:
        raise KcnError(_("No user %(name)s.") % {"name": username})
    if not user.is_active:
        raise KcnError(_("User %(name)s is deactivated.") % {"name": username})
    return user


def remind(args: argparse.Namespace) -> int:
    """Send today's reminders of reports due (or with --dry-run, list them)."""
    from django.utils import timezone

    from kcn.enterprise_reports.reminders import describe, reminders_send

    _require_database()
    today = _date(args.date) if args.date else timezone.localdate()
    result = reminders_send(today, args.period or "", dry_run=args.dry_run)
    for letter in result.letters:
        for obligation, _kind in letter.items:
            print(
                (
                    _("Would remind %(to)s: %(what)s")
                    if args.dry_run
                    else _("Reminded %(to)s: %(what)s")
                )
                % {"to": ", ".join(letter.recipients), "what": describe(obligation, today)}
            )
    for obligation in result.without_address:
        print(
            _("No e-mail address for %(investor)s: %(what)s")
            % {"investor": obligation.project.investor.name, "what": describe(obligation, today)}
        )
    sent = sum(len(letter.items) for letter in result.letters)
    _note(
        (_("%(n)s reminder(s) would be sent.") if args.dry_run else _("%(n)s reminder(s) sent."))
        % {"n": sent}
    )
    return 0


def gettext_noop(message: str) -> str:
    """Marks a message for translation where Django's settings are not loaded yet."""
    return message


# Django's deployment checks in plain words: what is missing, and what to set.
_PLAIN_CHECKS = {
    "security.W018": gettext_noop(
        "KCN_DEBUG is on: an error shows the code and the settings to anyone. "
        "Turn it off on a server."
    ),
    "security.W009": gettext_noop(
        "KCN_SECRET_KEY is short or guessable: unset it (kcn then keeps a random key in the "
        "data folder) or set 50 random characters."
    ),
    "security.W020": gettext_noop("KCN_ALLOWED_HOSTS is empty: set the names users type."),
}
_HTTPS_CHECKS = frozenset({"security.W004", "security.W008", "security.W012", "security.W016"})


def check(args: argparse.Namespace) -> int:
    """Django's ``check --deploy`` and kcn's own checks, each problem in a sentence."""
    from django.core import checks

    _note(_("Database: %(db)s") % {"db": _database_label()})
    _note(_("Data folder: %(path)s") % {"path": settings.DATA_DIR})
    _note(_("HTTPS: %(state)s") % {"state": _("on") if settings.KCN_HTTPS else _("off")})
    found = [
        message
        for message in checks.run_checks(include_deployment_checks=True)
        if not message.is_silenced() and message.level >= checks.WARNING
    ]
    lines: list[str] = []
    if any(message.id in _HTTPS_CHECKS for message in found):
        lines.append(
            _(
                "HTTPS is off: passwords and session cookies can be read on the network, and "
                "browsers are not told to use https. Put kcn behind a reverse proxy with a "
                "certificate (docs/deploy.md) and set KCN_HTTPS=1."
            )
        )
    for message in found:
        if message.id in _HTTPS_CHECKS:
            continue
        if message.id in _PLAIN_CHECKS:
            lines.append(_(_PLAIN_CHECKS[message.id]))
            continue
        text = str(message.msg)
        if message.hint:
            text += f" {message.hint}"
        lines.append(f"{text} [{message.id}]")
    if not lines:
        print(_("Nothing missing: this server is set up as kcn recommends."))
        return 0
    print(_("%(n)s thing(s) to set up:") % {"n": len(lines)})
    for line in lines:
        print(f"- {line}")
    return 1


def unlock(args: argparse.Namespace) -> int:
    from kcn.accounts.services import user_unlock

    _require_database()
    if user_unlock(actor=None, username=args.name):
        print(_("User %(name)s may sign in again.") % {"name": args.name})
    else:
        print(_("User %(name)s was not locked out.") % {"name": args.name})
    return 0


def backup(args: argparse.Namespace) -> int:
    from kcn.ops.backup import database_backup

    _require_database()
    summary = database_backup(args.file)
    _note(
        _("%(file)s written: %(rows)s rows of %(tables)s tables, %(files)s files.")
        % {
            "file": summary.path,
            "rows": summary.rows,
            "tables": len(summary.tables),
            "files": summary.files,
        }
    )
    return 0


def restore(args: argparse.Namespace) -> int:
    from kcn.ops.backup import database_restore

    path: Path = args.file
    if not path.is_file():
        raise KcnError(_("%(file)s: no such file") % {"file": path})
    _note(_("Database: %(db)s") % {"db": _database_label()})
    summary = database_restore(path, force=args.force)
    _note(
        _(
            "Restored the backup of %(date)s: %(rows)s rows of %(tables)s tables, %(files)s "
            "files. Everyone signs in again."
        )
        % {
            "date": summary.created_at,
            "rows": summary.rows,
            "tables": summary.tables,
            "files": summary.files,
        }
    )
    return 0
