"""Reference tables of the user guide, generated from the code at build time.

``.. profile-fields:: publications`` renders the fields of a data file (or of a
nested record: ``Link``, ``Author``, ``PersonRef``) from the pydantic models;
``.. profile-aliases::`` lists every alias with the tool it comes from;
``.. profile-subtypes::`` lists the warning subtypes with their docstrings.
The tables are docutils nodes, so they cannot drift from the code and they
render in every builder.
"""

from __future__ import annotations

import ast
import inspect
import itertools
from collections.abc import Sequence
from typing import Any, ClassVar

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from sphinx_profile.data import issues
from sphinx_profile.data.models import RECORD_MODELS, Model
from sphinx_profile.data.schema import field_rows


def _model(name: str) -> type[Model]:
    if name in RECORD_MODELS:
        return RECORD_MODELS[name]
    found = {cls.__name__: cls for cls in _subclasses(Model)}
    if name not in found:
        known = ", ".join(sorted([*RECORD_MODELS, *found]))
        raise ValueError(f"unknown data file kind or record {name!r}; known: {known}")
    return found[name]


def _subclasses(cls: type[Model]) -> list[type[Model]]:
    result: list[type[Model]] = []
    for sub in cls.__subclasses__():
        result.extend([sub, *_subclasses(sub)])
    return result


class _TableDirective(SphinxDirective):
    headers: ClassVar[tuple[str, ...]]
    widths: ClassVar[tuple[int, ...]]

    def table(self, rows: Sequence[Sequence[list[nodes.Node]]]) -> nodes.table:
        table = nodes.table(classes=["profile-reference", "longtable"])
        group = nodes.tgroup(cols=len(self.headers))
        table += group
        group.extend(nodes.colspec(colwidth=width) for width in self.widths)
        head = nodes.thead()
        head += self._row([[nodes.Text(header)] for header in self.headers])
        group += head
        body = nodes.tbody()
        body.extend(self._row(cells) for cells in rows)
        group += body
        return table

    @staticmethod
    def _row(cells: Sequence[list[nodes.Node]]) -> nodes.row:
        row = nodes.row()
        for content in cells:
            entry = nodes.entry()
            paragraph = nodes.paragraph()
            paragraph.extend(content)
            entry += paragraph
            row += entry
        return row

    def inline(self, text: str) -> list[nodes.Node]:
        """reST inline markup of a description (``code``), parsed here."""
        parsed, messages = self.state.inline_text(text, self.lineno)
        return [*parsed, *messages]


def _literal(text: str) -> nodes.literal:
    return nodes.literal(text, text)


def _joined(items: Sequence[list[nodes.Node]], separator: str = ", ") -> list[nodes.Node]:
    result: list[nodes.Node] = []
    for index, item in enumerate(items):
        if index:
            result.append(nodes.Text(separator))
        result.extend(item)
    return result


def _tools(tools: Sequence[str]) -> str:
    return f" ({', '.join(tools)})" if tools else ""


class ProfileFieldsDirective(_TableDirective):
    """``.. profile-fields:: KIND``: key, aliases, type, required, description."""

    required_arguments = 1
    headers = ("Key", "Aliases", "Type", "Required", "Description")
    widths = (20, 20, 14, 8, 38)

    def run(self) -> list[nodes.Node]:
        try:
            model = _model(self.arguments[0])
        except ValueError as err:
            raise self.error(str(err)) from None
        rows = []
        for row in field_rows(model):
            aliases = [[_literal(alias), nodes.Text(_tools(tools))] for alias, tools in row.aliases]
            rows.append(
                [
                    [_literal(row.key)],
                    _joined(aliases),
                    [nodes.Text(row.type)],
                    [nodes.Text("yes" if row.required else "")],
                    self.inline(row.description),
                ]
            )
        return [self.table(rows)]


class ProfileAliasesDirective(_TableDirective):
    """``.. profile-aliases::``: every alias, what it means, in which file, from which tool."""

    headers = ("Alias", "Means", "In", "From")
    widths = (20, 20, 25, 35)

    def run(self) -> list[nodes.Node]:
        rows = []
        for kind, model in RECORD_MODELS.items():
            for row in field_rows(model):
                for alias, tools in row.aliases:
                    rows.append(
                        [
                            [_literal(alias)],
                            [_literal(row.key)],
                            [_literal(f"{kind}.yaml")],
                            [nodes.Text(", ".join(tools))],
                        ]
                    )
        rows.sort(key=lambda cells: (cells[3][0].astext() == "", cells[0][0].astext().lower()))
        return [self.table(rows)]


class ProfileSubtypesDirective(_TableDirective):
    """``.. profile-subtypes::``: each warning subtype and when it is given."""

    headers = ("In suppress_warnings", "Given when")
    widths = (30, 70)

    def run(self) -> list[nodes.Node]:
        rows = [
            [[_literal(f"profile.{value}")], self.inline(doc)]
            for value, doc in subtype_docs().items()
        ]
        return [self.table(rows)]


def subtype_docs() -> dict[str, str]:
    """``Subtype`` value -> the docstring under its member (enum members keep none at runtime)."""
    tree = ast.parse(inspect.getsource(issues.Subtype))
    body = tree.body[0].body  # type: ignore[attr-defined]
    docs: dict[str, str] = {}
    for statement, following in itertools.pairwise(body):
        if (
            isinstance(statement, ast.Assign)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
        ):
            name = statement.targets[0].id  # type: ignore[attr-defined]
            docs[issues.Subtype[name].value] = " ".join(str(following.value.value).split())
    missing = [member.value for member in issues.Subtype if member.value not in docs]
    if missing:
        raise ValueError(f"warning subtypes without a docstring: {', '.join(missing)}")
    return docs


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("profile-fields", ProfileFieldsDirective)
    app.add_directive("profile-aliases", ProfileAliasesDirective)
    app.add_directive("profile-subtypes", ProfileSubtypesDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
