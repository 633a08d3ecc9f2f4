"""The Excel and Word menu (Excel 与 Word): the same exports and imports as the command line.

A department exports its 自评表 to fill in Excel and imports it back (all or nothing, every
problem with its sheet and cell); anyone exports the Word draft of the 自查报告; the secretary
exports the tables; a checklist goes to and comes from an Excel template.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu

from selfassess.errors import SelfassessError
from selfassess.i18n import _
from selfassess.store import AssessmentFile
from selfassess.ui.asking import confirm, file_to_open, file_to_save, folder_to_use, inform, warn

if TYPE_CHECKING:
    from selfassess.ui.main_window import MainWindow

MAX_SHOWN_PROBLEMS = 25


@contextmanager
def _busy() -> Iterator[None]:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


class OfficeActions(QObject):
    """Builds the menu and runs its actions against the window's open file."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.export_form = QAction(_("Export the Excel form (自评表)…"), self)
        self.import_form = QAction(_("Import a filled Excel form…"), self)
        self.export_docx = QAction(_("Export the Word report draft (自查报告)…"), self)
        self.export_tables = QAction(_("Export the tables to Excel…"), self)
        self.export_evidence = QAction(_("Export the evidence files…"), self)
        self.checklist_out = QAction(_("Checklist to an Excel template…"), self)
        self.checklist_in = QAction(_("Checklist from an Excel template…"), self)
        self.export_form.triggered.connect(self.on_export_form)
        self.import_form.triggered.connect(self.on_import_form)
        self.export_docx.triggered.connect(self.on_export_docx)
        self.export_tables.triggered.connect(self.on_export_tables)
        self.export_evidence.triggered.connect(self.on_export_evidence)
        self.checklist_out.triggered.connect(self.on_checklist_out)
        self.checklist_in.triggered.connect(self.on_checklist_in)

    def menu(self, parent: QMenu) -> QMenu:
        menu = parent.addMenu(_("Excel and Word"))
        menu.setObjectName("office_menu")
        for action in (self.export_form, self.import_form, self.export_docx, self.export_tables,
                       self.export_evidence):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.checklist_out)
        menu.addAction(self.checklist_in)
        return menu

    def update(self) -> None:
        """Enable what fits the open file."""
        session, bureau = self.window.session, self.window.bureau
        self.export_form.setEnabled(session is not None)
        self.import_form.setEnabled(session is not None and not session.read_only)
        self.export_docx.setEnabled(session is not None or bureau is not None)
        self.export_tables.setEnabled(bureau is not None)
        self.export_evidence.setEnabled(session is not None or bureau is not None)

    # --- helpers -------------------------------------------------------------------------------

    def _source(self) -> Path | None:
        """The open file, with pending typing stored first."""
        if self.window.workspace is not None:
            self.window.workspace.flush()
        if self.window.session is not None:
            return self.window.session.path
        if self.window.bureau is not None:
            self.window.bureau.flush()
            return self.window.bureau.af.path
        return None

    def _save_name(self, title: str, suggested: Path, pattern: str) -> Path | None:
        name = file_to_save(self.window, title, str(suggested), pattern)
        return Path(name) if name else None

    def _run(self, title: str, write: Callable[[], Path]) -> None:
        """Write an export, then say where it is (or why not)."""
        try:
            with _busy():
                written = write()
        except (SelfassessError, OSError) as error:
            problems = error.problems if isinstance(error, SelfassessError) else [str(error)]
            warn(self.window, title, "\n".join(problems[:MAX_SHOWN_PROBLEMS]))
            return
        self.window.statusBar().showMessage(_("{path}: written").format(path=written), 15000)

    # --- exports ---------------------------------------------------------------------------------

    def _export(self, title: str, name: Callable[[Path], str], suffix: str, pattern: str,
                write: Callable[[AssessmentFile, Path], Path]) -> None:
        """Ask where, then write the open file's export there (the file read read-only)."""
        source = self._source()
        if source is None:
            return
        target = self._save_name(title, source.with_name(name(source)), pattern)
        if target is None:
            return

        def export() -> Path:
            with AssessmentFile.open(source, readonly=True) as af:
                return write(af, target.with_suffix(suffix))

        self._run(title, export)

    def on_export_form(self) -> None:
        from selfassess.office.form_xlsx import write_form

        session = self.window.session
        if session is not None:
            self._export(_("Export the Excel form (自评表)"), lambda source: (
                f"{session.submission_name().removesuffix(source.suffix)}_{_('form')}.xlsx"),
                ".xlsx", "Excel (*.xlsx)", write_form)

    def on_export_docx(self) -> None:
        from selfassess.office.report_docx import write_report_docx
        from selfassess.report import collect

        self._export(_("Export the Word report draft (自查报告)"),
                     lambda source: f"{source.stem}_{_('report draft')}.docx", ".docx",
                     "Word (*.docx)", lambda af, target: write_report_docx(collect(af), target))

    def on_export_tables(self) -> None:
        from selfassess.office.bureau_xlsx import write_workbook
        from selfassess.report import collect

        self._export(_("Export the tables to Excel"), lambda source: f"{source.stem}.xlsx",
                     ".xlsx", "Excel (*.xlsx)",
                     lambda af, target: write_workbook(collect(af), target))

    def on_export_evidence(self) -> None:
        """Every evidence document into a folder the user picks (checked, never overwriting)."""
        from selfassess.store.export_evidence import export_evidence

        source = self._source()
        if source is None:
            return
        title = _("Export the evidence files")
        chosen = folder_to_use(self.window, title, str(source.parent))
        if not chosen:
            return

        def write() -> Path:
            with AssessmentFile.open(source, readonly=True) as af:
                export_evidence(af, Path(chosen))
            return Path(chosen)

        self._run(title, write)

    def on_checklist_out(self) -> None:
        from selfassess.checklist import resolve_checklist
        from selfassess.office.checklist_xlsx import write_checklist_workbook

        session, bureau = self.window.session, self.window.bureau
        checklist = (session.checklist if session is not None else
                     bureau.af.checklist if bureau is not None else resolve_checklist(None))
        title = _("Checklist to an Excel template")
        target = self._save_name(title, Path.home() / f"{checklist.id}-{checklist.version}.xlsx",
                                 "Excel (*.xlsx)")
        if target is not None:
            self._run(title, lambda: write_checklist_workbook(checklist,
                                                              target.with_suffix(".xlsx")))

    # --- imports ---------------------------------------------------------------------------------

    def on_import_form(self) -> None:
        """Read a filled form, confirm, then store every answer at once (or nothing)."""
        from selfassess.office.form_xlsx import read_form

        session = self.window.session
        if session is None or self._source() is None:
            return
        title = _("Import a filled Excel form")
        name = file_to_open(self.window, title, str(session.path.parent), "Excel (*.xlsx)")
        if not name:
            return
        try:
            with _busy():
                changes = read_form(Path(name), session.af)
        except SelfassessError as error:
            shown = error.problems[:MAX_SHOWN_PROBLEMS]
            more = len(error.problems) - len(shown)
            warn(self.window, title, _(
                "Nothing was imported; correct the workbook and import it again:") + "\n\n"
                + "\n".join(shown) + (("\n" + _("… and {count} more").format(count=more))
                                      if more > 0 else ""))
            return
        if not confirm(self.window, title, _(
            "Replace the answers in this file with the {count} item(s), the bonus and veto "
            "declarations and the lists of {name}?").format(count=len(changes.answers),
                                                           name=Path(name).name)):
            return
        if session.import_changes(changes):
            self.window.workspace.go_to(self.window.workspace.current)  # show the new content
            self.window.statusBar().showMessage(_("{path}: {count} item(s) updated").format(
                path=Path(name).name, count=len(changes.answers)), 15000)
        else:
            warn(self.window, title, "\n".join(session.last_problems[:25]))

    def on_checklist_in(self) -> None:
        """Check a template workbook and save it as a checklist file for new assessments."""
        from selfassess.checklist.export import checklist_yaml
        from selfassess.office.checklist_xlsx import read_checklist_workbook

        title = _("Checklist from an Excel template")
        name = file_to_open(self.window, title, str(Path.home()), "Excel (*.xlsx)")
        if not name:
            return
        try:
            with _busy():
                checklist = read_checklist_workbook(Path(name))
        except SelfassessError as error:
            warn(self.window, title, _("The template has problems:") + "\n\n"
                                + "\n".join(error.problems[:MAX_SHOWN_PROBLEMS]))
            return
        target = self._save_name(title, Path(name).with_suffix(".yaml"),
                                 _("Checklists (*.yaml *.yml)"))
        if target is None:
            return
        try:
            target.write_text(checklist_yaml(checklist), encoding="utf-8")
        except OSError as error:
            warn(self.window, title, str(error))
            return
        inform(self.window, title, _(
            "{title}: {items} items, {full} points. Saved as {path}; choose it under “From a "
            "checklist file…” when creating a self-assessment.").format(
            title=checklist.title, items=len(checklist.items), full=checklist.full_marks,
            path=target))
