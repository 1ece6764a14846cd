project = "Test CV sections"
author = "Jane Doe"
extensions = ["myst_parser", "sphinx_profile"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build", "data"]
profile_date_format = "%Y.%m"
latex_documents = [
    ("rst/cv", "cv.tex", "Curriculum Vitae", author, "howto"),
    ("rst/whole", "whole.tex", "Curriculum Vitae", author, "howto"),
]
