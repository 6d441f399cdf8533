"""``python -m privacy_desk``: the same as the ``privacy-desk`` command."""

import sys

from privacy_desk.cli import main

sys.exit(main())
