project = "Test Publications"
author = "Jürgen Müller"
extensions = ["myst_parser", "sphinx_profile"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build", "data"]

profile_date_format = "%Y.%m"
profile_highlight = ["Alex Student"]
profile_max_authors = 3
profile_derive_role = True
profile_link_titles = True
profile_venue_colors = {"ICLR 2024": "#1f77b4", "journal": "rgb(10, 20, 30)"}
