"""Reference county platform server speaking ../shared/county-api (development, pilots, tests)."""
