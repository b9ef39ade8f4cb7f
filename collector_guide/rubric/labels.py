"""Every word of the app's interface: the labels a rubric's `[labels]` may override.

The words themselves live in locale files, not here: each field's default is its English in
`collector_guide/locales/en.toml` (a rubric in another language starts from that language's
file, see `collector_guide.rubric.locales`). A new field needs its English added to en.toml,
or this module refuses to import. `LABEL_PLACEHOLDERS` names the blanks each label may use; the
checks refuse any other. The docstring under each label says where it appears: it is the
description an author's editor shows, and the one docs/labels.md lists.
"""

from __future__ import annotations

from collector_guide.rubric.fields import Text
from collector_guide.rubric.locales import english
from collector_guide.rubric.studio_labels import STUDIO_PLACEHOLDERS, StudioLabels


class Labels(StudioLabels):
    """Every word of the app's interface, with English defaults a rubric may override: write
    only the ones to change, for example to translate the guide or speak in a gallery's own
    voice."""

    not_sure: Text
    """The answer every question offers when the visitor does not know."""
    choose_all: Text
    """Under a question that takes several answers."""
    not_sure_help: Text
    """Under the answers: what answering "Not sure" does."""
    why_this_matters: Text
    """The button that opens a question's help text."""
    start_heading: Text
    """The start screen's heading."""
    start_new: Text
    """The start screen's button that begins a new reading."""
    open_sample: Text
    """The start screen's choice of a sample work to open."""
    open_file: Text
    """The start screen's place to open a work file saved earlier."""
    choose_rubric: Text
    """The start screen's choice of rubric, when there are several."""
    work_heading: Text
    """The heading of the screen where the visitor describes the work."""
    work_intro: Text
    """The line under that heading."""
    title: Text
    """The box for the work's title."""
    artist: Text
    """The box for the artist's name."""
    year: Text
    """The box for the year the work was made."""
    medium: Text
    """The box for the work's medium."""
    series: Text
    """The box for the series the work belongs to."""
    edition: Text
    """The box for the work's edition."""
    wall_label: Text
    """The box for the text of the wall label."""
    notes: Text
    """The box for the visitor's own notes."""
    photo: Text
    """The place to add a photo of the work."""
    back: Text
    """The button that goes back one screen."""
    next: Text
    """The button that goes on to the next screen."""
    see_reading: Text
    """The button on the last questions screen that shows the reading."""
    step_of: Text
    """Where the visitor is in the questionnaire. Placeholders: {step} and {total}."""
    section_part: Text
    """Where the visitor is within a long section shown in parts. Placeholders: {part} and
    {parts}."""
    result_heading: Text
    """The heading of the reading screen."""
    map_heading: Text
    """The heading above the map of the two spectra."""
    map_in_words: Text
    """The button that describes the map in words, for screen readers and anyone who prefers
    text."""
    uncertainty_box: Text
    """The map's legend for the box around the work: where it could still move."""
    this_work: Text
    """The map's legend for the point that is the visitor's work."""
    sample_works: Text
    """The map's legend for the sample works."""
    evidence_heading: Text
    """The heading of what the photo's file records about how it was made."""
    evidence_intro: Text
    """The line under that heading."""
    evidence_none: Text
    """Said when the photo's file records nothing about how it was made."""
    evidence_suggests: Text
    """Before a question whose answer the photo's file suggests."""
    evidence_use: Text
    """The button that takes the answer the photo's file suggests."""
    evidence_agrees: Text
    """Said when the visitor's answer agrees with the photo's file."""
    evidence_caveats: Text
    """The heading of the cautions about reading a file's records."""
    caveat_camera: Text
    """Caution: a photo of a physical work tells about the camera, not the work."""
    caveat_forged: Text
    """Caution: records in a file can be removed or forged."""
    caveat_absence: Text
    """Caution: finding no records proves nothing."""
    use_camera: Text
    """The switch that turns on the phone's camera."""
    take_photo: Text
    """The camera's button that takes the photo."""
    what_moved_it: Text
    """The heading of the chart of the answers that moved the work most."""
    what_moved_it_words: Text
    """The button that tells that chart in words."""
    ask_gallery: Text
    """The heading of the questions the visitor could ask the gallery."""
    keep_and_share: Text
    """The heading of the ways to keep and share the reading."""
    keep_hint: Text
    """The line that explains the page's address keeps the answers."""
    download_markdown: Text
    """The button that downloads the reading as a text document."""
    download_work: Text
    """The button that downloads the work file, to open again later."""
    download_json: Text
    """The button that downloads the reading as data (JSON)."""
    add_to_visit: Text
    """The button that adds this work to the works seen on this visit."""
    visit_heading: Text
    """The heading of the works seen on this visit."""
    download_visit: Text
    """The button that downloads the visit as a table (a CSV file, for a spreadsheet)."""
    edit_answers: Text
    """The button that goes back to change the answers."""
    start_over: Text
    """The button that starts again from the beginning."""
    untitled: Text
    """How a work without a title is named."""
    visit_added: Text
    """Said when a work has been added to the visit. Placeholder: {count}, how many works the visit
    holds."""
    clear_visit: Text
    """The button that empties the visit."""
    screen_error: Text
    """Said when a screen could not be drawn; the answers are kept."""
    link_too_long: Text
    """Said when part of an opened link was too long to read."""
    link_unknown_rubric: Text
    """Said when an opened link names a rubric this guide does not have. Placeholder: {rubric}, the
    name in the link."""
    link_other_rubric: Text
    """Said when the answers in an opened link belong to another rubric."""
    link_old_version: Text
    """Said when an opened link was made with another version of the rubric, whose questions have
    changed, so its answers could not be kept. Placeholders: {version} the link's, {current}
    this one's."""
    link_same_questions: Text
    """Said when an opened link was made with another version of the rubric whose questions are the
    same, so its answers were kept. Placeholders: {version} the link's, {current} this one's."""
    link_answers_not_matched: Text
    """Said when the answers in an opened link could not be matched to this rubric's questions."""
    link_unverified: Text
    """Said when an opened link could not be verified as one this guide made."""
    link_unreadable: Text
    """Said when an opened link could not be read at all."""
    link_dropped: Text
    """Said when some answers in an opened link could not be read. Placeholder: {count}, how
    many."""
    link_bad_step: Text
    """Said when the screen named in an opened link could not be read."""
    link_bad_work: Text
    """Said when the work's details in an opened link could not be read."""
    link_partial_work: Text
    """Said when some of the work's details in an opened link could not be read."""
    link_bad_visit: Text
    """Said when the visit in an opened link could not be read."""
    link_partial_visit: Text
    """Said when some works of the visit in an opened link could not be read."""
    link_bad_draft: Text
    """Said when an opened link's reference to a photo and notes could not be read."""
    photo_remove: Text
    """The button that removes the photo of the work."""
    forget_reading: Text
    """The button that deletes this reading's photo, notes and answers."""
    forget_hint: Text
    """The line that explains how long the guide keeps a reading's photo and notes. Placeholder:
    {hours}."""
    forgotten: Text
    """Said when a reading has been forgotten."""
    draft_gone: Text
    """Said when the photo and notes of an opened link are no longer kept. Placeholder: {hours}."""
    # Keep and share, in people's words; the technical formats wait under "More formats".
    save_to_reopen: Text
    """The button that saves the work file, to open the reading again later."""
    save_to_reopen_hint: Text
    """The line that explains what saving to re-open later keeps."""
    share_link: Text
    """The button that copies a link to this reading."""
    share_link_copied: Text
    """Said when the link has been copied."""
    share_link_manual: Text
    """Shown with the link when it cannot be copied by itself."""
    save_reading: Text
    """The button that saves the reading as a PDF."""
    save_reading_text: Text
    """The button that saves the reading as plain text."""
    more_formats: Text
    """The heading of the other formats the reading can be saved in."""
    printed_footer: Text
    """The line at the foot of a saved reading. Placeholders: {rubric} and {version}."""
    image_alt: Text
    """The description of the work's image for screen readers. Placeholder: {title}."""
    photo_alt: Text
    """The description of the visitor's photo for screen readers."""
    # The visit as a comparison.
    visit_intro: Text
    """The line above the works of this visit."""
    visit_compare: Text
    """The heading of the visit's works side by side."""
    visit_work: Text
    """The column of the works in that comparison."""
    visit_nearest: Text
    """The column of each work's nearest archetype in that comparison."""
    visit_table_note: Text
    """Under the visit's table: what its numbers mean."""
    visit_clear_confirm: Text
    """The question asked before the visit is cleared. Placeholder: {count}, how many works."""
    visit_clear_yes: Text
    """The button that confirms clearing the visit."""
    visit_clear_no: Text
    """The button that keeps the visit."""
    visit_cleared: Text
    """Said when the visit has been cleared."""
    visit_undo: Text
    """The button that brings a cleared visit back."""
    # What the words in an answer mean (options' glosses), one tap away.
    glossary: Text
    """The heading of the explanations of technical words."""
    # A file that cannot be opened, said in the visitor's words.
    upload_is_rubric: Text
    """Said when the visitor opens a rubric instead of a work file. Placeholder: {name}, the file's
    name."""
    upload_not_work: Text
    """Said when an opened file is not a work file. Placeholder: {name}, the file's name."""
    upload_damaged: Text
    """Said when an opened work file cannot be read. Placeholder: {name}, the file's name."""
    upload_details: Text
    """The button that shows exactly what is wrong with an opened file."""
    # The map in words, for screen readers and anyone who prefers words.
    map_words_axes: Text
    """The map in words: its two spectra. Placeholders: {x_label}, {x_low}, {x_high}, {y_label},
    {y_low}, {y_high}."""
    map_words_work: Text
    """The map in words: where the work is. Placeholders: {x}, {x_band}, {y}, {y_band},
    {archetype}."""
    map_words_range: Text
    """The map in words: where the work could still move. Placeholders: {x_low}, {x_high}, {y_low},
    {y_high}."""
    map_words_badges: Text
    """The map in words: the archetypes' badges. Placeholder: {names}."""
    map_words_sample: Text
    """The map in words: when one sample work is shown."""
    map_words_samples: Text
    """The map in words: when several sample works are shown. Placeholder: {count}."""
    map_words_visit_one: Text
    """The map in words: when one other work of the visit is shown."""
    map_words_visit: Text
    """The map in words: when several other works of the visit are shown. Placeholder: {count}."""
    # What a photo's file records, as the evidence panel names it.
    evidence_kind_ai_generated: Text
    """The kind of a finding: the file records the image as made by a model."""
    evidence_kind_ai_assisted: Text
    """The kind of a finding: the file records AI editing, or a composite."""
    evidence_kind_possibly_ai: Text
    """The kind of a finding: hints of AI software, nothing conclusive."""
    evidence_kind_algorithmic: Text
    """The kind of a finding: made by code that is not AI (a plotter, creative coding)."""
    evidence_kind_camera: Text
    """The kind of a finding: taken by a camera."""
    evidence_kind_information: Text
    """The kind of a finding that is only information about the file."""
    evidence_signed_trusted: Text
    """How strong a finding is: a valid signature from a trusted signer."""
    evidence_signed_untrusted: Text
    """How strong a finding is: a valid signature, the signer not checked against a trust
    list."""
    evidence_unsigned: Text
    """How strong a finding is: a claim in the file that nobody signed."""
    evidence_signature_invalid: Text
    """How strong a finding is: a signature that does not hold."""
    evidence_hint: Text
    """How strong a finding is: a mere hint."""
    signed_records: Text
    """The reading's {meaning} for signed Content Credentials that say what the image is.
    Placeholder: {kind}, the kind of finding (English writes it in lower case)."""
    signed_no_claim: Text
    """The reading's {meaning} for signed Content Credentials that say nothing about AI."""
    value_range: Text
    """A position with the range it could still move in, when the map's point is touched.
    Placeholders: {value}, {low} and {high}."""
    no_rubric: Text
    """Said instead of the guide when no rubric could be loaded (for the gallery's staff)."""
    language_switch: Text
    """The choice of language, when the rubric is translated."""
    draft_unreachable: Text
    """Said when the guide cannot reach the place where it keeps photos and notes."""

    # A gallery's catalogue, wall-label links, its own reading to compare with, the card.
    catalogue_heading: Text
    """The start screen's list of the gallery's works."""
    catalogue_open: Text
    """The button that opens a catalogue work."""
    catalogue_unknown: Text
    """A notice when ?work= names no catalogue work."""
    catalogue_opened: Text
    """A caption on the work screen of a work opened from the catalogue."""
    compare_button: Text
    """On the reading screen, after the visitor's own reading."""
    compare_invite: Text
    """Above the compare button."""
    compare_heading: Text
    """The heading of the screen that sets the two readings side by side."""
    compare_intro: Text
    """Under the comparison heading: why two readings can differ."""
    compare_you: Text
    """The visitor's point on the map."""
    compare_gallery: Text
    """The gallery's point."""
    compare_legend: Text
    """Under the comparison map."""
    compare_axis_close: Text
    """One axis where the two readings are near each other."""
    compare_axis_apart: Text
    """One axis where the two readings are far apart; {pole} is the end the gallery's reading
    leans toward."""
    compare_overlap: Text
    """When the ranges of the two readings overlap."""
    compare_same: Text
    """How many answers the visitor and the gallery share."""
    compare_all_same: Text
    """Instead of the count, when every shared answer is the same."""
    compare_differences: Text
    """The heading of the questions answered differently."""
    compare_left_open: Text
    """The questions the visitor answered Not sure (or not at all)."""
    compare_you_answered: Text
    """Before the visitor's answer to a question both answered."""
    compare_gallery_answered: Text
    """Before the gallery's answer to the same question."""
    compare_note: Text
    """Before the gallery's note on why it answered so."""
    compare_not_asked: Text
    """A question the other reading's answers did not lead to."""
    compare_shared_notes: Text
    """The heading of the notes on questions answered alike."""
    compare_hide: Text
    """The button that closes the comparison."""
    ask_the_gallery: Text
    """The heading of the gallery's contact line."""
    download_card: Text
    """The download of the card (a PNG image) to keep or share."""
    qr_caption: Text
    """Under each QR code on wall labels and on the viewing card."""


def _english_defaults() -> None:
    # Every field's default is its English from en.toml; a field without one, or an English
    # word for no field, is a mistake to name at once rather than a blank in the interface.
    words = english()
    missing = [name for name in Labels.model_fields if name not in words]
    extra = [name for name in words if name not in Labels.model_fields]
    if missing or extra:
        raise RuntimeError(
            "collector_guide/locales/en.toml must give the English of every Labels field and "
            f"nothing else; missing: {missing or 'none'}; unknown: {extra or 'none'}")
    for name, field in Labels.model_fields.items():
        field.default = words[name]
    Labels.model_rebuild(force=True)


_english_defaults()


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
    "value_range": ("value", "low", "high"),
    "signed_records": ("kind",),
    **STUDIO_PLACEHOLDERS,
}

