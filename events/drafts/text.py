"""A report's text: HTML to plain text, sentences with their exact spans, words with their spans.

Evidence quoted in a draft is always ``text[start:end]`` of the plain text returned here, so it
is the report's own wording, character for character.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser

_HTML_HINT = re.compile(r"<\s*(html|body|p|div|article|br|span|h[1-6]|!doctype)\b", re.I)
_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section", "tr",
               "blockquote", "header", "footer", "title", "figcaption", "ul", "ol", "table"}
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "head", "nav", "form", "button", "iframe"}


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP_TAGS:
            self.skip += 1
        if tag == "title":
            self.in_title = True
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in _SKIP_TAGS and self.skip:
            self.skip -= 1
        if tag == "title":
            self.in_title = False
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        elif not self.skip:
            self.parts.append(data)


def is_html(raw: str) -> bool:
    """Does ``raw`` look like an HTML page or fragment (rather than plain text)?"""
    return bool(_HTML_HINT.search(raw[:5000]))


def html_to_text(raw: str) -> str:
    """Visible text of an HTML page: scripts, styles, navigation and forms dropped, one blank line
    between blocks (paragraphs, headings, list items), whitespace inside a block collapsed."""
    parser = _TextParser()
    parser.feed(raw)
    parser.close()
    text = "".join(parser.parts)
    if parser.title and not text.strip():
        text = "".join(parser.title)
    blocks = [re.sub(r"[ \t\r\f\v\n]+", " ", unescape(b)).strip() for b in re.split(r"\n\s*\n", text)]
    return "\n\n".join(b for b in blocks if b)


def report_text(raw: str) -> str:
    """Plain text of a report given as plain text or HTML."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    return html_to_text(raw) if is_html(raw) else raw


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str


# Words that end in a full stop without ending the sentence.
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "brig", "adm", "st", "no",
                  "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
                  "dec", "u.s", "u.k", "u.n", "a.m", "p.m", "e.g", "i.e", "approx", "gov", "sen", "rep", "jr",
                  "sr", "inc", "ltd", "co", "corp", "govt", "km"}
# A sentence ends at . ! ? (and any closing quote or bracket) followed by space and a capital, digit or
# opening quote; or, as web copy often glues paragraphs ("...Reuters.It is believed"), by a capital
# right after a full stop that follows a lower-case letter.
_END = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9\u0600-\u06ff])|(?<=[A-Za-z)”"])[.!?]["'”’]*(?=[A-Z](?:[a-z]|\s)|\*[A-Z])""")
_WORD = re.compile(r"[^\W_]+(?:[’'ʿʾ](?!s\b)[^\W_]+)*", re.UNICODE)   # "Baghdad's" -> "Baghdad", "s"


def sentences(text: str) -> list[Span]:
    """Sentences of ``text`` with exact spans. Blank lines always end a sentence; a line on its own
    (a title, a date line) is its own sentence."""
    out: list[Span] = []
    for block in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        start = block.start()
        chunk = block.group()
        pos = 0
        for m in _END.finditer(chunk):
            word = re.search(r"([\w.]+)$", chunk[pos:m.start()])
            if word and word.group(1).lower().rstrip(".") in _ABBREVIATIONS and m.group().startswith("."):
                continue
            if word and len(word.group(1)) == 1 and word.group(1).isupper():   # an initial: "J. Smith"
                continue
            _add(out, text, start + pos, start + m.end())
            pos = m.end()
        _add(out, text, start + pos, start + len(chunk))
    return out


def _add(out: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Span(start, end, text[start:end]))


def words(text: str, offset: int = 0) -> list[Span]:
    """Words of ``text`` (letters and digits, inner apostrophes kept: "Sa'd"), spans shifted by ``offset``."""
    return [Span(m.start() + offset, m.end() + offset, m.group()) for m in _WORD.finditer(text)]
