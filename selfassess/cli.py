"""The ``selfassess`` command: a scriptable front over the core.

Exit codes: 0 success, 1 the input was refused (one line per problem on stderr), 2 usage error.
No traceback reaches the user: refused input is reported as such, and an unexpected internal
error is written to the log folder with a one-line pointer to it (exit 70).
"""

from __future__ import annotations

import argparse
import gc
import json
import re
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from selfassess import FILE_SUFFIX, __version__, collecting, i18n
from selfassess.errors import Cancelled, InputRefused, SelfassessError
from selfassess.i18n import _, join_list

if TYPE_CHECKING:
    from selfassess.checklist import Checklist

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 70

Handler = Callable[[argparse.Namespace], int]


def _out(text: str = "") -> None:
    print(text)


def json_text(value: object, levels: int = 2, margin: str = "") -> str:
    """JSON broken over lines for its first ``levels`` levels, each value below on one line:
    ``summary --json`` gives one department a line. Indenting all of it would go through
    json's pure-Python encoder, four times slower than the whole file as one line."""
    if levels == 0 or not isinstance(value, (dict, list)) or not value:
        return json.dumps(value, ensure_ascii=False)
    inner = margin + "  "
    if isinstance(value, dict):
        lines = [f"{inner}{json.dumps(key, ensure_ascii=False)}: "
                 f"{json_text(item, levels - 1, inner)}" for key, item in value.items()]
        return "{\n" + ",\n".join(lines) + f"\n{margin}}}"
    lines = [inner + json_text(item, levels - 1, inner) for item in value]
    return "[\n" + ",\n".join(lines) + f"\n{margin}]"


def _err(text: str) -> None:
    print(text, file=sys.stderr)


# --- commands --------------------------------------------------------------------------------


def cmd_checklists(args: argparse.Namespace) -> int:
    from selfassess.checklist import builtin_checklists

    for checklist in builtin_checklists():
        _out(f"{checklist.id}\t{checklist.version}\t{checklist.title}\t"
             + _("{full} points, {count} items").format(full=checklist.full_marks,
                                                         count=len(checklist.items)))
    return EXIT_OK


def _report_checklist(path: str | Path, checklist: Checklist) -> None:
    for warning in checklist.warnings:
        _err(_("warning: {message}").format(message=warning))
    _out(_("{path}: valid — {title} ({id} {version}), {sections} sections, {items} items, "
           "{full} points; fingerprint {fingerprint}").format(
        path=path, title=checklist.title, id=checklist.id, version=checklist.version,
        sections=len(checklist.sections), items=len(checklist.items), full=checklist.full_marks,
        fingerprint=checklist.fingerprint[:16]))


def cmd_checklist_validate(args: argparse.Namespace) -> int:
    from selfassess.checklist import load_checklist_file
    from selfassess.office.checklist_xlsx import read_checklist_workbook

    path = Path(args.path)
    _report_checklist(args.path, read_checklist_workbook(path) if path.suffix.lower() == ".xlsx"
                      else load_checklist_file(path))
    return EXIT_OK


def _checklist_of(source: str) -> Checklist:
    """A built-in id, a checklist file (YAML or template workbook) or a .selfassess file's own."""
    from selfassess.checklist import resolve_checklist

    if source.lower().endswith(FILE_SUFFIX):
        from selfassess.store import AssessmentFile

        with AssessmentFile.open(Path(source), readonly=True) as af:
            return af.checklist
    return resolve_checklist(source)


def cmd_checklist_import_xlsx(args: argparse.Namespace) -> int:
    from selfassess.checklist.export import checklist_yaml
    from selfassess.office.checklist_xlsx import read_checklist_workbook

    out = Path(args.output)
    if out.suffix.lower() not in (".yaml", ".yml"):
        raise InputRefused(_("{path}: the checklist is written as .yaml").format(path=out))
    _refuse_existing(out, args.force)
    checklist = read_checklist_workbook(Path(args.workbook))
    out.write_text(checklist_yaml(checklist), encoding="utf-8")
    _report_checklist(out, checklist)
    return EXIT_OK


def cmd_checklist_export_xlsx(args: argparse.Namespace) -> int:
    from selfassess.office.checklist_xlsx import write_checklist_workbook

    out = Path(args.output)
    if out.suffix.lower() != ".xlsx":
        raise InputRefused(_("{path}: the template is written as .xlsx").format(path=out))
    _refuse_existing(out, args.force)
    write_checklist_workbook(_checklist_of(args.source), out)
    _out(_("checklist written to {path}").format(path=out))
    return EXIT_OK


def cmd_checklist_diff(args: argparse.Namespace) -> int:
    from selfassess.checklist.diff import checklist_diff

    old, new = _checklist_of(args.old), _checklist_of(args.new)
    changes = checklist_diff(old, new)
    _out(_("{old} → {new}: {count} change(s)").format(
        old=f"{old.id} {old.version}", new=f"{new.id} {new.version}", count=len(changes)))
    for change in changes:
        _out(change.line())
    return EXIT_OK


