"""Measures of how alike readings are: shared sentences between works, repeated clauses within
one. Used by the tests, and handy from a shell while editing the rubric:

    python tests/reading_measures.py      # the worst pairs among the samples and golden works
"""

from __future__ import annotations

import itertools
import re
import sys
from pathlib import Path

_NUMBER = re.compile(r"[−+-]?\d+(?:[.,]\d+)?")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"'(])")
_CLAUSE = re.compile(r"[.;:!?—]\s*|,\s+(?:and|but|so|or)\s+|\s+and\s+|,\s+")


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", _NUMBER.sub("#", text)).strip().lower()


def sentences(text: str) -> list[str]:
    """The sentences of a text, numbers ignored (a position is not what makes a reading)."""
    return [normalise(s) for s in _SENTENCE_END.split(text) if s.strip()]


def shared_share(a: str, b: str) -> float:
    """The share of sentences two main parts have in common, over the shorter of the two."""
    sa, sb = sentences(a), sentences(b)
    if not sa or not sb:
        return 0.0
    common = len(set(sa) & set(sb))
    return common / min(len(set(sa)), len(set(sb)))


def repeated_clauses(text: str, min_words: int = 4) -> list[str]:
    """Clauses of at least `min_words` words said more than once in one text."""
    seen: dict[str, int] = {}
    for clause in _CLAUSE.split(normalise(text)):
        clause = clause.strip(" “”\"'()")
        if len(clause.split()) >= min_words:
            seen[clause] = seen.get(clause, 0) + 1
    return [c for c, n in seen.items() if n > 1]


def worst_pairs(texts: dict[str, str], top: int = 5) -> list[tuple[float, str, str]]:
    pairs = [(shared_share(texts[x], texts[y]), x, y)
             for x, y in itertools.combinations(sorted(texts), 2)]
    return sorted(pairs, reverse=True)[:top]


def main_parts(rubric, names: bool = False) -> dict[str, str]:
    """The main part of every sample's and golden work's reading; the work's name is left out
    unless `names` (so that a title alone never makes two readings differ)."""
    from conftest import SAMPLES
    from golden_works import GOLDEN

    from collector_guide import assess, compose, load_work
    from collector_guide.rubric import WorkInfo

    out = {}
    for path in sorted(SAMPLES.glob("*.toml")):
        work = load_work(path, rubric)
        reading = compose(rubric, assess(rubric, work.answers), work=work.work)
        out["sample:" + path.stem] = " ".join(reading.paragraphs(str if names else _anon))
    for g in GOLDEN:
        reading = compose(rubric, assess(rubric, g.answers), work=WorkInfo(**g.work))
        out["golden:" + g.id] = " ".join(reading.paragraphs(str if names else _anon))
    return out


def _anon(_: str) -> str:
    return "WORK"


if __name__ == "__main__":  # pragma: no cover - a tool for rubric authors
    sys.path.insert(0, str(Path(__file__).parent))
    from conftest import DEFAULT_RUBRIC

    from collector_guide import load_rubric

    rubric = load_rubric(DEFAULT_RUBRIC)
    named = main_parts(rubric, names=True)
    print(f"with names (numbers ignored): worst {worst_pairs(named, 1)[0]}")
    texts = main_parts(rubric)
    print("names and numbers ignored:")
    for share, x, y in worst_pairs(texts, top=int(sys.argv[1]) if len(sys.argv) > 1 else 8):
        print(f"{share:.2f}  {x}  ~  {y}")
        common = set(sentences(texts[x])) & set(sentences(texts[y]))
        for s in sorted(common):
            print("        =", s)
