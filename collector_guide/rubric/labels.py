"""Every word of the app's interface, with English defaults a rubric's `[labels]` may override.

`LABEL_PLACEHOLDERS` names the blanks each label may use; the checks refuse any other. The
docstring under each label says where it appears: it is the description an author's editor
shows, and the one docs/labels.md lists.
"""

from __future__ import annotations

from pydantic import Field

from collector_guide.rubric.fields import Strict, Text


class Labels(Strict):
    """Every word of the app's interface, with English defaults a rubric may override: write
    only the ones to change, for example to translate the guide or speak in a gallery's own
    voice."""

    not_sure: Text = "Not sure"
    """The answer every question offers when the visitor does not know."""
    choose_all: Text = "Choose all that apply."
    """Under a question that takes several answers."""
    not_sure_help: Text = (
        "Not sure is a real answer: the reading then shows how far the work could still move, "
        "instead of guessing."
    )
    """Under the answers: what answering "Not sure" does."""
    why_this_matters: Text = "Why this matters"
    """The button that opens a question's help text."""
    start_heading: Text = "Read the work in front of you"
    """The start screen's heading."""
    start_new: Text = "Start a new reading"
    """The start screen's button that begins a new reading."""
    open_sample: Text = "Open a sample work"
    """The start screen's choice of a sample work to open."""
    open_file: Text = "Open a saved work file"
    """The start screen's place to open a work file saved earlier."""
    choose_rubric: Text = "Rubric"
    """The start screen's choice of rubric, when there are several."""
    work_heading: Text = "The work"
    """The heading of the screen where the visitor describes the work."""
    work_intro: Text = (
        "Everything here is optional. Fill in what the wall label or the gallery tells you."
    )
    """The line under that heading."""
    title: Text = "Title"
    """The box for the work's title."""
    artist: Text = "Artist"
    """The box for the artist's name."""
    year: Text = "Year"
    """The box for the year the work was made."""
    medium: Text = "Medium"
    """The box for the work's medium."""
    series: Text = "Series"
    """The box for the series the work belongs to."""
    edition: Text = "Edition"
    """The box for the work's edition."""
    wall_label: Text = "Wall label text"
    """The box for the text of the wall label."""
    notes: Text = "Your notes"
    """The box for the visitor's own notes."""
    photo: Text = "Photo of the work (optional)"
    """The place to add a photo of the work."""
    back: Text = "Back"
    """The button that goes back one screen."""
    next: Text = "Next"
    """The button that goes on to the next screen."""
    see_reading: Text = "See the reading"
    """The button on the last questions screen that shows the reading."""
    step_of: Text = "Step {step} of {total}"
    """Where the visitor is in the questionnaire. Placeholders: {step} and {total}."""
    section_part: Text = "Part {part} of {parts}"
    """Where the visitor is within a long section shown in parts. Placeholders: {part} and {parts}.
    Where the visitor is within a long section shown in parts. Placeholders: {part} and {parts}."""
    result_heading: Text = "The reading"
    """The heading of the reading screen."""
    map_heading: Text = "On the map"
    """The heading above the map of the two spectra."""
    map_in_words: Text = "The map, in words"
    """The button that describes the map in words, for screen readers and anyone who prefers text.
    The button that describes the map in words, for screen readers and anyone who prefers text."""
    uncertainty_box: Text = "Where it could still move"
    """The map's legend for the box around the work: where it could still move."""
    this_work: Text = "This work"
    """The map's legend for the point that is the visitor's work."""
    sample_works: Text = "Sample works"
    """The map's legend for the sample works."""
    evidence_heading: Text = "What the file says"
    """The heading of what the photo's file records about how it was made."""
    evidence_intro: Text = (
        "Some image files record how they were made. This is what this file records."
    )
    """The line under that heading."""
    evidence_none: Text = "No provenance evidence was found in this file."
    """Said when the photo's file records nothing about how it was made."""
    evidence_suggests: Text = "The file suggests an answer to"
    """Before a question whose answer the photo's file suggests."""
    evidence_use: Text = "Use this answer"
    """The button that takes the answer the photo's file suggests."""
    evidence_agrees: Text = "Your answer agrees with the file."
    """Said when the visitor's answer agrees with the photo's file."""
    evidence_caveats: Text = "Before you rely on it"
    """The heading of the cautions about reading a file's records."""
    caveat_camera: Text = (
        "A photo of a physical work shows the camera that took the photo, not how the work "
        "was made."
    )
    """Caution: a photo of a physical work tells about the camera, not the work."""
    caveat_forged: Text = (
        "Metadata can be stripped or forged: only a valid signature from a trusted signer is "
        "hard to fake, and even that says who signed, not that the claim is true."
    )
    """Caution: records in a file can be removed or forged."""
    caveat_absence: Text = (
        "Absence proves nothing: most files lose their metadata when shared, screenshotted or "
        "re-saved, so finding no evidence does not mean no AI was used."
    )
    """Caution: finding no records proves nothing."""
    use_camera: Text = "Use the camera"
    """The switch that turns on the phone's camera."""
    take_photo: Text = "Take a photo of the work"
    """The camera's button that takes the photo."""
    what_moved_it: Text = "What moved it"
    """The heading of the chart of the answers that moved the work most."""
    what_moved_it_words: Text = "The same, in words"
    """The button that tells that chart in words."""
    ask_gallery: Text = "Questions to ask the gallery"
    """The heading of the questions the visitor could ask the gallery."""
    keep_and_share: Text = "Keep and share"
    """The heading of the ways to keep and share the reading."""
    keep_hint: Text = "This page's address keeps your answers: bookmark it, or share it."
    """The line that explains the page's address keeps the answers."""
    download_markdown: Text = "Reading (Markdown)"
    """The button that downloads the reading as a text document."""
    download_work: Text = "Work file (TOML)"
    """The button that downloads the work file, to open again later."""
    download_json: Text = "Reading (JSON)"
    """The button that downloads the reading as data (JSON)."""
    add_to_visit: Text = "Add to this visit"
    """The button that adds this work to the works seen on this visit."""
    visit_heading: Text = "This visit"
    """The heading of the works seen on this visit."""
    download_visit: Text = "Save the visit as a table"
    """The button that downloads the visit as a table (a CSV file, for a spreadsheet)."""
    edit_answers: Text = "Change answers"
    """The button that goes back to change the answers."""
    start_over: Text = "Start over"
    """The button that starts again from the beginning."""
    untitled: Text = "Untitled work"
    """How a work without a title is named."""
    visit_added: Text = (
        "Added: this visit now holds {count}. Its works appear as lettered diamonds on the map."
    )
    """Said when a work has been added to the visit. Placeholder: {count}, how many works the visit
    holds."""
    clear_visit: Text = "Clear the visit"
    """The button that empties the visit."""
    screen_error: Text = (
        "Something went wrong while drawing this screen. Your answers are kept: go back a "
        "step, or reload the page."
    )
    """Said when a screen could not be drawn; the answers are kept."""
    link_too_long: Text = "Part of the link was too long to be read and was ignored."
    """Said when part of an opened link was too long to read."""
    link_unknown_rubric: Text = (
        "The link asks for a rubric this guide does not have (“{rubric}”); the default rubric "
        "is used instead."
    )
    """Said when an opened link names a rubric this guide does not have. Placeholder: {rubric}, the
    name in the link."""
    link_other_rubric: Text = "The answers in the link belong to another rubric and were not used."
    """Said when the answers in an opened link belong to another rubric."""
    link_old_version: Text = (
        "The link was made with version {version} of this rubric; this is version {current}, "
        "whose questions have changed, so the link's answers could not be carried over. "
        "Please answer again."
    )
    """Said when an opened link was made with another version of the rubric, whose questions have
    changed, so its answers could not be kept. Placeholders: {version} the link's, {current}
    this one's."""
    link_same_questions: Text = (
        "The link was made with version {version} of this rubric; this is version {current}. "
        "Its questions are the same, so the answers were kept: please check them."
    )
    """Said when an opened link was made with another version of the rubric whose questions are the
    same, so its answers were kept. Placeholders: {version} the link's, {current} this one's."""
    link_answers_not_matched: Text = (
        "The answers in the link could not be matched to this rubric's questions (it has "
        "changed since the link was made, or the link does not say which version it was made "
        "with), so they were not carried over. Please answer again."
    )
    """Said when the answers in an opened link could not be matched to this rubric's questions."""
    link_unverified: Text = (
        "This link could not be verified: it was changed after it was made, or it was made by "
        "another copy of this guide or before the guide was restarted. What it holds was "
        "checked and kept where it fits: please check your answers."
    )
    """Said when an opened link could not be verified as one this guide made."""
    link_unreadable: Text = "This link could not be read, so the guide starts afresh."
    """Said when an opened link could not be read at all."""
    link_dropped: Text = "Answers in the link that could not be read were left open ({count})."
    """Said when some answers in an opened link could not be read. Placeholder: {count}, how many.
    Said when some answers in an opened link could not be read. Placeholder: {count}, how many."""
    link_bad_step: Text = "The link's step could not be read; starting from the beginning."
    """Said when the screen named in an opened link could not be read."""
    link_bad_work: Text = "The work's details in the link could not be read."
    """Said when the work's details in an opened link could not be read."""
    link_partial_work: Text = (
        "Some of the work's details in the link could not be read and were left out."
    )
    """Said when some of the work's details in an opened link could not be read."""
    link_bad_visit: Text = "The visit in the link could not be read."
    """Said when the visit in an opened link could not be read."""
    link_partial_visit: Text = "Some works of this visit in the link could not be read."
    """Said when some works of the visit in an opened link could not be read."""
    link_bad_draft: Text = "The link's reference to a photo and notes could not be read."
    """Said when an opened link's reference to a photo and notes could not be read."""
    photo_remove: Text = "Remove the photo"
    """The button that removes the photo of the work."""
    forget_reading: Text = "Forget this reading"
    """The button that deletes this reading's photo, notes and answers."""
    forget_hint: Text = (
        "The guide keeps this reading's photo and long notes on its server for {hours} hours "
        "after your last change, so a reload or a shared link brings them back. Forget it to "
        "delete them, with the answers, now."
    )
    """The line that explains how long the guide keeps a reading's photo and notes. Placeholder:
    {hours}."""
    forgotten: Text = (
        "This reading is forgotten: its photo, notes and answers are deleted from this guide."
    )
    """Said when a reading has been forgotten."""
    draft_gone: Text = (
        "The photo and long notes of this link are no longer kept (the guide deletes them "
        "{hours} hours after the last change, or when a reading is forgotten). Its answers "
        "are still here."
    )
    """Said when the photo and notes of an opened link are no longer kept. Placeholder: {hours}."""
    # Keep and share, in people's words; the technical formats wait under "More formats".
    save_to_reopen: Text = "Save to re-open later"
    """The button that saves the work file, to open the reading again later."""
    save_to_reopen_hint: Text = (
        "A small file with your answers and notes: open it here again with “Open a saved work "
        "file”."
    )
    """The line that explains what saving to re-open later keeps."""
    share_link: Text = "Share link"
    """The button that copies a link to this reading."""
    share_link_copied: Text = "Link copied: paste it in a message or a note."
    """Said when the link has been copied."""
    share_link_manual: Text = "Copy this link to share the reading"
    """Shown with the link when it cannot be copied by itself."""
    save_reading: Text = "Save the reading (PDF)"
    """The button that saves the reading as a PDF."""
    save_reading_text: Text = "Save the reading as text"
    """The button that saves the reading as plain text."""
    more_formats: Text = "More formats"
    """The heading of the other formats the reading can be saved in."""
    printed_footer: Text = "Read with Collector Guide · {rubric}, version {version}"
    """The line at the foot of a saved reading. Placeholders: {rubric} and {version}."""
    image_alt: Text = "The work: {title}"
    """The description of the work's image for screen readers. Placeholder: {title}."""
    photo_alt: Text = "Your photo of the work"
    """The description of the visitor's photo for screen readers."""
    # The visit as a comparison.
    visit_intro: Text = "Tap a work to open its reading again."
    """The line above the works of this visit."""
    visit_compare: Text = "Side by side"
    """The heading of the visit's works side by side."""
    visit_work: Text = "Work"
    """The column of the works in that comparison."""
    visit_nearest: Text = "Nearest kind"
    """The column of each work's nearest archetype in that comparison."""
    visit_table_note: Text = (
        "From −1 to +1 on each spectrum; in brackets, where the work could still move while "
        "questions are left open.")
    """Under the visit's table: what its numbers mean."""
    visit_clear_confirm: Text = "Clear all {count} works from this visit?"
    """The question asked before the visit is cleared. Placeholder: {count}, how many works."""
    visit_clear_yes: Text = "Yes, clear the visit"
    """The button that confirms clearing the visit."""
    visit_clear_no: Text = "Keep them"
    """The button that keeps the visit."""
    visit_cleared: Text = "The visit is cleared."
    """Said when the visit has been cleared."""
    visit_undo: Text = "Undo"
    """The button that brings a cleared visit back."""
    # What the words in an answer mean (options' glosses), one tap away.
    glossary: Text = "What the words mean"
    """The heading of the explanations of technical words."""
    # A file that cannot be opened, said in the visitor's words.
    upload_is_rubric: Text = (
        "“{name}” is a rubric, not a saved reading. A gallery installs rubrics; here you can "
        "open a work file saved from this guide with “Save to re-open later”."
    )
    """Said when the visitor opens a rubric instead of a work file. Placeholder: {name}, the file's
    name."""
    upload_not_work: Text = (
        "“{name}” could not be opened: it is not a work file saved from this guide."
    )
    """Said when an opened file is not a work file. Placeholder: {name}, the file's name."""
    upload_damaged: Text = (
        "“{name}” is a work file, but part of it could not be read, so nothing was opened."
    )
    """Said when an opened work file cannot be read. Placeholder: {name}, the file's name."""
    upload_details: Text = "What exactly is wrong (for the gallery)"
    """The button that shows exactly what is wrong with an opened file."""
    # The map in words, for screen readers and anyone who prefers words.
    map_words_axes: Text = (
        "Map. Across: {x_label}, from {x_low} (left) to {x_high} (right). Up: {y_label}, from "
        "{y_low} (bottom) to {y_high} (top)."
    )
    """The map in words: its two spectra. Placeholders: {x_label}, {x_low}, {x_high}, {y_label},
    {y_low}, {y_high}."""
    map_words_work: Text = (
        "This work is at {x} across ({x_band}) and {y} up ({y_band}), nearest to {archetype}."
    )
    """The map in words: where the work is. Placeholders: {x}, {x_band}, {y}, {y_band},
    {archetype}."""
    map_words_range: Text = (
        "It could still move from {x_low} to {x_high} across and from {y_low} to {y_high} up."
    )
    """The map in words: where the work could still move. Placeholders: {x_low}, {x_high}, {y_low},
    {y_high}."""
    map_words_badges: Text = "Numbered badges mark the kinds of work: {names}."
    """The map in words: the archetypes' badges. Placeholder: {names}."""
    map_words_sample: Text = "One sample work is shown faintly for comparison."
    """The map in words: when one sample work is shown."""
    map_words_samples: Text = "{count} sample works are shown faintly for comparison."
    """The map in words: when several sample works are shown. Placeholder: {count}."""
    map_words_visit_one: Text = "One other work of this visit is shown as a lettered diamond."
    """The map in words: when one other work of the visit is shown."""
    map_words_visit: Text = "{count} other works of this visit are shown as lettered diamonds."
    """The map in words: when several other works of the visit are shown. Placeholder: {count}."""
    draft_unreachable: Text = (
        "The guide cannot reach the place where it keeps photos and long notes just now. "
        "What you add stays on this page, but a reload may lose the photo."
    )
    """Said when the guide cannot reach the place where it keeps photos and notes."""

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
    compare_heading: Text = Field(
        "Your reading and the gallery's",
        description="the heading of the screen that sets the two readings side by side")
    compare_intro: Text = Field(
        "Neither reading is the right one: the work sits on a spectrum, and where two careful "
        "readings differ is where it is worth looking again, and asking.",
        description="under the comparison heading: why two readings can differ")
    compare_you: Text = Field("Your reading", description="the visitor's point on the map")
    compare_gallery: Text = Field("The gallery's reading", description="the gallery's point")
    compare_legend: Text = Field(
        "● Your reading · ■ The gallery's reading · dotted and dashed boxes: where each could "
        "still move", description="under the comparison map")
    compare_axis_close: Text = Field(
        "{axis}: the two readings sit close together (yours at {you}, the gallery's at "
        "{gallery}).",
        description="one axis where the two readings are near each other")
    compare_axis_apart: Text = Field(
        "{axis}: the gallery's reading sits further toward {pole} (the gallery's at "
        "{gallery}, yours at {you}).",
        description="one axis where the two readings are far apart; {pole} is the end the "
        "gallery's reading leans toward")
    compare_overlap: Text = Field(
        "The two boxes overlap: as the open questions are settled, either reading could still "
        "arrive where the other is.",
        description="when the ranges of the two readings overlap")
    compare_same: Text = Field(
        "Of the {asked} questions you both answered, you answered {same} alike.",
        description="how many answers the visitor and the gallery share")
    compare_all_same: Text = Field(
        "You and the gallery answered every question alike.",
        description="instead of the count, when every shared answer is the same")
    compare_differences: Text = Field(
        "Where the two readings differ",
        description="the heading of the questions answered differently")
    compare_left_open: Text = Field(
        "Where you left it open, the gallery answered",
        description="the questions the visitor answered Not sure (or not at all)")
    compare_you_answered: Text = Field(
        "You", description="before the visitor's answer to a question both answered")
    compare_gallery_answered: Text = Field(
        "The gallery", description="before the gallery's answer to the same question")
    compare_note: Text = Field(
        "The gallery's note", description="before the gallery's note on why it answered so")
    compare_not_asked: Text = Field(
        "Not asked", description="a question the other reading's answers did not lead to")
    compare_shared_notes: Text = Field(
        "The gallery's notes where you agree",
        description="the heading of the notes on questions answered alike")
    compare_hide: Text = Field(
        "Hide the gallery's reading", description="the button that closes the comparison")
    ask_the_gallery: Text = Field(
        "Ask the gallery", description="the heading of the gallery's contact line")
    download_card: Text = Field(
        "Viewing card (a picture)",
        description="the download of the card (a PNG image) to keep or share")
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

