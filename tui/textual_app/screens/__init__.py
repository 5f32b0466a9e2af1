"""Screens of the Textual app, one module per workflow."""
