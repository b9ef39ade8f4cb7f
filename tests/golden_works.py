"""Golden works: typical AI-era works, the answers a careful critic would give, and where the
essay says they belong.

Each work is fictional but typical of a documented kind of practice. `agency` and `durability`
give the expected sign and, where the essay makes it clear, the strength:

    "++" firmly high (≥ +0.5)   "+" high (≥ +0.15)   "+~" on the high side (> 0)
    "--" firmly low (≤ −0.5)    "-" low (≤ −0.15)    "-~" on the low side (< 0)
    "0"  in the middle (|x| < 0.15)   "~" not firmly either way (|x| < 0.35)

`contested` works must show it: a box reaching across the middle on that axis, or a caution.
Every answer id is checked against the rubric (a misspelt id fails the tests, it is not
silently read as unanswered).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Golden:
    id: str
    described: str
    work: dict[str, str]
    answers: dict[str, object]
    agency: str
    durability: str
    archetype: str | None = None
    contested: tuple[str, ...] = ()  # axes on which the reading must say it is contested
    cites: tuple[str, ...] = field(default=())  # option ids the reading must cite


GOLDEN = [
    Golden(
        id="autonomous-portrait-machine",
        described="A cabinet with two screens on which networks the artist designed and trained "
        "paint an endless stream of portraits in real time; nothing is selected or repeated.",
        work={"title": "Passers-by, Unending",
              "medium": "Real-time generative installation: trained networks, cabinet, screens"},
        answers={
            "primary_source": "model_output", "machine_share": "all_of_it",
            "decisions": "system_rules",
            "machine_part": ["designed_system", "trained_model", "chose_deliberately"],
            "outputs": ["shown_unselected"], "resistance": ["interrupted"],
            "visual_grammar": "quoted", "photographic_logic": "not_photographic",
            "machine_critique": "touches", "replicable": "not_without_artist",
            "starting_point": ["prior_language"],
            "specificity": ["shown_before"],
            "editioning": "not_sure", "output_volume": "one_system",
            "wall_label_test": "yes_concept",
            "curatorial_framing": ["contextual_writing", "selective_programme"],
        },
        agency="++", durability="+", archetype="machine_as_method",
        cites=("system_rules",),
    ),
    Golden(
        id="robot-arm-duet",
        described="A painter draws on a large canvas alongside a robot arm driven by a model "
        "trained on twenty years of her own drawings; each performance leaves one canvas.",
        work={"title": "Duet for Two Hands, Gesture 9",
              "medium": "Ink and acrylic on canvas, made in a live performance with a robot arm"},
        answers={
            "primary_source": "with_machine", "machine_share": "parts",
            "decisions": "shared_live",
            "machine_part": ["designed_system", "built_dataset", "trained_model"],
            "outputs": ["shown_unselected"], "resistance": ["other_media", "interrupted"],
            "visual_grammar": "own_look", "photographic_logic": "not_photographic",
            "machine_critique": "touches", "replicable": "not_without_artist",
            "starting_point": ["prior_language", "source_material"],
            "specificity": ["named_series", "conceptual_frame", "shown_before"],
            "editioning": "unique_or_small", "output_volume": "body_of_work",
            "wall_label_test": "no_stands",
            "curatorial_framing": ["contextual_writing", "process_documented"],
        },
        agency="0", durability="++", archetype="shared_hand",
        cites=("with_machine",),
    ),
    Golden(
        id="gan-own-dataset",
        described="An artist photographs ten thousand tulips by hand, labels each one, and "
        "trains a GAN on them; the film shows the blooms it invents, tied to market prices.",
        work={"title": "Bloom Ledger",
              "medium": "Single-channel video, GAN trained on the artist's own photographs",
              "series": "Speculations"},
        answers={
            "primary_source": "model_output", "machine_share": "all_of_it",
            "decisions": "system_rules",
            "machine_part": ["built_dataset", "trained_model", "designed_system"],
            "outputs": ["rigorous_curation"], "resistance": ["bent"],
            "visual_grammar": "own_look", "photographic_logic": "synthetic_realism",
            "machine_critique": "subject", "replicable": "not_without_artist",
            "starting_point": ["research_question", "source_material"],
            "specificity": ["named_series", "conceptual_frame", "sequencing"],
            "editioning": "unique_or_small", "output_volume": "body_of_work",
            "wall_label_test": "yes_concept",
            "curatorial_framing": ["contextual_writing", "process_documented"],
        },
        agency="++", durability="++", archetype="machine_as_method",
        cites=("subject",),
    ),
    Golden(
        id="open-source-notebook",
        described="Outputs of a popular open-source generative notebook, someone else's code and "
        "pretrained model with a few parameters changed, released as a numbered collection.",
        work={"title": "Latent Garden #311",
              "medium": "Digital image from an open-source notebook", "series": "Latent Garden"},
        answers={
            "primary_source": "model_output", "machine_share": "all_of_it",
            "decisions": "artist_selecting",
            "machine_part": ["used_as_is"], "outputs": ["none_of_these"],
            "resistance": ["no_resistance"], "visual_grammar": "several",
            "photographic_logic": "not_photographic", "machine_critique": "unexamined",
            "replicable": "easily", "starting_point": ["none_visible"],
            "specificity": ["named_series"], "editioning": "larger_fixed",
            "output_volume": "hundreds", "wall_label_test": "yes_novelty",
            "curatorial_framing": ["ai_as_genre"],
        },
        agency="++", durability="-", archetype="trending_surface",
        cites=("used_as_is",),
    ),
    Golden(
        id="heavy-iteration-prompt",
        described="A photographer-turned-prompter spends weeks on one image: hundreds of "
        "generations, then days of compositing and retouching in an editor, shown with the "
        "rejected drafts.",
        work={"title": "The Ferryman's Daughter",
              "medium": "Archival pigment print from a generated and retouched image"},
        answers={
            "primary_source": "model_output", "machine_share": "all_of_it",
            "decisions": "artist_selecting",
            "machine_part": ["chose_deliberately", "steered_model"],
            "outputs": ["rigorous_curation", "heavy_editing"], "resistance": ["bent"],
            "visual_grammar": "quoted", "photographic_logic": "synthetic_realism",
            "machine_critique": "tool_kept_in_check", "replicable": "hardly",
            "starting_point": ["prior_language"], "specificity": ["conceptual_frame"],
            "editioning": "unique_or_small", "output_volume": "body_of_work",
            "wall_label_test": "no_stands", "curatorial_framing": ["process_documented"],
        },
        agency="++", durability="+", cites=("synthetic_realism",),
    ),
    Golden(
        id="one-prompt-trend",
        described="A single prompt typed into a public image app, the first pleasing result "
        "posted and sold as a print: rain, neon, a melancholy face.",
        work={"title": "Neon Solitude",
              "medium": "Digital image from a public app, sold as a print on demand"},
        answers={
            "primary_source": "model_output", "machine_share": "all_of_it",
            "decisions": "model_defaults", "machine_part": ["used_as_is"],
            "outputs": ["request_select"], "resistance": ["no_resistance"],
            "visual_grammar": "dominant", "photographic_logic": "photo_look_only",
            "machine_critique": "unexamined", "replicable": "easily",
            "starting_point": ["none_visible"], "specificity": ["none_found"],
            "editioning": "open_or_drop", "output_volume": "hundreds",
            "wall_label_test": "yes_novelty", "curatorial_framing": ["feed_only"],
        },
        agency="++", durability="--", archetype="trending_surface",
        cites=("request_select",),
    ),
    Golden(
        id="filter-on-stock",
        described="A stock photograph of a lighthouse passed through a popular 'oil painting' "
        "filter and sold framed in a home-decor shop.",
        work={"medium": "Canvas print of a filtered stock photograph"},
        answers={
            "primary_source": "found_archive", "machine_share": "redrawn",
            "decisions": "model_defaults", "machine_part": ["used_as_is"],
            "outputs": ["request_select"], "resistance": ["no_resistance"],
            "visual_grammar": "several", "photographic_logic": "not_photographic",
            "machine_critique": "unexamined", "replicable": "easily",
            "starting_point": ["none_visible"], "specificity": ["none_found"],
            "editioning": "open_or_drop", "output_volume": "hundreds",
            "wall_label_test": "yes_novelty", "curatorial_framing": ["feed_only"],
        },
        agency="~", durability="--", archetype="borrowed_effect",
        cites=("found_archive",),
    ),
    Golden(
        id="archive-extended",
        described="An artist takes unnamed sitters from a colonial studio archive and lets a "
        "model continue each plate beyond its edges, printing where the invented surroundings "
        "contradict the record.",
        work={"title": "Beyond the Plate, No. 12", "series": "Beyond the Plate",
              "medium": "Pigment print from archival glass plates, extended by outpainting"},
        answers={
            "primary_source": "found_archive", "machine_share": "parts",
            "decisions": "artist_steering", "machine_part": ["chose_deliberately"],
            "outputs": ["rigorous_curation"], "resistance": ["bent"],
            "visual_grammar": "own_look", "photographic_logic": "tests_truth",
            "machine_critique": "subject", "replicable": "not_without_artist",
            "starting_point": ["research_question", "source_material"],
            "specificity": ["named_series", "conceptual_frame", "sequencing"],
            "editioning": "unique_or_small", "output_volume": "body_of_work",
            "wall_label_test": "yes_concept",
            "curatorial_framing": ["contextual_writing", "selective_programme"],
        },
        agency="-", durability="++", archetype="authored_chain",
        cites=("tests_truth",),
    ),
    Golden(
        id="retouched-painting",
        described="A watercolourist paints a harbour by hand and uses an editor's AI tool only "
        "to remove a crease from the scan before printing the edition.",
        work={"title": "Harbour at Low Water",
              "medium": "Giclée print of a watercolour, retouched with an AI tool"},
        answers={
            "primary_source": "artist_handmade", "machine_share": "touches",
            "decisions": "artist_throughout",
            "visual_grammar": "own_look", "photographic_logic": "not_photographic",
            "machine_critique": "tool_kept_in_check", "replicable": "hardly",
            "starting_point": ["prior_language"], "specificity": ["named_series"],
            "editioning": "unique_or_small", "output_volume": "body_of_work",
            "wall_label_test": "no_stands", "curatorial_framing": ["none_of_these"],
        },
        agency="--", durability="+", archetype="authored_chain",
        cites=("artist_throughout",),
    ),
    Golden(
        id="contested-spectacle",
        described="A museum-scale installation: a model trained on a collection's images "
        "flows across a forty-metre LED wall. Crowds love it; critics split on whether it is "
        "more than a screensaver.",
        work={"title": "Machine Tide",
              "medium": "Real-time data sculpture on an LED wall, custom-trained model"},
        answers={
            "primary_source": "model_output", "machine_share": "all_of_it",
            "decisions": "system_rules", "machine_part": ["designed_system", "trained_model"],
            "outputs": ["shown_unselected"], "resistance": ["not_sure"],
            "visual_grammar": "several", "photographic_logic": "not_photographic",
            "machine_critique": "touches", "replicable": "hardly",
            "starting_point": ["not_sure"], "specificity": ["shown_before"],
            "editioning": "not_editioned", "output_volume": "one_system",
            "wall_label_test": "contested", "curatorial_framing": ["ai_as_genre"],
        },
        agency="++", durability="~", contested=("durability",),
    ),
    Golden(
        id="promptography",
        described="A photographer makes 'photographs' without a camera: a series of "
        "generated portraits in the idiom of 1940s documentary photography, entered in photo "
        "prizes to ask what the medium can still prove.",
        work={"title": "Pseudo-Memory IV", "series": "Pseudo-Memory",
              "medium": "Silver gelatin print from a generated image"},
        answers={
            "primary_source": "model_output", "machine_share": "all_of_it",
            "decisions": "artist_selecting", "machine_part": ["chose_deliberately"],
            "outputs": ["prompt_as_medium", "rigorous_curation"], "resistance": ["bent"],
            "visual_grammar": "quoted", "photographic_logic": "synthetic_realism",
            "machine_critique": "touches", "replicable": "with_effort",
            "starting_point": ["prior_language", "research_question"],
            "specificity": ["named_series", "conceptual_frame", "shown_before"],
            "editioning": "unique_or_small", "output_volume": "body_of_work",
            "wall_label_test": "yes_concept", "curatorial_framing": ["contextual_writing"],
        },
        agency="++", durability="++", cites=("synthetic_realism",),
    ),
    Golden(
        id="print-on-demand",
        described="A fantasy landscape from a public model, listed on a print-on-demand site "
        "with thousands of near-identical listings; the seller names no artist.",
        work={"medium": "Poster printed on demand"},
        answers={
            "primary_source": "model_output", "machine_share": "all_of_it",
            "decisions": "model_defaults", "machine_part": ["used_as_is"],
            "outputs": ["not_sure"], "resistance": ["no_resistance"],
            "visual_grammar": "dominant", "photographic_logic": "not_sure",
            "machine_critique": "not_sure", "replicable": "easily",
            "starting_point": ["not_sure"], "specificity": ["none_found"],
            "editioning": "open_or_drop", "output_volume": "hundreds",
            "wall_label_test": "not_sure", "curatorial_framing": ["feed_only"],
        },
        agency="++", durability="-", archetype="trending_surface",
        cites=("feed_only",),
    ),
    Golden(
        id="video-rotoscoped",
        described="A filmmaker reworks her own 16 mm footage of a demolished housing estate frame "
        "by frame with an image-to-image model, so that the buildings waver between record "
        "and recollection.",
        work={"title": "Estate, Remembered",
              "medium": "Single-channel video from the artist's 16 mm film, image-to-image"},
        answers={
            "primary_source": "artist_photo", "machine_share": "redrawn",
            "decisions": "artist_steering",
            "machine_part": ["trained_model", "steered_model"],
            "outputs": ["heavy_editing"], "resistance": ["bent", "interrupted"],
            "visual_grammar": "own_look", "photographic_logic": "tests_truth",
            "machine_critique": "not_sure", "replicable": "hardly",
            "starting_point": ["source_material"],
            "specificity": ["conceptual_frame", "shown_before"],
            "editioning": "unique_or_small", "output_volume": "not_sure",
            "wall_label_test": "yes_concept", "curatorial_framing": ["selective_programme"],
        },
        agency="-", durability="++", archetype="authored_chain",
    ),
    Golden(
        id="plotter-own-code",
        described="A pen plotter draws lines from code the artist has written and rewritten "
        "for a decade; no machine learning, each drawing unique and unselected.",
        work={"title": "Field Notation 58", "series": "Field Notation",
              "medium": "Ink on paper, pen plotter, artist's own code"},
        answers={
            "primary_source": "model_output", "machine_share": "all_of_it",
            "decisions": "system_rules", "machine_part": ["designed_system"],
            "outputs": ["shown_unselected"], "resistance": ["other_media"],
            "visual_grammar": "own_look", "photographic_logic": "not_photographic",
            "machine_critique": "tool_kept_in_check", "replicable": "not_without_artist",
            "starting_point": ["prior_language"], "specificity": ["named_series", "sequencing"],
            "editioning": "unique_or_small", "output_volume": "body_of_work",
            "wall_label_test": "no_stands", "curatorial_framing": ["contextual_writing"],
        },
        agency="++", durability="+", archetype="machine_as_method",
        cites=("designed_system",),
    ),
    Golden(
        id="lora-own-paintings",
        described="A painter fine-tunes a small add-on model on her own canvases and prompts "
        "it for variations, then chooses a handful a year to print, without reworking them.",
        work={"title": "After Myself, 3", "series": "After Myself",
              "medium": "Pigment print, model fine-tuned on the artist's paintings"},
        answers={
            "primary_source": "model_output", "machine_share": "all_of_it",
            "decisions": "artist_selecting",
            "machine_part": ["trained_model", "built_dataset"],
            "outputs": ["rigorous_curation"], "resistance": ["not_sure"],
            "visual_grammar": "own_look", "photographic_logic": "not_photographic",
            "machine_critique": "touches", "replicable": "hardly",
            "starting_point": ["prior_language", "source_material"],
            "specificity": ["named_series"], "editioning": "larger_fixed",
            "output_volume": "body_of_work", "wall_label_test": "not_sure",
            "curatorial_framing": ["contextual_writing"],
        },
        agency="++", durability="+", cites=("trained_model",),
    ),
    Golden(
        id="contested-composite",
        described="A collage of the artist's street photographs and generated crowds, praised "
        "as a comment on fake news and dismissed as a gimmick in the same week.",
        work={"title": "Crowd Study (Assembled)",
              "medium": "Pigment print of a digital collage"},
        answers={
            "primary_source": "mixed", "machine_share": "parts",
            "decisions": "artist_steering", "machine_part": ["used_as_is"],
            "outputs": ["heavy_editing"], "resistance": ["not_sure"],
            "visual_grammar": "several", "photographic_logic": "tests_truth",
            "machine_critique": "not_sure", "replicable": "with_effort",
            "starting_point": ["source_material"], "specificity": ["named_series"],
            "editioning": "larger_fixed", "output_volume": "dozens",
            "wall_label_test": "contested", "curatorial_framing": ["contextual_writing"],
        },
        agency="~", durability="~", archetype="open_hybrid", contested=("durability",),
    ),
    Golden(
        id="few-answers",
        described="A collector in a crowded opening who could only tell that a model made the "
        "image and that it is an open edition.",
        work={"title": "Untitled (from the opening)"},
        answers={"primary_source": "model_output", "editioning": "open_or_drop"},
        agency="+", durability="?",
    ),
]