def _refuse_existing(path: Path, force: bool, reads: Path | None = None) -> None:
    """Refuse to replace a file without --force, and the file read even with it (a PDF
    written over the .selfassess it was printed from loses the file for good)."""
    if reads is not None and path.exists() and reads.exists() and path.samefile(reads):
        raise InputRefused(_("{path} is the file being read; write to another file").format(
            path=path))
    if path.exists() and not force:
        raise InputRefused(_("{path} already exists; use --force to replace it").format(path=path))


def cmd_checklist_export(args: argparse.Namespace) -> int:
    from selfassess.checklist.builtin import builtin_paths
    from selfassess.checklist.export import checklist_yaml

    out = Path(args.output)
    _refuse_existing(out, args.force)
    if args.source in builtin_paths():
        text = builtin_paths()[args.source].read_text(encoding="utf-8")
    else:
        from selfassess.store import AssessmentFile

        with AssessmentFile.open(Path(args.source), readonly=True) as af:
            text = checklist_yaml(af.checklist)
    out.write_text(text, encoding="utf-8")
    _out(_("checklist written to {path}").format(path=out))
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from datetime import date

    from selfassess.checklist import resolve_checklist
    from selfassess.store import AssessmentFile

    if args.source is not None:
        return _new_from(args)
    if not args.department:
        raise InputRefused(_("--department is required (or --from last year's file)"))
    checklist = resolve_checklist(args.checklist)
    period = args.period if args.period is not None else str(date.today().year)
    with AssessmentFile.create(Path(args.file), checklist, department_name=args.department,
                               period=period, bureau_name=args.bureau or "",
                               filled_by=args.filled_by or "") as af:
        department = af.department()
        _out(_("created {path}: {department}, period {period}, checklist {checklist} {version}")
             .format(path=args.file, department=department.name, period=af.info.period,
                     checklist=checklist.id, version=checklist.version))
    return EXIT_OK


def _new_from(args: argparse.Namespace) -> int:
    """``new NEW --from LAST``: next year's file from last year's."""
    from selfassess.checklist import resolve_checklist
    from selfassess.store import AssessmentFile
    from selfassess.store.carry import carry_over

    if args.department:
        raise InputRefused(_("--from keeps the department of the file it starts from; leave "
                             "out --department"))
    with AssessmentFile.open(Path(args.source), readonly=True) as last:
        checklist = resolve_checklist(args.checklist) if args.checklist else last.checklist
        period = args.period
        if period is None:
            last_period = last.info.period.strip()
            if not last_period.isdigit():
                raise InputRefused(_("the period of {name} is “{period}”: give the new one "
                                     "with --period").format(name=last.path.name,
                                                             period=last_period))
            period = str(int(last_period) + 1)
        new, unmapped = carry_over(last, Path(args.file), checklist, period,
                                   filled_by=args.filled_by)
    with new:
        data = new.data()
        _out(_("created {path} from {source}: {department}, period {period}, checklist "
               "{checklist} {version}").format(
            path=args.file, source=Path(args.source).name, department=data.department.name,
            period=period, checklist=checklist.id, version=checklist.version))
        _out(_("narratives carried over, to read and change or confirm before sealing: "
               "{codes}").format(codes=join_list(data.carried) or "—"))
        _out(_("measures carried over: {count}").format(count=len(data.measures)))
        if unmapped:
            _out(_("last year's items the new checklist does not place (nothing carried): "
                   "{codes}").format(codes=join_list(unmapped)))
    return EXIT_OK


def cmd_fill(args: argparse.Namespace) -> int:
    from selfassess.answers import load_answers_file
    from selfassess.store import AssessmentFile

    with AssessmentFile.open(Path(args.file)) as af:
        if af.info.kind == "department" and af.department().sealed:
            # a sealed file: its measures' follow-up (整改进展) only, outside the seal
            from selfassess.answers import parse_follow_ups, read_answers_json

            path = Path(args.answers)
            data = read_answers_json(path)
            updates = parse_follow_ups(data, path.name, path.parent)
            af.follow_up(updates, actor=data.get("filled_by") or "")
            _out(_("{path}: {count} measure(s) followed up (整改进展)").format(
                path=args.file, count=len(updates)))
            return EXIT_OK
        changes = load_answers_file(Path(args.answers))
        af.apply(changes, actor=changes.filled_by or "")
        count = len(changes.answers)
    line = _("{path}: {count} item(s) updated").format(path=args.file, count=count)
    others = [text for present, text in (
        (changes.bonus, _("{count} bonus claim(s)").format(count=len(changes.bonus))),
        (changes.veto, _("{count} veto declaration(s)").format(count=len(changes.veto))),
        (changes.shortcomings is not None, _("the shortcomings")),
        (changes.measures is not None, _("the measures"))) if present]
    if others:  # said after the items: scripts read the count of items first
        line += _("; also {what}").format(what=join_list(others))
    _out(line)
    return EXIT_OK


