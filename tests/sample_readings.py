"""docs/readings.md: the reading of every sample work, exactly as `collector-guide read` prints it.

The docs test fails when the page is stale; regenerate it with

    python tests/sample_readings.py
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "readings.md"

HEAD = """# Sample readings

What the bundled rubric (`rubrics/assisted-vs-generated.toml`) writes about each sample work in
`sample_works/`: the output of

```console
$ collector-guide read --rubric rubrics/assisted-vs-generated.toml sample_works/WORK.toml
```

The works and artists are fictional. A test regenerates this page and fails when it is stale
(`python tests/sample_readings.py` rewrites it).
"""


def render() -> str:
    sys.path.insert(0, str(ROOT))
    from collector_guide.cli import main

    parts = [HEAD]
    for path in sorted((ROOT / "sample_works").glob("*.toml")):
        out = io.StringIO()
        main(["read", "--rubric", "rubrics/assisted-vs-generated.toml",
              f"sample_works/{path.name}"], out=out, err=io.StringIO())
        parts.append(f"\n## `{path.name}`\n\n```text\n{out.getvalue()}```\n")
    return "".join(parts)


if __name__ == "__main__":  # pragma: no cover - regenerates the page
    DOC.write_text(render())
    print(f"wrote {DOC.relative_to(ROOT)}")
