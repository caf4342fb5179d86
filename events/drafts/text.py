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
_VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
              "source", "track", "wbr"}
# Page furniture: the semantic tags and ARIA roles of a page's chrome, and a class or id naming it.
_FURNITURE_ROLES = {"navigation": "nav", "complementary": "aside", "banner": "header", "contentinfo": "footer"}
_FURNITURE_NAME = re.compile(r"(?<![a-z0-9])(sidebar|related|most[-_]?read|popular|trending|newsletters?|share|"
                             r"sharing|social|comments?|cookies?|cookie[-_]?banner|promos?|advert|adverts|"
                             r"advertisement|ad[-_]?slot|breadcrumbs?)(?![a-z0-9])", re.I)
_BODY_SHARE = 1 / 3      # an article/main element is the report only if it holds this share of the page's text
_SEP = object()          # a block boundary with no element of its own (a stray </p>)


class _Node:
    __slots__ = ("tag", "attrs", "parent", "children", "closed", "size", "hidden", "drop", "drop_other")

    def __init__(self, tag: str, attrs: dict, parent: "_Node | None") -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list = []
        self.closed = False       # ended by its own end tag (one closed implicitly ends no block)
        self.size = 0             # visible characters (not counting whitespace) inside
        self.hidden = False       # inside a script, style, <head>, <nav>, ...: never read
        self.drop = False         # page furniture, or inside it
        self.drop_other = False   # ... other than a <header> (which may hold the headline)


