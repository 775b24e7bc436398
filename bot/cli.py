"""`govbot`: run the gateway, train the model, evaluate it, purge old transcripts."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from pathlib import Path
from typing import List, Optional

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")

from bot.contracts import TEAMS  # noqa: E402
from bot.language import LANGUAGES  # noqa: E402
from bot.settings import PROJECT_ROOT, SettingsError, load_settings  # noqa: E402


def _serve(args: argparse.Namespace) -> int:
    import uvloop
    from aiohttp import web

    from bot.gateway.app import create_app

    settings = load_settings()
    log = logging.getLogger(__name__)
    log.info("settings:\n%s", settings.describe())
    for warning in settings.warnings():
        log.warning("%s", warning)
    # Rasa's sanic import would switch to uvloop mid-run; choose it before the loop exists.
    asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    # SIGTERM: bot/gateway/shutdown.py drains the web chat, then handlers get as long again.
    web.run_app(create_app(settings), host=settings.host, port=settings.port, print=print,
                shutdown_timeout=settings.shutdown_grace_seconds)
    return 0


def _train(args: argparse.Namespace) -> int:
    from bot.trainer.training import train_if_changed

    path = train_if_changed(force=args.force)
    print(f"model: {path}")
    return 0


def _eval_nlu(args: argparse.Namespace) -> int:
    from bot.trainer.nlu_eval import main as evaluate

    return evaluate(holdout=args.holdout, seed=args.seed, report=args.report, split_knowledge=args.split_knowledge)


def _eval_citizens(args: argparse.Namespace) -> int:
    from bot.trainer.citizen_eval import main as evaluate, main_all

    if args.all:
        return main_all(model=Path(args.model) if args.model else None, report_dir=Path(args.report_dir))
    return evaluate(
        eval_set=Path(args.set), model=Path(args.model) if args.model else None,
        rasa_url=args.rasa_url, report=Path(args.report),
    )


def _validate(args: argparse.Namespace) -> int:
    from bot.trainer.validate import main as validate

    return validate()


def _inbox(args: argparse.Namespace) -> int:
    import getpass

    from bot.storage.database import Database
    from bot.trainer import inbox

    db = Database(load_settings().transcripts_url)
    db.upgrade_schema()
    try:
        if args.inbox_command == "label":
            db.run(lambda s: inbox.label(s, args.text, args.language, args.intent,
                                         by=os.environ.get("USER") or getpass.getuser(), new_intent=args.new))
            print(f"labelled {args.text!r} ({args.language}) as {args.intent}; `govbot inbox export` writes it")
        elif args.inbox_command == "export":
            done = db.run(inbox.export)
            for name, count in done.written.items():
                print(f"export: {count} example(s) added to {name}")
            for text in done.skipped:
                print(f"export: already in the data: {text!r}")
            for conflict in done.conflicts:
                print(f"export: NOT written, conflict: {conflict}")
            if not done.written and not done.skipped and not done.conflicts:
                print("export: nothing labelled since the last export")
            else:
                print("next: govbot check && govbot train && govbot eval")
        else:
            groups = db.run(lambda s: inbox.collect(s, days=args.days, threshold=args.threshold))
            print(inbox.describe(groups, args.limit) if groups else "inbox: nothing to review")
    except inbox.InboxError as error:
        print(f"govbot: {error}", file=sys.stderr)
        return 2
    finally:
        db.dispose()
    return 0


def _bench(args: argparse.Namespace) -> int:
    from bot.bench.runner import run

    return run(args.conversations, args.concurrency, args.single, args.seconds, args.workers,
               baseline=not args.no_baseline)


def _soak(args: argparse.Namespace) -> int:
    from bot.bench.soak import run

    return run(args.minutes, args.citizens, args.officers, args.workers, args.faults, args.port)


def _check(args: argparse.Namespace) -> int:
    from bot.trainer.check import main as check

    return check()


def _purge(args: argparse.Namespace) -> int:
    from bot.gateway.app import purge_expired
    from bot.storage.database import Database

    settings = load_settings()
    days = args.days or settings.retention_days
    db = Database(settings.transcripts_url)
    db.upgrade_schema()
    print(f"purged {purge_expired(db, days)} transcript lines older than {days} days")
    return 0


def _db(args: argparse.Namespace) -> int:
    from bot.storage import migrations
    from bot.storage.database import create_db_engine

    engine = create_db_engine(load_settings().transcripts_url)
    try:
        if args.db_command == "upgrade":
            before = migrations.upgrade(engine)
            print(f"database: {before or 'no revision'} -> {migrations.current(engine)} (head)")
        elif args.db_command == "revision":
            print(f"new revision: {migrations.revision(engine, args.message)} (read and clean it, then test)")
        else:
            now, head = migrations.current(engine), migrations.head()
            state = "up to date" if now == head else "`govbot db upgrade` (or start the gateway) upgrades it"
            print(f"database: {now or 'no revision'}; head: {head}; {state}")
    except migrations.SchemaMismatch as error:
        print(f"govbot: {error}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    return 0


def _officer_add(args: argparse.Namespace) -> int:
    import getpass

    from bot.handoff.accounts import AccountError, add_officer
    from bot.storage.database import Database

    password = os.environ.get("GOVBOT_OFFICER_PASSWORD") or ""
    if not password:
        if not sys.stdin.isatty():
            print("govbot: set GOVBOT_OFFICER_PASSWORD or run in a terminal", file=sys.stderr)
            return 2
        password = getpass.getpass("password (12 characters or more): ")
        if getpass.getpass("again: ") != password:
            print("govbot: the passwords differ", file=sys.stderr)
            return 2
    settings = load_settings()
    db = Database(settings.transcripts_url)
    db.upgrade_schema()
    try:
        officer = db.run(lambda session: add_officer(
            session, args.username, password, display_name=args.name or "", role=args.role,
            teams=args.teams.split(","), languages=args.languages.split(","),
            max_concurrent=args.max_concurrent, gender=args.gender,
        ).username)
    except AccountError as error:
        print(f"govbot: {error}", file=sys.stderr)
        return 2
    finally:
        db.dispose()
    print(f"officer {officer!r} created ({args.role}; teams {args.teams}; languages {args.languages})")
    return 0


def _officer_list(args: argparse.Namespace) -> int:
    from bot.handoff.accounts import list_officers
    from bot.storage.database import Database

    db = Database(load_settings().transcripts_url)
    db.upgrade_schema()
    rows = db.run(lambda session: [
        (o.username, o.display_name, o.role, ",".join(o.teams), ",".join(o.languages), o.max_concurrent)
        for o in list_officers(session)
    ])
    db.dispose()
    for row in rows:
        print("{:<20} {:<24} {:<10} {:<24} {:<6} max {}".format(*row))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="govbot", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="run the gateway (channels, engine, action server)")
    serve.set_defaults(run=_serve)
    train = commands.add_parser("train", help="train the model if the training data changed")
    train.add_argument("--force", action="store_true", help="train even if nothing changed")
    train.set_defaults(run=_train)
    citizens = commands.add_parser(
        "eval", help="the realistic citizen set: correct / confidently wrong / clarified / fallback per language")
    citizens.add_argument("--set", default=str(PROJECT_ROOT / "eval" / "citizen_questions.yml"))
    citizens.add_argument("--model", default="", help="a trained model (default: models/govbot.tar.gz)")
    citizens.add_argument("--rasa-url", default="", help="score a running Rasa server (REST + tracker API) instead")
    citizens.add_argument("--report", default=str(PROJECT_ROOT / "reports" / "citizen_eval.json"))
    citizens.add_argument("--all", action="store_true",
                          help="every set in eval/ with one engine: counts per set and pooled blind / development totals")
    citizens.add_argument("--report-dir", default=str(PROJECT_ROOT / "reports" / "citizen_eval"),
                          help="with --all: where each set's JSON report goes")
    citizens.set_defaults(run=_eval_citizens)
    evaluate = commands.add_parser(
        "eval-nlu",
        help="train on a split, score the held-out part per language, compare, write JSON + HTML")
    evaluate.add_argument("--holdout", type=float, default=0.2, help="share of examples held out")
    evaluate.add_argument("--seed", type=int, default=13)
    evaluate.add_argument("--report", default=str(PROJECT_ROOT / "reports" / "nlu_eval.json"))
    evaluate.add_argument("--split-knowledge", action="store_true",
                          help="hold out knowledge questions too (by default they are all trained on)")
    evaluate.set_defaults(run=_eval_nlu)
    validate = commands.add_parser("validate", help="rasa data validate, failing on unexplained warnings")
    validate.set_defaults(run=_validate)
    inbox = commands.add_parser("inbox", help="trainers: citizen messages the model was unsure about")
    inbox.add_argument("--days", type=int, default=30)
    inbox.add_argument("--threshold", type=float, default=0.6, help="confidence under which a message is shown")
    inbox.add_argument("--limit", type=int, default=50)
    inbox.set_defaults(run=_inbox, inbox_command="list")
    inbox_commands = inbox.add_subparsers(dest="inbox_command")
    inbox_commands.add_parser("list", help="the groups to review (default)")
    labelling = inbox_commands.add_parser("label", help="label a text with an intent")
    labelling.add_argument("text")
    labelling.add_argument("intent", help="an intent of domain.yml, out_of_scope, or a new one with --new")
    labelling.add_argument("--language", choices=("en", "fr"), required=True)
    labelling.add_argument("--new", action="store_true", help="a new intent (goes to data/nlu/new_intents.yml)")
    inbox_commands.add_parser("export", help="write the labels into data/nlu/<topic>.yml")
    bench = commands.add_parser(
        "bench", help="gateway vs stock `rasa run`: msg/s, p50/p95/p99, peak memory")
    bench.add_argument("--conversations", type=int, default=360, help="conversations in the loaded run")
    bench.add_argument("--concurrency", type=int, default=20, help="conversations at once")
    bench.add_argument("--single", type=int, default=12, help="conversations in the one-at-a-time run")
    bench.add_argument("--seconds", type=float, default=240, help="time limit of each run")
    bench.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                       help="the gateway's engine worker processes (GOVBOT_ENGINE_WORKERS); 0: in-process")
    bench.add_argument("--no-baseline", action="store_true",
                       help="skip Rasa's default pipeline (trained once on our data, several minutes)")
    bench.set_defaults(run=_bench)
    soak = commands.add_parser("soak", help="minutes of citizens and officers: memory, lost messages")
    soak.add_argument("--minutes", type=float, default=3)
    soak.add_argument("--citizens", type=int, default=10)
    soak.add_argument("--officers", type=int, default=2)
    soak.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="engine worker processes")
    soak.add_argument("--faults", nargs="?", const="all", default=None, metavar="NAMES",
                      help="inject faults while traffic runs (all, or a comma-separated list of "
                           "bot/bench/faults.py FAULTS) and count lost messages and replies")
    soak.add_argument("--port", type=int, default=0, help="the gateway's port (default: any free one)")
    soak.set_defaults(run=_soak)
    check = commands.add_parser(
        "check", help="every intent and response in both languages, used, without duplicates")
    check.set_defaults(run=_check)
    purge = commands.add_parser("purge", help="delete transcripts older than the retention period")
    purge.add_argument("--days", type=int, default=0)
    purge.set_defaults(run=_purge)
    db = commands.add_parser("db", help="the database schema: migrations (bot/storage/migrations)")
    db_commands = db.add_subparsers(dest="db_command", required=True)
    db_commands.add_parser("upgrade", help="upgrade to the latest revision (the gateway does it at start-up)")
    db_commands.add_parser("current", help="the database's revision and the latest one")
    new_revision = db_commands.add_parser(
        "revision", help="developers: autogenerate a revision from models.py against the database")
    new_revision.add_argument("-m", "--message", required=True)
    db.set_defaults(run=_db)
    officer = commands.add_parser("officer", help="officer accounts for the console")
    officer_commands = officer.add_subparsers(dest="officer_command", required=True)
    add = officer_commands.add_parser(
        "add", help="create an account (password from GOVBOT_OFFICER_PASSWORD or asked)")
    add.add_argument("username")
    add.add_argument("--name", help="name shown to citizens, e.g. 'Marie'")
    add.add_argument("--role", choices=("officer", "supervisor", "admin", "trainer", "expert"), default="officer",
                     help="an expert answers officers' questions (consults) in their --teams, never citizens")
    add.add_argument("--teams", default=",".join(TEAMS), help=f"comma-separated: {', '.join(TEAMS)}")
    add.add_argument("--languages", default=",".join(LANGUAGES), help=f"comma-separated: {', '.join(LANGUAGES)}")
    add.add_argument("--max-concurrent", type=int, default=3, help="conversations at once")
    add.add_argument("--gender", choices=("f", "m"), default=None,
                     help="optional: French messages about the officer agree with it (neutral without)")
    add.set_defaults(run=_officer_add)
    listing = officer_commands.add_parser("list", help="list accounts")
    listing.set_defaults(run=_officer_list)
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except SettingsError as error:
        print(f"govbot: configuration error: {error}", file=sys.stderr)
        return 2
