"""The application object, its language, fonts, sizes and the small state icons, set up at start
and again when the settings change.

The bundled WenQuanYi Micro Hei is registered so Chinese renders on machines without CJK fonts;
it is placed first in the application font's families so Qt does not fall back to a font that
draws boxes. The font-size setting scales the application font.
"""

from __future__ import annotations

import os
import sys
from functools import cache

from PySide6.QtCore import QLibraryInfo, QLocale, QPointF, QSettings, Qt, QTranslator
from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication

from selfassess import i18n
from selfassess.paths import resource, user_config_dir
from selfassess.ui.settings import Settings

BASE_POINT_SIZE = 10.5
BUNDLED_FONT = "wqy-microhei.ttc"

STATE_COLORS = {
    "not_started": "#b0b0b0",
    "answered": "#2e8b57",
    "not_applicable": "#4682b4",
    "attention": "#e08e0b",
}


@cache
def bundled_families() -> tuple[str, ...]:
    """Register the bundled CJK font with Qt (once) and return its family names."""
    font_id = QFontDatabase.addApplicationFont(str(resource("fonts", BUNDLED_FONT)))
    return tuple(QFontDatabase.applicationFontFamilies(font_id)) if font_id >= 0 else ()


def apply_font(app: QApplication, scale_percent: int) -> None:
    """Set the application font: the bundled CJK font at the chosen size."""
    families = bundled_families()
    font = QFont(app.font())
    if families:
        font.setFamilies([families[0], *font.families()])
    font.setPointSizeF(BASE_POINT_SIZE * scale_percent / 100)
    app.setFont(font)
    # tick boxes and radio buttons grow with the type (the style draws them at a fixed 13 px:
    # at 150 % they were half the height of their labels)
    size = round(13 * scale_percent / 100)
    app.setStyleSheet("" if scale_percent <= 100 else
                      f"QCheckBox::indicator, QRadioButton::indicator, "
                      f"QTreeView::indicator, QTableView::indicator {{ width: {size}px; "
                      f"height: {size}px; }}")


def install_qt_translation(app: QApplication, language: str) -> QTranslator | None:
    """Qt's own dialogs (file dialogs, buttons) in Chinese; returns the translator to keep."""
    if language != "zh_CN":
        return None
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_",
                       folder):
        app.installTranslator(translator)
        return translator
    return None


@cache
def state_icon(state: str) -> QIcon:
    """A small filled circle in the colour of an item state."""
    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = QColor(STATE_COLORS.get(state, "#b0b0b0"))
    painter.setBrush(color)
    painter.setPen(color.darker(130))
    if state == "not_started":
        painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(2, 2, 10, 10)
    painter.end()
    return QIcon(pixmap)


@cache
def evidence_icon() -> QIcon:
    """A small paper with a folded corner: the item has evidence attached."""
    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("#5f6b7a"))
    painter.setBrush(QColor("#eef2f7"))
    painter.drawPolygon([QPointF(3, 1.5), QPointF(9, 1.5), QPointF(11.5, 4), QPointF(11.5, 12.5),
                         QPointF(3, 12.5)])
    painter.drawLine(QPointF(5, 6.5), QPointF(9.5, 6.5))
    painter.drawLine(QPointF(5, 9), QPointF(9.5, 9))
    painter.end()
    return QIcon(pixmap)


def scaled(app_font: QFont, factor: float, bold: bool = False) -> QFont:
    """A font relative to the application font (headings)."""
    font = QFont(app_font)
    font.setPointSizeF(app_font.pointSizeF() * factor)
    font.setBold(bold)
    return font


_qt_translator: QTranslator | None = None


def application() -> QApplication:
    """The QApplication (created once)."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    # Qt's own settings (the file dialogs' history) as INI files in our config folder, never
    # in the Windows registry: a portable copy leaves nothing behind
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(user_config_dir()))
    app = QApplication(sys.argv[:1])
    app.setApplicationName("selfassess")
    app.setOrganizationName("selfassess")
    app.setDesktopFileName("selfassess")
    app.setWindowIcon(QIcon(str(resource("icons", "selfassess.svg"))))
    return app


def apply_settings(settings: Settings, language: str | None = None) -> None:
    """Language (argument > SELFASSESS_LANG > setting) and font size, app-wide."""
    global _qt_translator
    app = application()
    chosen = i18n.setup(language or os.environ.get(i18n.LANGUAGE_ENV) or settings.language)
    if _qt_translator is not None:
        app.removeTranslator(_qt_translator)
    _qt_translator = install_qt_translation(app, chosen)
    apply_font(app, settings.font_scale)