def cmd_seal(args: argparse.Namespace) -> int:
    from selfassess.store import AssessmentFile

    with AssessmentFile.open(Path(args.file)) as af:
        record = af.seal()
    _out(_("{path}: sealed, revision {revision}, digest {digest}").format(
        path=args.file, revision=record.revision, digest=record.digest))
    return EXIT_OK


def cmd_reopen(args: argparse.Namespace) -> int:
    from selfassess.store import AssessmentFile

    with AssessmentFile.open(Path(args.file)) as af:
        af.reopen()
        revision = af.department().revision
    _out(_("{path}: reopened for editing; the next seal will be revision {revision}").format(
        path=args.file, revision=revision + 1))
    return EXIT_OK


def cmd_evidence(args: argparse.Namespace) -> int:
    from selfassess.store import AssessmentFile
    from selfassess.store.export_evidence import export_evidence

    out = Path(args.output)
    with AssessmentFile.open(Path(args.file), readonly=True) as af:
        department_id = None
        if args.department:
            found = [d for d in af.departments() if d.name == args.department]
            if not found:
                raise InputRefused(_("no department named {name} in {file}").format(
                    name=args.department, file=af.path.name))
            department_id = found[0].id
        written = export_evidence(af, out, department_id)
    _out(_("{count} evidence file(s) written to {folder}").format(count=len(written),
                                                                   folder=out))
    return EXIT_OK


