project = "Test Lab"
author = "Test Lab"
extensions = ["myst_parser", "sphinx_profile"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build", "data"]

profile_date_format = "%Y"
profile_link_members = True
