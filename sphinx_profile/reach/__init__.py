"""What takes the site beyond its pages: feeds, link previews, sitemap, redirects.

Each module works with one package of the ``reach`` extra, and is inert when
that package is missing: :mod:`.feeds` (feedgen), :mod:`.social`
(sphinxext-opengraph), :mod:`.sitemap` (sphinx-sitemap), :mod:`.redirects`
(sphinx-reredirects). They are a package of their own, rather than part of
:mod:`sphinx_profile.metadata`, because they write files beside the pages or
feed another extension, and follow that extension's rules; the metadata
package describes the pages themselves. The guide documents them together, in
its page on publishing.
"""
