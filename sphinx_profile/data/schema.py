"""JSON Schemas and field tables, both made from the models so they cannot drift.

:func:`file_schema` gives the JSON Schema of one data file (``profile.yaml`` is
one object, the others are lists of their record), for editors through the
YAML language server. :func:`field_rows` gives the rows of the guide's field
tables. Aliases appear in both, with the tools they come from.
"""

from __future__ import annotations

import copy
import re
import typing
from dataclasses import dataclass
from typing import Any, Literal

from pydantic.fields import FieldInfo

from .fields import Kind
from .formats.keyed import KEYED_KINDS
from .models import RECORD_MODELS, Aliases, Model
from .validate import SINGLE_RECORD_KINDS

DIALECT = "https://json-schema.org/draft/2020-12/schema"

_LITERAL_CODE = re.compile(r"``([^`]+)``")


def schema_filename(kind: str) -> str:
    """``publications`` -> ``publications.schema.json``."""
    return f"{kind}.schema.json"


def file_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of a data file of ``kind`` (a key of ``RECORD_MODELS``)."""
    model = RECORD_MODELS[kind]
    generated = model.model_json_schema(ref_template="#/$defs/{model}")
    definitions: dict[str, Any] = generated.pop("$defs", {})
    definitions[model.__name__] = generated
    models = {cls.__name__: cls for cls in _all_models()}
    for name, definition in definitions.items():
        if name in models:
            _complete(definition, models[name])
    reference = {"$ref": f"#/$defs/{model.__name__}"}
    many = kind not in SINGLE_RECORD_KINDS
    schema: dict[str, Any] = {
        "$schema": DIALECT,
        "$id": schema_filename(kind),
        "title": f"{kind}.yaml (sphinx-profile)",
        "description": plain(model.__doc__ or ""),
    }
    if many and kind in KEYED_KINDS:
        # Also a mapping keyed by name (see formats.keyed): its values are checked when read.
        schema.update(
            {
                "type": ["array", "object", "null"],
                "items": reference,
                "additionalProperties": {"type": ["object", "array", "integer"]},
            }
        )
    elif many:
        schema.update({"type": ["array", "null"], "items": reference})
    else:
        schema.update({"anyOf": [reference, {"type": "null"}]})
    schema["$defs"] = dict(sorted(definitions.items()))
    return schema


def all_schemas() -> dict[str, dict[str, Any]]:
    """File name -> JSON Schema, for every kind of data file."""
    return {schema_filename(kind): file_schema(kind) for kind in RECORD_MODELS}


def plain(text: str) -> str:
    """reST ````code```` as Markdown-ish ```code```, for editor tooltips."""
    return _LITERAL_CODE.sub(r"`\1`", " ".join(text.split()))


def _all_models() -> list[type[Model]]:
    found: list[type[Model]] = []
    pending: list[type[Model]] = [Model]
    while pending:
        current = pending.pop()
        found.append(current)
        pending.extend(current.__subclasses__())
    return found


def _complete(definition: dict[str, Any], model: type[Model]) -> None:
    """Plain descriptions, no generated titles, and a property for every alias.

    A required field that has aliases is required in any of its spellings.
    """
    properties: dict[str, Any] = definition.get("properties", {})
    required: list[str] = definition.get("required", [])
    if model.__doc__:
        definition["description"] = plain(model.__doc__)
    for name, schema in list(properties.items()):
        schema.pop("title", None)
        if "description" in schema:
            schema["description"] = plain(schema["description"])
        for alias, tools in _sources(model.model_fields[name]).items():
            alternative = copy.deepcopy(schema)
            origin = f" ({', '.join(tools)})" if tools else ""
            alternative["description"] = f"Another name of `{name}`{origin}."
            properties[alias] = alternative
        aliases = model.aliases_of(name)
        if name in required and aliases:
            required.remove(name)
            spellings = [{"required": [key]} for key in (name, *aliases)]
            definition.setdefault("allOf", []).append({"anyOf": spellings})
    if not required:
        definition.pop("required", None)


def _sources(info: FieldInfo) -> dict[str, tuple[str, ...]]:
    alias = info.validation_alias
    return dict(alias.sources) if isinstance(alias, Aliases) else {}


# -- the guide's field tables ------------------------------------------------------------


@dataclass(frozen=True)
class FieldRow:
    """One row of a field table in the guide."""

    key: str
    aliases: tuple[tuple[str, tuple[str, ...]], ...]
    """``(alias, tools)`` pairs."""
    type: str
    required: bool
    description: str


def field_rows(model: type[Model]) -> list[FieldRow]:
    """The documented fields of ``model``, in the order of the model."""
    return [
        FieldRow(
            key=name,
            aliases=tuple(_sources(info).items()),
            type=type_label(info),
            required=info.is_required(),
            description=info.description or "",
        )
        for name, info in model.model_fields.items()
    ]


def type_label(info: FieldInfo) -> str:
    """A field's type as the guide names it: ``text``, ``URL``, ``list of text``, ``one of: …``."""
    kind = _last_kind(info.metadata) or _kind_of(info.annotation)
    return kind or _python_type_label(info.annotation)


def _last_kind(metadata: typing.Iterable[Any]) -> str | None:
    kinds = [item.label for item in metadata if isinstance(item, Kind)]
    return kinds[-1] if kinds else None


def _kind_of(annotation: Any) -> str | None:
    if hasattr(annotation, "__metadata__"):
        return _last_kind(annotation.__metadata__)
    arguments = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
    if typing.get_origin(annotation) in (typing.Union, _UnionType) and len(arguments) == 1:
        return _kind_of(arguments[0])
    return None


def _python_type_label(annotation: Any) -> str:
    arguments = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, _UnionType) and len(arguments) == 1:
        return type_label(FieldInfo.from_annotation(arguments[0]))
    if origin is Literal:
        return "one of: " + ", ".join(str(argument) for argument in arguments)
    if annotation is bool:
        return "true or false"
    if annotation is int:
        return "whole number"
    if isinstance(annotation, type) and issubclass(annotation, Model):
        return annotation.__name__.lower()
    return "text"


_UnionType = type(int | None)
