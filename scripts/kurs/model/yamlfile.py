"""Reading content files: one strict reader for every YAML file and every page's front matter.

- Text files must be UTF-8 (a byte order mark and Windows line endings are fine); a file in
  another encoding, or a binary file, gets a message naming it.
- YAML's quiet surprises are errors or plain text: a key written twice is an error (PyYAML keeps
  the last one), `yes`/`no`/`on`/`off` stay words (only true/false are booleans), a number with a
  leading zero stays text (`0701` is not octal), and dates stay text for the model to check.
- Every YAML mistake names the file and the line where the author can fix it.
- Each value's line is kept (`Document.line(path)`), so that the model's messages can point at
  the line of the field that is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

from .errors import AuthorError


def read_text(path: Path, file: str) -> str:
    """A content file's text: UTF-8 (with or without a byte order mark), lines ending in \\n."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise AuthorError(file, "filen finns inte") from None
    except OSError as error:
        raise AuthorError(file, f"filen går inte att läsa ({error.strerror})") from None
    if b"\x00" in data[:8192]:
        raise AuthorError(file, "filen är ingen textfil (den innehåller binära data): spara den som text i UTF-8")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise AuthorError(file, "filen är inte sparad som UTF-8 (den har tecken i en annan teckenkodning, "
                                "t.ex. Windows-1252): spara filen som UTF-8", line) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


class StrictResolver(Resolver):
    """The plain scalars YAML 1.2's core schema knows, and nothing more (no dates, no yes/no)."""

    yaml_implicit_resolvers: dict = {}


for _tag, _pattern, _first in (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^[-+]?(?:0|[1-9][0-9]*)$", "-+0123456789"),
    ("float", r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$", "-+0123456789."),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
):
    StrictResolver.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), list(_first))

try:  # libyaml's parser when PyYAML has it (about ten times faster)
    from yaml._yaml import CParser

    class StrictLoader(CParser, SafeConstructor, StrictResolver):
        def __init__(self, stream):
            CParser.__init__(self, stream)
            SafeConstructor.__init__(self)
            StrictResolver.__init__(self)
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class StrictLoader(Reader, Scanner, Parser, Composer, SafeConstructor, StrictResolver):
        def __init__(self, stream):
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            StrictResolver.__init__(self)


Path_ = tuple[str, ...]


@dataclass
class Document:
    """A YAML file's data and where each value stands in the file."""

    file: str
    data: object
    lines: dict[Path_, int] = field(default_factory=dict)
    first_line: int = 1

    def line(self, path=()) -> int:
        """The line of the value at `path` (keys and list indexes), or of the nearest value
        above it that exists (a missing field: the line of the entry that lacks it)."""
        parts = tuple(str(part) for part in path)
        while parts and parts not in self.lines:
            parts = parts[:-1]
        return self.lines.get(parts, self.first_line)


# What a YAML parser's English says, in Swedish and with what to do about it.
HINTS = (
    ("while scanning a quoted scalar", "ett citattecken som börjar här avslutas aldrig"),
    ("mapping values are not allowed", "ett kolon på fel ställe: sätt texten inom citattecken om den innehåller ': '"),
    ("found character '\\t'", "tabbtecken går inte att använda för indrag: använd mellanslag"),
    ("found character that cannot start any token", "ett tecken som inte får stå först i ett värde (till exempel ett tabbtecken, @ eller `): använd mellanslag för indrag och sätt texten inom citattecken"),
    ("could not find expected ':'", "ett kolon saknas efter ett fältnamn, eller ett citattecken avslutas inte"),
    ("did not find expected key", "indraget stämmer inte med raderna ovanför (eller så saknas '- ' före en punkt i en lista)"),
    ("did not find expected '-' indicator", "indraget stämmer inte: punkterna i en lista ska stå lika långt in"),
    ("expected <block end>", "indraget stämmer inte med raderna ovanför"),
    ("found unhashable key", "en lista eller grupp står där ett fältnamn ska stå"),
    ("could not determine a constructor", "en YAML-tagg (!…) som inte är tillåten"),
    ("expected a single document", "filen ska innehålla ett enda YAML-dokument (ta bort raden '---' i mitten)"),
    ("found unexpected end of stream", "filen tar slut mitt i ett värde: en klammer eller ett citattecken stängs aldrig"),
    ("while parsing a flow", "en klammer ([ eller {) stängs aldrig eller stängs på fel ställe"),
)


