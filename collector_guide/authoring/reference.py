"""The reference docs, generated from the models: every key's type and meaning, in tables.

`docs/rubric-format.md` and `docs/labels.md` are hand-written prose with generated tables
between markers (`<!-- generated: questions -->` … `<!-- end generated -->`); `render` fills
them in from the editor schema (`collector_guide.rubric.schema`), so the docs, the editor and
the loader say the same thing. `regenerate` rewrites every generated file of a checkout.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel

from collector_guide.authoring.lint import RULES
from collector_guide.rubric import (
    READING_PLACEHOLDERS,
    Archetype,
    Assessment,
    Axis,
    Band,
    Caution,
    Condition,
    EvidenceHint,
    Labels,
    Option,
    Question,
    ReadingText,
    Rubric,
    RubricInfo,
    Section,
    Work,
    WorkInfo,
)
from collector_guide.rubric.fields import ID_PATTERN, MAX_TEXT, NOT_BLANK
from collector_guide.rubric.schema import json_schema, schema_text

KEY_TABLES: dict[str, type[BaseModel]] = {
    "rubric": RubricInfo, "axes": Axis, "sections": Section, "questions": Question,
    "options": Option, "conditions": Condition, "bands": Band, "archetypes": Archetype,
    "cautions": Caution, "evidence_hints": EvidenceHint, "work": WorkInfo,
    "assessment": Assessment,
}
_TABLE_WORDS = {"Condition": "condition", "Option": "option", "Axis": "axis",
                "Section": "section", "Question": "question", "Band": "band",
                "Archetype": "archetype", "Caution": "caution", "EvidenceHint": "hint"}
_PATTERN_WORDS = {
    ID_PATTERN: "id",
    NOT_BLANK: "text",
    r"^[0-9A-Za-z][0-9A-Za-z.+-]{0,31}$": 'text, like `"1.0"`',
    r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$": 'language tag, like `"en"`',
}
_ID_REFERENCES = {"section": "section id", "axis": "axis id", "question": "question id",
                  "any_of": "option id", "translation_of": "rubric id", "rubric": "rubric id",
                  "fact": "fact id", "leaves_open": "axis id"}


def _number(node: dict) -> str:
    low = node.get("minimum", node.get("exclusiveMinimum"))
    high = node.get("maximum", node.get("exclusiveMaximum"))
    if "minimum" in node and "maximum" in node:
        return f"number from {_n(low)} to {_n(high)}"
    parts = [f"{'>' if 'exclusiveMinimum' in node else '≥'} {_n(low)}" if low is not None else "",
             f"{'<' if 'exclusiveMaximum' in node else '≤'} {_n(high)}" if high is not None
             else ""]
    return "number " + " and ".join(p for p in parts if p) if any(parts) else "number"


def _n(value: float) -> str:
    text = f"{value:g}"
    return "−" + text[1:] if text.startswith("-") else text


def _count(node: dict) -> str:
    low, high = node.get("minItems"), node.get("maxItems")
    if low is not None and low == high:
        return f" (exactly {low})"
    if low and high:
        return f" ({low} to {high})"
    if low:
        return f" (at least {low})"
    return f" (at most {high})" if high else ""


def type_words(node: dict, key: str = "") -> str:
    """A schema node's type, as the reference docs name it."""
    if "if" in node:
        return "condition, or list of conditions"
    if "$ref" in node:
        return _TABLE_WORDS.get(node["$ref"].rsplit("/", 1)[-1], "table")
    if "enum" in node:
        shown = [f'`"{v}"`' for v in node["enum"]]
        return ", ".join(shown[:-1]) + " or " + shown[-1] if len(shown) > 1 else shown[0]
    if "anyOf" in node:
        return " or ".join(type_words(n) for n in node["anyOf"])
    kind = node.get("type")
    if kind == "string":
        words = _PATTERN_WORDS.get(node.get("pattern", ""), "text")
        if words == "id":
            words = _ID_REFERENCES.get(key, "id")
        if "not" in node and "const" in node["not"]:
            words += f' (not `"{node["not"]["const"]}"`)'
        if node.get("maxLength", MAX_TEXT) != MAX_TEXT:
            words += f", at most {node['maxLength']} characters"
        return words
    if kind == "number":
        return _number(node)
    if kind == "integer":
        return "whole number"
    if kind == "boolean":
        return "true or false"
    if kind == "array":
        item = type_words(node.get("items", {}), key)
        return f"list of {item if item.startswith('text') else item + 's'}" + _count(node)
    if kind == "object":
        values = list(node.get("patternProperties", {}).values())
        if values:
            return f"table of axis id → {type_words(values[0])}"
        return "table"
    return "value"


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _default(node: dict) -> str:
    value = node.get("default")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return _n(value)
    return ""


