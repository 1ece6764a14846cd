"""The extension's message catalog: every word it writes itself goes through ``_``."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from sphinx.locale import _TranslationProxy

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
