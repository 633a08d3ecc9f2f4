"""存在的不足 and 整改措施: a list on the left, the selected entry's fields on the right.

Both lists are stored whole on every change (the core replaces the list), so the page builds
the new list and hands it over. A new entry is stored as soon as its text is not empty.
Removing a shortcoming keeps every measure linked to the same shortcoming as before.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from selfassess.errors import SelfassessError
from selfassess.i18n import _, join_list
from selfassess.record import record
from selfassess.store import ChangeSet, EvidenceSource, Measure, Shortcoming, default_actor
from selfassess.store.changes import without_shortcoming
from selfassess.store.ledger import STATUSES, LedgerUpdate, effective_deadline, put_back
from selfassess.ui.asking import confirm, files_to_open, warn
from selfassess.ui.models import TextListModel
from selfassess.ui.session import Session
from selfassess.ui.widgets import (
    Debouncer,
    ErrorLabel,
    heading,
    set_text_quietly,
    text_colour,
    text_editor,
    wrap_label,
)

Options = Callable[[Session], list[tuple[str, Any]]]


@record
class Field:
    """One editable field of an entry: ``line``, ``text`` (several lines) or ``combo``."""

    name: str
    label: str
    kind: str
    options: Options | None = None
    placeholder: str = ""


def _categories(session: Session) -> list[tuple[str, Any]]:
    return [(name, name) for name in session.checklist.shortcoming_categories]


def _items(session: Session) -> list[tuple[str, Any]]:
    return [(_("(no particular item)"), "")] + [
        (f"{item.code} {item.title}", item.code) for item in session.checklist.items]


def _shortcomings(session: Session) -> list[tuple[str, Any]]:
    return [(_("(no particular shortcoming)"), None)] + [
        (f"{n}. {s.text[:40]}", n - 1) for n, s in enumerate(session.data.shortcomings, 1)]


def shortcoming_lines(session: Session) -> list[str]:
    """How shortcomings show in the list."""
    return [f"{n}. 【{s.category}】{s.text}" for n, s in enumerate(session.data.shortcomings, 1)]


def measure_lines(session: Session) -> list[str]:
    """How measures show in the list (with where they stand in the 整改台账)."""
    lines = []
    ledger = session.ledger()
    for n, m in enumerate(session.data.measures, 1):
        entry = ledger.get(m.number or 0)
        extra = " — ".join(part for part in (m.owner, effective_deadline(m, entry)) if part)
        # 【整改中】: every measure's on a sealed file, where the ledger is what changes
        shown = entry.status if entry else "not_started"
        status = f"【{_(STATUSES[shown])}】" if session.sealed or shown != "not_started" else ""
        lines.append(f"{n}. {status}" + (_("{text} ({details})").format(text=m.text,
                                                                        details=extra)
                                          if extra else m.text))
    return lines


class ListPage(QWidget):
    """Editor of one list of entries (dataclass records)."""

    def __init__(self, session: Session, kind: str, title: str, intro: str,
                 fields: list[Field], new_entry: Callable[[Session], Any],
                 lines: Callable[[Session], list[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.kind = kind  # "shortcomings" | "measures"
        self.fields = fields
        self.new_entry = new_entry
        self.setObjectName(f"{kind}_page")
        self.row: int | None = None  # the stored entry being edited
        self.draft: Any = None  # a new entry not stored yet
        self._typing = Debouncer(self)
        self._typing.fired.connect(self._on_typing_paused)

        self.model = TextListModel(session, lines, parent=self)
        self.list = QListView()
        self.list.setObjectName(f"{kind}_list")
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._select(current.row()))
        self.add_button = QPushButton(_("New"))
        self.add_button.setObjectName(f"{kind}_add")
        self.add_button.clicked.connect(self._on_add)
        self.remove_button = QPushButton(_("Remove"))
        self.remove_button.setObjectName(f"{kind}_remove")
        self.remove_button.clicked.connect(self._on_remove)

        self.form = QWidget()
        form = QFormLayout(self.form)
        # labels above their fields: beside a list, at 150 % type, fields beside long labels
        # were crushed to a few characters
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.editors: dict[str, Any] = {}
        for field in fields:
            editor: Any
            if field.kind == "combo":
                editor = QComboBox()
                editor.currentIndexChanged.connect(lambda _i, f=field: self._on_combo(f))
            elif field.kind == "text":
                editor = text_editor(f"{kind}_{field.name}", 4,
                                     lambda text, f=field: self._typing.set(f.name, text),
                                     field.placeholder)
            else:
                editor = QLineEdit()
                editor.setPlaceholderText(field.placeholder)
                editor.textEdited.connect(lambda text, f=field: self._typing.set(f.name, text))
            editor.setObjectName(f"{kind}_{field.name}")
            form.addRow(field.label, editor)
            self.editors[field.name] = editor
        self.error_label = ErrorLabel(f"{kind}_error")

        # an empty list is a blank box: say so, and how to start one
        self.empty_hint = QLabel()
        self.empty_hint.setObjectName(f"{kind}_empty")
        self.empty_hint.setWordWrap(True)
        text_colour(self.empty_hint, "#555")
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved):
            signal.connect(self._show_empty_hint)
        left = QVBoxLayout()
        left.addWidget(self.empty_hint)
        left.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        left.addLayout(buttons)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        # the fields (and a measure's progress) scroll: at 150 % type on a 768-pixel screen
        # they are taller than the window may be
        fields = QWidget()
        self._fields_layout = right = QVBoxLayout(fields)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.form)
        self.ledger_box: LedgerBox | None = None
        if kind == "measures":
            self.ledger_box = LedgerBox(session, self)
            right.addWidget(self.ledger_box)
        right.addWidget(self.error_label)
        right.addStretch(1)
        self.fields_scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(fields)
        columns.addWidget(scroll, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title, 1.35))
        layout.addWidget(wrap_label(intro))
        layout.addLayout(columns, 1)

    # --- showing ---------------------------------------------------------------------------------

    def entries(self) -> list[Any]:
        """The stored entries."""
        return list(getattr(self.session.data, self.kind))

    def load(self) -> None:
        """Show the stored list; select the first entry (or start a new one)."""
        self._refill_combos()
        entries = self.entries()
        if entries:
            self.list.setCurrentIndex(self.model.index(min(self.row or 0, len(entries) - 1)))
            self._select(self.list.currentIndex().row())
        else:
            self._start_draft()
        self.refresh_state()
        self._show_empty_hint()

    def refresh_state(self) -> None:
        """Editors follow the sealed state (the 整改进展 box does not: the ledger changes on a
        sealed file too)."""
        editable = not self.session.read_only
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable and self.row is not None)
        self.form.setEnabled(editable)
        if self.ledger_box is not None:
            entries = self.entries()
            self.ledger_box.show_measure(entries[self.row] if self.row is not None
                                         and self.row < len(entries) else None)
            # what can still change on a sealed file comes first, in view without scrolling;
            # on a draft the measure's own fields come first
            self._fields_layout.removeWidget(self.ledger_box)
            self._fields_layout.insertWidget(0 if self.session.sealed else 1, self.ledger_box)

    def _refill_combos(self) -> None:
        for field in self.fields:
            if field.kind == "combo" and field.options is not None:
                combo: QComboBox = self.editors[field.name]
                blocked = combo.blockSignals(True)
                combo.clear()
                for label, value in field.options(self.session):
                    combo.addItem(label, value)
                combo.blockSignals(blocked)

    def _show_entry(self, entry: Any) -> None:
        for field in self.fields:
            editor = self.editors[field.name]
            value = getattr(entry, field.name)
            if field.kind == "combo":
                blocked = editor.blockSignals(True)
                editor.setCurrentIndex(max(0, editor.findData(value)))
                editor.blockSignals(blocked)
            else:
                set_text_quietly(editor, value or "")
        self.error_label.clear()

    def _show_empty_hint(self, *_args: object) -> None:
        empty = self.model.rowCount() == 0
        self.empty_hint.setText("" if not empty else _("Nothing listed.")
                                if self.session.read_only else
                                _("Nothing listed yet: fill in the fields beside to add the "
                                  "first one."))
        self.empty_hint.setVisible(empty)

    def _select(self, row: int) -> None:
        self.flush()
        entries = self.entries()
        if not 0 <= row < len(entries):
            return
        self.row, self.draft = row, None
        self._show_entry(entries[row])
        self.refresh_state()

    def _start_draft(self) -> None:
        self.flush()
        self.row, self.draft = None, self.new_entry(self.session)
        self.list.clearSelection()
        self._show_entry(self.draft)
        first = self.editors[self.fields[0].name]
        first.setFocus()
        self.refresh_state()

    # --- storing -------------------------------------------------------------------------------

    def flush(self) -> None:
        """Store pending typing now."""
        self._typing.flush()

    def _store(self, changes: dict[str, Any]) -> None:
        if self.session.read_only:
            return
        entries = self.entries()
        if self.row is not None and self.row < len(entries):
            entries[self.row] = dataclasses.replace(entries[self.row], **changes)
        else:
            self.draft = dataclasses.replace(self.draft or self.new_entry(self.session), **changes)
            if not self.draft.text.strip():
                return  # a new entry is stored once it says something
            entries.append(self.draft)
        change = ChangeSet(**{self.kind: entries})
        if self.session.apply(change, {f"page:{self.kind}"}):
            self.error_label.clear()
            if self.row is None:
                self.row, self.draft = len(entries) - 1, None
                self.list.setCurrentIndex(self.model.index(self.row))
        else:
            self.error_label.setText("\n".join(self.session.last_problems))
        self.refresh_state()

    def _on_typing_paused(self, pending: dict[str, Any]) -> None:
        self._store(pending)

    def _on_combo(self, field: Field) -> None:
        self._store({field.name: self.editors[field.name].currentData()})

    def _on_add(self) -> None:
        self._start_draft()

    def _on_remove(self) -> None:
        if self.row is None or self.session.read_only:
            return
        entry = self.entries()[self.row]
        if not confirm(self, _("Remove"), _("Remove “{text}”?").format(text=entry.text[:60])):
            return
        self._typing.discard()
        data = self.session.data
        if self.kind == "shortcomings":
            change = without_shortcoming(data, self.row)
        else:
            entries = self.entries()
            del entries[self.row]
            change = ChangeSet(measures=entries)
        before = ChangeSet(shortcomings=list(data.shortcomings), measures=list(data.measures))
        self.session.undoable(_("Remove “{text}”").format(text=entry.text[:30]), change, before,
                              {f"page:{self.kind}", "page:measures"})
        self.row = None
        self.load()


class LedgerBox(QGroupBox):
    """整改进展 of the selected measure: its status and dated notes, and a new note or status
    to record (on a sealed file too: the ledger is outside the seal)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(_("Progress (整改进展)"), parent)
        self.setObjectName("measures_ledger")
        self.session = session
        self.measure: Measure | None = None
        self.history = wrap_label(object_name="measures_ledger_history")
        self.status = QComboBox()
        self.status.setObjectName("measures_ledger_status")
        for key in ("not_started", "in_progress", "done"):
            self.status.addItem(_(STATUSES[key]), key)
        self.note = QLineEdit()
        self.note.setObjectName("measures_ledger_note")
        self.note.setPlaceholderText(_("What was done, e.g. held the second study session"))
        self.record = QPushButton(_("Record progress"))
        self.record.setObjectName("measures_ledger_record")
        self.record.clicked.connect(self._record)
        self.deadline = QLineEdit()
        self.deadline.setObjectName("measures_ledger_deadline")
        self.deadline.setPlaceholderText(_("New deadline if put back, e.g. 2027-09-30"))
        self.attach = QPushButton(_("Attach completion evidence…"))
        self.attach.setObjectName("measures_ledger_attach")
        self.attach.clicked.connect(self._choose_evidence)
        # the secretary, reviewing: 销号 once the completion evidence is checked
        self.close_button = QPushButton(_("Close it (销号)…"))
        self.close_button.setObjectName("measures_ledger_close")
        self.close_button.clicked.connect(self._close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.history)
        if session.review_mode:
            for widget in (self.status, self.note, self.record, self.attach, self.deadline):
                widget.hide()
            layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        else:
            self.close_button.hide()
        layout.addWidget(self.note)  # a line of its own: beside the others it shrank to "…"
        layout.addWidget(self.deadline)
        row = QHBoxLayout()
        row.addWidget(self.status)
        row.addStretch(1)
        row.addWidget(self.record)
        layout.addLayout(row)
        layout.addWidget(self.attach, 0, Qt.AlignmentFlag.AlignRight)

    def show_measure(self, measure: Measure | None) -> None:
        """Where ``measure`` stands (a measure not stored yet has no progress to record)."""
        self.measure = measure
        entry = self.session.ledger().get(measure.number or 0) if measure is not None else None
        status = entry.status if entry else "not_started"
        lines = [_("Status: {status}").format(status=_(STATUSES[status]))]
        if entry and entry.closed_at:
            lines[0] += _(" (closed by {by} on {date})").format(by=entry.closed_by or "—",
                                                              date=entry.closed_at[:10])
        if entry and entry.deadline and measure is not None \
                and entry.deadline != measure.deadline:
            lines.append(_("Deadline put back to {date} (originally {sealed})").format(
                date=entry.deadline, sealed=measure.deadline or "—"))
        lines += [f"{note.at[:10]}  {note.text}" for note in (entry.notes if entry else ())]
        if entry and entry.evidence:
            lines.append(_("Completion evidence: {files}").format(files=join_list(
                _("{text} ({details})").format(text=document.file_name,
                                               details=document.sha256[:8])
                for document in entry.evidence)))
            flags = self.session.completion_flags()
            lines += ["⚠ " + _("{name}: {text}").format(
                          name=document.file_name, text=_("; ").join(f.text for f in found))
                      for document in entry.evidence
                      if (found := flags.get((entry.number, document.sha256)))]
        self.history.setText("\n".join(lines))
        index = self.status.findData(status)
        blocked = self.status.blockSignals(True)
        self.status.setCurrentIndex(max(index, 0))
        self.status.blockSignals(blocked)
        can = (measure is not None and measure.number is not None and status != "closed"
               and not self.session.af.readonly)
        for widget in (self.status, self.note, self.record, self.close_button, self.attach,
                       self.deadline):
            widget.setEnabled(can)

    def _close(self) -> None:
        """销号 in the bureau file, after confirmation."""
        from selfassess.bureau.ledger import close_department_measure

        if self.measure is None or self.measure.number is None:
            return
        from selfassess.bureau.ledger import closing_warning

        department = self.session.data.department.name
        question = _(
            "Close measure {number} of {name} (“{text}”)? Do so once its completion evidence "
            "has been checked; the department cannot undo it.").format(
            number=self.measure.number, name=department, text=self.measure.text[:40])
        if warning := closing_warning(self.session.ledger().get(self.measure.number)):
            question += "\n\n" + _("Note: {warning}.").format(warning=warning)
        if not confirm(self, _("Close it (销号)"), question, default_no=True):
            return
        try:
            close_department_measure(self.session.path, department, self.measure.number,
                                     by=default_actor())
        except SelfassessError as error:
            warn(self, _("Close it (销号)"), "\n".join(error.problems[:10]))
            return
        self.session.reload({"page:measures"})
        self.show_measure(self.measure)

    def _choose_evidence(self) -> None:
        names = files_to_open(self, _("Attach completion evidence"))
        self.attach_files([Path(name) for name in names])

    def attach_files(self, paths: list[Path]) -> None:
        """Attach documents as the selected measure's completion evidence (on a sealed file
        too), with the note typed beside them if any."""
        if self.measure is None or self.measure.number is None or not paths:
            return
        update = LedgerUpdate(self.measure.number, None, self.note.text(), tuple(
            EvidenceSource(path, path.name) for path in paths))
        if self.session.follow_up(update):
            self.note.clear()
            self.show_measure(self.measure)

    def _record(self) -> None:
        if self.measure is None or self.measure.number is None:
            return
        entry = self.session.ledger().get(self.measure.number)
        status = self.status.currentData()
        changed = status != (entry.status if entry else "not_started")
        deadline = put_back(self.deadline.text()) or None
        if not changed and not self.note.text().strip() and deadline is None:
            return
        if self.session.follow_up(LedgerUpdate(self.measure.number,
                                               status if changed else None, self.note.text(),
                                               deadline=deadline)):
            self.note.clear()
            self.deadline.clear()
            self.show_measure(self.measure)


