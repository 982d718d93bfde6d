import sys

from boligdialog.editors.cli import main

sys.exit(main())
