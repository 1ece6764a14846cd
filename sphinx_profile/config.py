"""The ``profile_*`` configuration values: declared once, checked once, read through one object.

Each value is a field of :class:`ProfileConfig`, with its default, its check and
its rebuild scope, registered with Sphinx as ``profile_<field>`` (the names in
``conf.py``). At ``config-inited`` every value is checked (a bad one warns and
gets its default back) and the typed object is built once; every module reads
it through :func:`profile_config`, never ``config.profile_*``.

The rebuild scope says what a change in ``conf.py`` costs. ``"env"``: the value
shapes what a directive produces, so every page is read again. ``"html"``: it
only shapes how HTML is written (a page's head, the files beside the pages), so
every page is written again and none is read.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .data.bibtex_source import HIDDEN_FIELDS as BIBTEX_HIDDEN_FIELDS
from .data.choices import LINK_STYLES
from .data.colours import COLOUR_PATTERN
from .data.issues import Subtype
from .data.limits import DEFAULT_LIMITS, MARKUP_DEPTH_CEILING, Limits
from .data.people import DEFAULT_ORDER as PEOPLE_ORDER
from .warn import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

    from .data.models import Profile
    from .render.common import RenderSettings


Rebuild = Literal["env", "html"]


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


def _setting(
    default: Any,
    check: Callable[[Any], None],
    *,
    rebuild: Rebuild = "env",
    conf_default: Any = None,
    typed: Callable[[Any], Any] | None = None,
) -> Any:
    """A field of :class:`ProfileConfig`: its default as typed, and how ``conf.py`` gives it.

    ``conf_default`` is the default as ``conf.py`` writes it (a list for a tuple);
    ``typed`` turns a checked ``conf.py`` value into the field's type.
    """
    if conf_default is None:
        conf_default = list(default) if isinstance(default, tuple) else default
    if typed is None:
        typed = tuple if isinstance(default, tuple) else _same
    return field(
        default=default,
        metadata={"check": check, "rebuild": rebuild, "conf_default": conf_default, "typed": typed},
    )


def _same(value: Any) -> Any:
    return value


def _pairs(value: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(value.items())


@dataclass(frozen=True)
class ProfileConfig:
    """The ``profile_*`` values of one build, checked and typed (``conf.py`` drops the prefix)."""

    data_dir: str = _setting("data", _check_str)
    """The data folder; made absolute (and ``{language}`` filled in) when the config is read."""
    highlight: tuple[str, ...] = _setting((), _check_str_list)
    # Empty means the style of the page's language, through Babel: "Jan 2024", "2024年1月".
    date_format: str = _setting("", _check_date_format)
    # Empty means the translated word "Present" in the page's language.
    present: str = _setting("", _check_str)
    # The bounds on the work a data file may cause (see data/limits.py).
    max_file_size: int = _setting(DEFAULT_LIMITS.bytes, _check_positive_int)
    max_characters: int = _setting(DEFAULT_LIMITS.characters, _check_positive_int)
    max_values: int = _setting(DEFAULT_LIMITS.values, _check_positive_int)
    max_depth: int = _setting(
        DEFAULT_LIMITS.depth,
        _check_at_most(MARKUP_DEPTH_CEILING, "deeper nesting would exhaust Python's stack"),
    )
    max_markup_depth: int = _setting(
        DEFAULT_LIMITS.markup_depth,
        _check_at_most(MARKUP_DEPTH_CEILING, "deeper markup would exhaust Python's stack"),
    )
    max_digits: int = _setting(
        DEFAULT_LIMITS.digits, _check_at_most(4300, "Python converts no longer number")
    )
    max_authors: int = _setting(0, _check_non_negative_int)
    derive_role: bool = _setting(False, _check_bool)
    link_titles: bool = _setting(False, _check_bool)
    venue_colors: tuple[tuple[str, str], ...] = _setting(
        (), _check_colours, conf_default={}, typed=_pairs
    )
    jsonld: bool = _setting(True, _check_bool, rebuild="html")
    publication_pages: bool = _setting(False, _check_bool)
    people_order: tuple[str, ...] = _setting(PEOPLE_ORDER, _check_str_list)
    link_members: bool = _setting(False, _check_bool)
    # Fields left out of the BibTeX toggle and its copy button (attachment paths,
    # al-folio's display keys).
    bibtex_hidden_fields: tuple[str, ...] = _setting(BIBTEX_HIDDEN_FIELDS, _check_str_list)
    cv_sections: tuple[str, ...] = _setting(CV_SECTIONS, _check_cv_sections)
    # Reach (issue #19): feeds, social cards, redirects, citations, co-authors, venues.
    feed: bool = _setting(False, _check_bool, rebuild="html")
    feed_source: str = _setting("", _check_str, rebuild="html")
    feed_title: str = _setting("", _check_str, rebuild="html")
    social_cards: bool = _setting(True, _check_bool, rebuild="html")
    citation_badges: bool = _setting(False, _check_bool)
    citation_metrics: bool = _setting(False, _check_bool)
    # The profile card in the theme's sidebar on every page (sphinx_profile.sidebar).
    sidebar: bool = _setting(False, _check_bool, rebuild="html")
    link_style: str = _setting("icon+label", _check_choice(*LINK_STYLES))
    language: str = field(default="en", metadata={"sphinx": True})
    """Sphinx's ``language`` (``en`` when unset): the language of dates and words."""

    @classmethod
    def from_sphinx(cls, config: Config) -> ProfileConfig:
        """The typed values of ``config``, whose ``profile_*`` values were checked."""
        values = {
            item.name: item.metadata["typed"](config[f"profile_{item.name}"]) for item in settings()
        }
        return cls(**values, language=config.language or "en")

    @property
    def data_path(self) -> Path:
        return Path(self.data_dir)

    @property
    def limits(self) -> Limits:
        """The bounds on reading a data file (``profile_max_*``)."""
        return Limits(
            bytes=self.max_file_size,
            characters=self.max_characters,
            values=self.max_values,
            depth=self.max_depth,
            markup_depth=self.max_markup_depth,
            digits=self.max_digits,
        )

    def render_settings(self, profile: Profile | None, owner: str | None = None) -> RenderSettings:
        """What the renderers take from the configuration and the site's person.

        The person is the profile's, else the owner a CV file names (RenderCV and
        JSON Resume files do): highlighted among authors, and whose role is derived.
        """
        from .data.names import name_matcher
        from .locale import _
        from .render.common import RenderSettings

        person = [profile.name, *profile.aliases] if profile else []
        if not person and owner:
            person = [owner]
        return RenderSettings(
            date_format=self.date_format,
            present=self.present or str(_("Present")),
            language=self.language,
            highlight=name_matcher([*self.highlight, *person]),
            person=name_matcher(person),
            max_authors=self.max_authors,
            derive_role=self.derive_role,
            link_titles=self.link_titles,
            link_style=self.link_style,
            venue_colors=self.venue_colors,
            bibtex_hidden_fields=frozenset(self.bibtex_hidden_fields),
            scholar_user=scholar_user(profile),
        )


