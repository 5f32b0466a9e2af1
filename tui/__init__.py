"""The terminal front ends: the ``casefile`` CLI and the Textual app, thin clients over casefile."""
