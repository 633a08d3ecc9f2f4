"""Top-level pytest setup: Qt must run without a screen, before anything imports it."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
