"""The main window: start screen, or an open file with the navigation tree on the left and the
current page on the right. Menus, navigation, sealing and the status bar live here."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QUndoGroup,
)
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QStackedWidget,
)

from selfassess import FILE_SUFFIX
from selfassess.errors import SelfassessError
from selfassess.i18n import _, join_list
from selfassess.store import AssessmentFile
from selfassess.store.openers import ReadOnlyHere
from selfassess.ui.asking import confirm, file_to_open, file_to_save, inform, line_of_text, warn
from selfassess.ui.office_actions import OfficeActions
from selfassess.ui.session import Session
from selfassess.ui.settings import Settings
from selfassess.ui.workspace import Workspace
from selfassess.validation import submission_name

if TYPE_CHECKING:
    from types import ModuleType

    from selfassess.ui.bureau.workspace import BureauWorkspace
    from selfassess.ui.start_screen import StartScreen


def _help() -> ModuleType:
    """The 帮助 dialogs, loaded when first asked for (not at every start)."""
    from selfassess.ui.dialogs import help as help_dialogs

    return help_dialogs


class MainWindow(QMainWindow):
    """The application window."""

    def __init__(self, settings: Settings, start_screen: bool = True) -> None:
        """``start_screen=False`` when a file is about to be opened: the first frame is the
        empty window, and the start screen is built only if the file cannot be shown."""
        super().__init__()
        self.settings = settings
        self.session: Session | None = None
        self.workspace: Workspace | None = None
        self.bureau: BureauWorkspace | None = None
        self.setObjectName("main_window")
        self.setAcceptDrops(True)
        self.undo_group = QUndoGroup(self)  # the open department's structural edits
        self.stack = QStackedWidget()
        self.start: StartScreen | None = None
        self.setCentralWidget(self.stack)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("saved_label")
        self.statusBar().addPermanentWidget(self.saved_label)
        self._build_menus()
        self._connect_signals()
        if start_screen:
            self.show_start()
        self._update_title()
        geometry = settings.geometry()
        if geometry:
            self.restoreGeometry(geometry)
        else:
            width = self.fontMetrics().horizontalAdvance("x")
            self.resize(width * 170, self.fontMetrics().lineSpacing() * 46)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(_("&File"))
        self.new_action = QAction(_("New self-assessment…"), self, shortcut=QKeySequence.StandardKey.New)
        self.new_bureau_action = QAction(_("New bureau file (汇总)…"), self)
        self.new_from_action = QAction(_("New from last year's file…"), self)
        self.open_action = QAction(_("Open…"), self, shortcut=QKeySequence.StandardKey.Open)
        self.copy_action = QAction(_("Save a copy for sending…"), self)
        self.verify_action = QAction(_("Check a printed page (核对纸质件)…"), self)
        self.verify_action.setObjectName("action_verify_print")
        self.preview_action = QAction(_("Print preview…"), self,
                                      shortcut=QKeySequence.StandardKey.Print)
        self.close_action = QAction(_("Close file"), self, shortcut=QKeySequence.StandardKey.Close)
        self.quit_action = QAction(_("Quit"), self, shortcut=QKeySequence.StandardKey.Quit)
        for action in (self.new_action, self.new_from_action, self.new_bureau_action,
                       self.open_action, self.preview_action, self.copy_action):
            file_menu.addAction(action)
        if getattr(self, "office", None) is not None:
            self.office.deleteLater()  # rebuilt in the new language
        self.office = OfficeActions(self)
        self.office.menu(file_menu)
        file_menu.addAction(self.verify_action)
        file_menu.addAction(self.close_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        go_menu = self.menuBar().addMenu(_("&Go"))
        self.next_action = QAction(_("Next item"), self)
        self.next_action.setShortcuts([QKeySequence("Alt+Right"), QKeySequence("Ctrl+PgDown")])
        self.previous_action = QAction(_("Previous item"), self)
        self.previous_action.setShortcuts([QKeySequence("Alt+Left"), QKeySequence("Ctrl+PgUp")])
        self.find_action = QAction(_("Find item"), self, shortcut=QKeySequence.StandardKey.Find)
        self.summary_action = QAction(_("Summary and sealing"), self)
        for action in (self.next_action, self.previous_action, self.find_action,
                       self.summary_action):
            go_menu.addAction(action)
        edit_menu = self.menuBar().addMenu(_("&Edit"))
        for earlier in (getattr(self, "undo_action", None), getattr(self, "redo_action", None)):
            if earlier is not None:  # menus rebuilt in another language
                earlier.deleteLater()
        self.undo_action = self.undo_group.createUndoAction(self, _("Undo"))
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_group.createRedoAction(self, _("Redo"))
        self.redo_action.setShortcuts(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        settings_menu = self.menuBar().addMenu(_("&Settings"))
        self.settings_action = QAction(_("Language and font size…"), self)
        settings_menu.addAction(self.settings_action)
        help_menu = self.menuBar().addMenu(_("&Help"))
        self.shortcuts_action = QAction(_("Keyboard shortcuts"), self)
        self.folders_action = QAction(_("Where files and backups are kept"), self)
        self.about_action = QAction(_("About selfassess"), self)
        for action in (self.shortcuts_action, self.folders_action, self.about_action):
            help_menu.addAction(action)
        self._update_actions()

    def _connect_signals(self) -> None:
        # menus
        self.new_action.triggered.connect(self.new_assessment)
        self.new_bureau_action.triggered.connect(self.new_bureau)
        self.new_from_action.triggered.connect(self.new_from_last_year)
        self.open_action.triggered.connect(self.choose_file)
        self.copy_action.triggered.connect(self.save_copy)
        self.verify_action.triggered.connect(self.verify_print)
        self.preview_action.triggered.connect(self.preview)
        self.close_action.triggered.connect(self.close_file)
        self.quit_action.triggered.connect(self.close)
        self.next_action.triggered.connect(lambda: self.workspace and self.workspace.next())
        self.previous_action.triggered.connect(lambda: self.workspace and self.workspace.previous())
        self.find_action.triggered.connect(self._on_find)
        self.summary_action.triggered.connect(lambda: self.go_to("page:summary"))
        self.settings_action.triggered.connect(self.edit_settings)
        self.shortcuts_action.triggered.connect(lambda: _help().show_shortcuts(self))
        self.folders_action.triggered.connect(lambda: _help().show_folders(
            self, self.session.path if self.session else
            self.bureau.af.path if self.bureau else None))
        self.about_action.triggered.connect(lambda: _help().show_about(self))

    def show_start(self) -> None:
        """The start screen (built at its first showing), its recent files up to date."""
        if self.start is None:
            from selfassess.ui.start_screen import StartScreen  # not when a file is given

            self.start = StartScreen(self.settings.recent_files())
            self.start.new_requested.connect(self.new_assessment)
            self.start.open_requested.connect(self.choose_file)
            self.start.recent_chosen.connect(self.open_file)
            self.stack.insertWidget(0, self.start)
        else:
            self.start.set_recent(self.settings.recent_files())
        self.stack.setCurrentWidget(self.start)

    def _update_actions(self) -> None:
        has_file = self.session is not None
        for action in (self.next_action, self.previous_action, self.find_action,
                       self.summary_action):
            action.setEnabled(has_file)
        self.close_action.setEnabled(has_file or self.bureau is not None)
        self.preview_action.setEnabled(has_file or self.bureau is not None)
        self.copy_action.setEnabled(bool(self.session and self.session.sealed))
        self.office.update()

    def _update_title(self) -> None:
        if self.bureau is not None:
            info = self.bureau.af.info
            self.setWindowTitle(f"{info.bureau_name} · {info.period} · {_('bureau file')} — "
                                f"{self.bureau.af.path.name}")
            return
        if self.session is None:
            self.setWindowTitle(_("selfassess — self-assessment of the ideological work responsibility system"))
            return
        department = self.session.data.department
        state = _("sealed") if department.sealed else _("draft")
        self.setWindowTitle(f"{department.name} · {self.session.af.info.period} · {state} — "
                            f"{self.session.path.name}")

    # --- files ---------------------------------------------------------------------------------

    def new_assessment(self) -> None:
        """Ask for the details of a new file, create it and open it."""
        from selfassess.ui.dialogs.new_assessment import NewAssessmentDialog

        dialog = NewAssessmentDialog(self)
        if dialog.exec() and dialog.created is not None:
            self.open_file(dialog.created)

    def new_from_last_year(self) -> None:
        """以去年文件为基础: next year's file from last year's (the same department, its
        narratives to revisit, its measures), against the checklist last year's file holds."""
        from selfassess.store.carry import carry_over

        name = file_to_open(self, _("Last year's self-assessment"), "",
                            _("Self-assessment files (*{suffix})").format(suffix=FILE_SUFFIX))
        if not name:
            return
        try:
            with AssessmentFile.open(Path(name), readonly=True) as last:
                period = last.info.period.strip()
                if period.isdigit():
                    period = str(int(period) + 1)
                else:
                    typed = line_of_text(self, _("New from last year's file"),
                                         _("Period (考核年度)"))
                    if typed is None:
                        return
                    period = typed
                department = last.department().name
                suggested = Path(name).with_name(submission_name(period, department))
                target = file_to_save(
                    self, _("Save the self-assessment as"), str(suggested),
                    _("Self-assessment files (*{suffix})").format(suffix=FILE_SUFFIX))
                if not target:
                    return
                target_path = Path(target)
                if target_path.suffix != FILE_SUFFIX:
                    target_path = target_path.with_name(target_path.name + FILE_SUFFIX)
                new, unmapped = carry_over(last, target_path, last.checklist, period.strip())
        except SelfassessError as error:
            warn(self, _("New from last year's file"), "\n".join(error.problems[:20]))
            return
        carried = len(new.data().carried)
        new.close()
        if self.open_file(target_path):
            text = _("{count} narrative(s) were carried over from last year: read each, then "
                     "change it or confirm it as it is; sealing waits for them.").format(
                count=carried)
            if unmapped:
                text += "\n" + _("Not carried (not in this checklist): {codes}").format(
                    codes=join_list(unmapped))
            inform(self, _("New from last year's file"), text)

    def choose_file(self) -> None:
        """Ask for a file to open."""
        name = file_to_open(self, _("Open a self-assessment"), "",
                            _("Self-assessment files (*{suffix})").format(suffix=FILE_SUFFIX))
        if name:
            self.open_file(Path(name))

    def new_bureau(self) -> None:
        """Ask for the details of a new bureau file, create it and open it."""
        from selfassess.ui.bureau.dialogs import NewBureauDialog

        dialog = NewBureauDialog(self)
        if dialog.exec() and dialog.created is not None:
            self.open_file(dialog.created)

    def open_file(self, path: Path) -> bool:
        """Open a department or bureau file (closing the current one); False when refused."""
        busy = ""
        try:
            try:
                af = AssessmentFile.open(Path(path))
            except ReadOnlyHere as not_here:  # edited elsewhere, or a read-only medium
                busy = not_here.problems[0]
                af = AssessmentFile.open(Path(path), readonly=True)
            session = None if af.info.kind == "bureau" else Session(af)
            if busy and session is None:  # the secretary's workspace needs to write
                af.close()
                raise ReadOnlyHere(busy)
        except SelfassessError as error:
            if "af" in locals():
                af.close()
            warn(self, _("Cannot open the file"), "\n".join(error.problems[:20]))
            return False
        if self.session is not None or self.bureau is not None:
            self.close_file()
        if session is None:
            self._show_bureau(af)
        else:
            session.busy_reason = busy
            self._show_department(session)
        self.settings.add_recent(af.path)
        self.saved_label.clear()
        self._update_title()
        self._update_actions()
        return True

    def _show_bureau(self, af: AssessmentFile) -> None:
        from selfassess.ui.bureau.workspace import BureauWorkspace

        self.bureau = BureauWorkspace(af)
        self.bureau.status.connect(lambda text: self.statusBar().showMessage(text, 15000))
        self.stack.addWidget(self.bureau)
        self.stack.setCurrentWidget(self.bureau)

    def _show_department(self, session: Session) -> None:
        self.session = session
        self.undo_group.addStack(session.undo_stack)
        self.undo_group.setActiveStack(session.undo_stack)
        session.saved.connect(self._on_saved)
        session.refused.connect(self._on_refused)
        session.state_changed.connect(self._on_state_changed)
        self.workspace = Workspace(session)
        self.workspace.seal_requested.connect(self.seal)
        self.workspace.copy_requested.connect(self.save_copy)
        self.workspace.reopen_requested.connect(self.reopen)
        self.stack.addWidget(self.workspace)
        self.stack.setCurrentWidget(self.workspace)
        self.workspace.go_to(self.settings.position(session.path) or "")
        self.workspace.navigated.connect(self._remember_position)

    def _remember_position(self, node: str) -> None:
        """Where the person is, written at once: after a crash or a power cut the file opens
        at the same place (not only after a clean exit)."""
        if self.session is not None:
            self.settings.set_position(self.session.path, node)
            self.settings.sync()

    def close_file(self) -> None:
        """Store pending typing, remember the position and close the file."""
        if self.bureau is not None:
            self.bureau.close_file()
            self.stack.removeWidget(self.bureau)
            self.bureau.deleteLater()
            self.bureau = None
        if self.session is None or self.workspace is None:
            self.show_start()
            self._update_title()
            self._update_actions()
            return
        self.workspace.flush()
        self.undo_group.removeStack(self.session.undo_stack)
        self.settings.set_position(self.session.path, self.workspace.current)
        self.settings.sync()
        self.stack.removeWidget(self.workspace)
        self.workspace.deleteLater()
        self.session.dispose()
        self.session = None
        self.workspace = None
        self.show_start()
        self._update_title()
        self._update_actions()

    def go_to(self, node: str) -> None:
        """Show a place in the open file."""
        if self.workspace is not None:
            self.workspace.go_to(node)

    # --- printing ------------------------------------------------------------------------------

    def preview(self) -> None:
        """Lay out the open file's print (score sheet or bureau report) and show it."""
        from selfassess.ui.preview import PreviewDialog, render_file

        if self.bureau is not None:
            self.bureau.preview()
            return
        if self.session is None or self.workspace is None:
            return
        self.workspace.flush()
        path = self.session.path
        name = f"{self.session.submission_name().removesuffix(FILE_SUFFIX)}_{_('score sheet')}"
        PreviewDialog(self, _("Print preview"), render_file(path),
                      path.with_name(name + ".pdf"), workbook_source=path).exec()

    # --- sealing -------------------------------------------------------------------------------

    def seal(self) -> None:
        """Run the completeness checks and seal, or show what is missing."""
        if self.session is None or self.workspace is None:
            return
        self.workspace.flush()
        problems = self.session.problems()
        if problems:
            self.go_to("page:summary")
            inform(self, _("Not ready to seal"), _(
                "Before sealing, fix these ({count}):").format(count=len(problems)) + "\n\n"
                + "\n".join(p.message for p in problems[:15])
                + ("\n…" if len(problems) > 15 else ""))
            return
        if not confirm(self, _("Seal for sending"), _(
                "After sealing the file is read-only and gets a revision number and a digest of "
                "its content. Seal now?")):
            return
        record = self.session.seal()
        if record is not None:
            self.statusBar().showMessage(_("Sealed: revision {revision}").format(
                revision=record.revision), 10000)
            if confirm(self, _("Sealed"), _(
                    "Sealed as revision {revision}. Save a copy to send now?").format(
                    revision=record.revision)):
                self.save_copy()

    def save_copy(self) -> None:
        """Save the sealed file under its conventional name, for sending."""
        if self.session is None or not self.session.sealed:
            return
        proposal = str(self.session.path.parent / self.session.submission_name())
        if Path(proposal).resolve() == self.session.path.resolve():
            proposal = str(self.session.path.parent / _("to send") / self.session.submission_name())
        name = file_to_save(self, _("Save a copy for sending"), proposal,
                            _("Self-assessment files (*{suffix})").format(suffix=FILE_SUFFIX))
        if not name:
            return
        target = Path(name)
        if target.resolve() == self.session.path.resolve():
            warn(self, _("Save a copy"), _("Choose another name or folder."))
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        saved = self.session.save_copy(target)
        if saved is not None:
            inform(self, _("Copy saved"), _(
                "Saved {path}. Send this file (内网邮件 or U盘).").format(path=saved))

    def reopen(self) -> None:
        """Unseal after confirmation."""
        if self.session is None:
            return
        question = _(
            "Reopening unseals the file so it can be changed; it must then be sealed and sent "
            "again (as the next revision). Copies already sent do not change. Reopen?")
        if self.session.correction is not None:
            question = _(
                "This file was returned for correction of some entries only. Reopening the whole "
                "file lets everything be changed; the review group will see every change when "
                "it is sent again. The return's notes stay. Reopen the whole file?")
        if confirm(self, _("Reopen for editing"), question, default_no=True):
            self.session.reopen()

    # --- signals from the session ------------------------------------------------------------

    def _on_saved(self, time: str) -> None:
        self.saved_label.setText(_("Saved {time}").format(time=time))

    def _on_refused(self, problems: list[str]) -> None:
        self.statusBar().showMessage(" ".join(problems[:2]), 15000)

    def _on_state_changed(self) -> None:
        if self.workspace is not None:
            self.workspace.refresh_state()
        self._update_title()
        self._update_actions()

    def _on_find(self) -> None:
        if self.workspace is not None:
            self.workspace.search.setFocus()
            self.workspace.search.selectAll()

    # --- settings ------------------------------------------------------------------------------

    def edit_settings(self) -> None:
        """Language and font size; the window is rebuilt in the new language."""
        from selfassess.ui.appearance import apply_settings
        from selfassess.ui.dialogs.settings_dialog import SettingsDialog

        if SettingsDialog(self.settings, self).exec():
            path = (self.session.path if self.session else
                    self.bureau.af.path if self.bureau else None)
            self.close_file()
            apply_settings(self.settings)
            self.rebuild()
            if path is not None:
                self.open_file(path)

    def verify_print(self) -> None:
        """核对纸质件: the open file (if any) to compare with, others on request."""
        from selfassess.ui.dialogs.verify_print import VerifyPrintDialog

        if self.bureau is not None:
            self.bureau.flush()  # a review being typed is part of what the file is now
        path = (self.session.path if self.session else
                self.bureau.af.path if self.bureau else None)
        VerifyPrintDialog([path] if path is not None else [], self).exec()

    def rebuild(self) -> None:
        """Recreate menus and the start screen (after a language change)."""
        self.menuBar().clear()
        self._build_menus()
        old, self.start = self.start, None
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        self._connect_signals()
        self.show_start()
        self._update_title()

    # --- window events -------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if any(p.suffix == FILE_SUFFIX or (self.bureau is not None and p.is_dir()) for p in paths):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.bureau is not None:  # the secretary drops returned files (or a folder) to merge
            event.acceptProposedAction()
            self.bureau.import_paths([Path(u.toLocalFile()) for u in event.mimeData().urls()
                                      if u.isLocalFile()])
            return
        for url in event.mimeData().urls():
            if url.toLocalFile().endswith(FILE_SUFFIX):
                event.acceptProposedAction()
                self.open_file(Path(url.toLocalFile()))
                return

    def closeEvent(self, event: QCloseEvent) -> None:
        self.close_file()
        self.settings.set_geometry(bytes(self.saveGeometry().data()))
        self.settings.sync()
        super().closeEvent(event)
