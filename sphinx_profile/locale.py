"""The extension's message catalog: every word it writes itself goes through ``_``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from sphinx.locale import _TranslationProxy

if TYPE_CHECKING:
    from sphinx.application import Sphinx

MESSAGE_CATALOG = "sphinx_profile"
LOCALE_DIR = Path(__file__).parent / "locales"


def _(message: str) -> str:
    """``message`` in the language of the build, looked up when the text is used.

    Always lazy, unlike ``sphinx.locale.get_translation``, whose function
    translates at once when the catalog is already loaded: the renderers are
    imported the first time a directive runs, and their module-level labels
    (``Conference papers``, ``first author``) must not keep the language of
    the first build made in the process.
    """
    return cast(str, _TranslationProxy(MESSAGE_CATALOG, "general", message))


def setup_locale(app: Sphinx) -> None:
    """The message catalog, so that ``_`` finds the words of the build's language."""
    app.add_message_catalog(MESSAGE_CATALOG, str(LOCALE_DIR))
