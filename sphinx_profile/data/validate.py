"""Turn a parsed YAML document into typed records and readable problems.

Every record is validated on its own, and all problems are collected, none
stops the others from being found. A problem costs only what it is about:

* an unknown key, or a value an optional field cannot use, is reported at its
  line and left out; the entry is kept without it;
* an item of a list (an author, a link, a tag) that is unusable is left out of
  its list, the entry is kept;
* only a required field (``id``, ``title``, an organisation's name …) that is
  missing or unusable leaves the entry out, and its message begins with
  ``entry left out:``;
* an unsafe link is reported (subtype ``url``) and dropped, and the rest of its
  record is kept.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from .fields import (
    DROP_UNSAFE_URLS,
    MARKUP_DEPTH,
    SHARED_VALUES,
    DeepMarkdown,
    Kind,
    UnsafeUrl,
    describe_value,
    normalize_url,
)
from .issues import DataIssue, Subtype
from .limits import DEFAULT_LIMITS, MARKDOWN_RULES, Limits
from .loader import DataPath, SpelledNumber, YamlDocument
from .models import RECORD_MODELS, Link, Model, Record

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

SINGLE_RECORD_KINDS = frozenset({"profile"})

_TYPE_NAMES = {
    "string_type": "text",
    "list_type": "a list",
    "dict_type": "a mapping of keys to values",
    "model_type": "a mapping of keys to values",
    "model_attributes_type": "a mapping of keys to values",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
}
_LENIENT = {DROP_UNSAFE_URLS: True}

Loc = tuple[int | str, ...]


LEFT_OUT = "entry left out: "
"""How the message of a problem that costs its whole entry begins."""

_MAX_PASSES = 4
"""Validations of one entry: the first finds every field problem; a record-wide check
(``year`` against ``date``) runs only once the fields are valid, so may need more."""


@dataclass
class ValidatedFile:
    kind: str
    records: list[Model] = field(default_factory=list)
    issues: list[DataIssue] = field(default_factory=list)
    left_out: dict[str, DataIssue] = field(default_factory=dict)
    """id -> the problem that left the entry of that id out (for ``:pub:`` references)."""
    owner: str | None = None
    """Whom the file is about, for a CV of another tool (see ``YamlDocument.owner``)."""


def validate_document(
    document: YamlDocument, kind: str, limits: Limits = DEFAULT_LIMITS
) -> ValidatedFile:
    """Validate ``document`` as a file of ``kind`` (a key of ``RECORD_MODELS``)."""
    model = RECORD_MODELS[kind]
    result = ValidatedFile(kind, owner=document.owner)
    result.issues.extend(document.issues())
    data = document.data
    if data is None:
        return result
    if kind in SINGLE_RECORD_KINDS:
        if not isinstance(data, dict):
            message = "expected a mapping of keys to values"
            result.issues.append(DataIssue(message, *document.position(())))
            return result
        items: list[tuple[DataPath, Any]] = [((), data)]
    else:
        if not isinstance(data, list):
            result.issues.append(DataIssue(_not_a_list(data, kind), *document.position(())))
            return result
        items = [((index,), item) for index, item in enumerate(data)]
    # Per file: equal authors of different entries become one object.
    context = {**_LENIENT, SHARED_VALUES: {}, MARKUP_DEPTH: limits.markup_depth}
    records = []
    for path, item in items:
        record = _validate_record(model, item, path, document, result.issues, context)
        records.append(record if isinstance(record, Record) else None)
        entry_id = _raw_id(item)
        if isinstance(record, DataIssue) and entry_id is not None:
            result.left_out.setdefault(entry_id, record)
    duplicates = (
        _duplicate_ids(items, document, result.issues) if "id" in model.model_fields else ()
    )
    result.records = [
        record
        for (path, _), record in zip(items, records, strict=True)
        if record is not None and path not in duplicates
    ]
    return result


def _not_a_list(data: Any, kind: str) -> str:
    message = "expected a list of entries (each starting with '- ')"
    if isinstance(data, dict) and len(data) == 1 and isinstance(next(iter(data.values())), list):
        message += f"; remove the line '{next(iter(data))}:' and the indentation below it"
    return message


def _validate_record(
    model: type[Record],
    item: Any,
    path: DataPath,
    document: YamlDocument,
    issues: list[DataIssue],
    context: dict[str, Any],
) -> Record | DataIssue:
    """The record of ``item``, or the problem that leaves it out; every problem goes to
    ``issues``."""
    if not isinstance(item, dict):
        issue = DataIssue(LEFT_OUT + _entry_is_not_mapping(item), *document.position(path))
        issues.append(issue)
        return issue
    found: list[DataIssue] = []
    removed: list[tuple[Any, ...]] = []  # input paths left out, in the file's own indices
    current: dict[Any, Any] = item
    record: Record | None = None
    fatal: DataIssue | None = None
    for _ in range(_MAX_PASSES):
        try:
            record = model.model_validate(current, context=context)
            break
        except ValidationError as err:
            fatal, removals = _problems(model, err, current, path, document, removed, found)
        # Stop when nothing more can go: a problem of a required field, or none left
        # that leaving something out would solve (then the entry is left out too).
        removals = [removal for removal in removals if removal not in removed]
        if fatal is not None or not removals:
            break
        removed.extend(removals)
        current = _without(item, removed)
    found = list(dict.fromkeys(found))  # a problem found again in a later pass is one problem
    if record is None:
        fatal = fatal or next(
            (issue for issue in found if issue.message.startswith(LEFT_OUT)), None
        )
        found.extend(_unsafe_link_issues(model, item, path, document))
        issues.extend(sorted(found, key=lambda issue: (issue.line, issue.column)))
        return fatal or DataIssue(LEFT_OUT + "it is not valid", *document.position(path))
    unsafe = False
    for loc, reason, subtype in _unsafe_links(record, ()):
        at = _original_path(_input_path(model, current, loc), removed)
        where = document.position((*path, *at))
        found.append(DataIssue(f"{_describe(at)}: {reason}", *where, subtype=subtype))
        unsafe = unsafe or subtype is Subtype.URL
    issues.extend(sorted(found, key=lambda issue: (issue.line, issue.column)))
    if unsafe:  # every refused URL is among them, so a clean record needs no copy
        record = _without_unsafe_links(record)
    record._line = document.position(path)[0]
    record._key_lines = {
        field: document.position((*path, key), key=True)[0]
        for key in item
        if (key,) not in removed
        for field in (str(key), *_fields_named(model, str(key)))
    }
    return record


def _problems(
    model: type[Record],
    err: ValidationError,
    current: dict[Any, Any],
    path: DataPath,
    document: YamlDocument,
    removed: list[tuple[Any, ...]],
    found: list[DataIssue],
) -> tuple[DataIssue | None, list[tuple[Any, ...]]]:
    """Report the errors of one validation in ``found``; return the problem that leaves
    the entry out (if any) and the input paths to leave out to try again."""
    errors = err.errors(include_url=False)
    # A misspelt required key is one mistake: "unknown key 'titel'; did you mean 'title'?"
    # says it all, so the "missing required key 'title'" it causes is not repeated; what
    # the missing key costs is added to the misspelling's message.
    misspellings: dict[tuple[Loc, str], int] = {}
    fatal: DataIssue | None = None
    removals: list[tuple[Any, ...]] = []
    for error in sorted(errors, key=lambda e: e["type"] != "extra_forbidden"):
        loc: Loc = tuple(error["loc"])
        issue = _issue_from_error(model, error, current, path, document, removed)
        index = len(found)
        suppressed = error["type"] == "missing" and (loc[:-1], loc[-1]) in misspellings
        if suppressed:
            index = misspellings[(loc[:-1], str(loc[-1]))]
            issue = found[index]
        elif error["type"] == "extra_forbidden":
            suggestion = _suggestion(model, loc)
            if suggestion is not None:
                misspellings[(loc[:-1], suggestion)] = index
        target, error_path = _removal(model, current, error)
        if target is None:
            issue = replace(issue, message=LEFT_OUT + issue.message)
            fatal = fatal or issue
        else:
            removals.append(_original_path(target, removed))
            if target != error_path:
                joint = " " if issue.message.endswith("?") else "; "
                left_out = f"{issue.message}{joint}{_describe(target)} is left out"
                issue = replace(issue, message=left_out)
        if suppressed:
            found[index] = issue
        else:
            found.append(issue)
    return fatal, removals


def _removal(
    model: type[Model], item: dict[Any, Any], error: ErrorDetails
) -> tuple[tuple[Any, ...] | None, tuple[Any, ...]]:
    """``(the input path to leave out, the path of the error)``; ``None`` to leave out
    the whole entry (a required field of the record is missing or unusable).

    The deepest part that may go goes: an optional key, or an item of a list; a
    required key of an author or a link costs that author or link.
    """
    loc: Loc = tuple(error["loc"])
    context = error.get("ctx") or {}
    if "field" in context:
        loc = (*loc, context["field"])
    input_path = _input_path(model, item, loc)
    owners: list[type[Model] | None] = [model]
    for part in input_path:
        owner = owners[-1]
        if isinstance(part, str) and owner is not None:
            info = owner.model_fields.get(_field_name(owner, part))
            owner = _innermost_model(info.annotation) if info is not None else None
        owners.append(owner)
    deepest = len(input_path) - (1 if error["type"] == "missing" else 0)
    for size in range(deepest, 0, -1):
        parent = _value_at(item, input_path[: size - 1])
        last = input_path[size - 1]
        if isinstance(parent, list) and isinstance(last, int):
            return input_path[:size], input_path
        if isinstance(parent, dict):
            owner = owners[size - 1]
            info = owner.model_fields.get(_field_name(owner, str(last))) if owner else None
            if info is None or not info.is_required():
                return input_path[:size], input_path
    return None, input_path


def _without(value: Any, paths: list[tuple[Any, ...]]) -> Any:
    """``value`` (the file's entry) without the parts at ``paths``; nothing is modified."""
    if not paths:
        return value
    if isinstance(value, dict):
        return {
            key: _without(child, [p[1:] for p in paths if p[0] == key and len(p) > 1])
            for key, child in value.items()
            if (key,) not in paths
        }
    if isinstance(value, list):
        return [
            _without(child, [p[1:] for p in paths if p[0] == index and len(p) > 1])
            for index, child in enumerate(value)
            if (index,) not in paths
        ]
    return value


def _original_path(path: tuple[Any, ...], removed: list[tuple[Any, ...]]) -> tuple[Any, ...]:
    """A path into the entry with ``removed`` parts left out, as a path into the file."""
    result: list[Any] = []
    for part in path:
        if isinstance(part, int):
            prefix = tuple(result)
            for gone in sorted(
                r[-1] for r in removed if r[:-1] == prefix and isinstance(r[-1], int)
            ):
                if gone <= part:
                    part += 1
        result.append(part)
    return tuple(result)


def _unsafe_link_issues(
    model: type[Model], item: dict[Any, Any], path: DataPath, document: YamlDocument
) -> list[DataIssue]:
    """The unsafe links of an entry left out (only reported by a strict pass): all of its
    problems are reported at once."""
    try:
        model.model_validate(item)
    except ValidationError as strict:
        return [
            _issue_from_error(model, e, item, path, document)
            for e in strict.errors(include_url=False)
            if e["type"] == "unsafe_url"
        ]
    return []


def _raw_id(item: Any) -> str | None:
    """The ``id`` an entry gives, valid or not (``None`` if it gives none usable)."""
    raw = item.get("id") if isinstance(item, dict) else None
    if isinstance(raw, bool) or not isinstance(raw, str | int | float):
        return None
    return (raw.text if isinstance(raw, SpelledNumber) else str(raw)).strip()


def _fields_named(model: type[Model], key: str) -> tuple[str, ...]:
    """The field names a file key stands for (``company`` -> ``organization``)."""
    return _fields_by_alias(model).get(key, ())


@cache
def _fields_by_alias(model: type[Model]) -> dict[str, tuple[str, ...]]:
    """Alias -> the fields it stands for: worked out once per model, used for every key."""
    fields: dict[str, list[str]] = {}
    for name in model.model_fields:
        for alias in model.aliases_of(name):
            fields.setdefault(alias, []).append(name)
    return {alias: tuple(names) for alias, names in fields.items()}


def _entry_is_not_mapping(item: Any) -> str:
    shown = item.text if isinstance(item, SpelledNumber) else item
    return f"expected an entry of 'key: value' lines, got {str(shown)[:40]!r}"


def _duplicate_ids(
    items: list[tuple[DataPath, Any]], document: YamlDocument, issues: list[DataIssue]
) -> set[DataPath]:
    """The entries whose ``id`` an earlier entry has, each reported at its ``id``.

    Checked on what the file says, valid or not, so that all is reported at once;
    the first entry of an id is kept, the later ones are left out.
    """
    first_line: dict[str, int] = {}
    duplicates: set[DataPath] = set()
    for path, item in items:
        entry_id = _raw_id(item)
        if entry_id is None:
            continue
        where = document.position((*path, "id"))
        if entry_id not in first_line:
            first_line[entry_id] = where[0]
            continue
        message = (
            f"{LEFT_OUT}duplicate id '{entry_id}' (first defined at line {first_line[entry_id]})"
        )
        issues.append(DataIssue(message, *where))
        duplicates.add(path)
    return duplicates


# -- messages ----------------------------------------------------------------------------


def _issue_from_error(
    model: type[Model],
    error: ErrorDetails,
    item: dict[str, Any],
    path: DataPath,
    document: YamlDocument,
    removed: list[tuple[Any, ...]] | None = None,
) -> DataIssue:
    """The problem ``error`` of ``item`` (the entry with the ``removed`` parts left out)."""
    loc: Loc = tuple(error["loc"])
    kind = error["type"]
    context = error.get("ctx") or {}
    if "field" in context:
        loc = (*loc, context["field"])
    input_loc = _original_path(_input_path(model, item, loc), removed or [])
    where = document.position((*path, *input_loc), key=kind == "extra_forbidden")
    key = _describe(input_loc)
    subtype = Subtype.DATA
    if kind == "extra_forbidden":
        message = _unknown_key(model, loc, item)
    elif kind == "missing":
        parent = _describe(input_loc[:-1])
        message = f"missing required key '{loc[-1]}'" + (f" in {parent}" if parent else "")
    elif kind in _TYPE_NAMES:
        got = describe_value(error.get("input"))
        message = f"{key}: expected {_TYPE_NAMES[kind]}, got {got}"
    elif kind == "literal_error":
        message = f"{key}: expected one of {context.get('expected', '')}, got {error['input']!r}"
    elif kind in ("greater_than_equal", "less_than_equal") and loc[-1] != "year":
        bound = context.get("ge", context.get("le"))
        word = "at least" if kind == "greater_than_equal" else "at most"
        message = f"{key}: expected a number {word} {bound}, got {describe_value(error['input'])}"
    elif kind in ("greater_than_equal", "less_than_equal"):
        message = f"{key}: expected a year of four digits, got {describe_value(error['input'])}"
    else:
        text = error["msg"].removeprefix("Value error, ")
        message = f"{key}: {text}" if key else text
        if kind == "unsafe_url":
            subtype = Subtype.URL
    return DataIssue(message, *where, subtype=subtype)


def _unknown_key(model: type[Model], loc: Loc, item: dict[str, Any]) -> str:
    owner = _model_at(model, loc[:-1])
    name = str(loc[-1])
    if owner is not None:
        for field_name in owner.model_fields:
            spellings = [field_name, *owner.aliases_of(field_name)]
            if name in spellings:
                parent = _value_at(item, _input_path(model, item, loc[:-1]))
                used = next((s for s in spellings if isinstance(parent, dict) and s in parent), "")
                return f"'{name}' and '{used}' are two names of the same key; keep one"
    message = f"unknown key '{name}'"
    if owner is None:
        return message
    suggestion = _suggestion(model, loc)
    if suggestion:
        return f"{message}; did you mean '{suggestion}'?"
    return f"{message} (known keys: {', '.join(owner.model_fields)})"


def _suggestion(model: type[Model], loc: Loc) -> str | None:
    """The known key nearest to the unknown key at ``loc``: a field name, else an alias."""
    owner = _model_at(model, loc[:-1])
    if owner is None:
        return None
    name = str(loc[-1])
    matches = difflib.get_close_matches(name, list(owner.model_fields), n=1, cutoff=0.6)
    matches = matches or difflib.get_close_matches(name, owner.known_keys(), n=1, cutoff=0.6)
    return matches[0] if matches else None


def _describe(loc: tuple[Any, ...]) -> str:
    """``('links', 2, 'url')`` -> ``links[2].url``: how the user would point at it."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


# -- from the model's locations to the file's keys ---------------------------------------


def _input_path(model: type[Model], item: Any, loc: Loc) -> tuple[Any, ...]:
    """Translate a model ``loc`` into the path of keys the file actually has.

    Field names become the alias the file used, an index into a mapping written
    as ``label: url`` becomes that label, and parts below a plain value are cut.
    """
    result: list[Any] = []
    current = item
    owner: type[Model] | None = model
    for part in loc:
        if isinstance(current, dict):
            if isinstance(part, int) and 0 <= part < len(current):
                part = list(current)[part]
            elif isinstance(part, str) and part not in current and _has_field(owner, part):
                spellings = owner.aliases_of(part)  # type: ignore[union-attr]
                part = next((key for key in spellings if key in current), part)
        elif not isinstance(current, list):
            break
        result.append(part)
        if isinstance(part, str) and owner is not None:
            info = owner.model_fields.get(_field_name(owner, part))
            owner = _innermost_model(info.annotation) if info is not None else None
        current = _child(current, part)
    return tuple(result)


def _has_field(owner: type[Model] | None, name: str) -> bool:
    return owner is not None and name in owner.model_fields


def _field_name(owner: type[Model], key: str) -> str:
    if key in owner.model_fields:
        return key
    return next((name for name in owner.model_fields if key in owner.aliases_of(name)), key)


def _child(value: Any, part: Any) -> Any:
    try:
        return value[part]
    except (KeyError, IndexError, TypeError):
        return None


def _value_at(value: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        value = _child(value, part)
    return value


def _model_at(model: type[Model], loc: Loc) -> type[Model] | None:
    """The (possibly nested) model that ``loc`` points into."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        info = getattr(current, "model_fields", {}).get(part)
        if info is None:
            return None
        current = _innermost_model(info.annotation)
    return current if isinstance(current, type) and issubclass(current, Model) else None


def _innermost_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, Model):
        return annotation
    for argument in getattr(annotation, "__args__", ()) or getattr(annotation, "__metadata__", ()):
        found = _innermost_model(argument)
        if found is not None:
            return found
    origin = getattr(annotation, "__origin__", None)
    return _innermost_model(origin) if origin is not None and origin is not annotation else None