def cmd_backups(args: argparse.Namespace) -> int:
    from selfassess.store.backups import backup_folder, list_backups

    path = Path(args.file)
    backups = list_backups(path)
    if not backups:
        _out(_("{name}: no backups yet (one is made before each seal and each merge)").format(
            name=path.name))
        return EXIT_OK
    _out(_("{name}: {count} backup(s) in {folder}, newest first").format(
        name=path.name, count=len(backups), folder=backup_folder(path)))
    for number, backup in enumerate(backups, 1):
        _out(f"{number:3}  {backup.made_at:%Y-%m-%d %H:%M:%S}  {backup.reason:8}  "
             f"{backup.size / (1024 * 1024):8.1f} MB  {backup.path.name}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from selfassess.store.backups import resolve_backup, restore

    target = Path(args.file)
    backup = resolve_backup(args.backup, target)
    kept = restore(backup, target, force=args.force)
    _out(_("{name} restored from {backup}").format(name=target.name, backup=backup.name))
    if kept != target:
        _out(_("what it replaced was kept as {path}").format(path=kept))
    return EXIT_OK


def cmd_summary(args: argparse.Namespace) -> int:
    from selfassess.standing import read_standing
    from selfassess.store import AssessmentFile
    from selfassess.summary import file_summary, summary_text

    with AssessmentFile.open(Path(args.file), readonly=True) as af:
        standing = read_standing(af)
        if args.json:
            _out(json_text(file_summary(af, standing)))
        else:
            _out(summary_text(standing))
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from selfassess.demo import write_demo

    for line in write_demo(Path(args.dir)):
        _out(line)
    return EXIT_OK


def cmd_bureau_new(args: argparse.Namespace) -> int:
    from selfassess.bureau import create_bureau, read_roster_file
    from selfassess.checklist import resolve_checklist

    checklist = resolve_checklist(args.checklist)
    names = read_roster_file(Path(args.roster)) if args.roster else []
    with create_bureau(Path(args.file), checklist, args.name, args.period, names):
        pass
    _out(_("created {path}: bureau {name}, period {period}, {count} departments on the roster")
         .format(path=args.file, name=args.name, period=args.period, count=len(names)))
    return EXIT_OK


def cmd_distribute(args: argparse.Namespace) -> int:
    from selfassess.bureau import distribute
    from selfassess.store import AssessmentFile

    out = Path(args.out)
    with AssessmentFile.open(Path(args.file)) as af:  # refused before anything is made
        out.mkdir(parents=True, exist_ok=True)
        results = distribute(af, out)
    for outcome, path, message in results:
        _out(f"{outcome} {path}: {message}")
    if not results:
        _err(_("the roster is empty; nothing to distribute"))
        return EXIT_REFUSED
    return EXIT_OK if all(outcome == "created" for outcome, _p, _m in results) else EXIT_REFUSED


def cmd_merge(args: argparse.Namespace) -> int:
    from selfassess.bureau import merge_files

    interrupted = threading.Event()
    try:
        # Ctrl-C asks the merge to stop where it polls, and it rolls back whole
        previous = signal.signal(signal.SIGINT, lambda _number, _frame: interrupted.set())
    except ValueError:  # not the main thread (tests calling main() from a worker)
        previous = None
    try:
        outcomes = merge_files(Path(args.file), [Path(f) for f in args.files],
                               allow_drafts=args.allow_drafts, cancelled=interrupted.is_set)
    except Cancelled as cancelled:
        _err(cancelled.problems[0])
        return EXIT_REFUSED
    except SelfassessError as error:  # the bureau file itself is unusable
        for problem in error.problems:
            _err(problem)
        return EXIT_USAGE
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    for outcome in outcomes:
        _out(outcome.line())
    return EXIT_REFUSED if any(o.refused for o in outcomes) else EXIT_OK


def cmd_review(args: argparse.Namespace) -> int:
    from selfassess.bureau import apply_reviews, load_reviews_file
    from selfassess.store import AssessmentFile

    reviews = load_reviews_file(Path(args.reviews))
    with AssessmentFile.open(Path(args.file)) as af:
        count = apply_reviews(af, reviews)
    _out(_("{path}: {count} review(s) stored").format(path=args.file, count=count))
    return EXIT_OK


def cmd_return(args: argparse.Namespace) -> int:
    from selfassess.bureau.returns import load_return_notes, return_department
    from selfassess.store import AssessmentFile

    with AssessmentFile.open(Path(args.file), readonly=True) as af:
        checklist = af.checklist
    notes = load_return_notes(Path(args.notes), checklist)
    written = return_department(Path(args.file), args.department, notes, Path(args.out),
                                actor=args.by or "")
    _out(_("{name}: returned {entries}; send {file} back").format(
        name=args.department.strip(), file=written, entries=join_list(
            entry.code for entry in notes.entries)))
    return EXIT_OK


def cmd_approve(args: argparse.Namespace) -> int:
    from selfassess.bureau.returns import approve_department

    _out(approve_department(Path(args.file), args.department, by=args.by or "",
                            withdraw=args.withdraw))
    return EXIT_OK


def cmd_close_measure(args: argparse.Namespace) -> int:
    from selfassess.bureau.ledger import close_department_measure
    from selfassess.store import default_actor  # who is logged in, as the app records it

    _out(close_department_measure(Path(args.file), args.department, args.measure,
                                  by=args.by or default_actor()))
    return EXIT_OK


def cmd_verify_print(args: argparse.Namespace) -> int:
    from selfassess.checkcode import CodeError
    from selfassess.verify_print import check

    try:
        verdict = check(args.code, [Path(name) for name in args.files])
    except CodeError as error:
        raise InputRefused(str(error)) from None
    _out(verdict.line)
    return EXIT_OK if verdict.matches or not args.files else EXIT_REFUSED


def cmd_adjust_grade(args: argparse.Namespace) -> int:
    from selfassess.bureau.adjust import adjust_grade
    from selfassess.store import default_actor

    if not args.withdraw and not args.grade:
        raise InputRefused(_("give the lower grade (--grade), or --withdraw"))
    _out(adjust_grade(Path(args.file), args.department, args.grade or "", args.reason or "",
                      by=args.by or default_actor(), withdraw=args.withdraw))
    return EXIT_OK


def cmd_history_add(args: argparse.Namespace) -> int:
    from selfassess.bureau.history import add_history

    _out(add_history(Path(args.file), Path(args.earlier), by=args.by or ""))
    return EXIT_OK


def cmd_remind(args: argparse.Namespace) -> int:
    from selfassess.bureau.reminder import write_reminder

    written = write_reminder(Path(args.file), Path(args.output), force=args.force)
    _out(_("{path} written").format(path=written))
    return EXIT_OK


def _department_id(af: object, name: str | None) -> str | None:
    from selfassess.store import AssessmentFile

    assert isinstance(af, AssessmentFile)
    if name is None:
        return None
    for department in af.departments():
        if name in (department.name, department.id):
            return department.id
    raise InputRefused(_("no department “{name}” in {file}").format(name=name,
                                                                    file=af.path.name))


def cmd_report(args: argparse.Namespace) -> int:
    from selfassess.report import (
        collect,
        fonts_note,
        ledger_pdf,
        load_fonts,
        report_pdf,
        sheets_pdf,
    )
    from selfassess.store import AssessmentFile

    out = Path(args.output)
    _refuse_existing(out, args.force, reads=Path(args.file))
    with AssessmentFile.open(Path(args.file), readonly=True) as af:
        department = _department_id(af, args.department)
        report = collect(af, department)
    fonts = load_fonts()
    if args.ledger:  # of one department when one is named, even from the bureau's file
        pdf = ledger_pdf(report, draft=args.draft, fonts=fonts,
                         unit=report.departments[0].name if department else None)
    else:
        render = sheets_pdf if department else report_pdf
        pdf = render(report, draft=args.draft, fonts=fonts)
    out.write_bytes(pdf)
    for note in fonts_note(fonts):
        _err(_("warning: {message}").format(message=note))
    _out(_("{path}: written").format(path=out))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from selfassess.office.bureau_xlsx import write_workbook
    from selfassess.office.form_xlsx import write_form
    from selfassess.report import collect
    from selfassess.store import AssessmentFile

    out = Path(args.output)
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".docx"):
        raise InputRefused(_("{path}: export to .xlsx (tables) or .docx (report draft)").format(
            path=out))
    _refuse_existing(out, args.force, reads=Path(args.file))
    with AssessmentFile.open(Path(args.file), readonly=True) as af:
        if suffix == ".docx":
            from selfassess.office.report_docx import write_report_docx

            write_report_docx(collect(af), out)
        elif af.info.kind == "department":
            write_form(af, out)  # the 自评表 to fill in Excel and import back
        else:
            write_workbook(collect(af), out)
    _out(_("{path}: written").format(path=out))
    return EXIT_OK


