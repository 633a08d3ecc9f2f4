"""What the app asks or tells the person in a box of Qt's own: a Yes/No question, a warning, a
notice, a file or folder to choose, a line of text.

The Qt classes are imported when a box is shown: PySide6 builds a class's enums (buttons,
icons, roles, options) the first time the class is named, 4–6 ms of the app's start for
``QMessageBox``, ``QFileDialog`` and ``QInputDialog`` together, none of which the start shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def confirm(parent: QWidget | None, title: str, text: str, *, default_no: bool = False) -> bool:
    """Ask a Yes/No question; True for Yes. ``default_no`` where Yes changes what others see
    or cannot be taken back by Undo (Enter then answers No)."""
    from PySide6.QtWidgets import QMessageBox

    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    default = no if default_no else QMessageBox.StandardButton.NoButton
    return bool(QMessageBox.question(parent, title, text, yes | no, default) == yes)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """Say what went wrong or was refused."""
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(parent, title, text)


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """Say what was done, or what to know."""
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.information(parent, title, text)


def file_to_open(parent: QWidget | None, title: str, folder: str = "", pattern: str = "") -> str:
    """The file chosen to open ("" if none); ``pattern`` as Qt's, e.g. ``Excel (*.xlsx)``."""
    from PySide6.QtWidgets import QFileDialog

    name, _chosen = QFileDialog.getOpenFileName(parent, title, folder, pattern)
    return str(name)


def files_to_open(parent: QWidget | None, title: str, folder: str = "",
                  pattern: str = "") -> list[str]:
    """The files chosen to open (none if cancelled)."""
    from PySide6.QtWidgets import QFileDialog

    names, _chosen = QFileDialog.getOpenFileNames(parent, title, folder, pattern)
    return [str(name) for name in names]


def file_to_save(parent: QWidget | None, title: str, suggested: str = "",
                 pattern: str = "") -> str:
    """The name chosen to save under ("" if none), starting from ``suggested``."""
    from PySide6.QtWidgets import QFileDialog

    name, _chosen = QFileDialog.getSaveFileName(parent, title, suggested, pattern)
    return str(name)


def folder_to_use(parent: QWidget | None, title: str, start: str = "") -> str:
    """The folder chosen ("" if none)."""
    from PySide6.QtWidgets import QFileDialog

    return str(QFileDialog.getExistingDirectory(parent, title, start))


def line_of_text(parent: QWidget | None, title: str, label: str) -> str | None:
    """A line typed in (stripped), or None if cancelled or left empty."""
    from PySide6.QtWidgets import QInputDialog

    text, ok = QInputDialog.getText(parent, title, label)
    return text.strip() if ok and text.strip() else None
