project = "Test Basic"
author = "Ada Lovelace"
extensions = ["myst_parser", "sphinx_profile"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build", "data"]

profile_date_format = "%Y.%m"
profile_present = "now"
