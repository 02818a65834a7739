"""``python -m vastausanalyysi`` runs the command line."""

from vastausanalyysi.cli import main

raise SystemExit(main())
