"""Colours of badges: checked once, for ``conf.py`` and the data files alike."""

from __future__ import annotations

import re

COLOUR_PATTERN = re.compile(r"^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,30}|(rgb|hsl)a?\([0-9.,%\s]+\))$")
"""A colour goes into a style attribute: only plain colour syntax is allowed."""
