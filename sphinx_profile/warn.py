"""The one way the extension warns: :func:`warn`, with a subtype of the enum.

Every warning reads ``<location>: WARNING: <message> [profile.<subtype>]``, so
``suppress_warnings = ["profile.<subtype>"]`` silences one kind and
``["profile"]`` all of them. The subtypes are
:class:`~sphinx_profile.data.issues.Subtype` (declared beside the data
problems, which ``data/`` reports without Sphinx); the guide's list
(``docs/guide/errors.rst``) names each, and a test keeps the two in step.
"""

from __future__ import annotations

from typing import Any

from sphinx.util import logging

from .data.issues import Subtype

WARNING_TYPE = "profile"
"""The ``type`` of every warning: ``profile.<subtype>`` in ``suppress_warnings``."""

_logger = logging.getLogger("sphinx_profile")


def warn(subtype: Subtype | str, message: str, *args: object, location: Any = None) -> None:
    """Log ``message % args`` as a ``profile.<subtype>`` warning at ``location``.

    ``location`` is what Sphinx's logger takes: ``"path:line"``, a docname, a
    ``(docname, line)`` pair or a node. A ``str`` subtype (as saved in the
    environment) must be a value of :class:`Subtype`.
    """
    _logger.warning(
        message, *args, location=location, type=WARNING_TYPE, subtype=Subtype(subtype).value
    )
