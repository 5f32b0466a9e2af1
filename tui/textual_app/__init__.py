"""The Textual terminal UI: the app and its screens, over the application layer."""
