"""The ``kcn`` command.

Every subcommand is a thin shell over a service or selector: it parses the
arguments, calls one thing and prints its result. A problem the user can fix
is one line on standard error and a non-zero exit, never a traceback
(``KCN_DEBUG=1`` shows tracebacks of unexpected errors).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from kcn.board.profile import PROFILE_TEXT_FIELDS

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 70

Handler = Callable[[argparse.Namespace], int]
LANGUAGES = ("vi", "en")
LANG_HELP = "language of messages and reports (default vi)"


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["manage"]:
        return _manage(args_list[1:])
    parser = build_parser()
    args = parser.parse_args(args_list)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    _setup_django()
    from django.utils import translation

    from kcn.core.errors import KcnError

    translation.activate(args.lang or os.environ.get("KCN_LANG", "vi"))
    try:
        handler: Handler = args.handler
        return handler(args)
    except KcnError as error:
        _fail(str(error))
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        _fail("interrupted")
        return 130
    except BrokenPipeError:  # the reader of our output went away (kcn … | head)
        sys.stderr.close()
        return EXIT_OK
    except Exception as error:  # the promise: one line, never a traceback
        from kcn.config.env import env_bool

        if env_bool("KCN_DEBUG"):
            raise
        _fail(f"internal error: {type(error).__name__}: {error} (KCN_DEBUG=1 shows the details)")
        return EXIT_INTERNAL


def build_parser() -> argparse.ArgumentParser:
    from kcn import commands

    parser = argparse.ArgumentParser(
        prog="kcn",
        description="The information system of an Industrial Zones Management Board.",
    )
    parser.add_argument("--lang", choices=LANGUAGES, help=LANG_HELP)
    sub = parser.add_subparsers(metavar="COMMAND")

    init = sub.add_parser("init", help="create or upgrade the database (safe to repeat)")
    init.set_defaults(handler=commands.init)

    imp = sub.add_parser("import", help="import an exchange workbook (all or nothing)")
    imp.add_argument("file", type=Path)
    imp.add_argument("--user", help="user recorded in the audit trail")
    imp.set_defaults(handler=commands.import_workbook)

    exp = sub.add_parser("export", help="export every record to an exchange workbook")
    exp.add_argument("file", type=Path)
    exp.add_argument(
        "--keys", action="store_true", help="head columns with English keys, not Vietnamese labels"
    )
    exp.set_defaults(handler=commands.export_workbook)

    report = sub.add_parser(
        "report",
        help="the periodic report of a period: render, submit, approve, return, publish, diff, "
        "template",
        description="Render the report of a period (json, docx, pdf, html, md); walk it through "
        "its workflow (submit, approve or return with a note, then publish: freeze its "
        "figures; only an approved report is published); list what changed since it was "
        "published; or write the Word template for the board to restyle. Without --user the "
        "workflow steps act as the system.",
    )
    report.add_argument(
        "action",
        nargs="?",
        default="render",
        choices=["render", "submit", "approve", "return", "publish", "diff", "template"],
    )
    report.add_argument("--period", help="2022, 2022-H1, 2022-Q1, 2022-03, 2022-9M, …")
    report.add_argument("--format", default="json", choices=["json", "docx", "pdf", "html", "md"])
    report.add_argument(
        "-o", "--output", type=Path, help="file to write (default: standard output)"
    )
    report.add_argument(
        "--live", action="store_true", help="figures from the records now, even if published"
    )
    report.add_argument("--number", default="", help="publish: the document number, e.g. 45")
    report.add_argument("--date", help="publish: the date of the report, YYYY-MM-DD")
    report.add_argument("--note", help="return: what needs changing")
    report.add_argument(
        "--user",
        help="submit, approve, return, publish: the user acting (its role is checked and it is "
        "recorded in the audit trail; default: the system)",
    )
    report.set_defaults(handler=commands.report)

    form = sub.add_parser(
        "form",
        help="a statistical form to the Ministry (2101, 2104, 2106, 2107) as an Excel file",
        description="Fill one of the Ministry's forms 21xx.H.QLKKT from the records, as the "
        "report's figures are: 2101 investment attracted, 2104 production and business by "
        "zone, 2106 workers in the zones, 2107 zones in the master plan.",
    )
    form.add_argument("code", help="the form's number: 2101, 2104, 2106 or 2107")
    form.add_argument("--period", required=True, help="2022, 2022-H1, 2022-Q1, 2022-03, …")
    form.add_argument("-o", "--output", type=Path, required=True, help="the .xlsx file to write")
    form.set_defaults(handler=commands.ministry_form)

    board = sub.add_parser(
        "board", help="show or change the board's profile (letterhead, place, signer)"
    )
    for field in PROFILE_TEXT_FIELDS:
        board.add_argument(f"--{field.replace('_', '-')}", dest=field)
    board.add_argument(
        "--self-approval",
        choices=["yes", "no"],
        help="may a leader approve a report they submitted themselves (default: no)",
    )
    board.add_argument(
        "--outline", type=Path, help="GeoJSON file of the province's outline, for the map"
    )
    board.set_defaults(handler=commands.board)

    explain = sub.add_parser("explain", help="the records behind an indicator's figure")
    explain.add_argument("--period", required=True)
    explain.add_argument("indicator", help="indicator code, e.g. operating_projects.foreign")
    explain.add_argument("--ytd", action="store_true", help="explain the year-to-date figure")
    explain.add_argument("--limit", type=int, default=0, help="show at most N records")
    explain.set_defaults(handler=commands.explain)

    indicators = sub.add_parser("indicators", help="list every indicator")
    indicators.set_defaults(handler=commands.list_indicators)

    demo = sub.add_parser("demo-workbook", help="write the Hưng Yên demo workbook")
    demo.add_argument("file", type=Path)
    demo.set_defaults(handler=commands.demo_workbook)

    demo_report = sub.add_parser(
        "demo-report",
        help="demo: the 2022-Q1 report's framing choices and the board's profile in English",
    )
    demo_report.set_defaults(handler=commands.demo_report)

    portal = sub.add_parser(
        "demo-portal", help="fill the public portal with the demo's news and settings"
    )
    portal.set_defaults(handler=commands.demo_portal)

    serve = sub.add_parser("serve", help="serve the web application")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument(
        "--workers", type=int, help="server processes (default: 2 per CPU core, plus 1)"
    )
    serve.add_argument("--threads", type=int, default=4, help="threads per process (default 4)")
    serve.add_argument(
        "--no-worker",
        action="store_true",
        help="do not start a job worker beside the server (run `kcn worker` yourself)",
    )
    serve.set_defaults(handler=commands.serve)

    worker = sub.add_parser(
        "worker",
        help="run background jobs (imports, report documents, the day's reminders) until stopped",
    )
    worker.add_argument("--batch", action="store_true", help="run the jobs waiting now, then stop")
    worker.add_argument(
        "--interval", type=float, default=1.0, help="seconds between looks for a job when idle"
    )
    worker.set_defaults(handler=commands.worker)

    token = sub.add_parser(
        "token", help="create or revoke a user's API token (a new one replaces the old)"
    )
    token.add_argument("action", choices=["create", "revoke"])
    token.add_argument("name", help="the user")
    token.set_defaults(handler=commands.token)

    user = sub.add_parser("createuser", help="create a user (password from KCN_PASSWORD or asked)")
    user.add_argument("name")
    user.add_argument(
        "--role", required=True, choices=["leader", "specialist", "enterprise", "viewer"]
    )
    user.add_argument(
        "--update", action="store_true", help="change the role and password of an existing user"
    )
    user.add_argument("--investor", help="for an enterprise user: the investor's code")
    user.add_argument("--email", help="e-mail address (an enterprise user's reminders go there)")
    user.set_defaults(handler=commands.createuser)

    demo_users = sub.add_parser(
        "demo-enterprises",
        help="demo: enterprise users for three investors (password from KCN_PASSWORD)",
    )
    demo_users.set_defaults(handler=commands.demo_enterprises)

    remind = sub.add_parser(
        "remind",
        help="e-mail enterprises the reports they owe (7 and 1 days before, weekly after)",
    )
    remind.add_argument("--period", help="only reports for this period, e.g. 2022-Q2, 2022-H1")
    remind.add_argument("--dry-run", action="store_true", help="list the reminders, send none")
    remind.add_argument("--date", help="act as on this day, YYYY-MM-DD (default: today)")
    remind.set_defaults(handler=commands.remind)

    check = sub.add_parser(
        "check",
        help="check that this server is set up safely (Django's deployment checks and kcn's)",
    )
    check.set_defaults(handler=commands.check)

    unlock = sub.add_parser(
        "unlock", help="let a user locked out after failed logins sign in again (audited)"
    )
    unlock.add_argument("name", help="the user name")
    unlock.set_defaults(handler=commands.unlock)

    backup = sub.add_parser(
        "backup", help="write every table and kcn's files to one archive (while serving)"
    )
    backup.add_argument("file", type=Path, help="the archive to write, e.g. kcn-2026-12-01.zip")
    backup.set_defaults(handler=commands.backup)

    restore = sub.add_parser(
        "restore",
        help="put a backup back into an empty database (kcn init first); --force replaces "
        "everything in a database that is not empty",
    )
    restore.add_argument("file", type=Path)
    restore.add_argument("--force", action="store_true", help="replace what the database holds now")
    restore.set_defaults(handler=commands.restore)

    sub.add_parser("manage", help="run a Django management command (for developers)")
    # --lang is also read after the subcommand: "kcn report --period 2022-Q1 --lang en".
    for command in sub.choices.values():
        command.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=LANG_HELP)
    return parser


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kcn.config.settings")
    import django

    django.setup()


def _manage(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kcn.config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["kcn manage", *argv])
    return EXIT_OK


def _fail(message: str, stream: TextIO | None = None) -> None:
    print(f"kcn: {message}", file=stream or sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