def cmd_import_xlsx(args: argparse.Namespace) -> int:
    from selfassess.office.form_xlsx import import_form
    from selfassess.store import AssessmentFile

    with AssessmentFile.open(Path(args.file)) as af:
        if af.info.kind != "department":
            raise InputRefused(_("{name} is a bureau file; import a form into a department "
                                 "file").format(name=af.path.name))
        department = af.department()
        if department.sealed:
            raise InputRefused(_("{name} is sealed (revision {revision}); reopen it before "
                                 "changing anything").format(name=af.path.name,
                                                             revision=department.revision))
        changes = import_form(Path(args.workbook), af)
    _out(_("{path}: {count} item(s) updated").format(path=args.file,
                                                      count=len(changes.answers)))
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    try:
        from selfassess.ui.app import run_gui  # type: ignore[import-untyped,unused-ignore]
    except ImportError as error:
        raise InputRefused(_("the graphical interface is not available ({reason})").format(
            reason=error)) from None
    exit_code: int = run_gui(args)
    return exit_code


# --- parser ----------------------------------------------------------------------------------


# every command, as ``build_parser`` adds them (a test holds the two together)
COMMANDS = frozenset((
    "checklists", "checklist", "new", "fill", "seal", "reopen", "evidence", "backups", "restore",
    "summary", "demo", "bureau", "distribute", "merge", "review", "return", "approve",
    "close-measure", "verify-print", "adjust-grade", "history", "remind", "report", "export",
    "import-xlsx", "gui"))


class _NotBuilt:
    """Stands in for the parser of a command that was not asked for: argparse spends about
    0.2 ms on each parser it builds (a gettext lookup on disk for each), so a command run from
    the shell builds its own and skips the other thirty."""

    def add_argument(self, *_args: object, **_kwargs: object) -> None:
        return None

    def set_defaults(self, **_kwargs: object) -> None:
        return None

    def add_subparsers(self, **_kwargs: object) -> _NotBuilt:
        return self

    def add_parser(self, _name: str, **_kwargs: object) -> _NotBuilt:
        return self


