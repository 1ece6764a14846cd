"""Everything the extension adds to Sphinx, in one list."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config

from . import __version__
from .config import check_config, register_config_values
from .directives.base import unfreeze_objects
from .directives.cv import CvDirective
from .directives.cv_sections import (
    AwardsDirective,
    CvSectionDirective,
    ServiceDirective,
    SkillsDirective,
    TalksDirective,
    TeachingDirective,
)
from .directives.entries import (
    EducationDirective,
    ExperienceDirective,
    NewsDirective,
    ProjectsDirective,
)
from .directives.people import PeopleDirective, PeoplePhotoFallback
from .directives.profile import ProfileDirective
from .directives.publications import PublicationListDirective
from .domain import (
    ProfileDomain,
    PublicationRole,
    outdated_data_files,
    outdated_member_files,
    outdated_member_links,
    outdated_publication_links,
    remember_docs_to_read,
    report_data_issues,
)
from .feeds import add_feed_links, write_feeds
from .locale import LOCALE_DIR, MESSAGE_CATALOG
from .markup_output import (
    ExpandMarkup,
    MarkupSmartQuotes,
    PreviewFallback,
    depart_markup_html,
    register_images,
    visit_markup_html,
)
from .nodes import NODE_VISITORS, sp_markup
from .paper_pages import collect_paper_pages, link_paper_titles
from .print_layout import LATEX_PACKAGE, PrintLayoutTransform, copy_latex_package
from .redirects import write_page_redirects
from .seo import add_jsonld, outdated_metadata_pages
from .sidebar import add_sidebar_card, add_templates, outdated_sidebar_pages, reset_card
from .sitemap import write_every_page_for_the_sitemap
from .social import PRIORITY as SOCIAL_PRIORITY
from .social import add_profile_card_fields

STATIC_DIR = Path(__file__).parent / "static"
STYLESHEET = "sphinx_profile.css"
SCRIPT = "sphinx_profile.js"

DIRECTIVES = {
    "profile": ProfileDirective,
    "publication-list": PublicationListDirective,
    "experience": ExperienceDirective,
    "education": EducationDirective,
    "projects": ProjectsDirective,
    "news": NewsDirective,
    "people": PeopleDirective,
    "talks": TalksDirective,
    "teaching": TeachingDirective,
    "awards": AwardsDirective,
    "service": ServiceDirective,
    "skills": SkillsDirective,
    "cv-section": CvSectionDirective,
    "cv": CvDirective,
}


def add_static_path(app: Sphinx, config: Config) -> None:
    """Before the configuration is compared with the last build's, so it never differs."""
    if str(STATIC_DIR) not in config.html_static_path:
        config.html_static_path.append(str(STATIC_DIR))


def add_html_assets(app: Sphinx) -> None:
    """The stylesheet and script, for HTML builders only."""
    if app.builder.format != "html":
        return
    app.add_css_file(STYLESHEET)
    app.add_js_file(SCRIPT, loading_method="defer")


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_message_catalog(MESSAGE_CATALOG, str(LOCALE_DIR))
    register_config_values(app)
    app.connect("config-inited", check_config)
    app.connect("config-inited", unfreeze_objects)
    for node, visitors in NODE_VISITORS.items():
        app.add_node(node, **visitors)  # type: ignore[arg-type]
    # Other builders never meet it: ExpandMarkup replaces it with its nodes.
    app.add_node(sp_markup, html=(visit_markup_html, depart_markup_html))
    for name, directive in DIRECTIVES.items():
        app.add_directive(name, directive)
    app.add_domain(ProfileDomain)
    app.add_role("pub", PublicationRole(innernodeclass=nodes.inline))
    app.connect("env-get-outdated", outdated_member_files)
    app.connect("env-get-outdated", outdated_data_files)
    app.connect("env-get-updated", outdated_member_links)
    app.connect("env-get-updated", outdated_publication_links)
    app.add_transform(MarkupSmartQuotes)
    app.add_post_transform(ExpandMarkup)
    app.add_post_transform(PeoplePhotoFallback)
    app.add_post_transform(PreviewFallback)
    app.add_post_transform(PrintLayoutTransform)
    app.add_latex_package(LATEX_PACKAGE)
    app.connect("build-finished", copy_latex_package)
    app.connect("config-inited", add_static_path)
    app.connect("builder-inited", add_html_assets)
    app.connect("doctree-resolved", link_paper_titles)
    app.connect("doctree-resolved", register_images)
    app.connect("html-collect-pages", collect_paper_pages)
    app.connect("html-page-context", add_jsonld)
    app.connect("env-get-updated", outdated_metadata_pages)
    app.connect("config-inited", add_templates)
    app.connect("env-before-read-docs", reset_card)
    app.connect("env-get-updated", outdated_sidebar_pages)
    app.connect("html-page-context", add_sidebar_card)
    app.connect("env-before-read-docs", remember_docs_to_read)
    app.connect("env-updated", report_data_issues)
    # Reach: feeds, the fields of link previews, redirect_from.
    app.connect("html-page-context", add_feed_links)
    app.connect("html-page-context", add_profile_card_fields, priority=SOCIAL_PRIORITY)
    app.connect("html-collect-pages", write_page_redirects)
    app.connect("build-finished", write_feeds)
    app.connect("env-get-updated", write_every_page_for_the_sitemap)
    return {
        "version": __version__,
        "env_version": 6,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
