"""The words of the rubric studio (the page for rubric authors, `?studio=1`) and of a rubric
edited on disk while visitors read, with English defaults a rubric's `[labels]` may override like
every other label (`Labels` takes them in)."""

from __future__ import annotations

from pydantic import Field

from collector_guide.rubric.fields import Strict, Text


class StudioLabels(Strict):
    """The studio's words: the page where an author tries an edit before visitors see it."""

    studio_title: Text = Field("Rubric studio", description="the studio page's heading")
    studio_intro: Text = Field(
        "Try an edit to a rubric before visitors see it: the same checks as collector-guide "
        "check, the questions with their real scoring, and where the sample works land. "
        "Nothing here changes a file or what visitors see.",
        description="the line under the studio's heading")
    studio_off: Text = Field(
        "The rubric studio is not enabled here.",
        description="all the studio's address shows when the gallery has not turned it on")
    studio_back: Text = Field("Back to the guide", description="the button that leaves the studio")
    studio_base: Text = Field(
        "Start from", description="the choice of a rubric file from rubrics/ to edit")
    studio_text: Text = Field("The rubric (TOML)", description="the box holding the rubric's text")
    studio_text_help: Text = Field(
        "Edit it here or paste a whole rubric, then click outside the box (or press Ctrl+Enter) "
        "to check it.", description="under the rubric's box")
    studio_upload: Text = Field(
        "Or upload a rubric file (.toml)", description="the place to upload a rubric to try")
    studio_checks: Text = Field("Checks", description="the heading of the problems found")
    studio_clean: Text = Field(
        "No errors and no warnings: this rubric checks clean.",
        description="said when the checks find nothing")
    studio_counts: Text = Field(
        "Errors: {errors} · Warnings: {warnings}",
        description="how many problems the checks found")
    studio_serving_old: Text = Field(
        "Visitors still see the last good version of {file}: the file on disk has a problem.",
        description="said when a broken edit on disk left the previous version serving")
    studio_preview: Text = Field("Preview", description="the heading of the questionnaire preview")
    studio_preview_intro: Text = Field(
        "The edited rubric's questions, scored as a visitor's answers are. These answers are "
        "kept apart from any reading of your own.",
        description="the line under the preview's heading")
    studio_blocked: Text = Field(
        "Fix the errors above to preview the edited rubric and see where the sample works land.",
        description="said instead of the preview while the edit has errors")
    studio_reset: Text = Field(
        "Clear the preview's answers", description="the button that empties the preview")
    studio_map: Text = Field("Reachability map", description="the heading of the maps")
    studio_map_intro: Text = Field(
        "The shaded region is every place some combination of answers can reach; dotted lines "
        "are the edges of the bands; numbered badges are the archetypes; circles are the sample "
        "works, with a line from where each one was before the edit.",
        description="the line under the maps' heading")
    studio_before: Text = Field("Before the edit", description="above the map of the rubric as "
                                "visitors see it now")
    studio_after: Text = Field("After the edit", description="above the map of the edited rubric")
    studio_region: Text = Field("where answers can reach", description="the shaded region's name")
    studio_bands: Text = Field("Bands", description="the heading of each axis's bands in words")
    studio_samples: Text = Field("Sample works", description="the heading of the samples' table")
    studio_samples_none: Text = Field(
        "No sample works use this rubric.", description="said when the table would be empty")
    studio_work: Text = Field("Work", description="the table's column of work titles")
    studio_moved: Text = Field("Moved", description="the table's column that marks moved works")
    studio_moved_mark: Text = Field("● moved", description="the mark of a work the edit moves")
    studio_moved_count: Text = Field(
        "The edit moves {moved} of {total} sample works.",
        description="above the samples' table")
    studio_gone: Text = Field("not placed", description="a table cell for a work with no place")
    rubric_updated: Text = Field(
        "The guide's questions were just updated. Your answers are kept.",
        description="said to a visitor mid-reading when the rubric was edited on disk")
    rubric_updated_dropped: Text = Field(
        "The guide's questions were just updated. Your answers that still fit are kept; "
        "{count} no longer fit and were left open.",
        description="the same, when some answers no longer fit the edited questions")
    studio_download: Text = Field(
        "Download the edited rubric", description="the button that saves the edited TOML")


STUDIO_PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    "studio_counts": ("errors", "warnings"),
    "studio_serving_old": ("file",),
    "studio_moved_count": ("moved", "total"),
    "rubric_updated_dropped": ("count",),
}
