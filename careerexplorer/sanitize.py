"""Text from data made safe for the terminal: control characters shown, never interpreted."""

from __future__ import annotations

import re
from typing import Any

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def terminal(value: Any) -> str:
    """Text from data with control characters made visible (ESC becomes \\x1b), newlines kept."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", str(value))