def key_table(model: type[BaseModel]) -> str:
    """The table of every key of one model: type, whether it is required, what it means."""
    schema = json_schema(model)
    required = set(schema.get("required", []))
    rows = ["| key | type | required | meaning |", "|---|---|---|---|"]
    for key, node in schema["properties"].items():
        default = _default(node)
        need = "yes" if key in required else f"no ({default})" if default else "no"
        rows.append(f"| `{key}` | {_cell(type_words(node, key))} | {need} | "
                    f"{_cell(node.get('description', ''))} |")
    return "\n".join(rows)


def parts_table() -> str:
    """The tables of a rubric file, in order: how each is written and what it holds."""
    schema = json_schema(Rubric)
    rows = ["| table | required | what it is |", "|---|---|---|"]
    for key, node in schema["properties"].items():
        header = f"[[{key}]]" if node.get("type") == "array" else f"[{key}]"
        need = "yes" if key in schema.get("required", []) else "no"
        rows.append(f"| `{header}` | {need} | {_cell(node.get('description', ''))} |")
    return "\n".join(rows)


def reading_table() -> str:
    schema = json_schema(ReadingText)
    required = set(schema.get("required", []))
    rows = ["| key | placeholders | required | used for |", "|---|---|---|---|"]
    for key, node in schema["properties"].items():
        names = " ".join(f"`{{{p}}}`" for p in READING_PLACEHOLDERS.get(key, ())) or "—"
        description = re.sub(r"\s*Placeholders?: .*$", "", node.get("description", ""))
        rows.append(f"| `{key}` | {names} | {'yes' if key in required else 'no'} | "
                    f"{_cell(description)} |")
    return "\n".join(rows)


def labels_table() -> str:
    """Every interface word a rubric's [labels] can change, its default and where it shows."""
    rows = ["| key | English default | where it appears |", "|---|---|---|"]
    for name, field in Labels.model_fields.items():
        rows.append(f"| `{name}` | {_cell(field.default)} | {_cell(field.description or '')} |")
    return "\n".join(rows) + "\n"


def lint_table() -> str:
    """The warnings `collector-guide check` gives about a rubric that scores badly."""
    rows = ["| warning | what it means | how to fix it |", "|---|---|---|"]
    rows += [f"| {_cell(r.name)} | {_cell(r.catches)} | {_cell(r.fix)} |" for r in RULES]
    return "\n".join(rows)


def generated_tables() -> dict[str, Callable[[], str]]:
    tables: dict[str, Callable[[], str]] = {
        name: (lambda m=model: key_table(m)) for name, model in KEY_TABLES.items()
    }
    tables.update(parts=parts_table, reading=reading_table, labels=labels_table,
                  lint=lint_table)
    return tables


_MARKED = re.compile(r"(<!-- generated: ([a-z_]+) -->\n)(.*?)(<!-- end generated -->)", re.S)


def render(text: str) -> str:
    """The document with every generated table between its markers made current."""
    tables = generated_tables()

    def fill(match: re.Match) -> str:
        name = match.group(2)
        if name not in tables:
            raise ValueError(f"no generated table is called '{name}'; they are: "
                             + ", ".join(tables))
        return match.group(1) + tables[name]().rstrip("\n") + "\n" + match.group(4)

    return _MARKED.sub(fill, text)


GENERATED_FILES = ("rubrics/rubric.schema.json", "rubrics/work.schema.json",
                   "docs/rubric-format.md", "docs/labels.md")


def regenerate(root: Path) -> list[str]:
    """Rewrite every generated file under a checkout's root; the ones that changed."""
    missing = [f for f in GENERATED_FILES[2:] if not (root / f).is_file()]
    if missing:
        raise FileNotFoundError(f"{root} does not look like a Collector Guide checkout "
                                f"(no {missing[0]}): run this in the repository's root folder")
    fresh = {GENERATED_FILES[0]: schema_text(Rubric), GENERATED_FILES[1]: schema_text(Work)}
    for name in GENERATED_FILES[2:]:
        fresh[name] = render((root / name).read_text(encoding="utf-8"))
    changed = []
    for name, text in fresh.items():
        path = root / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(name)
    return changed
