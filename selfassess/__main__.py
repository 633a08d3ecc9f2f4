"""``python -m selfassess``: the same entry point as the ``selfassess`` command."""

import sys

from selfassess.cli import main

sys.exit(main())
