project = "Test Hostile"
author = "Mallory"
extensions = ["myst_parser", "sphinx_profile"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build", "data"]
latex_documents = [("index", "hostile.tex", "Test Hostile", "Mallory", "manual")]
