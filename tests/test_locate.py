"""The key locator: every key path of a TOML document maps to where it is written."""

from __future__ import annotations

import pytest

from collector_guide.rubric.locate import key_positions, locate

DOC = '''# comment
[rubric]
id = "x"   # trailing comment
"quoted key" = 'literal'
dotted.key = 1

[[questions]]
id = "a"
show_if = { question = "b", any_of = ["c", "d"] }
text = """multi
line = "not a key"
"""

  [[questions.options]]
  id = "o1"
  effects = { agency = -1.0, durability = 0.5 }

  [[questions.options]]
  id = "o2"

[[questions]]
id = "b"
list = [
  { id = "i1" },
  { id = "i2" },
]
'''

CASES = [
    (("rubric",), (2, 1)),
    (("rubric", "id"), (3, 1)),
    (("rubric", "quoted key"), (4, 1)),
    (("rubric", "dotted", "key"), (5, 8)),
    (("questions", 0), (7, 1)),
    (("questions", 0, "show_if", "any_of", 1), (9, 44)),
    (("questions", 0, "text"), (10, 1)),
    (("questions", 0, "options", 0, "id"), (15, 3)),
    (("questions", 0, "options", 0, "effects", "durability"), (16, 30)),
    (("questions", 0, "options", 1), (18, 3)),
    (("questions", 1, "id"), (22, 1)),
    (("questions", 1, "list", 1, "id"), (25, 5)),
]


@pytest.mark.parametrize(("path", "position"), CASES, ids=[".".join(map(str, c[0])) for c in CASES])
def test_positions(path, position):
    assert key_positions(DOC)[path] == position


def test_the_text_inside_a_multiline_string_is_not_a_key():
    assert ("questions", 0, "line") not in key_positions(DOC)


def test_locate_falls_back_to_the_nearest_ancestor():
    positions = key_positions(DOC)
    assert locate(positions, ("questions", 0, "options", 1, "missing")) == (18, 3)
    assert locate(positions, ("nowhere",)) is None
