"""The ``profile_*`` configuration values: declared once, validated once per build."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from .data.bibtex_source import HIDDEN_FIELDS as BIBTEX_HIDDEN_FIELDS
from .data.colours import COLOUR_PATTERN
from .data.issues import Subtype
from .data.limits import DEFAULT_LIMITS, MARKUP_DEPTH_CEILING
from .data.people import DEFAULT_ORDER as PEOPLE_ORDER
from .icons import LINK_STYLES

logger = logging.getLogger(__name__)

DEFAULT_MAX_FILE_SIZE = DEFAULT_LIMITS.bytes


def _check_date_format(value: Any) -> None:
    if not isinstance(value, str) or (value and not value.strip()):
        raise ValueError(
            "expected a strftime pattern such as '%Y.%m', or '' for the style of the language"
        )
    datetime.date(2024, 1, 2).strftime(value)


def _check_str(value: Any) -> None:
    if not isinstance(value, str):
        raise ValueError(f"expected a string, got {type(value).__name__}")


def _check_str_list(value: Any) -> None:
    if not isinstance(value, list | tuple) or not all(isinstance(item, str) for item in value):
        raise ValueError("expected a list of strings")


def _check_non_negative_int(value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError("expected a whole number, 0 or more")


def _check_bool(value: Any) -> None:
    if not isinstance(value, bool):
        raise ValueError("expected True or False")


def _check_colours(value: Any) -> None:
    if not isinstance(value, dict):
        raise ValueError("expected a mapping of venue or type to a CSS colour")
    for key, colour in value.items():
        valid = isinstance(colour, str) and COLOUR_PATTERN.match(colour)
        if not isinstance(key, str) or not valid:
            raise ValueError(f"invalid colour {colour!r} for {key!r}: use #hex, a name or rgb()")


def _check_positive_int(value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValueError("expected a positive whole number")


CV_SECTIONS = (
    "education",
    "experience",
    "publications",
    "talks",
    "teaching",
    "awards",
    "service",
    "projects",
    "skills",
)
"""The default of ``profile_cv_sections``: the data folder's kinds the ``cv`` directive shows."""

CV_KINDS = (*CV_SECTIONS, "news")
"""Every kind ``profile_cv_sections`` may name."""


def _check_cv_sections(value: Any) -> None:
    _check_str_list(value)
    unknown = [name for name in value if name not in CV_KINDS]
    if unknown:
        raise ValueError(f"unknown section {unknown[0]!r}; choose from {', '.join(CV_KINDS)}")


def _check_at_most(ceiling: int, why: str) -> Callable[[Any], None]:
    def check(value: Any) -> None:
        _check_positive_int(value)
        if value > ceiling:
            raise ValueError(f"expected at most {ceiling:,} ({why})")

    return check


def _check_choice(*choices: str) -> Callable[[Any], None]:
    def check(value: Any) -> None:
        if value not in choices:
            raise ValueError("expected one of " + ", ".join(repr(choice) for choice in choices))

    return check


@dataclass(frozen=True)
class ConfigValue:
    name: str
    default: Any
    types: tuple[type, ...]
    check: Callable[[Any], None]
    rebuild: Literal["", "env", "html"] = "env"


