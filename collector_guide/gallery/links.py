"""Wall-label links: the address that opens the guide on one catalogue work.

`?work=ID` is the one link the guide accepts unsigned: it names a public catalogue work, says
nothing about any visitor, and must keep working on a printed label for as long as the label
hangs. The app checks the id against its catalogue like anything else in a link.
"""

from __future__ import annotations

from urllib.parse import urlencode

from collector_guide.keep.urlstate import WORK_PARAM

__all__ = ["WORK_PARAM", "work_url"]


def work_url(base_url: str, work_id: str) -> str:
    """`https://guide.example.org/?work=tidewater-ledger-7`."""
    base = base_url if "/" in base_url.split("://", 1)[-1] else base_url + "/"
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}{urlencode({WORK_PARAM: work_id})}"
