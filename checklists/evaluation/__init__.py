"""案卷评查 of an archive: scoring standards (data), coverage notes, reproducible
sampling, evaluating files or dossiers outside the workspace, the store of past
evaluations, and the reports (.xlsx, .docx). The application layer
(``tui.application.evaluate``) puts them together."""
