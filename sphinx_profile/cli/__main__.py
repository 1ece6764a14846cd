"""``python -m sphinx_profile.cli``: the same as the ``sphinx-profile`` command."""

import sys

from . import main

sys.exit(main())
