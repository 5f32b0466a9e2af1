"""The one sanitiser for text that reaches a terminal, and the check that refuses it at entry.

A title or party name carrying an escape sequence (OSC ``ESC ] 0 ; … BEL`` sets the terminal's
title, CSI moves the cursor or recolours), a NUL or backspaces would act on the terminal of
whoever lists the cases. Such text can still arrive from a hand-edited case.toml, a received
package or an extracted document, so every string shown is cleaned here: the CLI's streams
(``tui.cli.main``) and the terminal UI's text (``tui.textual_app.app`` extends Rich's and
Textual's control-code tables with :data:`CONTROL_TABLE`). Entry (``case new``, ``facts add``)
refuses such characters outright (:func:`controls_in`).
"""

from __future__ import annotations

import re

# ESC-introduced sequences: CSI (ESC [ … final), OSC/DCS/APC/PM/SOS (ESC ] P _ ^ X … BEL or ST),
# and two-character escapes; the 8-bit CSI/OSC introducers (0x9b, 0x9d …) likewise
_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]P_^X]|[\x9d\x90\x9f\x9e\x98])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?"
)
# every C0 control but tab and newline, DEL, every C1 control, and the bidirectional overrides
# that make text read differently from how it is stored
_CONTROL_CODES = [*range(0x00, 0x09), *range(0x0b, 0x20), 0x7f, *range(0x80, 0xa0),
                  *range(0x202a, 0x202f), *range(0x2066, 0x206a)]
CONTROL_TABLE: dict[int, None] = {c: None for c in _CONTROL_CODES}
_ANY_CONTROL = re.compile("[" + "".join(re.escape(chr(c)) for c in _CONTROL_CODES) + "]")


def clean(text: str) -> str:
    """``text`` safe for a terminal: escape sequences and control characters removed (\\t, \\n kept)."""
    if not text or not _ANY_CONTROL.search(text):
        return text
    return _SEQUENCE.sub("", text).translate(CONTROL_TABLE)


def controls_in(text: str) -> list[str]:
    """The control characters in ``text`` by name (``U+001B``), for a refusal at entry; none: []."""
    return sorted({f"U+{ord(c):04X}" for c in _ANY_CONTROL.findall(text or "")})
