"""Property-based tests: random documents, strings, links and directive options.

The data layer is fed thousands of cases and must never raise; every problem
it finds must have a line. Full Sphinx builds (fewer cases, each is a build)
must never raise, must give every warning a file and a line, must let no
``<`` from the data into the HTML unescaped and no unsafe URL into an ``href``.

Runs are reproducible: ``derandomize=True`` and no example database, so CI sees
the same cases every time. Run ``pytest tests/test_fuzz.py
--hypothesis-show-statistics`` to see the number of cases and their time.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp
from support import build_site, warnings_of

from sphinx_profile.data.bibtex import parse_bibtex
from sphinx_profile.data.fields import normalize_url
from sphinx_profile.data.formats import translate
from sphinx_profile.data.issues import Subtype
from sphinx_profile.data.limits import Limits, markdown_depth
from sphinx_profile.data.loader import DataFileError, YamlDocument, parse_yaml
from sphinx_profile.data.models import RECORD_MODELS, Model
from sphinx_profile.data.schema import type_label
from sphinx_profile.data.validate import validate_document
from sphinx_profile.directives import cv, cv_sections, entries, people, profile, publications
from sphinx_profile.render.inline import inline_markdown
from sphinx_profile.render.markup import text_of


def fuzz(examples: int) -> settings:
    return settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


KINDS = list(RECORD_MODELS)
DIRECTIVES = {
    **profile.DIRECTIVES,
    **publications.DIRECTIVES,
    **entries.DIRECTIVES,
    **people.DIRECTIVES,
    **cv_sections.DIRECTIVES,
    **cv.DIRECTIVES,
}

# -- an oracle for links, independent of the code under test ------------------------------

_C0_OR_SPACE = "".join(chr(code) for code in range(0x21))
_BROWSER_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")


def browser_scheme(url: str) -> str:
    """The scheme a browser finds in an ``href`` (WHATWG URL parsing), lower case."""
    url = re.sub(r"[\t\n\r]", "", url.strip(_C0_OR_SPACE))
    match = _BROWSER_SCHEME.match(url)
    return match.group(1).lower() if match else ""


def is_safe_href(url: str) -> bool:
    return browser_scheme(url) in {"", "http", "https", "mailto"}


# -- strategies --------------------------------------------------------------------------

HOSTILE = [
    "<xss>",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\\input{/etc/passwd}",
    "%",
    "{",
    "}",
    "&",
    "&amp;",
    "$x$",
    "**bold**",
    "[a](javascript:alert(1))",
    "[b](https://example.org/)",
    "`code`",
    "\\",
    "\u202e",
    "\x00",
    "\ud800",
]
UNSAFE_SCHEMES = [
    "javascript:",
    "JaVaScRiPt:",
    "java\tscript:",
    " javascript:",
    "\x01javascript:",
    "java\nscript:",
    "&#106;avascript:",
    "&#x6A;avascript:",
    "data:",
    "vbscript:",
    "file:",
    "jar:",
    "x-evil:",
]
SAFE_PREFIXES = ["https://", "http://", "mailto:", "doi:", "arXiv:", "", "/", "./", "#", "//"]

words = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"),
    max_size=12,
)
hostile_text = st.lists(st.one_of(st.sampled_from(HOSTILE), words), min_size=1, max_size=4).map(
    "".join
)
urls = st.tuples(
    st.sampled_from(UNSAFE_SCHEMES + SAFE_PREFIXES),
    st.sampled_from(["", "\t", " ", "&colon;", ":", "\x00", "%0a"]),
    st.text(max_size=15),
).map("".join)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(["2024", "2024-05", "2024-13", "present", "1.10", "yes", "no", "0o17"]),
    hostile_text,
    urls,
)
ALL_KEYS = sorted({key for model in RECORD_MODELS.values() for key in model.known_keys()})
keys = st.one_of(
    st.sampled_from([*ALL_KEYS, "label", "url", "name", "equal", "url_pdf"]),
    st.text(alphabet="abcdeilnrstuv_", max_size=8),
)


def nested(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(
        children, st.lists(children, max_size=3), st.dictionaries(keys, children, max_size=4)
    )


# Two levels below a record (with the record and the list of records, four): deep
# enough for links, authors and people; st.recursive is several times slower to draw.
values = nested(nested(scalars))
records = st.dictionaries(keys, values, max_size=10)
documents = st.one_of(st.lists(records, max_size=5), records, values)

YAML_TOKENS = [
    "- ", ": ", "\n", "  ", "[", "]", "{", "}", ",", "&a ", "*a", "!!python/object:os.system ",
    "!tag ", "<<: ", "? ", "|\n", ">-\n", "'", '"', "\\u00e9", "\\ud83d", "#", "---\n", "...\n",
    "id", "title", "url", "links", "javascript:x", "2024-05", "1.10", "no", "\t", "%YAML 1.2\n",
]  # fmt: skip
yaml_like = st.lists(st.sampled_from(YAML_TOKENS) | words, max_size=40).map("".join)


_DUMPER: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dump(document: Any) -> str:
    try:
        return yaml.dump(document, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)
    except UnicodeEncodeError:  # libyaml cannot write half characters; they become \ud800
        return yaml.dump(document, Dumper=yaml.SafeDumper, sort_keys=False)


# -- checks ------------------------------------------------------------------------------


def url_values(record: Model) -> Iterator[str]:
    """Every value of a URL field in ``record`` and the records nested in it."""
    for name, info in type(record).model_fields.items():
        value = getattr(record, name)
        if type_label(info) == "URL" and isinstance(value, str):
            yield value
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, Model):
                yield from url_values(item)


def check_document(document: YamlDocument, kind: str, limits: Limits | None = None) -> None:
    result = validate_document(document, kind, limits or Limits())
    for issue in result.issues:
        assert issue.line >= 1, issue
        assert issue.message
    for record in result.records:
        assert isinstance(record, RECORD_MODELS[kind])
        for url in url_values(record):
            assert is_safe_href(url), url


def check_text(text: str, kinds: list[str] = KINDS) -> None:
    try:
        document = parse_yaml(text)
    except DataFileError as err:
        assert err.position is not None and err.position[0] >= 1, err.message
        return
    for kind in kinds:
        check_document(document, kind)


# -- the data layer: thousands of cases --------------------------------------------------


@fuzz(1500)
@given(yaml_like)
def test_yaml_like_text_never_raises(text: str):
    check_text(text)


@fuzz(500)
@given(st.text())
def test_any_text_never_raises(text: str):
    check_text(text)


@fuzz(1500)
@given(documents, st.sampled_from(KINDS))
def test_any_yaml_document_validates_without_raising(document: Any, kind: str):
    check_text(dump(document), [kind])


@fuzz(1500)
@given(st.data())
def test_random_strings_in_every_field(data: st.DataObject):
    kind = data.draw(st.sampled_from(KINDS), label="kind")
    model = RECORD_MODELS[kind]
    record: dict[str, Any] = {
        name: "2024" if "date" in type_label(info) else "x"
        for name, info in model.model_fields.items()
        if info.is_required()
    }
    field = data.draw(st.sampled_from(list(model.known_keys())), label="field")
    record[field] = data.draw(st.one_of(hostile_text, urls, st.text()), label="value")
    content = record if kind == "profile" else [record]
    check_text(dump(content), [kind])


@fuzz(3000)
@given(urls)
def test_normalize_url_never_lets_a_browser_run_a_scheme(url: str):
    try:
        normalized = normalize_url(url)
    except ValueError:
        return
    assert is_safe_href(normalized), (url, normalized)


@fuzz(800)
@given(
    st.sampled_from(["basics", "work", "education", "publications", "projects", "cv"]),
    values,
    st.dictionaries(st.sampled_from(["sections", "social_networks", "name", "basics"]), values),
)
def test_other_tools_files_never_raise(section: str, content: Any, extra: dict[str, Any]):
    data = {section: content, "work": [], **extra}
    if section == "cv":
        data = {"cv": {**extra, "sections": content if isinstance(content, dict) else {}}}
    try:
        document = parse_yaml(dump(data))
    except DataFileError:
        return
    for kind in KINDS:
        try:
            translated = translate(document, kind, "other.yaml")
        except DataFileError as err:
            assert kind not in ("profile", "experience", "education", "publications", "projects")
            assert err.message
            continue
        check_document(translated, kind)


# -- full builds: fewer cases, each one a Sphinx build -----------------------------------

CANDIDATE_VALUES = [
    None,
    "0",
    "2",
    "-1",
    "many",
    *("full", "compact", "cards", "none", "topic", "year", "type", "venue", "position", "group"),
    *("date", "date-asc", "title", "file", "ordered", "bullet", "numbered", "x"),
    *("journal, preprint", "conference", "blog", "2020-2024", "2024", "-2020", "2024-2020"),
    *("Systems, Video", "Ada Lovelace", "my-class other", "<xss>", "a, , b"),
    *("publications.yaml", "news.yaml", "missing.yaml", "../outside.yaml", ".", "x.bib"),
]
"""Values tried on every option; those its converter accepts are drawn most often."""

option_text = st.text(
    alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), max_size=20
).filter(lambda text: "WARNING" not in text and "ERROR" not in text)


def _accepts(converter: Any, value: str | None) -> bool:
    try:
        converter(value)
    except Exception:
        return False
    return True


def option_values(converter: Any) -> st.SearchStrategy[str | None]:
    valid = [value for value in CANDIDATE_VALUES if _accepts(converter, value)]
    # Mostly values the option accepts, so that the directive runs on the data;
    # sometimes anything, to check that option errors are reported, not raised.
    return st.one_of(*[st.sampled_from(valid)] * 6 * bool(valid), option_text)


@st.composite
def directive_calls(draw: st.DrawFn) -> list[tuple[str, dict[str, str | None]]]:
    calls = []
    for name in draw(st.lists(st.sampled_from(sorted(DIRECTIVES)), min_size=1, max_size=4)):
        spec = DIRECTIVES[name].option_spec or {}
        chosen = (
            draw(st.lists(st.sampled_from(sorted(spec)), max_size=4, unique=True)) if spec else []
        )
        options = {option: draw(option_values(spec[option])) for option in chosen}
        if "source" in options and draw(st.integers(0, 4)):
            options["source"] = f"{DIRECTIVES[name].file_kind}.yaml"  # its own file, by name
        calls.append((name, options))
    return calls


def rst_page(calls: list[tuple[str, dict[str, str | None]]], text: str) -> str:
    body = []
    for name, options in calls:
        lines = [f".. {name}::"]
        lines += [f"   :{key}:" + (f" {value}" if value else "") for key, value in options.items()]
        body.append("\n".join(lines))
    return "Fuzz\n====\n\n.. toctree::\n\n   page\n\n" + "\n\n".join(body) + f"\n\n{text}\n"


def md_page(calls: list[tuple[str, dict[str, str | None]]]) -> str:
    body = []
    for name, options in calls:
        lines = [f"```{{{name}}}"]
        lines += [f":{key}:" + (f" {value}" if value else "") for key, value in options.items()]
        body.append("\n".join([*lines, "```"]))
    return "# Fuzz in Markdown\n\n" + "\n\n".join(body) + "\n"


# Valid by construction (wrong dates are the business of the garbage records below),
# so that most records are shown and their text and links reach the page.
dates = st.sampled_from(["2024-05", "2023", "2021-02-03"])
BY_NAME: dict[str, st.SearchStrategy[Any]] = {
    "start": st.sampled_from(["2019", "2020-01"]),
    "end": st.sampled_from(["2021-02", "present"]),
    "year": st.none(),  # a year that disagrees with the date is a problem, not a test
}
names = st.one_of(hostile_text, st.sampled_from(["Ada Lovelace*", "Grace Hopper†", "X. Zhao"]))
link_lists = st.one_of(
    st.dictionaries(hostile_text, urls, max_size=3),
    st.lists(st.fixed_dictionaries({"label": hostile_text, "url": urls}), max_size=3),
)
people = st.lists(
    st.one_of(names, st.fixed_dictionaries({"name": names}, optional={"url": urls})), max_size=3
)
BY_TYPE: dict[str, st.SearchStrategy[Any]] = {
    "URL": urls,
    "date": dates,
    "links": link_lists,
    "people": people,
    "list of authors": people,
    "true or false": st.booleans(),
    "whole number": st.integers(min_value=1990, max_value=2030),
    "list of text": st.lists(hostile_text, max_size=3),
    "list of Markdown text": st.lists(hostile_text, max_size=3),
}


def field_values(name: str, info: Any) -> st.SearchStrategy[Any]:
    """Values of the field's type, full of hostile text and links."""
    if name in BY_NAME:
        return BY_NAME[name]
    label = type_label(info)
    if label.startswith("one of: "):
        typed: st.SearchStrategy[Any] = st.sampled_from(label.removeprefix("one of: ").split(", "))
    else:
        typed = BY_TYPE.get(label, hostile_text)
    return typed


