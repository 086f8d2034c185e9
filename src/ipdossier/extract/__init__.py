"""Draft dossier rows from a news article, for an analyst to review.

`article` reads and cleans the text, `counts`, `people`, `policies` and `dates` find
facts in it, each with a locator in the package's convention (1-based line, 0-based
end-exclusive span), `draft` writes them as CSVs in the package's own schemas, `diff`
compares a draft with the curated package and `apply` merges reviewed rows after
re-validating a copy. Everything is rule-based and deterministic.
"""
