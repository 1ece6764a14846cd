"""The profile card in the theme's sidebar, on every page (``profile_sidebar = True``).

Each theme keeps its own sidebar mechanism: alabaster, furo, pydata-sphinx-theme and
sphinx-book-theme list sidebar templates (``html_sidebars``, the ``sidebars`` of the
page context), and the extension adds its template ``sp-profile-sidebar.html`` to that
list unless ``html_sidebars`` already names it; sphinx-rtd-theme has one fixed
sidebar, whose ``navigation`` block a ``layout.html`` of the extension extends.
The card is the ``profile`` directive's, made from the data folder's profile file
without the bio, and left out of a page that shows that card in its body already.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment

from .config import profile_config
from .data.issues import Subtype, display_path
from .site import writes_web_pages
from .warn import warn

if TYPE_CHECKING:
    from .data.models import Profile


TEMPLATES = Path(__file__).parent / "templates" / "html"
"""The sidebar template, for every theme."""
RTD_TEMPLATES = Path(__file__).parent / "templates" / "rtd"
"""``layout.html`` for sphinx-rtd-theme, whose sidebar takes no templates."""
SIDEBAR_TEMPLATE = "sp-profile-sidebar.html"
AVATAR_DIR = "_static/sp-profile"
"""Where the avatar is copied, inside the output folder."""
CONTEXT_KEY = "sp_profile_card"


def add_templates(app: Sphinx, config: Config) -> None:
    """``config-inited``: the template folders, after the user's own (theirs win)."""
    if not profile_config(config).sidebar:
        return
    folders = [str(TEMPLATES)]
    if config.html_theme == "sphinx_rtd_theme":
        folders.append(str(RTD_TEMPLATES))
    for folder in folders:
        if folder not in config.templates_path:
            config.templates_path.append(folder)


def profile_file(config: Config) -> Path:
    data_dir = profile_config(config).data_path
    default, alternative = data_dir / "profile.yaml", data_dir / "profile.yml"
    return alternative if not default.exists() and alternative.exists() else default


def _stamp(path: Path | None) -> tuple[str, int, int] | None:
    try:
        stat = path.stat() if path else None
    except OSError:
        return None
    return (str(path), stat.st_size, stat.st_mtime_ns) if stat else None


class SidebarCard:
    """The card of one build: the profile read once, its HTML once per folder depth."""

    def __init__(self, app: Sphinx) -> None:
        from .data.models import Profile
        from .data.store import load_data_file

        self.app = app
        self.config = profile_config(app.config)
        self.path = profile_file(app.config)
        loaded = load_data_file(self.path, "profile", limits=self.config.limits)
        record = loaded.records[0] if loaded.records else None
        self.profile: Profile | None = record if isinstance(record, Profile) else None
        self.issues = [] if loaded.missing else list(loaded.issues)
        self.missing = loaded.missing
        self._svg: bytes | None = None
        self.avatar = self._avatar_file()
        self._copied: str | None = None
        self._html: dict[str, str] = {}

    def _avatar_file(self) -> Path | None:
        """The avatar, checked as the ``profile`` directive checks it (which warns)."""
        from .data.images import check_image

        if self.profile is None or not self.profile.avatar:
            return None
        checked = check_image(
            self.profile.avatar, self.config.data_path, "avatar", self.config.max_file_size
        )
        self._svg = checked.svg  # an SVG is published as its inert copy
        return checked.path

    def signature(self) -> tuple[Any, ...]:
        return (
            _stamp(self.path),
            _stamp(self.avatar),
            self.config.link_style,
            self.config.language,
        )

    def html(self, pathto: Any) -> str:
        """The card's HTML for a page: the avatar's URL is relative to it."""
        avatar_url = pathto(f"{AVATAR_DIR}/{self._avatar_name()}", 1) if self.avatar else None
        key = avatar_url or ""
        if key not in self._html:
            self._html[key] = self._render(avatar_url)
        return self._html[key]

    def _avatar_name(self) -> str:
        """Copied once per build, under a name that changes with the content."""
        assert self.avatar is not None
        if self._copied is None:
            content = self._svg if self._svg is not None else self.avatar.read_bytes()
            digest = hashlib.sha1(content).hexdigest()[:10]
            self._copied = f"{self.avatar.stem}-{digest}{self.avatar.suffix}"
            target = Path(self.app.outdir) / AVATAR_DIR / self._copied
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(content)
        return self._copied

    def _render(self, avatar_url: str | None) -> str:
        from .output.expand import to_nodes
        from .render.profile import render_profile

        assert self.profile is not None
        card = render_profile(
            self.profile,
            avatar_url,
            language=self.config.language,
            link_style=self.config.link_style,
            bio=False,
        )
        block = nodes.container(classes=["sp-block", "sp-profile-block", "sp-sidebar-card"])
        block += to_nodes(card)
        return str(self.app.builder.render_partial(block)["fragment"])  # type: ignore[attr-defined]