def record_for(kind: str) -> st.SearchStrategy[dict[str, Any]]:
    """Records with hostile text and links in every field they may have."""
    model = RECORD_MODELS[kind]
    required = {
        name: field_values(name, info)
        for name, info in model.model_fields.items()
        if info.is_required()
    }
    optional = {
        name: field_values(name, info)
        for name, info in model.model_fields.items()
        if not info.is_required()
    }
    typed = st.fixed_dictionaries(required, optional=optional)
    # Mostly records of the right shape, so that they are shown; sometimes anything.
    return st.one_of(typed, typed, typed, records)


site_data = st.fixed_dictionaries(
    {
        "profile": record_for("profile"),
        **{
            kind: st.lists(record_for(kind), min_size=1, max_size=3)
            for kind in KINDS
            if kind != "profile"
        },
    }
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    srcdir = tmp_path_factory.mktemp("fuzz-site")
    (srcdir / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_profile"]\n'
        'source_suffix = {".rst": "restructuredtext", ".md": "markdown"}\n'
        'exclude_patterns = ["_build", "data"]\n'
    )
    (srcdir / "data").mkdir()
    return srcdir


WARNING_LINE = re.compile(r"^(?P<where>.*?)\b(WARNING|ERROR|CRITICAL|SEVERE): ", re.MULTILINE)


def build_and_check(srcdir: Path, buildername: str = "html") -> SphinxTestApp:
    shutil.rmtree(srcdir / "_build", ignore_errors=True)
    app = build_site(srcdir, buildername, freshenv=True)  # never raises
    warnings = warnings_of(app)
    for match in WARNING_LINE.finditer(warnings):
        assert re.fullmatch(r"\S.*:\d+: ", match["where"]), f"warning without a line: {match[0]}"
    return app


def check_html(app: SphinxTestApp) -> None:
    for page in ("index.html", "page.html"):
        html = (app.outdir / page).read_text(encoding="utf-8")
        assert "<xss" not in html
        assert "<script>alert" not in html
        soup = BeautifulSoup(html, "html.parser")
        body = soup.find("div", class_="body")
        assert body is not None
        # Only what the extension writes: docutils itself makes a link of any URI it
        # recognises in the page's own prose (``javascript:`` among them), which is
        # the page author's text, not data.
        for element in body.select(".sp-block a, .sp-block img"):
            for attribute in ("href", "src"):
                if element.get(attribute) is not None:
                    assert is_safe_href(element[attribute]), element


def write_site(srcdir: Path, data: dict[str, Any], calls: Any, text: str) -> None:
    for kind, content in data.items():
        (srcdir / "data" / f"{kind}.yaml").write_text(dump(content), encoding="utf-8")
    (srcdir / "index.rst").write_text(rst_page(calls, text), encoding="utf-8")
    (srcdir / "page.md").write_text(md_page(calls), encoding="utf-8")


@fuzz(80)
@given(data=site_data, calls=directive_calls(), text=hostile_text)
def test_html_build_of_random_data_and_options(site: Path, data, calls, text: str):
    write_site(site, data, calls, text.replace("\x00", "").replace("\ud800", ""))
    check_html(build_and_check(site))


@fuzz(20)
@given(data=site_data, calls=directive_calls())
def test_latex_and_text_builds_of_random_data(site: Path, data, calls):
    write_site(site, data, calls, "")
    for buildername in ("latex", "text"):
        app = build_and_check(site, buildername)
        assert app.statuscode == 0


# -- bounds: nested Markdown, long digit strings, aliases, macros -------------------------


def markup_depth(content: Any) -> int:
    """Levels of elements in rendered markup (``render.markup`` tuples)."""
    if isinstance(content, str):
        return 0
    if isinstance(content, list):
        return max((markup_depth(item) for item in content), default=0)
    return 1 + max((markup_depth(child) for child in content[1]), default=0)


@st.composite
def nested_markdown(draw: st.DrawFn) -> tuple[str, str]:
    """``(text, word)``: a word inside up to 300 levels of emphasis and links, then noise."""
    word = draw(st.text(alphabet="abcxyz", min_size=1, max_size=6))
    layers = draw(st.lists(st.sampled_from(["*", "**", "_", "__", "["]), max_size=300))
    text = word
    for layer in layers:
        text = f"[{text}](https://example.org/)" if layer == "[" else f"{layer}{text}{layer}"
    return text + draw(st.text(alphabet="*_[]()` ab", max_size=40)), word


@fuzz(300)
@given(nested_markdown(), st.integers(1, 40))
def test_nested_markdown_is_reported_and_flattened_at_the_bound(case: tuple[str, str], limit: int):
    text, word = case
    document = parse_yaml(dump([{"date": "2024-01-01", "text": text}]))
    result = validate_document(document, "news", Limits(markup_depth=limit))
    flagged = [issue for issue in result.issues if issue.subtype is Subtype.MARKUP]
    assert bool(flagged) == (markdown_depth(text) > limit)
    (record,) = result.records
    built = inline_markdown(record.text)
    assert markup_depth(built) <= limit + 1  # a code span may sit in the deepest level
    assert word in text_of(built)


@fuzz(200)
@given(st.integers(1, 6000), st.sampled_from(["title", "year", "venue", "id"]), st.booleans())
def test_long_digit_strings_stay_text(count: int, key: str, negative: bool):
    number = ("-" if negative else "") + "7" * count
    document = parse_yaml(f"- id: a\n  title: T\n  {key}: {number}\n")
    value = document.data[0][key]
    if count > Limits().digits:
        assert value == number
        assert [issue.subtype for issue in document.issues()][-1] is Subtype.DIGITS
    else:
        assert value == int(number)
    check_document(document, "publications")


@st.composite
def alias_heavy_yaml(draw: st.DrawFn) -> str:
    """Anchored texts and lists, and records that alias them again and again."""
    size = draw(st.integers(0, 3000))
    layers = draw(st.integers(0, 25))
    fan_out = draw(st.integers(1, 6))
    lines = [f"- id: t\n  title: &t {'x' * size}\n  tags: &l0 [*t]"]
    for layer in range(1, layers):
        aliases = ", ".join([f"*l{layer - 1}"] * fan_out)
        lines.append(f"- id: l{layer}\n  title: L\n  topics: &l{layer} [{aliases}]")
    for index in range(draw(st.integers(0, 200))):
        lines.append(f"- id: p{index}\n  title: *t\n  tags: *l{max(layers - 1, 0)}")
    return "\n".join(lines) + "\n"


def characters_in(value: Any) -> int:
    if isinstance(value, str):
        return len(value)
    if isinstance(value, dict):
        return sum(len(key) + characters_in(item) for key, item in value.items())
    if isinstance(value, list):
        return sum(characters_in(item) for item in value)
    return 0


@fuzz(200)
@given(alias_heavy_yaml(), st.integers(100, 100_000), st.integers(10, 20_000))
def test_alias_heavy_yaml_stays_within_its_bounds(text: str, characters: int, values: int):
    limits = Limits(characters=characters, values=values)
    try:
        document = parse_yaml(text, limits)
    except DataFileError as err:
        assert err.subtype in (Subtype.EXPANSION, Subtype.VALUES), err.message
        assert err.position is not None and err.position[0] >= 1
        return
    assert characters_in(document.data) <= characters
    check_document(document, "publications")


@st.composite
def macro_heavy_bibtex(draw: st.DrawFn) -> str:
    """``@string`` macros built from earlier ones, entries using them, some left open."""
    count = draw(st.integers(1, 45))
    lines = [f'@string{{m0 = "{draw(st.text(alphabet="ab {}", max_size=20))}"}}']
    for index in range(1, count):
        parts = draw(st.lists(st.integers(0, index - 1), min_size=1, max_size=4))
        lines.append(f"@string{{m{index} = {' # '.join(f'm{part}' for part in parts)}}}")
    for index, macro in enumerate(draw(st.lists(st.integers(0, count - 1), max_size=6))):
        closing = "}" if draw(st.booleans()) else ""
        lines.append(f"@misc{{e{index}, title = m{macro} # {{!}}, year = 2020{closing}")
    return "\n".join(lines) + "\n"


@fuzz(200)
@given(macro_heavy_bibtex())
def test_macro_heavy_bibtex_stays_within_its_bounds(text: str):
    limit = 20_000
    try:
        document = parse_bibtex(text, Limits(characters=limit))
    except DataFileError as err:
        assert err.subtype is Subtype.EXPANSION, err.message
        return
    assert characters_in([record.get("title", "") for record in document.data]) <= limit
    check_document(document, "publications")
