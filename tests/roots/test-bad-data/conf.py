project = "Test Bad Data"
extensions = ["sphinx_profile"]
exclude_patterns = ["_build", "data"]

profile_date_format = "%Y.%m"
profile_present = "now"
