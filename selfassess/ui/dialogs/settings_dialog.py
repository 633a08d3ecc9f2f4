"""设置: interface language and font size."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from selfassess.i18n import _
from selfassess.ui.settings import FONT_SCALES, Settings


class SettingsDialog(QDialog):
    """Writes the chosen values into Settings on OK."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(_("Settings"))
        self.language = QComboBox()
        self.language.setObjectName("settings_language")
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.font_scale = QComboBox()
        self.font_scale.setObjectName("settings_font_scale")
        for scale in FONT_SCALES:
            self.font_scale.addItem(f"{scale}%", scale)
        self.font_scale.setCurrentIndex(max(0, self.font_scale.findData(settings.font_scale)))
        form = QFormLayout()
        form.addRow(_("Language"), self.language)
        form.addRow(_("Font size"), self.font_scale)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self.settings.language = str(self.language.currentData())
        self.settings.font_scale = int(self.font_scale.currentData())
        self.settings.sync()
        super().accept()
