"""The application layer: the operations a person performs (create, import, render, submit,
review, search, publish) and the one clock. Both front ends (``tui.cli`` and ``tui.textual_app``)
call this and nothing deeper."""
