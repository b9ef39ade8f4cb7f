"""JSON Schemas of rubric and work files, for authors' editors (Taplo / Even Better TOML).

The schemas are derived from the models and say what the loader accepts, no more and no less:
a file the schema passes is one the loader parses and validates (the checks that need the whole
rubric, such as ids that must exist, are beyond any schema). pydantic's own output is close;
this module removes what a TOML editor misreads: `null` branches (TOML has no null, so optional
keys are simply not required), per-key titles that repeat the key, and defaults that are whole
tables. Tables keyed by ids (`effects`, `at`) refuse keys that are not ids, as the loader does.

`rubrics/rubric.schema.json` and `rubrics/work.schema.json` are these schemas, committed;
`collector-guide regenerate` rewrites them after a model changes.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema

from collector_guide.rubric.models import Rubric
from collector_guide.rubric.work import Work

SCHEMA_DIALECT = "http://json-schema.org/draft-07/schema#"
TITLES = {Rubric: "Collector Guide rubric", Work: "Collector Guide work file"}


class _EditorSchema(GenerateJsonSchema):
    def nullable_schema(self, schema):
        # `X | None = None`: TOML cannot write null, so the key is just optional.
        return self.generate_inner(schema["schema"])

    def default_schema(self, schema):
        out = super().default_schema(schema)
        if not isinstance(out.get("default"), (str, int, float, bool)):
            out.pop("default", None)  # whole tables and lists are noise in an editor
        return out

    def dict_schema(self, schema):
        out = super().dict_schema(schema)
        if "patternProperties" in out:
            out["additionalProperties"] = False
            names = out.pop("propertyNames", None)
            if isinstance(names, dict) and "pattern" in names:
                out["propertyNames"] = {"pattern": names["pattern"]}
        return out

    def field_title_should_be_set(self, schema) -> bool:
        return False


def _tidy(node: Any) -> Any:
    """Drop the class titles pydantic gives every table (the descriptions say more), and unwrap
    the descriptions' lines."""
    if isinstance(node, dict):
        return {k: " ".join(v.split()) if k == "description" and isinstance(v, str) else _tidy(v)
                for k, v in node.items() if not (k == "title" and isinstance(v, str))}
    if isinstance(node, list):
        return [_tidy(v) for v in node]
    return node


def json_schema(model: type[BaseModel] = Rubric) -> dict:
    """The editor schema of a rubric (or, with `Work`, of a work file)."""
    raw = model.model_json_schema(by_alias=True, schema_generator=_EditorSchema)
    return {"$schema": SCHEMA_DIALECT, "title": TITLES.get(model, model.__name__),
            **_tidy(raw)}


def schema_text(model: type[BaseModel] = Rubric) -> str:
    """The schema as it is written to its file: stable key order, two-space indent."""
    return json.dumps(json_schema(model), indent=2, ensure_ascii=False) + "\n"
