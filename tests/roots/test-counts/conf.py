project = "Test counts"
extensions = ["myst_parser", "sphinx_profile"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build", "data"]
latex_documents = [("index", "counts.tex", "Counts", "Ada", "howto")]
# A badge-text key wins over venues.yaml; a type key comes after it.
profile_venue_colors = {"MLSys 2024": "#aa0000", "preprint": "#00aa00"}
