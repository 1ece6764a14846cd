"""What the HTML pages say about themselves to machines: search engines, Google Scholar.

* :mod:`.jsonld`: schema.org nodes from the models (pure);
* :mod:`.highwire`: the ``citation_*`` tags Google Scholar reads (pure);
* :mod:`.page_graph`: each page's JSON-LD graph, in its head (``profile_jsonld``);
* :mod:`.paper_pages`: a page per publication with its Highwire tags, and
  :mod:`.stale_pages`, which removes the pages of entries that left the data.

Everything here runs when pages are written, for HTML builders that write web
pages (:func:`sphinx_profile.site.writes_web_pages`); nothing changes a
doctree Sphinx stores.
"""
