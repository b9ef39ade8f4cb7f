"""Every word of the app's interface, with English defaults a rubric's `[labels]` may override.

`LABEL_PLACEHOLDERS` names the blanks each label may use; the checks refuse any other.
"""

from __future__ import annotations

from pydantic import Field

from collector_guide.rubric.fields import Strict, Text


class Labels(Strict):
    """Every word of the app's interface, with English defaults a rubric may override."""

    not_sure: Text = "Not sure"
    choose_all: Text = "Choose all that apply."
    not_sure_help: Text = (
        "Not sure is a real answer: the reading then shows how far the work could still move, "
        "instead of guessing."
    )
    why_this_matters: Text = "Why this matters"
    start_heading: Text = "Read the work in front of you"
    start_new: Text = "Start a new reading"
    open_sample: Text = "Open a sample work"
    open_file: Text = "Open a saved work file"
    choose_rubric: Text = "Rubric"
    work_heading: Text = "The work"
    work_intro: Text = (
        "Everything here is optional. Fill in what the wall label or the gallery tells you."
    )
    title: Text = "Title"
    artist: Text = "Artist"
    year: Text = "Year"
    medium: Text = "Medium"
    series: Text = "Series"
    edition: Text = "Edition"
    wall_label: Text = "Wall label text"
    notes: Text = "Your notes"
    photo: Text = "Photo of the work (optional)"
    back: Text = "Back"
    next: Text = "Next"
    see_reading: Text = "See the reading"
    step_of: Text = "Step {step} of {total}"
    section_part: Text = "Part {part} of {parts}"
    result_heading: Text = "The reading"
    map_heading: Text = "On the map"
    map_in_words: Text = "The map, in words"
    uncertainty_box: Text = "Where it could still move"
    this_work: Text = "This work"
    sample_works: Text = "Sample works"
    evidence_heading: Text = "What the file says"
    evidence_intro: Text = (
        "Some image files record how they were made. This is what this file records."
    )
    evidence_none: Text = "No provenance evidence was found in this file."
    evidence_suggests: Text = "The file suggests an answer to"
    evidence_use: Text = "Use this answer"
    evidence_agrees: Text = "Your answer agrees with the file."
    evidence_caveats: Text = "Before you rely on it"
    caveat_camera: Text = (
        "A photo of a physical work shows the camera that took the photo, not how the work "
        "was made."
    )
    caveat_forged: Text = (
        "Metadata can be stripped or forged: only a valid signature from a trusted signer is "
        "hard to fake, and even that says who signed, not that the claim is true."
    )
    caveat_absence: Text = (
        "Absence proves nothing: most files lose their metadata when shared, screenshotted or "
        "re-saved, so finding no evidence does not mean no AI was used."
    )
    use_camera: Text = "Use the camera"
    take_photo: Text = "Take a photo of the work"
    what_moved_it: Text = "What moved it"
    what_moved_it_words: Text = "The same, in words"
    ask_gallery: Text = "Questions to ask the gallery"
    keep_and_share: Text = "Keep and share"
    keep_hint: Text = "This page's address keeps your answers: bookmark it, or share it."
    download_markdown: Text = "Reading (Markdown)"
    download_work: Text = "Work file (TOML)"
    download_json: Text = "Reading (JSON)"
    add_to_visit: Text = "Add to this visit"
    visit_heading: Text = "This visit"
    download_visit: Text = "Visit (CSV)"
    edit_answers: Text = "Change answers"
    start_over: Text = "Start over"
    untitled: Text = "Untitled work"
    visit_added: Text = (
        "Added: this visit now holds {count}. Its works appear as lettered diamonds on the map."
    )
    clear_visit: Text = "Clear the visit"
    screen_error: Text = (
        "Something went wrong while drawing this screen. Your answers are kept: go back a "
        "step, or reload the page."
    )
    link_too_long: Text = "Part of the link was too long to be read and was ignored."
    link_unknown_rubric: Text = (
        "The link asks for a rubric this guide does not have (“{rubric}”); the default rubric "
        "is used instead."
    )
    link_other_rubric: Text = "The answers in the link belong to another rubric and were not used."
    link_old_version: Text = (
        "The link was made with version {version} of this rubric; this is version {current}, "
        "whose questions have changed, so the link's answers could not be carried over. "
        "Please answer again."
    )
    link_same_questions: Text = (
        "The link was made with version {version} of this rubric; this is version {current}. "
        "Its questions are the same, so the answers were kept: please check them."
    )
    link_answers_not_matched: Text = (
        "The answers in the link could not be matched to this rubric's questions (it has "
        "changed since the link was made, or the link does not say which version it was made "
        "with), so they were not carried over. Please answer again."
    )
    link_unverified: Text = (
        "This link could not be verified: it was changed after it was made, or it was made by "
        "another copy of this guide or before the guide was restarted. What it holds was "
        "checked and kept where it fits: please check your answers."
    )
    link_unreadable: Text = "This link could not be read, so the guide starts afresh."
    link_dropped: Text = "Answers in the link that could not be read were left open ({count})."
    link_bad_step: Text = "The link's step could not be read; starting from the beginning."
    link_bad_work: Text = "The work's details in the link could not be read."
    link_partial_work: Text = (
        "Some of the work's details in the link could not be read and were left out."
    )
    link_bad_visit: Text = "The visit in the link could not be read."
    link_partial_visit: Text = "Some works of this visit in the link could not be read."
    link_bad_draft: Text = "The link's reference to a photo and notes could not be read."
    photo_remove: Text = "Remove the photo"
    forget_reading: Text = "Forget this reading"
    forget_hint: Text = (
        "The guide keeps this reading's photo and long notes on its server for {hours} hours "
        "after your last change, so a reload or a shared link brings them back. Forget it to "
        "delete them, with the answers, now."
    )
    forgotten: Text = (
        "This reading is forgotten: its photo, notes and answers are deleted from this guide."
    )
    draft_gone: Text = (
        "The photo and long notes of this link are no longer kept (the guide deletes them "
        "{hours} hours after the last change, or when a reading is forgotten). Its answers "
        "are still here."
    )
    # Keep and share, in people's words; the technical formats wait under "More formats".
    save_to_reopen: Text = "Save to re-open later"
    save_to_reopen_hint: Text = (
        "A small file with your answers and notes: open it here again with “Open a saved work "
        "file”."
    )
    share_link: Text = "Share link"
    share_link_copied: Text = "Link copied: paste it in a message or a note."
    share_link_manual: Text = "Copy this link to share the reading"
    save_reading: Text = "Save the reading (PDF)"
    save_reading_text: Text = "Save the reading as text"
    more_formats: Text = "More formats"
    printed_footer: Text = "Read with Collector Guide · {rubric}, version {version}"
    image_alt: Text = "The work: {title}"
    photo_alt: Text = "Your photo of the work"
    # The visit as a comparison.
    visit_intro: Text = "Tap a work to open its reading again."
    visit_compare: Text = "Side by side"
    visit_work: Text = "Work"
    visit_nearest: Text = "Nearest kind"
    visit_clear_confirm: Text = "Clear all {count} works from this visit?"
    visit_clear_yes: Text = "Yes, clear the visit"
    visit_clear_no: Text = "Keep them"
    visit_cleared: Text = "The visit is cleared."
    visit_undo: Text = "Undo"
    # What the words in an answer mean (options' glosses), one tap away.
    glossary: Text = "What the words mean"
    # A file that cannot be opened, said in the visitor's words.
    upload_is_rubric: Text = (
        "“{name}” is a rubric, not a saved reading. A gallery installs rubrics; here you can "
        "open a work file saved from this guide with “Save to re-open later”."
    )
    upload_not_work: Text = (
        "“{name}” could not be opened: it is not a work file saved from this guide."
    )
    upload_damaged: Text = (
        "“{name}” is a work file, but part of it could not be read, so nothing was opened."
    )
    upload_details: Text = "What exactly is wrong (for the gallery)"
    # The map in words, for screen readers and anyone who prefers words.
    map_words_axes: Text = (
        "Map. Across: {x_label}, from {x_low} (left) to {x_high} (right). Up: {y_label}, from "
        "{y_low} (bottom) to {y_high} (top)."
    )
    map_words_work: Text = (
        "This work is at {x} across ({x_band}) and {y} up ({y_band}), nearest to {archetype}."
    )
    map_words_range: Text = (
        "It could still move from {x_low} to {x_high} across and from {y_low} to {y_high} up."
    )
    map_words_badges: Text = "Numbered badges mark the kinds of work: {names}."
    map_words_sample: Text = "One sample work is shown faintly for comparison."
    map_words_samples: Text = "{count} sample works are shown faintly for comparison."
    map_words_visit_one: Text = "One other work of this visit is shown as a lettered diamond."
    map_words_visit: Text = "{count} other works of this visit are shown as lettered diamonds."
    draft_unreachable: Text = (
        "The guide cannot reach the place where it keeps photos and long notes just now. "
        "What you add stays on this page, but a reload may lose the photo."
    )

    # A gallery's catalogue, wall-label links, its own reading to compare with, the card.
    catalogue_heading: Text = Field(
        "Works on view", description="the start screen's list of the gallery's works")
    catalogue_open: Text = Field(
        "Read this work", description="the button that opens a catalogue work")
    catalogue_unknown: Text = Field(
        "The link names a work this guide does not know (“{work}”). The works on view are "
        "listed below.", description="a notice when ?work= names no catalogue work")
    catalogue_opened: Text = Field(
        "The wall label's details are filled in. The answers are yours to give.",
        description="a caption on the work screen of a work opened from the catalogue")
    compare_button: Text = Field(
        "Compare with the gallery's reading",
        description="on the reading screen, after the visitor's own reading")
    compare_invite: Text = Field(
        "The gallery has read this work too. Now that you have your own reading, you can set "
        "the two side by side.", description="above the compare button")
    compare_heading: Text = Field("Your reading and the gallery's")
    compare_intro: Text = Field(
        "Neither reading is the right one: the work sits on a spectrum, and where two careful "
        "readings differ is where it is worth looking again, and asking.")
    compare_you: Text = Field("Your reading", description="the visitor's point on the map")
    compare_gallery: Text = Field("The gallery's reading", description="the gallery's point")
    compare_legend: Text = Field(
        "● Your reading · ■ The gallery's reading · dotted and dashed boxes: where each could "
        "still move", description="under the comparison map")
    compare_axis_close: Text = Field(
        "{axis}: the two readings sit close together (yours at {you}, the gallery's at "
        "{gallery}).")
    compare_axis_apart: Text = Field(
        "{axis}: the gallery's reading sits further toward {pole} (the gallery's at "
        "{gallery}, yours at {you}).")
    compare_overlap: Text = Field(
        "The two boxes overlap: as the open questions are settled, either reading could still "
        "arrive where the other is.")
    compare_same: Text = Field(
        "Of the {asked} questions you both answered, you answered {same} alike.")
    compare_all_same: Text = Field("You and the gallery answered every question alike.")
    compare_differences: Text = Field("Where the two readings differ")
    compare_left_open: Text = Field(
        "Where you left it open, the gallery answered",
        description="the questions the visitor answered Not sure (or not at all)")
    compare_you_answered: Text = Field("You")
    compare_gallery_answered: Text = Field("The gallery")
    compare_note: Text = Field("The gallery's note")
    compare_not_asked: Text = Field(
        "Not asked", description="a question the other reading's answers did not lead to")
    compare_shared_notes: Text = Field("The gallery's notes where you agree")
    compare_hide: Text = Field("Hide the gallery's reading")
    ask_the_gallery: Text = Field(
        "Ask the gallery", description="the heading of the gallery's contact line")
    download_card: Text = Field(
        "Viewing card (PNG)", description="the download of the card to keep or share")
    qr_caption: Text = Field(
        "Scan to read this work with the guide",
        description="under each QR code on wall labels and on the viewing card")


# The placeholders each label may use; anything else in braces is an error.
LABEL_PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    "step_of": ("step", "total"),
    "section_part": ("part", "parts"),
    "visit_added": ("count",),
    "link_unknown_rubric": ("rubric",),
    "link_old_version": ("version", "current"),
    "link_same_questions": ("version", "current"),
    "link_dropped": ("count",),
    "forget_hint": ("hours",),
    "draft_gone": ("hours",),
    "printed_footer": ("rubric", "version"),
    "image_alt": ("title",),
    "visit_clear_confirm": ("count",),
    "upload_is_rubric": ("name",),
    "upload_not_work": ("name",),
    "upload_damaged": ("name",),
    "map_words_axes": ("x_label", "x_low", "x_high", "y_label", "y_low", "y_high"),
    "map_words_work": ("x", "x_band", "y", "y_band", "archetype"),
    "map_words_range": ("x_low", "x_high", "y_low", "y_high"),
    "map_words_badges": ("names",),
    "map_words_samples": ("count",),
    "map_words_visit": ("count",),
    "catalogue_unknown": ("work",),
    "compare_axis_close": ("axis", "you", "gallery"),
    "compare_axis_apart": ("axis", "pole", "you", "gallery"),
    "compare_same": ("same", "asked"),
}

