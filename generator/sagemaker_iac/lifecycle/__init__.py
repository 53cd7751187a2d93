"""Stage 2, catalog -> catalog: import from the SDK or the docs, diff, verify. Never targets."""
