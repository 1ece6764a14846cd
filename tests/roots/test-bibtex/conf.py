project = "Test BibTeX"
extensions = ["myst_parser", "sphinx_profile"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build", "data"]

profile_highlight = ["Xuanlei Zhao"]
profile_max_authors = 10
