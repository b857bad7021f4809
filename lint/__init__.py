"""mtlint: a translation-quality linter for machine-translated news."""
