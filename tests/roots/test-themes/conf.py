# A site that shows every block of the extension, built once per theme by the
# browser tests (``-D html_theme=<theme>``). reStructuredText only, so that it
# builds without MyST-Parser.
project = "Grace Hopper"
author = "Grace Hopper"
copyright = "1952, Grace Hopper"
extensions = ["sphinx_profile"]
exclude_patterns = ["_build", "data"]
html_title = "Grace Hopper"

profile_date_format = "%b %Y"
profile_max_authors = 4
profile_derive_role = True
profile_link_titles = True
profile_venue_colors = {"NeurIPS 2023": "#8250df", "journal": "#953800"}
