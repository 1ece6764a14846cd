project = "Test Cross-references"
extensions = ["myst_parser", "sphinx_profile"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build", "data"]
