"""Pydantic's validation errors, retold in an author's words.

`translate` turns one raw error (`questions.0.options.1.wieght  Extra inputs are not permitted`)
into the key path it concerns and a message that says what is wrong, what is allowed here, and
the nearest valid name.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel

from collector_guide.rubric.fields import NOT_BLANK
from collector_guide.rubric.problems import describe, did_you_mean, listing

_TYPE_NAMES = {
    "string_type": "text (in quotes)",
    "float_type": "a number",
    "float_parsing": "a number",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "bool_type": "true or false",
    "list_type": "a list [ … ]",
    "dict_type": "a table",
    "model_type": "a table",
    "model_attributes_type": "a table",
}

_PATTERN_HINTS = {
    "^[a-z0-9][a-z0-9_-]{0,63}$": (
        "an id uses lowercase letters, digits, '_' and '-', starts with a letter or digit, "
        "and is at most 64 characters"
    ),
    "^[0-9A-Za-z][0-9A-Za-z.+-]{0,31}$": 'a version is written like "1.0" or "2.1-beta"',
    "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$": 'a language is a tag like "en", "de" or "pt-BR"',
    "^#(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$": 'a colour is written like "#2E8B74" or "#28B"',
    r"^https?://[^\s?#]+$": (
        'an address starts with https:// (or http://) and has no spaces, "?" or "#", '
        'like "https://guide.example.org/"'
    ),
}


def _unwrap(annotation: Any, step: str | int) -> Any:
    """The type found one step inside `annotation` (a field's type, a list's item, …)."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            containers = [a for a in args if typing.get_origin(a) in (list, dict)]
            models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
            pick = (containers if isinstance(step, int) else models) or args
            annotation = pick[0]
        else:
            break
    origin = typing.get_origin(annotation)
    if origin is list and isinstance(step, int):
        return typing.get_args(annotation)[0]
    if origin is dict:
        return typing.get_args(annotation)[1]
    if origin is list:  # a single condition written without brackets
        return _unwrap(typing.get_args(annotation)[0], step)
    return annotation


def _model_at(model: type[BaseModel], loc: Sequence[str | int]) -> type[BaseModel] | None:
    current: Any = model
    for step in loc:
        if isinstance(current, type) and issubclass(current, BaseModel) and isinstance(step, str):
            field_info = next(
                (f for n, f in current.model_fields.items() if (f.alias or n) == step), None
            )
            if field_info is None:
                return None
            current = field_info.annotation
        else:
            current = _unwrap(current, step)
    while not (isinstance(current, type) and issubclass(current, BaseModel)):
        unwrapped = _unwrap(current, 0)
        if unwrapped is current:
            return None
        current = unwrapped
    return current


def _keys_of(model: type[BaseModel]) -> list[str]:
    return [f.alias or n for n, f in model.model_fields.items()]


def translate(model: type[BaseModel], error: dict) -> tuple[tuple, str]:
    """One pydantic error → (where, a message an author can act on)."""
    loc = tuple(error["loc"])
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    if kind == "extra_forbidden":
        parent = _model_at(model, loc[:-1])
        allowed = _keys_of(parent) if parent else []
        return loc, (
            f"unknown key '{loc[-1]}'; allowed here: {listing(allowed)}."
            + did_you_mean(str(loc[-1]), allowed)
        )
    if kind == "missing":
        return loc, "this required key is missing"
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        choices = re.findall(r"'([^']*)'", expected)
        return loc, (
            f"must be one of {expected}; found {describe(value)}."
            + did_you_mean(str(value), choices)
        )
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == NOT_BLANK:
        return loc, "must not be empty"
    if kind == "string_pattern_mismatch":
        hint = _PATTERN_HINTS.get(ctx.get("pattern", ""), f"it must match {ctx.get('pattern')}")
        return loc, f"{describe(value)} is not allowed here: {hint}"
    if kind in _TYPE_NAMES:
        return loc, f"expected {_TYPE_NAMES[kind]}, found {describe(value)}"
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        sign = {"greater_than_equal": "≥", "greater_than": ">", "less_than_equal": "≤",
                "less_than": "<"}[kind]
        bound = next(iter(ctx.values()))
        return loc, f"must be {sign} {bound}; found {describe(value)}"
    if kind == "too_short":
        n = ctx.get("min_length")
        return loc, f"needs at least {n} item{'s' if n != 1 else ''}; found {describe_len(value)}"
    if kind == "too_long":
        n = ctx.get("max_length")
        return loc, f"allows at most {n} items; found {describe_len(value)}"
    if kind == "string_too_short":
        return loc, "must not be empty"
    if kind == "string_too_long":
        return loc, f"is too long: at most {ctx.get('max_length')} characters"
    if kind == "value_error":
        return loc, str(ctx.get("error", error["msg"]))
    return loc, error["msg"][:1].lower() + error["msg"][1:]


def describe_len(value: object) -> str:
    return f"{len(value)}" if isinstance(value, (list, dict, str)) else describe(value)

