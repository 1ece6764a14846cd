"""People: cards in a grid or a plain list, member page cards, links to member pages."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence

from docutils import nodes

from ..data.models import Member, Profile
from ..data.people import is_alumni_position, is_alumnus, member_links, member_profile
from ..icons import PERSON_PLACEHOLDER
from ..locale import _
from ..output.expand import to_nodes
from ..output.nodes import sp_heading
from .common import RenderSettings, link_references
from .inline import inline_markdown
from .markup import Content, Markup, element, joined
from .profile import link_label, render_profile

PHOTO_CLASS = "sp-person-photo"
"""Photos on people cards: shown in HTML only (see ``directives.people``)."""
PLACEHOLDER_CLASS = "sp-person-placeholder"
"""What stands for a missing photo on a card: HTML only, as the photos."""


def member_link(member_id: str, url: str | None, *content: Content) -> Markup:
    """A link to the member's page, resolved by the ``profile`` domain when pages are written.

    Without a member page it becomes a link to ``url``, or ``content`` alone.
    """
    fallback = {"sp_fallback_url": url} if url else {}
    return element(
        "pending_xref",
        *content,
        refdomain="profile",
        reftype="member",
        reftarget=member_id,
        refexplicit=True,
        refwarn=False,
        **fallback,
    )


def render_people_groups(
    groups: Sequence[tuple[str | None, Sequence[Member]]],
    style: str,
    photos: Mapping[str, str],
    settings: RenderSettings,
    today: _dt.date,
) -> list[nodes.Element]:
    """A group heading (when grouped) and one list per group.

    ``photos`` maps member ids to document-relative image URIs (cards only).
    """
    output: list[nodes.Element] = []
    for heading, members in groups:
        if heading is not None:
            output.append(sp_heading(heading, heading))
        if style == "list":
            output.append(to_nodes(_plain_list(members, settings, today)))
        else:
            output.append(to_nodes(_cards(members, photos, settings, today)))
    return output


def _cards(
    members: Sequence[Member],
    photos: Mapping[str, str],
    settings: RenderSettings,
    today: _dt.date,
) -> Markup:
    """``bullet_list.sp-member-cards``: a grid in HTML, a list elsewhere."""
    cards = []
    for member in members:
        card: list[Content] = []
        if member.id in photos:
            alt = str(_("Photo of %s")) % member.name
            card.append(element("image", uri=photos[member.id], alt=alt, classes=[PHOTO_CLASS]))
        else:
            # Decorative, in the theme's colours: the card keeps its shape without a photo.
            icon = element("icon", icon=PERSON_PLACEHOLDER)
            card.append(element("inline", icon, classes=[PLACEHOLDER_CLASS]))
        card.append(element("paragraph", _name(member), classes=["sp-person-name"]))
        for line in (_role_line(member, settings, today), _now(member)):
            if line is not None:
                card.append(line)
        if member.interests:
            text = ", ".join(member.interests)
            card.append(element("paragraph", text, classes=["sp-person-interests"]))
        links = link_references(member_links(member), settings.link_style, link_label)
        if links:
            card.append(element("paragraph", *joined(links), classes=["sp-person-links"]))
        cards.append(element("list_item", *card, classes=["sp-person"]))
    return element("bullet_list", *cards, classes=["sp-list", "sp-member-cards"])


def _plain_list(members: Sequence[Member], settings: RenderSettings, today: _dt.date) -> Markup:
    """``Name, PhD student (2016 - 2021). Now: Professor at …``, one item each."""
    items = []
    for member in members:
        line: list[Content] = [_name(member)]
        role = _role_text(member, settings, today)
        if role:
            line += [", ", element("inline", role, classes=["sp-person-position"])]
        if member.now:
            line.append(". " + str(_("%s: ")) % _("Now"))
            line.append(element("inline", *inline_markdown(member.now), classes=["sp-person-now"]))
        items.append(element("list_item", element("paragraph", *line, classes=["sp-person"])))
    return element("bullet_list", *items, classes=["sp-list", "sp-member-list"])


def _name(member: Member) -> Markup:
    return member_link(member.id, member.url, element("strong", member.name))


def _role_text(member: Member, settings: RenderSettings, today: _dt.date) -> str:
    """The position, and for a former member the years in the group."""
    position = member.position or ""
    if not is_alumnus(member, today):
        return position
    if is_alumni_position(position):
        position = ""
    dates = settings.format_range(member.start, member.end)
    if position and dates:
        return f"{position} ({dates})"
    return position or dates


def _role_line(member: Member, settings: RenderSettings, today: _dt.date) -> Markup | None:
    text = _role_text(member, settings, today)
    return element("paragraph", text, classes=["sp-person-position"]) if text else None


def _now(member: Member) -> Markup | None:
    if not member.now:
        return None
    return element(
        "paragraph",
        str(_("%s: ")) % _("Now"),
        *inline_markdown(member.now),
        classes=["sp-person-now"],
    )


def render_member_card(
    member: Member,
    profile: Profile | None,
    photo_uri: str | None,
    settings: RenderSettings,
    today: _dt.date,
) -> nodes.container:
    """The card of a member page: the member's own profile file if given, else the entry.

    From the entry, the card adds the interests, and for a former member the
    years in the group and where they are now, between the bio and the links.
    """
    if profile is not None:
        return to_nodes(render_profile(profile, photo_uri, link_style=settings.link_style))
    extra: list[Content] = []
    if member.interests:
        text = str(_("%s: ")) % _("Interests") + ", ".join(member.interests)
        extra.append(element("paragraph", text, classes=["sp-person-interests"]))
    if is_alumnus(member, today):
        dates = settings.format_range(member.start, member.end)
        if dates:
            extra.append(element("paragraph", dates, classes=["sp-dates"]))
    now = _now(member)
    if now is not None:
        extra.append(now)
    card = render_profile(
        member_profile(member), photo_uri, link_style=settings.link_style, extra=extra
    )
    return to_nodes(card)