# -- unsafe links ------------------------------------------------------------------------


def is_markdown(info: FieldInfo) -> bool:
    """Whether the field's text is shown as inline Markdown (so may hold links)."""
    return any("Markdown" in kind.label for kind in _kinds(info.annotation, info.metadata))


def _kinds(annotation: Any, metadata: list[Any]) -> Iterator[Kind]:
    yield from (item for item in metadata if isinstance(item, Kind))
    yield from (item for item in getattr(annotation, "__metadata__", ()) if isinstance(item, Kind))
    for argument in getattr(annotation, "__args__", ()):
        yield from _kinds(argument, [])


@cache
def _fields_and_markdown(model: type[Model]) -> tuple[tuple[str, bool], ...]:
    """The fields of ``model`` that can hold a link, and whether each is Markdown.

    Worked out once per model: URLs, Markdown text and records inside records.
    Plain text, numbers and dates are never looked at.
    """
    return tuple(
        (name, is_markdown(info))
        for name, info in model.model_fields.items()
        if is_markdown(info) or _holds_url(info) or _innermost_model(info.annotation) is not None
    )


def _holds_url(info: FieldInfo) -> bool:
    return any(kind.label == "URL" for kind in _kinds(info.annotation, info.metadata))


def _unsafe_links(record: Model, loc: Loc) -> Iterator[tuple[Loc, str, Subtype]]:
    """``(loc, reason, subtype)`` of every refused URL and unsafe Markdown link in ``record``,
    and of Markdown nested too deep."""
    for name, markdown in _fields_and_markdown(type(record)):
        yield from _unsafe_in(getattr(record, name), (*loc, name), markdown)