CONFIG_VALUES = (
    ConfigValue("profile_data_dir", "data", (str,), _check_str),
    ConfigValue("profile_highlight", [], (list, tuple), _check_str_list),
    # Empty means the style of the page's language, through Babel: "Jan 2024", "2024年1月".
    ConfigValue("profile_date_format", "", (str,), _check_date_format),
    # Empty means the translated word "Present" in the page's language.
    ConfigValue("profile_present", "", (str,), _check_str),
    ConfigValue("profile_max_file_size", DEFAULT_MAX_FILE_SIZE, (int,), _check_positive_int),
    # The other bounds on the work a data file may cause (see data/limits.py).
    ConfigValue("profile_max_characters", DEFAULT_LIMITS.characters, (int,), _check_positive_int),
    ConfigValue("profile_max_values", DEFAULT_LIMITS.values, (int,), _check_positive_int),
    ConfigValue(
        "profile_max_depth",
        DEFAULT_LIMITS.depth,
        (int,),
        _check_at_most(MARKUP_DEPTH_CEILING, "deeper nesting would exhaust Python's stack"),
    ),
    ConfigValue(
        "profile_max_markup_depth",
        DEFAULT_LIMITS.markup_depth,
        (int,),
        _check_at_most(MARKUP_DEPTH_CEILING, "deeper markup would exhaust Python's stack"),
    ),
    ConfigValue(
        "profile_max_digits",
        DEFAULT_LIMITS.digits,
        (int,),
        _check_at_most(4300, "Python converts no longer number"),
    ),
    ConfigValue("profile_max_authors", 0, (int,), _check_non_negative_int),
    ConfigValue("profile_derive_role", False, (bool,), _check_bool),
    ConfigValue("profile_link_titles", False, (bool,), _check_bool),
    ConfigValue("profile_venue_colors", {}, (dict,), _check_colours),
    ConfigValue("profile_jsonld", True, (bool,), _check_bool),
    ConfigValue("profile_publication_pages", False, (bool,), _check_bool),
    ConfigValue("profile_people_order", list(PEOPLE_ORDER), (list, tuple), _check_str_list),
    ConfigValue("profile_link_members", False, (bool,), _check_bool),
    ConfigValue("profile_direct_html", True, (bool,), _check_bool),
    # Fields left out of the BibTeX toggle and its copy button (attachment paths,
    # al-folio's display keys).
    ConfigValue(
        "profile_bibtex_hidden_fields", list(BIBTEX_HIDDEN_FIELDS), (list, tuple), _check_str_list
    ),
    ConfigValue("profile_cv_sections", list(CV_SECTIONS), (list, tuple), _check_cv_sections),
    # Reach (issue #19): feeds, social cards, redirects, citations, co-authors, venues.
    ConfigValue("profile_feed", False, (bool,), _check_bool, rebuild="html"),
    ConfigValue("profile_feed_source", "", (str,), _check_str, rebuild="html"),
    ConfigValue("profile_feed_title", "", (str,), _check_str, rebuild="html"),
    ConfigValue("profile_social_cards", True, (bool,), _check_bool, rebuild="html"),
    ConfigValue("profile_citation_badges", False, (bool,), _check_bool),
    ConfigValue("profile_citation_metrics", False, (bool,), _check_bool),
    # The profile card in the theme's sidebar on every page (sphinx_profile.sidebar).
    ConfigValue("profile_sidebar", False, (bool,), _check_bool, "html"),
    ConfigValue("profile_link_style", "icon+label", (str,), _check_choice(*LINK_STYLES)),
)


def register_config_values(app: Sphinx) -> None:
    for value in CONFIG_VALUES:
        app.add_config_value(value.name, value.default, value.rebuild, types=value.types)


def check_config(app: Sphinx, config: Config) -> None:
    """Warn about each bad value and put its default back, so the build goes on."""
    for value in CONFIG_VALUES:
        current = config[value.name]
        try:
            value.check(current)
        except ValueError as err:
            logger.warning(
                "invalid %s = %r: %s; using the default %r",
                value.name,
                current,
                err,
                value.default,
                type="profile",
                subtype=Subtype.CONFIG.value,
            )
            config[value.name] = value.default
    # Directives cannot see the folder of conf.py, so resolve the data folder now.
    # "{language}" picks one data folder per language: data/en, data/fr, data/zh_CN.
    data_dir = config.profile_data_dir.replace("{language}", config.language or "en")
    config.profile_data_dir = str((Path(app.confdir) / data_dir).resolve())


def setup_config(app: Sphinx) -> None:
    """Every ``profile_*`` value, and the check that puts a bad one back to its default."""
    register_config_values(app)
    app.connect("config-inited", check_config)