class _TreeParser(HTMLParser):
    """The page as a tree of _Node (strings for text). An end tag closes the nearest open element of
    its name and any left open inside it; one with none open ends a block if it is a block's, else
    nothing (an unclosed <p> just nests what follows, which changes no text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#document", {}, None)
        self.stack = [self.root]
        self.title: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self.in_title = True
        node = _Node(tag, {k: v or "" for k, v in attrs}, self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in _VOID_TAGS:
            self.stack.append(node)

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                self.stack[i].closed = True
                del self.stack[i:]
                return
        if tag in _BLOCK_TAGS:            # a stray end tag still ends a block, as it always did
            self.stack[-1].children.append(_SEP)

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        else:
            self.stack[-1].children.append(data)


def is_html(raw: str) -> bool:
    """Does ``raw`` look like an HTML page or fragment (rather than plain text)?"""
    return bool(_HTML_HINT.search(raw[:5000]))


def _preorder(root: _Node) -> list[_Node]:
    out, stack = [], [root]
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(c for c in reversed(node.children) if isinstance(c, _Node))
    return out


def _tokens(node: _Node, attr: str) -> list[str]:
    return node.attrs.get(attr, "").lower().split()


def _is_main(node: _Node) -> bool:
    return node.tag == "main" or "main" in _tokens(node, "role")


def _is_article_body(node: _Node) -> bool:
    return "articlebody" in _tokens(node, "itemprop")


def _furniture(node: _Node, scope_size: int, inside_body: bool) -> str | None:
    """What kind of page furniture ``node`` is ("header", "tag", "class"), or None. Inside the chosen
    article body only asides and class-named blocks count, and only while smaller than half of it."""
    tag = _FURNITURE_ROLES.get(next((r for r in _tokens(node, "role") if r in _FURNITURE_ROLES), ""), node.tag)
    small = node.size * 2 < scope_size
    if tag in ("aside", "nav"):
        return "tag" if small or not inside_body else None
    if tag in ("header", "footer") and not inside_body:
        return "header" if tag == "header" else "tag"
    if (node.tag in ("html", "body", "main", "article") or _is_main(node) or _is_article_body(node)
            or not small):
        return None
    names = " ".join((node.attrs.get("class", ""), node.attrs.get("id", "")))
    return "class" if _FURNITURE_NAME.search(names) else None


def _mark(order: list[_Node], scope_size: int, inside_body: bool) -> list[_Node]:
    """Set hidden/drop flags of the elements under ``order[0]`` (``order`` is its _preorder);
    returns the outermost furniture elements."""
    dropped = []
    for node in order[1:]:
        up = node.parent
        node.hidden = up.hidden or up.tag in _SKIP_TAGS
        node.drop, node.drop_other = up.drop, up.drop_other
        if node.hidden or node.drop_other:
            continue
        kind = _furniture(node, scope_size, inside_body)
        if kind and not node.drop:
            dropped.append(node)
        node.drop = node.drop or kind is not None
        node.drop_other = kind not in (None, "header")
    return dropped


def _emit(root: _Node, dropped: set[int], h1s: list[_Node]) -> str:
    """The text under ``root`` (furniture in ``dropped`` left out), block boundaries as blank lines;
    the <h1> elements read are appended to ``h1s``."""
    parts: list[str] = []
    stack = [(root, False)]
    while stack:
        item, hidden = stack.pop()
        if item is _SEP:
            parts.append("\n\n")
        elif isinstance(item, str):
            if not hidden:
                parts.append(item)
        elif id(item) in dropped:
            parts.append("\n\n")
        else:
            block = item.tag in _BLOCK_TAGS
            hidden = hidden or item.tag in _SKIP_TAGS or item.tag == "title"
            if item.tag == "h1" and not hidden:
                h1s.append(item)
            if block:
                parts.append("\n\n")
                if item.closed or item.tag in _VOID_TAGS:
                    stack.append((_SEP, hidden))
            stack.extend((c, hidden) for c in reversed(item.children))
    return "".join(parts)


def _visible(text: str) -> int:
    return len(text) - sum(map(len, re.findall(r"\s+", text)))


def html_to_text(raw: str) -> str:
    """Visible text of an HTML page, the report rather than the page around it: scripts, styles,
    navigation and forms dropped, one blank line between blocks (paragraphs, headings, list items),
    whitespace inside a block collapsed.

    A saved news page also carries menus, "Most read" and "Related" lists, share buttons and footers,
    whose headlines would otherwise be drafted as events the report never tells of. So:

    - the report is the page's ``<article>`` (the one with the most text; an article inside another
      counts once), else its ``itemprop="articleBody"`` element, else its ``<main>`` (or
      ``role="main"``), and only its text is read; such an element is taken only when it holds at
      least a third of the page's text (a page of teaser cards or a live blog of many short articles
      is read whole), and never when it lies inside furniture (a "Related" list of ``<article>`` cards);
    - furniture is dropped: ``<aside>``, ``<nav>``, and, outside the report, ``<header>`` and
      ``<footer>`` (and their ARIA roles), and any element whose class or id names a sidebar,
      related/most-read/popular/trending list, newsletter, share/social buttons, comments, cookie
      banner, promo, advert or breadcrumbs. Being conservative, a named element or an aside is kept
      when it holds half or more of the text around it (a "has-sidebar" wrapper), and ``<html>``,
      ``<body>``, ``<article>``, ``<main>`` and the chosen element are never dropped by their names;
    - the page's headline is kept: when the text read has no ``<h1>``, the longest ``<h1>`` outside
      it that is not in furniture other than a ``<header>`` comes first, as its own block. A headline
      is context a draft may rest on; a "Most read" heading is not one;
    - a page with none of these structures is read whole, as before, and if all that is left is
      empty the whole page's visible text (or else its <title>) is returned.
    """
    parser = _TreeParser()
    parser.feed(raw)
    parser.close()
    root = parser.root
    nodes = _preorder(root)
    for node in reversed(nodes):      # children before parents
        if node.tag in _SKIP_TAGS or node.tag == "title":
            continue
        node.size = sum(_visible(c) if isinstance(c, str) else c.size for c in node.children if c is not _SEP)
    dropped = _mark(nodes, root.size, inside_body=False)
    page_size = root.size - sum(d.size for d in dropped if not d.hidden)

    def outermost(n: _Node, pred) -> bool:
        up = n.parent
        while up is not None:
            if pred(up):
                return False
            up = up.parent
        return True

    body = None
    for pred in (lambda n: n.tag == "article", _is_article_body, _is_main):
        found = [n for n in nodes if pred(n) and not n.hidden and not n.drop and n.size and outermost(n, pred)]
        best = max(found, key=lambda n: n.size, default=None)
        if best is not None and best.size >= _BODY_SHARE * page_size:
            body = best
            break

    h1s: list[_Node] = []
    if body is not None:
        text = _emit(body, {id(d) for d in _mark(_preorder(body), body.size, inside_body=True)}, h1s)
    else:
        text = _emit(root, {id(d) for d in dropped}, h1s)
    if not any(h.size for h in h1s):
        read = {id(h) for h in h1s}
        inside = set() if body is None else {id(n) for n in _preorder(body)}
        outside = [n for n in nodes if n.tag == "h1" and n.size and not n.hidden and not n.drop_other
                   and id(n) not in read and id(n) not in inside]
        if outside:
            text = _emit(max(outside, key=lambda n: n.size), set(), []) + text
    if not text.strip():
        text = _emit(root, set(), [])
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


# A wire dateline opening a line: "BAGHDAD, July 4 -", "MANBIJ, Syria, Jan 17 (Reuters) -", "KERMAN, Iran -"
_DATELINE = re.compile(r"[A-Z][A-Z'’.\- ]{2,}(?:,\s*[A-Za-z][\w.'’\- ]*){0,3}\s*(?:\([A-Za-z ]+\)\s*)?[-–—]")
# A paragraph: lines joined until a blank line or a line a dateline opens
_BLOCK = re.compile(r"[^\n]+(?:\n(?!\s*\n|" + _DATELINE.pattern + r")[^\n]+)*")


def sentences(text: str) -> list[Span]:
    """Sentences of ``text`` with exact spans. Blank lines always end a sentence; so does a line break
    before a line a wire dateline opens (a headline above
    "BAGHDAD, July 4 - ...": nu13, whose headline had been read with the first sentence, giving its
    events the dateline's day). Other line breaks inside a paragraph do not (hard-wrapped text)."""
    out: list[Span] = []
    for block in _BLOCK.finditer(text):
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
