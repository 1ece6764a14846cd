project = "Test CV"
author = "Marie Curie"
extensions = ["sphinx_profile"]
exclude_patterns = ["_build", "data"]

# No profile_date_format: dates in the style of the language (English), whose
# ranges have thin spaces around the dash.
profile_max_authors = 3

# The CV recipe of the guide (docs/guide/cv.rst): xelatex with Sphinx's FreeSerif
# fonts (Greek, accents, math symbols) and xeCJK (Chinese, Japanese, Korean names).
latex_engine = "xelatex"
latex_documents = [("index", "cv.tex", "Curriculum Vitae", author, "howto")]
latex_domain_indices = False
latex_elements = {
    "papersize": "a4paper",
    "maketitle": "",
    "tableofcontents": "",
    "printindex": "",
    "fncychap": "",
    "sphinxsetup": "hmargin=2cm, vmargin=2cm",
    "preamble": r"""
\usepackage{xeCJK}
% Middle dot, dashes, curly quotes and ellipsis are Latin punctuation here, not CJK.
\xeCJKDeclareCharClass{Default}{"00B7, "2010 -> "2027}
\setcounter{secnumdepth}{0}
""",
}
