"""Entry point of the bundled ``selfassess`` command (console)."""

import sys

from selfassess.portable import apply_portable_mode, bundle_fontconfig, bundle_qt_paths

apply_portable_mode()  # before anything asks where user data lives
bundle_fontconfig()
bundle_qt_paths()

from selfassess.cli import main  # noqa: E402 - after the portable folders are set

sys.exit(main())
