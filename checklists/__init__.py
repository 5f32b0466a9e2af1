"""The legal-review rule packs (data) and the engine that runs them over a case."""
