"""The app's message boxes: a question answered Yes or No, a warning, a notice.

``QMessageBox`` is imported when a box is shown: PySide6 builds the enums of a class (buttons,
icons, roles) the first time the class is named, 3–4 ms the app's start does not need.
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