def _command_in(argv: Sequence[str]) -> str | None:
    """The command named on a command line (the first word that is not an option)."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser (help texts in the current language); with ``only``, the other
    commands' parsers are not built (``only`` must be one of the commands: see ``parse``)."""
    parser = argparse.ArgumentParser(
        prog="selfassess",
        description=_("Self-assessment of the 意识形态工作责任制 checklist: department files, "
                      "sealing, bureau merge and printed score sheets."))
    parser.add_argument("--version", action="version", version=f"selfassess {__version__}")
    parser.add_argument("--lang", choices=i18n.LANGUAGES, help=_("interface language"))
    commands = parser.add_subparsers(dest="command", metavar=_("COMMAND"))

    def group(name: str, help_text: str) -> Any:
        """A command with actions of its own (``checklist``, ``bureau``, ``history``)."""
        if only is not None and name != only:
            return _NotBuilt()
        return commands.add_parser(name, help=help_text)

    def command(name: str, handler: Handler, help_text: str,
                parent: Any = commands) -> Any:
        if parent is commands and only is not None and name != only:
            return _NotBuilt()
        sub = parent.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(handler=handler)
        return sub

    command("checklists", cmd_checklists, _("list the built-in checklists"))
    checklist = group("checklist", _("validate or export a checklist"))
    checklist_commands = checklist.add_subparsers(dest="checklist_command", metavar=_("ACTION"),
                                                  required=True)
    sub = command("validate", cmd_checklist_validate,
                  _("check a checklist file (YAML or template workbook)"), checklist_commands)
    sub.add_argument("path", help=_("checklist YAML file or template workbook (.xlsx)"))
    sub = command("export", cmd_checklist_export,
                  _("write a built-in checklist (or the one inside a .selfassess file) as YAML"),
                  checklist_commands)
    sub.add_argument("source", metavar="ID|FILE", help=_("built-in checklist id or .selfassess file"))
    sub.add_argument("-o", "--output", required=True, help=_("YAML file to write"))
    sub.add_argument("--force", action="store_true", help=_("replace an existing output file"))
    sub = command("export-xlsx", cmd_checklist_export_xlsx,
                  _("write a checklist as an Excel template workbook (考核细则) to edit"),
                  checklist_commands)
    sub.add_argument("source", metavar="ID|FILE",
                     help=_("built-in checklist id, checklist YAML file or .selfassess file"))
    sub.add_argument("-o", "--output", required=True, help=_("workbook to write (.xlsx)"))
    sub.add_argument("--force", action="store_true", help=_("replace an existing output file"))
    sub = command("diff", cmd_checklist_diff,
                  _("what changed from one checklist to another: items added, removed, "
                    "renamed, split or merged (by the new one's previous: map), points, wording"),
                  checklist_commands)
    sub.add_argument("old", metavar="OLD", help=_("built-in checklist id, checklist YAML file "
                                                  "or .selfassess file"))
    sub.add_argument("new", metavar="NEW", help=_("built-in checklist id, checklist YAML file "
                                                  "or .selfassess file"))
    sub = command("import-xlsx", cmd_checklist_import_xlsx,
                  _("read a checklist template workbook, check it and write it as YAML"),
                  checklist_commands)
    sub.add_argument("workbook", help=_("the template workbook (.xlsx)"))
    sub.add_argument("-o", "--output", required=True, help=_("YAML file to write"))
    sub.add_argument("--force", action="store_true", help=_("replace an existing output file"))

    sub = command("new", cmd_new, _("create a department self-assessment file"))
    sub.add_argument("file", help=_("the .selfassess file to create (never overwritten)"))
    sub.add_argument("--department", help=_("department (处室/单位) name"))
    sub.add_argument("--from", dest="source", metavar="LAST",
                     help=_("start from last year's file: the same department, its "
                            "narratives to revisit, its measures"))
    sub.add_argument("--checklist", help=_("built-in checklist id or YAML file (default: the "
                                           "built-in ideology-responsibility, or with --from "
                                           "the last file's)"))
    sub.add_argument("--period", help=_("assessment period (考核年度), default: this year, "
                                        "or with --from the year after the last file's"))
    sub.add_argument("--bureau", help=_("bureau name"))
    sub.add_argument("--filled-by", help=_("who fills it in (填报人)"))

    sub = command("fill", cmd_fill, _("store answers from a JSON file (all or nothing)"))
    sub.add_argument("file", help=_(".selfassess file"))
    sub.add_argument("answers", help=_("answers JSON file"))

    sub = command("seal", cmd_seal, _("check completeness and seal the file for sending"))
    sub.add_argument("file", help=_(".selfassess file"))
    sub = command("reopen", cmd_reopen, _("unseal a sealed file so it can be edited again"))
    sub.add_argument("file", help=_(".selfassess file"))
    sub = command("evidence", cmd_evidence,
                  _("write the evidence documents of a file into a folder (checked, never "
                    "overwriting)"))
    sub.add_argument("file", help=_(".selfassess file"))
    sub.add_argument("-o", "--output", required=True, help=_("an existing folder"))
    sub.add_argument("--department", help=_("from a bureau file: only this department"))
    sub = command("backups", cmd_backups,
                  _("list the backup copies of a file (made before each seal and merge)"))
    sub.add_argument("file", help=_(".selfassess file"))
    sub = command("restore", cmd_restore, _("put a backup copy back in place of a file"))
    sub.add_argument("backup", help=_("the backup: its number in “backups” (1 = newest) or its "
                                      "path"))
    sub.add_argument("file", help=_(".selfassess file to restore"))
    sub.add_argument("--force", action="store_true",
                     help=_("restore even over a file changed after the backup was made"))
    sub = command("summary", cmd_summary, _("scores, totals, grade and what is missing"))
    sub.add_argument("file", help=_(".selfassess file"))
    sub.add_argument("--json", action="store_true", help=_("print JSON"))
    sub = command("demo", cmd_demo, _("write sample department files to try things out"))
    sub.add_argument("dir", nargs="?", default="selfassess-demo", help=_("folder to write into"))
    bureau = group("bureau", _("create a bureau file"))
    bureau_commands = bureau.add_subparsers(dest="bureau_command", metavar=_("ACTION"),
                                            required=True)
    sub = command("new", cmd_bureau_new, _("create a bureau file with its roster"),
                  bureau_commands)
    sub.add_argument("file", help=_("the bureau .selfassess file to create (never overwritten)"))
    sub.add_argument("--name", required=True, help=_("bureau name"))
    sub.add_argument("--period", required=True, help=_("assessment period (考核年度)"))
    sub.add_argument("--checklist", help=_("built-in checklist id or YAML file (default: the "
                                           "built-in ideology-responsibility)"))
    sub.add_argument("--roster", help=_("text file with one department name per line"))
    sub = command("distribute", cmd_distribute,
                  _("write a blank department file for every department on the roster"))
    sub.add_argument("file", help=_("bureau .selfassess file"))
    sub.add_argument("--out", required=True, help=_("folder to write into"))
    sub = command("merge", cmd_merge, _("merge department files into the bureau file"))
    sub.add_argument("file", help=_("bureau .selfassess file"))
    sub.add_argument("files", nargs="+", metavar="DEPT_FILE", help=_("department files"))
    sub.add_argument("--allow-drafts", action="store_true",
                     help=_("also merge files that are not sealed (marked 草稿)"))
    sub = command("review", cmd_review, _("store the review group's scores from a JSON file"))
    sub.add_argument("file", help=_("bureau .selfassess file"))
    sub.add_argument("reviews", help=_("reviews JSON file"))
    sub = command("return", cmd_return,
                  _("return entries of a department for correction (退回): records it and "
                    "writes the file to send back"))
    sub.add_argument("file", help=_("bureau .selfassess file"))
    sub.add_argument("--department", required=True, metavar="NAME", help=_("department name"))
    sub.add_argument("notes", help=_("notes JSON file: {\"note\": …, \"items\": {\"1.2\": "
                                     "reason}, \"bonus\": {…}, \"veto\": {…}}"))
    sub.add_argument("--out", required=True, help=_("folder to write the returned file into"))
    sub.add_argument("--by", metavar="TEXT", help=_("who returns it"))
    sub = command("approve", cmd_approve,
                  _("approve (审定) a department's merged revision, or withdraw the approval"))
    sub.add_argument("file", help=_("bureau .selfassess file"))
    sub.add_argument("--department", required=True, metavar="NAME", help=_("department name"))
    sub.add_argument("--by", metavar="TEXT", help=_("who approves it"))
    sub.add_argument("--withdraw", action="store_true", help=_("withdraw the approval"))
    sub = command("close-measure", cmd_close_measure,
                  _("mark a department's measure 已销号 in the bureau file (after checking its "
                    "completion evidence)"))
    sub.add_argument("file", help=_("bureau .selfassess file"))
    sub.add_argument("--department", required=True, metavar="NAME", help=_("department name"))
    sub.add_argument("--measure", required=True, type=int, metavar="ID",
                     help=_("the measure's number (summary --json: measures, id)"))
    sub.add_argument("--by", metavar="TEXT", help=_("who closes it"))
    sub = command("verify-print", cmd_verify_print, _(
        "核对纸质件: whether a printed page (its 核对码, or its QR code's text) comes from these "
        "files as they are now; with no file, what the code says"))
    sub.add_argument("code", metavar="CODE", help=_("the 核对码 printed at the foot of the page "
                                                    "(7KQ2-M9XA-3F), or the QR code's text"))
    sub.add_argument("files", nargs="*", metavar="FILE",
                     help=_("department or bureau .selfassess files to compare with"))
    sub = command("adjust-grade", cmd_adjust_grade, _(
        "等次调整: lower a department's grade with a reason (where a grade's share is capped); "
        "its scores and the grade they give stay"))
    sub.add_argument("file", help=_("bureau .selfassess file"))
    sub.add_argument("--department", required=True, metavar="NAME", help=_("department name"))
    sub.add_argument("--grade", metavar="GRADE", help=_("the lower grade, e.g. 较好"))
    sub.add_argument("--reason", metavar="TEXT", help=_("why (printed beside the grade)"))
    sub.add_argument("--by", metavar="TEXT", help=_("who adjusts it"))
    sub.add_argument("--withdraw", action="store_true", help=_("withdraw the adjustment"))
    history = group("history", _(
        "年度对比: keep earlier years' bureau files in this year's"))
    history_commands = history.add_subparsers(dest="history_command", metavar=_("ACTION"),
                                              required=True)
    sub = command("add", cmd_history_add, _(
        "take an earlier year's bureau file into this one's history (checked like a merge; "
        "adding a year again replaces it)"), history_commands)
    sub.add_argument("file", help=_("bureau .selfassess file"))
    sub.add_argument("earlier", metavar="EARLIER",
                     help=_("an earlier year's bureau .selfassess file"))
    sub.add_argument("--by", metavar="TEXT", help=_("who adds it"))
    sub = command("remind", cmd_remind,
                  _("write a 催报 notice: who has not reported, who has not sent a correction"))
    sub.add_argument("file", help=_("bureau .selfassess file"))
    sub.add_argument("-o", "--output", required=True, help=_("file to write (.docx or .txt)"))
    sub.add_argument("--force", action="store_true", help=_("replace an existing output file"))
    sub = command("report", cmd_report,
                  _("print to PDF: a department's score sheet, or the bureau report"))
    sub.add_argument("file", help=_(".selfassess file"))
    sub.add_argument("-o", "--output", required=True, help=_("PDF file to write"))
    sub.add_argument("--department", metavar="NAME",
                     help=_("from a bureau file: only this department's score sheet"))
    sub.add_argument("--ledger", action="store_true",
                     help=_("print the 整改台账 instead: every measure with its status and 三色, "
                            "overdue first"))
    sub.add_argument("--draft", action="store_true", help=_("mark every page as a draft"))
    sub.add_argument("--force", action="store_true", help=_("replace an existing output file"))
    sub = command("export", cmd_export, _(
        "export to Excel (a department's form to fill in, a bureau's tables) or to Word (the "
        "自查报告 draft)"))
    sub.add_argument("file", help=_(".selfassess file"))
    sub.add_argument("-o", "--output", required=True, help=_("file to write (.xlsx or .docx)"))
    sub.add_argument("--force", action="store_true", help=_("replace an existing output file"))
    sub = command("import-xlsx", cmd_import_xlsx,
                  _("read a filled Excel form back into its department file (all or nothing)"))
    sub.add_argument("workbook", help=_("the filled .xlsx form"))
    sub.add_argument("file", help=_("department .selfassess file"))
    sub = command("gui", cmd_gui, _("open the graphical interface"))
    sub.add_argument("file", nargs="?", help=_(".selfassess file to open"))
    sub.add_argument("--screenshot", metavar="PNG",
                     help=_("render the window into a PNG file and exit"))
    place = sub
    place.add_argument("--item", metavar="CODE", help=_("show this item (with --screenshot)"))
    place.add_argument("--page", choices=("start", "new", "settings", "bonus", "veto",
                                          "shortcomings", "measures", "summary", "review",
                                          "departments", "statistics", "log", "search"),
                       help=_("show this page (with --screenshot); in a bureau file, review "
                              "and summary show the department chosen with --department"))
    sub.add_argument("--department", metavar="NAME",
                     help=_("in a bureau file, open this department for review"))
    sub.add_argument("--size", default="1280x860", metavar="WxH",
                     help=_("window size for --screenshot"))
    sub.add_argument("--scale", type=int, choices=(100, 125, 150), metavar="100|125|150",
                     help=_("font size in percent for this run only (the setting is kept)"))
    return parser


