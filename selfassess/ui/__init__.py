"""The Qt application. Everything that imports PySide6 lives in this package; the core never
imports it. Pages only present and edit: every rule and every write is the core's."""
