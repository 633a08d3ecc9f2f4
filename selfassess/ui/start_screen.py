"""What the window shows with no file open: new, open, recent files, drop a file here."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QPushButton, QVBoxLayout, QWidget

from selfassess.i18n import _
from selfassess.notice import NOT_CLASSIFIED
from selfassess.ui.models import NODE_ROLE, PathListModel
from selfassess.ui.widgets import heading, text_colour, wrap_label


class StartScreen(QWidget):
    """The first screen."""

    new_requested = Signal()
    open_requested = Signal()
    recent_chosen = Signal(object)  # Path

    def __init__(self, recent: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("start_screen")
        title = heading(_("Self-assessment of the ideological work responsibility system"), 1.8, "start_title")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        intro = wrap_label(_("Walk the checklist item by item, score each item, write what was "
                             "done and attach evidence. Everything is saved as you type. When "
                             "done, seal the file and send it."))
        intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.new_button = QPushButton(_("New self-assessment…"))
        self.new_button.setObjectName("start_new")
        self.open_button = QPushButton(_("Open a file…"))
        self.open_button.setObjectName("start_open")
        for button in (self.new_button, self.open_button):
            button.setMinimumHeight(button.sizeHint().height() * 2)
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance("x") * 28)
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.recent_model = PathListModel(recent, self)
        self.recent = QListView()
        self.recent.setObjectName("start_recent")
        self.recent.setSpacing(3)  # each entry is two lines: the name, then its folder
        self.recent.setModel(self.recent_model)
        self.recent.activated.connect(lambda index: self.recent_chosen.emit(
            Path(index.data(NODE_ROLE))))
        self.recent.setMaximumWidth(self.fontMetrics().horizontalAdvance("x") * 80)
        self.recent_label = QLabel(_("Recent files"))
        drop = wrap_label(_("You can also drop a .selfassess file onto this window."))
        drop.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text_colour(drop, "#666")
        notice = wrap_label(_(NOT_CLASSIFIED))
        notice.setObjectName("start_notice")
        notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text_colour(notice, "#8a4b00")

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        recent_column = QVBoxLayout()
        recent_column.addWidget(self.recent_label)
        recent_column.addWidget(self.recent)
        recent_row = QHBoxLayout()
        recent_row.addStretch(1)
        recent_row.addLayout(recent_column, 3)
        recent_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(24)
        layout.addLayout(buttons)
        layout.addSpacing(24)
        layout.addLayout(recent_row, 2)
        layout.addWidget(drop)
        layout.addStretch(1)
        layout.addWidget(notice)
        self.set_recent(recent)

    def set_recent(self, recent: list[Path]) -> None:
        """Show the recent files (the list hides when there are none)."""
        self.recent_model.set_paths(recent)
        self.recent.setVisible(bool(recent))
        self.recent_label.setVisible(bool(recent))
