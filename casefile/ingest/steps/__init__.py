"""The steps of an import, in order: scope → read → classify → extract (one file at a time) → find the case →
foreign check → open the case → store → fill facts → finish. Each step is a function of its own module,
passing the state of the import (``state.ImportRun``, one ``state.Item`` per file); ``casefile.ingest.importer``
runs them."""
