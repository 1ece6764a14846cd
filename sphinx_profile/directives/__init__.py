"""Directives, one module per family; each reads data through ``base.DataDirective``."""
