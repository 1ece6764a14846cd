project = "Test Reach"
author = "Ada Lovelace"
extensions = [
    "myst_parser",
    "sphinx_profile",
    "sphinx_reredirects",
    "sphinxext.opengraph",
    "sphinx_sitemap",
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build", "data"]
html_theme = "basic"
html_baseurl = "https://ada.example.org/"
sitemap_url_scheme = "{link}"
ogp_site_url = html_baseurl
ogp_social_cards = {"enable": False}
profile_feed = True
# A redirect of sphinx-reredirects' own setting, beside the pages' redirect_from.
redirects = {"old-news": "news.html"}