OPENING_QUOTE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s#'"][^:#]*:\s+)?(["'])(.*)$""")


def _unclosed_quote(text: str, before: int) -> int | None:
    """The 0-based line of a quoted value that opens and does not close on its line, at or above
    line `before`: an author's forgotten quote shows up as an error far below it."""
    lines = text.splitlines()
    for number in range(min(before, len(lines) - 1), -1, -1):
        match = OPENING_QUOTE.match(lines[number])
        if match:
            quote, rest = match.groups()
            closed = rest.replace(quote * 2, "").find(quote) >= 0 if quote == "'" else re.search(r'(?<!\\)"', rest)
            if not closed:
                return number
    return None


def _yaml_error(error: yaml.YAMLError, file: str, first_line: int, text: str = "") -> AuthorError:
    mark = getattr(error, "problem_mark", None)
    quote = _unclosed_quote(text, mark.line) if text and mark else None
    if quote is not None:
        return AuthorError(file, "felaktig YAML: ett citattecken som börjar här avslutas aldrig", quote + first_line)
    context = getattr(error, "context", None) or ""
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    if ("quoted scalar" in context or "flow" in context) and getattr(error, "context_mark", None):
        mark = error.context_mark  # where the quote or bracket opens, not where the file ends
    said = f"{context} {problem}"
    hint = next((swedish for english, swedish in HINTS if english in said), None)
    message = f"felaktig YAML: {hint} ({problem})" if hint else f"felaktig YAML: {problem}"
    return AuthorError(file, message, mark.line + first_line if mark else None)


def _record(node: Node, path: Path_, lines: dict[Path_, int], file: str, first_line: int) -> None:
    if isinstance(node, MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + first_line
            key = key_node.value if isinstance(key_node, ScalarNode) else str(key_node.start_mark)
            if key in seen:
                raise AuthorError(file, f"'{key}' står två gånger (första gången på rad {seen[key]}). "
                                        "Ta bort den ena, eller sätt '- ' framför en ny punkt i en lista", line)
            seen[key] = line
            lines[path + (key,)] = line
            _record(value_node, path + (key,), lines, file, first_line)
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            lines[path + (str(index),)] = item.start_mark.line + first_line
            _record(item, path + (str(index),), lines, file, first_line)


def parse_yaml(text: str, file: str, first_line: int = 1) -> Document:
    """YAML text as data, strictly; `first_line` is the file's line where the text starts."""
    loader = StrictLoader(text)
    try:
        node = loader.get_single_node()
        lines: dict[Path_, int] = {}
        if node is None:
            return Document(file, None, lines, first_line)
        lines[()] = node.start_mark.line + first_line
        _record(node, (), lines, file, first_line)
        data = loader.construct_document(node)
    except yaml.YAMLError as error:
        raise _yaml_error(error, file, first_line, text) from None
    except (ValueError, TypeError, OverflowError) as error:  # a scalar its constructor rejects
        raise AuthorError(file, f"felaktig YAML: {error}") from None
    finally:
        loader.dispose()
    return Document(file, data, lines, first_line)


def load_yaml(path: Path, file: str) -> Document:
    return parse_yaml(read_text(path, file), file)


FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


@dataclass
class Page:
    """A Markdown page: its front matter and its body (the text MkDocs turns into HTML)."""

    file: str
    meta: Document
    body: str
    body_line: int  # the file's line where body starts


def split_page(text: str, file: str) -> Page:
    """A page's front matter (between a first line '---' and the next '---' or '...') and body.
    Its YAML is read as strictly as any YAML file, with line numbers of the page."""
    if not re.match(r"---[ \t]*\n", text):
        return Page(file, Document(file, {}, {}, 1), text, 1)
    end = FRONT_MATTER_END.search(text, text.index("\n") + 1)
    if end is None:
        raise AuthorError(file, "front matter börjar med '---' men avslutas aldrig med en rad '---'", 1)
    meta_text = text[text.index("\n") + 1:end.start()]
    meta = parse_yaml(meta_text, file, first_line=2)
    if meta.data is None:
        meta.data = {}
    if not isinstance(meta.data, dict):
        raise AuthorError(file, "front matter ska vara fält som 'title: …', ett per rad", 2)
    after = end.end() + 1 if end.end() < len(text) else end.end()
    return Page(file, meta, text[after:], text[:after].count("\n") + 1)


def read_page(path: Path, file: str) -> Page:
    return split_page(read_text(path, file), file)
