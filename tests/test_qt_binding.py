"""The installed Qt binding keeps Python's reference counts straight: PySide6 6.12.0 on
Python 3.11 took a reference from `None` on every Qt call that returns nothing, so that a
session screen updating its clock and labels for a working day ended the program with
"Fatal Python error: none_dealloc". pyproject.toml excludes that release; this checks
whatever build is installed."""

import sys

from PySide6.QtWidgets import QLabel

CALLS = 100


def test_qt_calls_leave_none_alone(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    label.setText("warm up")  # anything made once on the first call
    before = sys.getrefcount(None)
    for n in range(CALLS):
        label.setText(str(n))
        label.setToolTip("")
    lost = before - sys.getrefcount(None)
    assert lost < 20, f"{lost} references to None lost in {2 * CALLS} Qt calls"