def shortcomings_page(session: Session) -> ListPage:
    """The 存在的不足 page."""
    return ListPage(
        session, "shortcomings", _("Shortcomings (存在的不足)"),
        _("List what fell short this year, each with its category; they become part two of the "
          "report (自查报告) and the bureau's list of problems (问题清单)."),
        [Field("category", _("Category"), "combo", _categories),
         Field("item_code", _("Related item"), "combo", _items),
         Field("text", _("Shortcoming"), "text", placeholder=_("e.g. study stays at taking notes in lectures"))],
        lambda s: Shortcoming(s.checklist.shortcoming_categories[0], ""), shortcoming_lines)


def measures_page(session: Session) -> ListPage:
    """The 整改措施 page."""
    return ListPage(
        session, "measures", _("Rectification measures (整改措施)"),
        _("For each shortcoming, what will be done, who answers for it and by when; they "
          "become the rectification ledger (整改台账)."),
        [Field("text", _("Measure"), "text"),
         Field("shortcoming", _("Answers shortcoming"), "combo", _shortcomings),
         Field("owner", _("Responsible person (责任人)"), "line"),
         Field("leader", _("Leader in charge (责任领导)"), "line"),
         Field("deadline", _("Deadline (完成时限)"), "line",
               placeholder=_("e.g. 2027-06-30, by the end of June 2027, ongoing")),
         Field("standard", _("Completion standard (完成标准)"), "line")],
        lambda s: Measure(""), measure_lines)