# --- entry points ----------------------------------------------------------------------------


def _language_from(argv: Sequence[str]) -> str | None:
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def _log_internal_error() -> Path | None:
    # imported here: every command would pay for logging otherwise, and only a crash uses it
    import logging
    import traceback

    try:
        from selfassess.paths import user_log_dir

        log_path = user_log_dir() / "selfassess.log"
        logging.basicConfig(filename=log_path, level=logging.ERROR, force=True)
        logging.getLogger("selfassess").error("internal error\n%s", traceback.format_exc())
        logging.shutdown()
        return log_path
    except OSError:
        return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code. Called without ``argv`` it is the program
    (the ``selfassess`` command, ``python -m selfassess``), which ends when it returns."""
    if argv is None:
        collecting.while_working()  # the app goes back to as_usual once its file is shown
    code = _run(list(sys.argv[1:] if argv is None else argv))
    if argv is None and "PySide6" not in sys.modules:
        # Python's last act is a garbage collection over every object still alive: 7 of the
        # 12 ms a ``summary`` of 100 departments spends exiting. Frozen objects are left to the
        # operating system. Nothing a command leaves needs it: files are closed and flushed by
        # their ``with`` blocks, and atexit handlers (temporary folders, threads) still run.
        # Not once Qt is loaded (the app lets its objects go in its own order), nor for tests.
        gc.freeze()
    return code


def _run(argv: list[str]) -> int:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    i18n.setup(_language_from(argv))
    named = _command_in(argv)
    parser = build_parser(named if named in COMMANDS else None)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0) if isinstance(exit_.code, int) else EXIT_USAGE
    if not getattr(args, "command", None):
        if not _gui_available():
            return _print_help(parser)
        args = parser.parse_args([*argv, "gui"])
    try:
        handler: Handler = args.handler
        return handler(args)
    except SelfassessError as error:
        for problem in error.problems:
            _err(problem)
        return EXIT_REFUSED
    except KeyboardInterrupt:  # Ctrl-C: every write is a transaction, so none is half done
        _err(_("interrupted"))
        return EXIT_REFUSED
    except (OSError, _database_error()) as error:  # evaluated only when something failed
        reason = getattr(error, "strerror", None) or str(error)
        where = getattr(error, "filename", None)
        if where and _TEMPORARY.fullmatch(Path(str(where)).name):
            where = Path(str(where)).parent  # the folder written into, not our temporary name
        _err(f"{where}: {reason}" if where else reason)
        return EXIT_REFUSED
    except Exception:
        log_path = _log_internal_error()
        _err(_("internal error; details were written to {path}").format(path=log_path or "-"))
        return EXIT_INTERNAL


# the names files are written under before they are published (".<hex>.tmp" / ".<hex>.part")
_TEMPORARY = re.compile(r"\.[0-9a-f]{16,32}\.(tmp|part)")


def _database_error() -> type[Exception]:
    """What SQLite raises (a damaged file, a failing disk), named by the store; imported only
    when an error is being matched, so commands that never open a file stay light."""
    from selfassess.store import DatabaseError

    return DatabaseError


def _gui_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("selfassess.ui.app") is not None


def _print_help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return EXIT_OK


def gui_main() -> int:
    """Entry point of ``selfassess-gui``: the app, with an optional file argument."""
    return main(["gui", *sys.argv[1:]])
