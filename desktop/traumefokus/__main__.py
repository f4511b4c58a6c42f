import sys

from traumefokus.cli import main

sys.exit(main())
