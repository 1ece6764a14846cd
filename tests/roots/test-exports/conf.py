project = "Test exports"
extensions = ["myst_parser", "sphinx_profile"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build", "data"]
# Written with a plain apostrophe; the data writes the name with U+2019.
profile_highlight = ["Sinéad O'Connor"]
latex_engine = "xelatex"
