"""The Qt user interface. The first import of any part of it loads Qt for Python (qt_loading.py)."""

from traumefokus.ui.qt_loading import ask_cheaply

ask_cheaply()
