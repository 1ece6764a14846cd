project = "Test exports"
extensions = ["myst_parser", "sphinx_profile"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build", "data"]
# Written with a plain apostrophe; the data writes the name with U+2019.
profile_highlight = ["Sinéad O'Connor"]
# The PDF recipe of docs/guide/cv.rst.
latex_engine = "xelatex"
latex_elements = {
    "preamble": r"""
\usepackage{xeCJK}
\xeCJKDeclareCharClass{Default}{"00B7, "2010 -> "2027}
""",
}
