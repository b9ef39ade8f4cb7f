"""The viewing card's download on the reading screen: made only when the visitor taps it.

The card (`collector_guide.gallery.card`) takes about a second to draw, so the button is given
a function, not bytes: it runs on the tap, with everything it needs captured here, never the
session itself.
"""

from __future__ import annotations

import streamlit as st

from collector_guide.assess.scoring import Placement
from collector_guide.gallery.card import CardText, viewing_card
from collector_guide.gallery.links import work_url
from collector_guide.rubric import Rubric, WorkInfo
from collector_guide.ui.brand import gallery_name
from collector_guide.ui.state import CATALOGUE, PHOTO, Library


def _base_url(lib: Library) -> str | None:
    configured = lib.site.config.gallery.base_url
    if configured:
        return configured
    here = st.context.url  # the address this page was opened at, without its query
    return here.split("?", 1)[0] if here and here.startswith(("http://", "https://")) else None


def card_download(lib: Library, r: Rubric, placement: Placement, reading, info: WorkInfo,
                  file_stem: str) -> None:
    work = lib.work(st.session_state.get(CATALOGUE))
    kept = st.session_state.get(PHOTO) or {}
    image = kept.get("jpeg") or (work.image if work is not None else None)
    base = _base_url(lib) if work is not None else None
    text = CardText(
        title=info.title or r.labels.untitled,
        byline=", ".join(x for x in (info.artist, info.year) if x),
        reading=reading.main_text,  # the card shows its first lines
        gallery=gallery_name(lib.site, r) or "",
        caption=r.labels.qr_caption,
        url=work_url(base, work.id) if base and work is not None else None,
    )
    accent = lib.site.accent

    def draw() -> bytes:
        return viewing_card(r, placement, text, image, accent)

    st.download_button(r.labels.download_card, draw, file_name=f"{file_stem}-card.png",
                       mime="image/png", key="dl_card", on_click="ignore", width="stretch",
                       icon=":material/image:")
