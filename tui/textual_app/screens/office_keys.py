"""The keys that reach the records office's screens: mixed into the case list (all cases)
and the case screen (this case). The Binding lines themselves sit in those screens'
BINDINGS (Textual reads bindings from the screen class); the actions live here."""

from __future__ import annotations


class CaseListOffice:
    def action_office_publicity(self) -> None:
        from tui.textual_app.screens.publicity import PublicityScreen

        self.app.push_screen(PublicityScreen(self.selected_case()))

    def action_office_stats(self) -> None:
        from tui.textual_app.screens.stats import StatsScreen

        self.app.push_screen(StatsScreen())

    def action_office_journal(self) -> None:
        from tui.textual_app.screens.journal import JournalScreen

        self.app.push_screen(JournalScreen())

    def action_office_laws(self) -> None:
        from tui.textual_app.screens.laws import LawLibraryScreen

        self.app.push_screen(LawLibraryScreen())

    def action_office_archive(self) -> None:
        from tui.textual_app.screens.archive import ArchiveIndexScreen

        self.app.push_screen(ArchiveIndexScreen())


class CaseOffice:
    def action_office_dossier(self) -> None:
        from tui.textual_app.screens.dossier_export import DossierExportScreen

        self.app.push_screen(DossierExportScreen(self.case_id), lambda _: self.refresh_case())

    def action_office_publicity(self) -> None:
        from tui.textual_app.screens.publicity import PublicityScreen

        self.app.push_screen(PublicityScreen(self.case_id), lambda _: self.refresh_case())

    def action_office_journal(self) -> None:
        from tui.textual_app.screens.journal import JournalScreen

        self.app.push_screen(JournalScreen(self.case_id))
