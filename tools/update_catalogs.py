"""Keep the extension's message catalogs in step with its code.

Every word sphinx-profile writes itself goes through ``_()`` (``sphinx_profile/locale.py``).
This script extracts those words into ``sphinx_profile/locales/sphinx_profile.pot``,
merges them into each ``<lang>/LC_MESSAGES/sphinx_profile.po`` and compiles the
``.mo`` files that Sphinx loads::

    python tools/update_catalogs.py            # extract, update, compile
    python tools/update_catalogs.py --add de   # also start a catalog for German
    python tools/update_catalogs.py --check    # exit 1 if a catalog is stale or incomplete

After an update, translate the new or changed entries (``msgstr ""`` and entries
marked ``#, fuzzy``) in each ``.po`` file and run the script once more to compile.
It uses Babel, which Sphinx already depends on; the same steps with Babel's
command line are ``pybabel extract``, ``pybabel update`` and ``pybabel compile``.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "sphinx_profile"
LOCALES = PACKAGE / "locales"
DOMAIN = "sphinx_profile"
TEMPLATE = LOCALES / f"{DOMAIN}.pot"
COMMENT_TAG = "TRANSLATORS:"
PROJECT = "sphinx-profile"
BUGS_ADDRESS = "https://sphinx-profile.readthedocs.io"
HEADER = (
    "# {what} of the words sphinx-profile writes itself.\n"
    "# This file is distributed under the same license as the sphinx-profile project.\n#"
)
# Lines that change on every run; a file that differs only there is left alone.
_DATE_HEADERS = (b'"POT-Creation-Date:', b'"PO-Revision-Date:')


def extract() -> Catalog:
    """The template: every ``_("...")`` in the package, with the files that use it."""
    template = Catalog(
        domain=DOMAIN,
        header_comment=HEADER.format(what="Message template"),
        project=PROJECT,
        version=version(),
        msgid_bugs_address=BUGS_ADDRESS,
        charset="utf-8",
        fuzzy=False,
    )
    for filename, lineno, message, comments, context in extract_from_dir(
        PACKAGE,
        keywords={"_": None},
        comment_tags=(COMMENT_TAG,),
        strip_comment_tags=True,
    ):
        path = f"sphinx_profile/{Path(filename).as_posix()}"
        template.add(message, locations=[(path, lineno)], auto_comments=comments, context=context)
    return template


def version() -> str:
    match = re.search(r'__version__ = "([^"]+)"', (PACKAGE / "__init__.py").read_text("utf-8"))
    return match.group(1) if match else "0"


def languages() -> list[str]:
    return sorted(path.parent.parent.name for path in LOCALES.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def po_path(language: str) -> Path:
    return LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=language, domain=DOMAIN)


def po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, sort_output=True, ignore_obsolete=True, include_lineno=False)
    return buffer.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def _without_dates(data: bytes) -> list[bytes]:
    return [line for line in data.splitlines() if not line.startswith(_DATE_HEADERS)]


def write_if_changed(path: Path, data: bytes) -> bool:
    if path.exists() and _without_dates(path.read_bytes()) == _without_dates(data):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def merged(template: Catalog, language: str) -> Catalog:
    """The language's catalog with the template's entries: new ones empty, gone ones dropped."""
    path = po_path(language)
    if path.exists():
        catalog = read_catalog(path, language)
    else:
        catalog = Catalog(
            locale=language,
            domain=DOMAIN,
            header_comment=HEADER.format(what=f"Translations ({language})"),
            fuzzy=False,
        )
    catalog.update(template, no_fuzzy_matching=True, update_creation_date=False)
    catalog.project, catalog.version = PROJECT, template.version
    catalog.msgid_bugs_address = BUGS_ADDRESS
    return catalog


def update(new_languages: list[str]) -> None:
    template = extract()
    if write_if_changed(TEMPLATE, po_bytes(template)):
        print(f"wrote {TEMPLATE.relative_to(ROOT)}")
    for language in sorted({*languages(), *new_languages}):
        catalog = merged(template, language)
        path = po_path(language)
        if write_if_changed(path, po_bytes(catalog)):
            print(f"wrote {path.relative_to(ROOT)}")
        # Compile what the file on disk says, so that a hand edit is what ships.
        compiled = read_catalog(path, language)
        if write_if_changed(path.with_suffix(".mo"), mo_bytes(compiled)):
            print(f"wrote {path.with_suffix('.mo').relative_to(ROOT)}")
        for message in untranslated(compiled):
            print(f"{path.relative_to(ROOT)}: to translate: {message}")


def untranslated(catalog: Catalog) -> Iterator[str]:
    for message in catalog:
        if message.id and (not message.string or message.fuzzy):
            yield str(message.id)


def hidden_calls() -> Iterator[str]:
    """``f"{_('word')}"``: Babel does not look inside f-strings before Python 3.12."""
    for path in sorted(PACKAGE.rglob("*.py")):
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if "{_(" in line:
                name = path.relative_to(ROOT).as_posix()
                yield f"{name}:{lineno}: move _() out of the f-string, or it is not extracted"


def problems() -> list[str]:
    """Everything that makes the shipped catalogs differ from the code, one line each."""
    found: list[str] = list(hidden_calls())
    template = extract()
    wanted = {message.id for message in template if message.id}
    if not TEMPLATE.exists():
        return [*found, f"{TEMPLATE.relative_to(ROOT)} is missing"]
    shipped = {message.id for message in read_catalog(TEMPLATE) if message.id}
    for message_id in sorted(map(str, wanted - shipped)):
        found.append(f"{TEMPLATE.relative_to(ROOT)}: missing {message_id!r}")
    for message_id in sorted(map(str, shipped - wanted)):
        found.append(f"{TEMPLATE.relative_to(ROOT)}: no longer used {message_id!r}")
    for language in languages():
        path = po_path(language)
        name = path.relative_to(ROOT)
        catalog = read_catalog(path, language)
        ids = {message.id for message in catalog if message.id}
        for message_id in sorted(map(str, wanted - ids)):
            found.append(f"{name}: missing {message_id!r}")
        for message_id in untranslated(catalog):
            found.append(f"{name}: untranslated {message_id!r}")
        for message, errors in catalog.check():
            found.extend(f"{name}: {message.id!r}: {error}" for error in errors)
        mo = path.with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != mo_bytes(catalog):
            found.append(f"{mo.relative_to(ROOT)} is not compiled from {path.name}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="report problems, change nothing")
    parser.add_argument(
        "--add", action="append", default=[], metavar="LANG", help="start a catalog (e.g. de)"
    )
    args = parser.parse_args(argv)
    if args.check:
        found = problems()
        for line in found:
            print(line)
        if found:
            print("run: python tools/update_catalogs.py, then translate and run it again")
        return 1 if found else 0
    update(args.add)
    return 0


if __name__ == "__main__":
    sys.exit(main())