def _unsafe_in(value: Any, loc: Loc, markdown: bool) -> Iterator[tuple[Loc, str, Subtype]]:
    if isinstance(value, UnsafeUrl):
        yield loc, value.reason, Subtype.URL
    elif isinstance(value, Model):
        yield from _unsafe_links(value, loc)
    elif isinstance(value, list):
        for index, element in enumerate(value):
            yield from _unsafe_in(element, (*loc, index), markdown)
    elif markdown and isinstance(value, str):
        if isinstance(value, DeepMarkdown) and value.depth > value.max_depth:
            yield loc, _too_deep_markup(value), Subtype.MARKUP
        for href in _markdown_hrefs(value):
            try:
                normalize_url(href)
            except ValueError as err:
                yield loc, f"{err}; it is shown as plain text", Subtype.URL


def _too_deep_markup(value: DeepMarkdown) -> str:
    return (
        f"Markdown nested {value.depth} levels deep; markup deeper than {value.max_depth} "
        "levels is shown as text (profile_max_markup_depth)"
    )


def _markdown_hrefs(text: str) -> list[str]:
    if "](" not in text:
        return []
    tokens = _markdown().parseInline(text)
    children = tokens[0].children if tokens and tokens[0].children else []
    return [str(token.attrGet("href") or "") for token in children if token.type == "link_open"]


@cache
def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt  # only for fields that hold a Markdown link

    # The rules of the renderer (render/inline.py), so the same links are found.
    parser = MarkdownIt("zero").enable(list(MARKDOWN_RULES))
    # See every link, to report the unsafe ones.
    parser.validateLink = lambda url: True  # type: ignore[method-assign]
    return parser


def _without_unsafe_links(value: Any) -> Any:
    """``value`` with links whose URL was refused left out, and refused URLs unset."""
    if isinstance(value, UnsafeUrl):
        return None
    if isinstance(value, Model):
        update = {}
        for name in type(value).model_fields:
            current = getattr(value, name)
            cleaned = _without_unsafe_links(current)
            if cleaned is not current:
                update[name] = cleaned
        return value.model_copy(update=update) if update else value
    if isinstance(value, list):
        kept = [
            _without_unsafe_links(element)
            for element in value
            if not (isinstance(element, Link) and isinstance(element.url, UnsafeUrl))
        ]
        changed = len(kept) != len(value) or any(
            a is not b for a, b in zip(kept, value, strict=True)
        )
        return kept if changed else value
    return value
