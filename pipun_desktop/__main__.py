"""`python -m pipun_desktop …`: the same as `python main.py …`."""

import sys

from .launch import main

sys.exit(main())