def settings() -> list[Any]:
    """The fields of :class:`ProfileConfig` that ``conf.py`` sets, as ``profile_<name>``."""
    return [item for item in fields(ProfileConfig) if "check" in item.metadata]


def scholar_user(profile: Profile | None) -> str | None:
    """The ``user`` of the profile's Google Scholar link (``…/citations?user=abc123``)."""
    from urllib.parse import parse_qs, urlsplit

    for link in profile.links if profile else ():
        parts = urlsplit(link.url)
        if parts.hostname and parts.hostname.startswith("scholar.google."):
            users = parse_qs(parts.query).get("user")
            if users:
                return users[0]
    return None


_ATTRIBUTE = "_sp_profile_config"
"""Where the object is kept on Sphinx's ``Config``: a leading ``_`` keeps it out of the
pickled environment, and out of the comparison with the last build's configuration."""


def profile_config(config: Config) -> ProfileConfig:
    """The build's :class:`ProfileConfig`, made once from ``config`` when it was checked."""
    found: ProfileConfig | None = config.__dict__.get(_ATTRIBUTE)
    if found is None:
        found = ProfileConfig.from_sphinx(config)
        setattr(config, _ATTRIBUTE, found)
    return found


REMOVED_VALUES = {
    "profile_direct_html": (
        "publication lists are always written by Sphinx's own writer now; "
        "the setting has no effect: remove it from conf.py"
    ),
}
"""Settings of earlier versions: a ``conf.py`` that still sets one is warned, not refused."""


def register_config_values(app: Sphinx) -> None:
    for item in settings():
        app.add_config_value(
            f"profile_{item.name}",
            item.metadata["conf_default"],
            item.metadata["rebuild"],
            types=_conf_types(item.metadata["conf_default"]),
        )
    for name in REMOVED_VALUES:
        # Registered (never read) so that a value set in conf.py can be told apart.
        app.add_config_value(name, None, "")


def warn_removed_values(config: Config) -> None:
    for name, why in REMOVED_VALUES.items():
        if config[name] is not None:
            warn(Subtype.CONFIG, "%s was removed in sphinx-profile 0.1.0: %s", name, why)


def _conf_types(default: Any) -> tuple[type, ...]:
    return (list, tuple) if isinstance(default, list) else (type(default),)


def check_config(app: Sphinx, config: Config) -> None:
    """Warn about each bad value and put its default back, so the build goes on."""
    warn_removed_values(config)
    for item in settings():
        name = f"profile_{item.name}"
        current = config[name]
        try:
            item.metadata["check"](current)
        except ValueError as err:
            default = item.metadata["conf_default"]
            warn(
                Subtype.CONFIG,
                "invalid %s = %r: %s; using the default %r",
                name,
                current,
                err,
                default,
            )
            config[name] = default
    # Directives cannot see the folder of conf.py, so resolve the data folder now.
    # "{language}" picks one data folder per language: data/en, data/fr, data/zh_CN.
    data_dir = config.profile_data_dir.replace("{language}", config.language or "en")
    config.profile_data_dir = str((Path(app.confdir) / data_dir).resolve())
    setattr(config, _ATTRIBUTE, ProfileConfig.from_sphinx(config))


def setup_config(app: Sphinx) -> None:
    """Every ``profile_*`` value, and the check that puts a bad one back to its default."""
    register_config_values(app)
    app.connect("config-inited", check_config)
