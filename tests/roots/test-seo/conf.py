project = "Test SEO"
author = "Ada Lovelace"
extensions = ["myst_parser", "sphinx_profile"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build", "data"]
html_theme = "basic"
html_baseurl = "https://example.org/site/"