def _card(app: Sphinx) -> SidebarCard:
    card: SidebarCard | None = getattr(app.builder, "_sp_sidebar_card", None)
    if card is None:
        card = SidebarCard(app)
        app.builder._sp_sidebar_card = card  # type: ignore[attr-defined]  # one per build
    return card


def reset_card(app: Sphinx, env: BuildEnvironment, *args: Any) -> None:
    """``env-before-read-docs``: a build reads the profile file again."""
    if hasattr(app.builder, "_sp_sidebar_card"):
        delattr(app.builder, "_sp_sidebar_card")


def outdated_sidebar_pages(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: every page is written again when the card changed.

    The profile file's problems are warned about here too, unless a page that
    was just read reported them already.
    """
    from .xref.domain import profile_domain
    from .xref.issues import issues_of_pages_read

    if not profile_config(app.config).sidebar or not writes_web_pages(app.builder):
        return []
    card = _card(app)
    if card.missing:
        warn(Subtype.FILE, "profile_sidebar: no profile file: %s", display_path(card.path))
    domain = profile_domain(env)
    reported = {(issue.location, issue.message) for issue in issues_of_pages_read(env)}
    for issue in card.issues:
        location = f"{display_path(card.path)}:{issue.line or 1}"
        if (location, issue.message) not in reported:
            warn(issue.subtype, issue.message, location=location)
    signature = card.signature()
    changed = domain.data["sidebar_signature"] != signature
    domain.data["sidebar_signature"] = signature
    return sorted(env.found_docs) if changed else []


def add_sidebar_card(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: the card's HTML, and the template in the page's sidebars."""
    if not profile_config(app.config).sidebar or not writes_web_pages(app.builder):
        return
    card = _card(app)
    if card.profile is None or _shows_card(app.env, pagename, card.path):
        return
    context[CONTEXT_KEY] = card.html(context["pathto"])
    sidebars = context.get("sidebars")
    if isinstance(sidebars, list) and not any(
        str(name).removesuffix(".html") == SIDEBAR_TEMPLATE.removesuffix(".html")
        for name in sidebars
    ):
        sidebars.insert(_position(sidebars), SIDEBAR_TEMPLATE)


def _position(sidebars: list[str]) -> int:
    """After the theme's logo or brand (furo, sphinx-book-theme), else first."""
    for index, name in enumerate(sidebars):
        if "brand" in name or "logo" in name:
            return index + 1
    return 0


def _shows_card(env: BuildEnvironment, pagename: str, path: Path) -> bool:
    """Whether the page shows the same card in its body (the ``profile`` directive)."""
    from .xref.shown import shown_on_pages

    seen = shown_on_pages(env).get(pagename)
    if seen is None or seen.profile is None:
        return False
    return Path(seen.profile.profile).resolve() == path.resolve()


def setup_sidebar(app: Sphinx) -> None:
    """The profile card in the theme's sidebar (``profile_sidebar``)."""
    app.connect("config-inited", add_templates)
    app.connect("env-before-read-docs", reset_card)
    app.connect("env-get-updated", outdated_sidebar_pages)
    app.connect("html-page-context", add_sidebar_card)
