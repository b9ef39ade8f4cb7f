"""The hosting gallery, everywhere the visitor looks: its name in the tab and the header, its
logo, and its accent colour (already made legible by `collector_guide.gallery.setup`).

Everything here comes from the gallery's own config, checked when it was loaded: the colours
are `#RRGGBB` by validation, the logo is a PNG, JPEG or WebP by its bytes, and the name is
escaped before it goes into HTML.
"""

from __future__ import annotations

import base64
import html

import streamlit as st

from collector_guide.gallery.setup import Site
from collector_guide.photo.filetypes import sniff
from collector_guide.rubric import Rubric

_MIME = {"png": "image/png", "jpeg": "image/jpeg", "webp": "image/webp"}


def gallery_name(site: Site, r: Rubric | None) -> str | None:
    """The gallery's name: its config's, else the one a rubric names."""
    return site.name or (r.rubric.gallery if r is not None else None)


def page_title(name: str | None) -> str:
    return f"{name} · Collector Guide" if name else "Collector Guide"


def accent_css(site: Site) -> str:
    """The gallery's accent on the primary buttons, the progress bar and chosen answers."""
    if not site.accent:
        return ""
    a, on = site.accent, site.accent_text or "#000000"
    r, g, b = (int(a[i:i + 2], 16) for i in (1, 3, 5))
    return f"""
<style>
  [data-testid="stBaseButton-primary"], [data-testid="stBaseButton-primary"]:hover,
  [data-testid="stBaseButton-primary"]:focus:not(:active) {{
    background-color: {a} !important; border-color: {a} !important; color: {on} !important;
  }}
  [data-testid="stBaseButton-primary"] p, [data-testid="stBaseButton-primary"] span {{
    color: {on} !important;
  }}
  [data-testid="stProgress"] [role="progressbar"] > div > div > div {{
    background-color: {a} !important;
  }}
  [data-testid="stRadioOption"][data-selected="true"] {{
    border-color: {a} !important; background: rgba({r}, {g}, {b}, 0.12) !important;
  }}
  [data-testid="stBaseButton-pillsActive"] {{
    border-color: {a} !important; background: rgba({r}, {g}, {b}, 0.16) !important;
  }}
  .cg-brand {{ border-bottom: 2px solid {a}; }}
  .cg-brand span {{ color: {a}; }}
</style>
"""


def header(site: Site, r: Rubric) -> None:
    """A quiet line at the top of every screen: the gallery's logo, or its name."""
    name = gallery_name(site, r)
    if not name and not site.logo:
        return
    alt = html.escape(name or "", quote=True)
    if site.logo and sniff(site.logo) in _MIME:
        data = base64.b64encode(site.logo).decode()
        mark = (f'<img src="data:{_MIME[sniff(site.logo)]};base64,{data}" alt="{alt}" '
                'style="height:3rem;width:auto;max-width:100%;display:block">')
    else:
        mark = f"<span>{alt}</span>"
    st.html(f"{_BRAND_CSS}<div class=\"cg-brand\">{mark}</div>")


_BRAND_CSS = """<style>
  .cg-brand { display: flex; align-items: center; gap: 0.6rem; padding: 0.1rem 0 0.55rem;
              border-bottom: 1px solid rgba(236, 232, 225, 0.14); }
  .cg-brand span { font-weight: 600; font-size: 1.02rem; letter-spacing: 0.02em; }
</style>"""
