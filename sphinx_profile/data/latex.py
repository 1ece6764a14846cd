"""LaTeX in BibTeX fields -> readable Unicode text, through pylatexenc.

pylatexenc parses the LaTeX and converts accents, symbols, dashes and TeX
quotes. This module adds what a publication list needs on top of its defaults:

- inline math (``$16\\times 16$``, ``\\(x^2\\)``) becomes Unicode text, with
  superscripts and subscripts as Unicode ones where every character has one
  (``AC$^0$`` -> ``AC⁰``), else ``^`` and ``_`` before them (``ELECTRE^GKMS``);
- ``\\url{…}`` shows the address, ``\\href{url}{text}`` its text, or both become
  Markdown links for fields shown as Markdown (``note``);
- commands that only make an index, a label or a citation are dropped whole;
  an unknown command is dropped and its braced argument kept as text;
- a bare ``%`` is a percent sign, as BibTeX reads it, not a LaTeX comment.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

# Text that conversion would change: commands, braces, math, ties, dashes, TeX
# quotes, runs of white space. Anything else is already plain text.
_LATEX = re.compile(r"[\\{}$~%\n\r\t]|--|``|''|\s\s")
_BARE_PERCENT = re.compile(r"(?<!\\)%")
_URL_ESCAPES = re.compile(r"\\([%#&_~$])")
_SPACES = re.compile(r"\s+")

# Commands whose argument is not text a reader should see.
_DROPPED = ("index", "label", "nocite", "glossary", "hspace", "vspace", "ignorespaces")

# BibLaTeX's and csquotes' quoting commands.
_QUOTED = ("mkbibquote", "enquote", "textquote")
_LOGOS = ("TeX", "LaTeX", "LaTeXe", "BibTeX", "XeTeX", "LuaTeX")

_SUPERSCRIPTS = dict(
    zip(
        "0123456789+-=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVW",
        "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂ",
        strict=True,
    ),
    # Marks are raised by convention: shown as they are.
    **{mark: mark for mark in "*†‡\u2032\u2217"},  # prime, asterisk operator
)
_SUBSCRIPTS = dict(
    zip("0123456789+-=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ", strict=True)
)


# Names repeat across the entries of a file (co-authors, the owner): parse each once.
@lru_cache(maxsize=16384)
def latex_to_text(value: str, *, markdown_links: bool = False) -> str:
    """The text a reader should see for the LaTeX ``value``, on one line.

    With ``markdown_links``, ``\\url`` and ``\\href`` become ``[text](url)``.
    """
    if not _LATEX.search(value):  # most names and titles: nothing to convert
        return value.strip()
    source = _BARE_PERCENT.sub(r"\\%", value)
    try:
        nodes, _, _ = _walker_class()(source).get_latex_nodes()
        text = _converter(markdown_links).nodelist_to_text(nodes)
    except Exception:  # pylatexenc raises several types on broken LaTeX: keep the words
        text = re.sub(r"\\[A-Za-z]+|[{}$\\]", "", value)
    return _SPACES.sub(" ", text.replace("\xa0", " ")).strip()


def latex_urls(value: str) -> list[str]:
    """The addresses of the ``\\url{…}`` and ``\\href{…}{…}`` commands in ``value``."""
    if "\\url" not in value and "\\href" not in value:
        return []
    from pylatexenc.latexwalker import LatexMacroNode

    found: list[str] = []
    try:
        nodes, _, _ = _walker_class()(_BARE_PERCENT.sub(r"\\%", value)).get_latex_nodes()
    except Exception:
        return []
    stack = list(nodes)
    while stack:
        node = stack.pop(0)
        if node is None:
            continue
        if isinstance(node, LatexMacroNode) and node.macroname in ("url", "href"):
            url = _macro_url(node)
            if url:
                found.append(url)
        stack.extend(getattr(node, "nodelist", None) or [])
    return found


def _macro_url(node: Any) -> str:
    """The address argument of a ``\\url`` or ``\\href`` node, as written."""
    arguments = [arg for arg in (node.nodeargd.argnlist if node.nodeargd else []) if arg]
    if not arguments:
        return ""
    raw = arguments[0].latex_verbatim()
    if raw.startswith("{") and raw.endswith("}"):
        raw = raw[1:-1]
    return _URL_ESCAPES.sub(r"\1", raw).strip()


def _argument_text(converter: Any, node: Any, index: int) -> str:
    arguments = node.nodeargd.argnlist if node.nodeargd else []
    if index >= len(arguments) or arguments[index] is None:
        return ""
    return str(converter.nodelist_to_text([arguments[index]]))


@cache
def _walker_class() -> Any:
    from pylatexenc import macrospec
    from pylatexenc.latexwalker import LatexWalker, get_default_latex_context_db

    context = get_default_latex_context_db()
    context.add_context_category(
        "sphinx-profile",
        prepend=True,
        macros=[
            *(macrospec.MacroSpec(name, "{") for name in _DROPPED),
            macrospec.MacroSpec("url", "{"),
            macrospec.MacroSpec("href", "{{"),
            *(macrospec.MacroSpec(name, "{") for name in _QUOTED),
        ],
    )

    class Walker(LatexWalker):
        def __init__(self, text: str) -> None:
            super().__init__(text, latex_context=context, tolerant_parsing=True)

    return Walker


@cache
def _converter(markdown_links: bool) -> Any:
    from pylatexenc import latex2text
    from pylatexenc.latexwalker import LatexCharsNode, LatexGroupNode

    def url(node: Any, l2tobj: Any) -> str:
        address = _macro_url(node)
        return f"[{address}]({address})" if markdown_links and address else address

    def href(node: Any, l2tobj: Any) -> str:
        address, text = _macro_url(node), _argument_text(l2tobj, node, 1).strip()
        if markdown_links and address:
            return f"[{text or address}]({address})"
        return text or address

    context = latex2text.get_default_latex_context_db()
    context.add_context_category(
        "sphinx-profile",
        prepend=True,
        macros=[
            *(latex2text.MacroTextSpec(name, discard=True) for name in _DROPPED),
            latex2text.MacroTextSpec("url", simplify_repl=url),
            latex2text.MacroTextSpec("href", simplify_repl=href),
            *(latex2text.MacroTextSpec(name, name) for name in _LOGOS),
            *(latex2text.MacroTextSpec(name, "“%s”") for name in _QUOTED),
        ],
    )
    # A command pylatexenc has no text for (\mbox, \hbox, a user's macro) keeps its
    # arguments' text; pylatexenc's default drops them.
    context.set_unknown_macro_spec(latex2text.MacroTextSpec("", discard=False))

    class Converter(latex2text.LatexNodes2Text):
        def math_node_to_text(self, node: Any) -> str:
            return self._math(node.nodelist)

        def _math(self, nodelist: list[Any]) -> str:
            """Math as text; the argument after ``^`` or ``_`` becomes a script."""
            out: list[str] = []
            script: str | None = None
            for node in nodelist:
                if node is None:
                    continue
                if node.isNodeType(LatexCharsNode):
                    for char in node.chars:
                        if script and not char.isspace():
                            out.append(_script(char, script))
                            script = None
                        elif char in "^_":
                            script = char
                        elif not script:
                            out.append(char)
                    continue
                if node.isNodeType(LatexGroupNode):
                    text = self._math(node.nodelist)
                else:
                    text = self.node_to_text(node)
                    if getattr(node, "macro_post_space", "") and text[-1:].isalpha():
                        text += " "  # \log n: the space ends the command, yet shows
                if script:
                    out.append(_script(text.strip(), script))
                    script = None
                else:
                    out.append(text)
            return "".join(out)

    return Converter(
        latex_context=context, math_mode="text", strict_latex_spaces=True, keep_comments=False
    )


def _script(text: str, kind: str) -> str:
    """``text`` raised (``^``) or lowered (``_``): Unicode scripts if all exist, else marked."""
    table = _SUPERSCRIPTS if kind == "^" else _SUBSCRIPTS
    if text and all(char in table for char in text):
        return "".join(table[char] for char in text)
    if not text:
        return ""
    return kind + (text if len(text) == 1 or text.isalnum() else f"({text})")
