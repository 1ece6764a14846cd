"""Turn a parsed YAML document into typed records and readable problems.

Every record is validated on its own, so one bad entry costs only itself; all
problems are collected, none stops the others from being found.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from .issues import DataIssue, Subtype
from .loader import DataPath, SpelledNumber, YamlDocument
from .models import RECORD_MODELS, Model

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


@dataclass
class ValidatedFile:
    kind: str
    records: list[Model] = field(default_factory=list)
    issues: list[DataIssue] = field(default_factory=list)


def validate_document(document: YamlDocument, kind: str) -> ValidatedFile:
    """Validate ``document`` as a file of ``kind`` (a key of ``RECORD_MODELS``)."""
    model = RECORD_MODELS[kind]
    result = ValidatedFile(kind)
    result.issues.extend(DataIssue(message, *position) for message, position in document.warnings)
    data = document.data
    if data is None:
        return result
    if kind in SINGLE_RECORD_KINDS:
        if not isinstance(data, dict):
            result.issues.append(DataIssue("expected a mapping of keys to values", 1, 1))
            return result
        items: list[tuple[DataPath, Any]] = [((), data)]
    else:
        if not isinstance(data, list):
            result.issues.append(
                DataIssue("expected a list of entries (each starting with '- ')", 1, 1)
            )
            return result
        items = [((index,), item) for index, item in enumerate(data)]
    for path, item in items:
        record = _validate_record(model, item, path, document, result.issues)
        if record is not None:
            result.records.append(record)
    if "id" in model.model_fields:
        result.records = _drop_duplicate_ids(result.records, result.issues)
    return result


def _validate_record(
    model: type[Model], item: Any, path: DataPath, document: YamlDocument, issues: list[DataIssue]
) -> Model | None:
    if not isinstance(item, dict):
        issues.append(DataIssue(_entry_is_not_mapping(item), *document.position(path)))
        return None
    try:
        record = model.model_validate(item)
    except ValidationError as err:
        for error in err.errors(include_url=False):
            issues.append(_issue_from_error(model, error, item, path, document))
        return None
    record._line = document.position(path)[0]
    return record


def _entry_is_not_mapping(item: Any) -> str:
    shown = item.text if isinstance(item, SpelledNumber) else item
    return f"expected an entry of 'key: value' lines, got {str(shown)[:40]!r}"


def _drop_duplicate_ids(records: list[Model], issues: list[DataIssue]) -> list[Model]:
    first_line: dict[str, int] = {}
    kept: list[Model] = []
    for record in records:
        record_id = record.id  # type: ignore[attr-defined]
        if record_id in first_line:
            issues.append(
                DataIssue(
                    f"duplicate id '{record_id}' (first defined at line "
                    f"{first_line[record_id]}); this entry is skipped",
                    record.line,
                )
            )
            continue
        first_line[record_id] = record.line
        kept.append(record)
    return kept


def _issue_from_error(
    model: type[Model],
    error: ErrorDetails,
    item: dict[str, Any],
    path: DataPath,
    document: YamlDocument,
) -> DataIssue:
    loc = tuple(error["loc"])
    kind = error["type"]
    context = error.get("ctx") or {}
    if "field" in context:
        loc = (*loc, context["field"])
    input_loc = _input_path(item, loc)
    where = document.position((*path, *input_loc), key=kind == "extra_forbidden")
    key = _describe(input_loc)
    if kind == "extra_forbidden":
        known = _keys_expected_at(model, loc[:-1])
        message = f"unknown key '{loc[-1]}'"
        suggestion = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
        if suggestion:
            message += f"; did you mean '{suggestion[0]}'?"
        elif known:
            message += f" (known keys: {', '.join(known)})"
    elif kind == "missing":
        parent = _describe(input_loc[:-1])
        message = f"missing required key '{loc[-1]}'" + (f" in {parent}" if parent else "")
    elif kind in _TYPE_NAMES:
        got = _type_name(error.get("input"))
        message = f"{key}: expected {_TYPE_NAMES[kind]}, got {got}"
    elif kind == "literal_error":
        message = f"{key}: expected one of {context.get('expected', '')}, got {error['input']!r}"
    else:
        text = error["msg"].removeprefix("Value error, ")
        message = f"{key}: {text}" if key else text
    subtype = Subtype.URL if "unsafe link" in message else Subtype.DATA
    return DataIssue(message, *where, subtype=subtype)


def _describe(loc: tuple[Any, ...]) -> str:
    """``('links', 2, 'url')`` -> ``links[2].url``: how the user would point at it."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _input_path(item: Any, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """Translate a model ``loc`` into the path of keys the file actually has.

    Field names become the alias the file used, an index into a mapping written
    as ``label: url`` becomes that label, and parts below a plain value are cut.
    """
    result: list[Any] = []
    current = item
    for part in loc:
        if isinstance(current, dict):
            if isinstance(part, int) and 0 <= part < len(current):
                part = list(current)[part]
            elif isinstance(part, str) and part not in current:
                part = next((key for key in _aliases_of(part) if key in current), part)
        elif not isinstance(current, list):
            break
        result.append(part)
        try:
            current = current[part]
        except (KeyError, IndexError, TypeError):
            current = None
    return tuple(result)


def _aliases_of(field_name: str) -> Iterator[str]:
    for model in RECORD_MODELS.values():
        info = model.model_fields.get(field_name)
        if info is not None and info.validation_alias is not None:
            yield from (str(c) for c in getattr(info.validation_alias, "choices", ()))


def _keys_expected_at(model: type[Model], loc: tuple[Any, ...]) -> list[str]:
    """The known keys of the (possibly nested) model that ``loc`` points into."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        info = getattr(current, "model_fields", {}).get(part)
        if info is None:
            return []
        current = _innermost_model(info.annotation)
    return current.known_keys() if isinstance(current, type) and issubclass(current, Model) else []


def _innermost_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, Model):
        return annotation
    for argument in getattr(annotation, "__args__", ()) or getattr(annotation, "__metadata__", ()):
        found = _innermost_model(argument)
        if found is not None:
            return found
    origin = getattr(annotation, "__origin__", None)
    return _innermost_model(origin) if origin is not None and origin is not annotation else None


def _type_name(value: Any) -> str:
    if isinstance(value, SpelledNumber):
        return f"the number {value.text}"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return f"the text {value[:40]!r}"
    return f"{type(value).__name__} {value!r}"
