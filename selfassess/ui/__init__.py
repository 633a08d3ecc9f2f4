"""The Qt application. Everything that imports PySide6 lives in this package; the core never
imports it. Pages only present and edit: every rule and every write is the core's."""

try:
    import PySide6.QtCore  # noqa: F401  (first: what is imported after it is spared a scan)
except ImportError:  # no Qt here: importing the app's modules says so
    pass
else:
    from selfassess.ui.feature_scan import skip_feature_scan

    skip_feature_scan()
