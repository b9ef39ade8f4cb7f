"""Keep and share, on the reading screen, in people's words: save the reading (a PDF to keep or
show, or plain text), save the work file to re-open later, share the link; the technical
formats wait under "More formats". Every file is made only when its button is tapped, from a
snapshot of this moment's reading, and named after the work's title."""

from __future__ import annotations

import html
from pathlib import Path

import streamlit as st

from collector_guide.assess.renderings import to_json, to_markdown, to_text
from collector_guide.assess.scoring import Placement
from collector_guide.keep.printed import file_stem, reading_pdf
from collector_guide.keep.workfile import dump_work
from collector_guide.rubric import Rubric, WorkInfo
from collector_guide.ui import drafts
from collector_guide.ui.card import card_download
from collector_guide.ui.state import ANSWERS, CATALOGUE, PHOTO, WORK, Library
from collector_guide.ui.visit import visit_section

# Share: the phone's own share sheet where there is one, else the clipboard, else the link
# shown ready to copy. Installed once per page with the other page scripts; the button itself
# is plain HTML (rubric words only), so that the tap is the user gesture these APIs require.
SHARE_JS = """
<script>
  (function () {
    if (window.__cgShare) return;
    window.__cgShare = true;
    document.addEventListener("click", async (event) => {
      const button = event.target.closest("[data-cg-share]");
      if (!button) return;
      const box = button.closest(".cg-share");
      const status = box.querySelector(".cg-share-status");
      const url = window.location.href;
      if (navigator.share) {
        try { await navigator.share({title: document.title, url}); return; }
        catch (e) { if (e && e.name === "AbortError") return; }
      }
      try {
        await navigator.clipboard.writeText(url);
        status.textContent = button.dataset.copied;
        return;
      } catch (e) { /* not a secure page, or not allowed: show the link instead */ }
      const manual = box.querySelector(".cg-share-manual");
      const field = manual.querySelector("input");
      manual.hidden = false;
      field.value = url;
      field.focus();
      field.select();
    });
  })();
</script>
"""


def _share_button(r: Rubric) -> None:
    labels = r.labels
    e = html.escape
    st.html(
        f'<div class="cg-share"><button type="button" class="cg-share-button" data-cg-share '
        f'data-copied="{e(labels.share_link_copied)}">{e(labels.share_link)}</button>'
        f'<p class="cg-share-status" role="status" aria-live="polite"></p>'
        f'<label class="cg-share-manual" hidden>{e(labels.share_link_manual)}'
        f'<input type="text" readonly></label></div>', width="stretch")


def reading_image(lib: Library) -> bytes | Path | None:
    """The work's image for the reading: the visitor's photo, else the sample's own picture
    (found by its file name, or, from a link that carries no file name, by title and artist)."""
    kept = st.session_state.get(PHOTO)
    if kept and kept.get("jpeg"):
        return kept["jpeg"]
    listed = lib.work(st.session_state.get(CATALOGUE))  # a work of the gallery's catalogue
    if listed is not None and listed.image:
        return listed.image
    work = st.session_state[WORK]
    name = work.get("image")
    for sample in (s for found in lib.samples.values() for s in found):
        info = sample.work.work
        same = info.image == name if name else (
            bool(info.title) and info.title == work.get("title")
            and info.artist == work.get("artist", ""))
        if same and sample.image is not None:
            return sample.image
    return None


def keep_and_share(lib: Library, r: Rubric, placement: Placement, reading,
                   info: WorkInfo) -> None:
    labels = r.labels
    st.header(labels.keep_and_share)
    st.caption(labels.keep_hint)
    answers = dict(st.session_state[ANSWERS])
    image = reading_image(lib)
    stem = file_stem(info.title, file_stem(labels.untitled))
    common = dict(on_click="ignore", width="stretch")
    with st.container(horizontal=True, gap="small"):
        st.download_button(labels.save_reading,
                           lambda: reading_pdf(r, placement, reading, info, image),
                           file_name=f"{stem}.pdf", mime="application/pdf", key="dl_pdf",
                           icon=":material/picture_as_pdf:", **common)
        st.download_button(labels.save_reading_text, lambda: to_text(reading, info),
                           file_name=f"{stem}.txt", mime="text/plain", key="dl_txt",
                           icon=":material/article:", **common)
    card_download(lib, r, placement, reading, info, stem)
    with st.container(horizontal=True, gap="small"):
        st.download_button(labels.save_to_reopen, lambda: dump_work(r, info, answers),
                           file_name=f"{stem}.toml", mime="application/toml", key="dl_toml",
                           icon=":material/save:", **common)
        _share_button(r)
    st.caption(labels.save_to_reopen_hint)
    with (st.expander(labels.more_formats, icon=":material/data_object:"),
          st.container(horizontal=True, gap="small")):
        st.download_button(labels.download_markdown,
                           lambda: to_markdown(reading, info, labels.untitled),
                           file_name=f"{stem}.md", mime="text/markdown", key="dl_md",
                           icon=":material/description:", **common)
        st.download_button(labels.download_json, lambda: to_json(r, placement, reading, info),
                           file_name=f"{stem}.json", mime="application/json", key="dl_json",
                           icon=":material/data_object:", **common)

    visit_section(lib, r)

    st.caption(labels.forget_hint.format(hours=drafts.hours()))
    st.button(labels.forget_reading, key="forget_reading", on_click=drafts.forget_reading,
              args=(r,), width="stretch", icon=":material/delete_forever:")
