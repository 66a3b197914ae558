"""PySide6 6.12.0 forgets to count the reference to None it returns from every call that returns nothing.

Each ``label.setText(...)``, ``processEvents()``... takes one reference from None. Since Python 3.12
None is immortal and that costs nothing; on Python 3.11 the count reaches zero after some hundred
thousand calls (minutes of work in a busy window) and the interpreter aborts with "deallocating None".
``keep_none_alive`` gives None a count no session can use up, which is what Python 3.12 does.
"""

from __future__ import annotations

import ctypes
import sys

#: references given to None once: a call a microsecond for twelve days would not use them up
RESERVE = 1 << 40


def keep_none_alive() -> None:
    """Make None as good as immortal on a Python that does not already (idempotent enough: it only adds)."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    count = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt, the first field of every CPython object
    if count.value < RESERVE:
        count.value += RESERVE
