"""The data layer: files -> positioned values -> typed records -> queries. No Sphinx here."""
