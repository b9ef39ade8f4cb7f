"""Text from visitors and files, made inert for each place it is shown. No Streamlit here.

Everything a visitor types or a file supplies lands somewhere that would otherwise read it as
instructions: Markdown (links, emphasis, and Streamlit's own `:material/home:` icons, `:red[…]`
colours, `:smile:` emoji and `->` arrows), plotly's text (a subset of HTML: `<a href>` is a live
link, `<span style>` restyles the chart), spreadsheets (a cell starting with `=` is a formula)
and terminals (escape sequences). One function per destination, in one module to audit; the
TOML writer escapes its strings itself (`keep.workfile.toml_string`).

Where a renderer has no escape for a construct (bare-address autolinks, Streamlit shortcodes),
a WORD JOINER (U+2060, invisible, zero width) is put inside it: the text reads exactly as
written, and the renderer no longer recognises it.
"""

from __future__ import annotations

import html
import re
import unicodedata

from collector_guide.rubric.problems import printable

WORD_JOINER = "\u2060"
# Any character that ends a line somewhere: a title is one line wherever it is shown.
_LINE_BREAKS = re.compile(r"\r\n|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]")
# Where to put a word joiner: after a colon that something follows at once (`https://`,
# `mailto:x`, `:material/…:`, `:red[…]`, `:smile:`; not the colon of "Note: …"), inside `www.`,
# before `@` (bare e-mail addresses), and inside the arrows and dashes Streamlit turns into
# typography (`->`, `<-`, `--`, `>=`, `<=`, `~=`).
_INERT = re.compile(r"(?<=:)(?=[\w+/\[-])|(?<=www)(?=\.)|(?=@)|(?<=[<>~-])(?=[-<>=])", re.I)
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=])")
_MD_FILE_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&])")  # a file has no html.escape
_LEADING_SPACE = re.compile(r"^[ \t]+", re.M)  # four leading spaces would start a code block
_FORMULA = set("=+-@")  # and what NFKC folds onto them: full-width ＝＋－＠, small ﹦﹢﹣﹫


def one_line(text: str) -> str:
    return _LINE_BREAKS.sub(" ", text)


def _inert(text: str) -> str:
    return _INERT.sub(WORD_JOINER, text)


def streamlit_markdown(text: str) -> str:
    """Text for Streamlit's Markdown, shown exactly as written: never markup, never a live
    link, an icon, a colour or an emoji. Line breaks are kept."""
    text = _inert(_LINE_BREAKS.sub("\n", str(text)))
    text = _LEADING_SPACE.sub(lambda m: "\u00a0" * len(m.group(0)), text)
    escaped = _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))
    return escaped.replace("\n", "  \n")


def markdown(text: str, *, inline: bool = True) -> str:
    """Text for a Markdown file, kept literal by any CommonMark or GitHub renderer, with no
    live autolinks. `inline` text (a title, a byline) is kept on one line."""
    text = str(text)
    text = terminal(one_line(text) if inline else _LINE_BREAKS.sub("\n", text))
    text = _LEADING_SPACE.sub(lambda m: "\u00a0" * len(m.group(0)), _inert(text))
    return _MD_FILE_SPECIAL.sub(r"\\\1", text)


def plotly(text: str) -> str:
    """Text for a plotly label, hover text or annotation: plotly reads a subset of HTML
    (`<a href>`, `<span style>`, `<b>`, `<br>`) and a few entities; escaped, it is only text."""
    return html.escape(one_line(str(text)), quote=False)


def plotly_template(text: str) -> str:
    """Text written into a plotly hovertemplate itself: escaped, and `%{…}` in it no longer
    names a value to fill in."""
    return plotly(text).replace("%{", "%" + WORD_JOINER + "{")


def spreadsheet(value: object) -> object:
    """A cell for a CSV opened in a spreadsheet: text that a spreadsheet would run as a
    formula (`=`, `+`, `-`, `@`, also after spaces, a tab, NBSP or a BOM, or as full-width
    `＝`) gets a leading apostrophe; line breaks become spaces, so a cell never starts a row."""
    if not isinstance(value, str):
        return value
    value = one_line(value)
    i = 0
    while i < len(value) and (value[i].isspace()
                              or unicodedata.category(value[i]) in ("Cc", "Cf", "Zs")):
        i += 1
    first = unicodedata.normalize("NFKC", value[i : i + 1])[:1]
    return "'" + value if first in _FORMULA or value[:1] == "\t" else value


def terminal(text: str) -> str:
    """Text for a terminal: control characters, escape sequences and direction overrides are
    shown as `\\x1b`-style codes instead of acting on the terminal. Newlines stay."""
    return printable(text)
