project = "Test I18n"
extensions = ["sphinx_profile"]
exclude_patterns = ["_build", "data"]

# The tests set `language` (zh_CN, fr) through confoverrides; no profile_date_format,
# so dates follow the language.
profile_max_authors = 3
profile_derive_role = True
