"""People: cards in a grid or a plain list, member page cards, links to member pages."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence

from docutils import nodes
from sphinx.addnodes import pending_xref

from ..data.models import Member, Profile
from ..data.people import is_alumni_position, is_alumnus, member_links, member_profile
from ..icons import PERSON_PLACEHOLDER
from ..locale import _
from ..output.expand import to_nodes
from ..output.nodes import sp_heading, sp_icon
from .common import RenderSettings, icon_links, joined, markdown_inline
from .markup import Content, Markup, element
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


def member_reference(member_id: str, content: nodes.Element, url: str | None) -> pending_xref:
    """:func:`member_link` around a node."""
    node = to_nodes(member_link(member_id, url))
    node += content
    return node


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
            output.append(_plain_list(members, settings, today))
        else:
            output.append(_cards(members, photos, settings, today))
    return output


def _cards(
    members: Sequence[Member],
    photos: Mapping[str, str],
    settings: RenderSettings,
    today: _dt.date,
) -> nodes.bullet_list:
    """``bullet_list.sp-member-cards``: a grid in HTML, a list elsewhere."""
    cards = nodes.bullet_list(classes=["sp-list", "sp-member-cards"])
    for member in members:
        card = nodes.list_item(classes=["sp-person"])
        if member.id in photos:
            card += nodes.image(
                uri=photos[member.id],
                alt=str(_("Photo of %s")) % member.name,
                classes=[PHOTO_CLASS],
            )
        else:
            # Decorative, in the theme's colours: the card keeps its shape without a photo.
            card += nodes.inline(
                "", "", sp_icon(icon=PERSON_PLACEHOLDER), classes=[PLACEHOLDER_CLASS]
            )
        card += nodes.paragraph("", "", _name(member), classes=["sp-person-name"])
        for line in (_role_line(member, settings, today), _now(member)):
            if line is not None:
                card += line
        if member.interests:
            text = ", ".join(member.interests)
            card += nodes.paragraph(text, text, classes=["sp-person-interests"])
        links = _links(member, settings)
        if links:
            card += joined(links, nodes.paragraph(classes=["sp-person-links"]))
        cards += card
    return cards


def _plain_list(
    members: Sequence[Member], settings: RenderSettings, today: _dt.date
) -> nodes.bullet_list:
    """``Name, PhD student (2016 - 2021). Now: Professor at …``, one item each."""
    items = nodes.bullet_list(classes=["sp-list", "sp-member-list"])
    for member in members:
        paragraph = nodes.paragraph(classes=["sp-person"])
        paragraph += _name(member)
        role = _role_text(member, settings, today)
        if role:
            paragraph += nodes.Text(", ")
            paragraph += nodes.inline(role, role, classes=["sp-person-position"])
        if member.now:
            paragraph += nodes.Text(". " + str(_("%s: ")) % _("Now"))
            paragraph += nodes.inline(
                "", "", *markdown_inline(member.now), classes=["sp-person-now"]
            )
        items += nodes.list_item("", paragraph)
    return items


def _name(member: Member) -> pending_xref:
    return member_reference(member.id, nodes.strong(member.name, member.name), member.url)


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


def _role_line(member: Member, settings: RenderSettings, today: _dt.date) -> nodes.paragraph | None:
    text = _role_text(member, settings, today)
    return nodes.paragraph(text, text, classes=["sp-person-position"]) if text else None


def _now(member: Member) -> nodes.paragraph | None:
    if not member.now:
        return None
    paragraph = nodes.paragraph(classes=["sp-person-now"])
    paragraph += nodes.Text(str(_("%s: ")) % _("Now"))
    paragraph.extend(markdown_inline(member.now))
    return paragraph


def _links(member: Member, settings: RenderSettings) -> list[nodes.reference]:
    return icon_links(member_links(member), settings.link_style, link_label)


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
        return render_profile(profile, photo_uri, link_style=settings.link_style)
    card = render_profile(member_profile(member), photo_uri, link_style=settings.link_style)
    body = card.children[-1]
    assert isinstance(body, nodes.Element)
    extra: list[nodes.Node] = []
    if member.interests:
        text = str(_("%s: ")) % _("Interests") + ", ".join(member.interests)
        extra.append(nodes.paragraph(text, text, classes=["sp-person-interests"]))
    if is_alumnus(member, today):
        dates = settings.format_range(member.start, member.end)
        if dates:
            extra.append(nodes.paragraph(dates, dates, classes=["sp-dates"]))
    now = _now(member)
    if now is not None:
        extra.append(now)
    links = [child for child in body.children if "sp-profile-links" in child.get("classes", [])]
    position = body.index(links[0]) if links else len(body.children)
    body[position:position] = extra
    return card
