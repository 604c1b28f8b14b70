//! The wizard's own wording: the status line's messages. Everything else a screen says
//! comes from the report's phrases (the same sentences as the reports) or the locale files
//! directly; errors are worded by `messages`.

use super::note::{DraftNote, Note};
use crate::i18n::Locale;
use crate::messages::store_error;
use crate::text::visible;

pub(crate) fn note_text(loc: &Locale, note: &Note) -> String {
    match note {
        Note::Saved => loc.t("wizard.note.saved").to_string(),
        Note::SaveFailed(e) => loc.f(
            "wizard.note.save_failed",
            &[("reason", &crate::messages::store_error(loc, e))],
        ),
        Note::Exported(path) => loc.f(
            "wizard.note.exported",
            &[("path", &path.display().to_string())],
        ),
        Note::CsvExported { path, customers } => loc.plural(
            "wizard.csv_export.done",
            *customers as u64,
            &[("path", &path.display().to_string())],
        ),
        Note::CsvExportFailed(e) => loc.f(
            "wizard.csv_export.failed",
            &[("reason", &crate::messages::store_error(loc, e))],
        ),
        Note::ExportFailed(e) => loc.f(
            "wizard.note.export_failed",
            &[("reason", &crate::messages::store_error(loc, e))],
        ),
        Note::ListFailed(e) => loc.f(
            "wizard.note.list_failed",
            &[("reason", &crate::messages::store_error(loc, e))],
        ),
        Note::MouseOn => loc.t("wizard.note.mouse_on").to_string(),
        Note::MouseOff => loc.t("wizard.note.mouse_off").to_string(),
        Note::Deleted(name) => loc.f("wizard.note.deleted", &[("name", name)]),
        Note::QuitUnsaved => loc.t("wizard.note.quit_unsaved").to_string(),
        Note::Drafts(note) => draft_note_text(loc, note),
        Note::FolderReadOnly(folder) => loc.f(
            "store_safety.folder_read_only",
            &[("folder", &folder.display())],
        ),
        Note::CompareMarked(name) => loc.f("compare.marked", &[("name", name)]),
        Note::CompareFailed(e) => loc.f(
            "compare.failed",
            &[("reason", &crate::messages::store_error(loc, e))],
        ),
        Note::LanguageSwitched => loc.t("keyboard.language_switched").to_string(),
        Note::Undo { undone, what } => loc.f(
            if *undone {
                "keyboard.undone"
            } else {
                "keyboard.redone"
            },
            &[("change", &loc.t(what.label()))],
        ),
        Note::NothingToUndo(undo) => loc
            .t(if *undo {
                "keyboard.nothing_to_undo"
            } else {
                "keyboard.nothing_to_redo"
            })
            .to_string(),
        Note::OpenedReadOnly(why) => loc.f(
            "store_safety.opened_read_only",
            &[("reason", &crate::messages::store_error(loc, why))],
        ),
    }
}

/// A Start-screen message about drafts, in words.
pub(crate) fn draft_note_text(loc: &Locale, note: &DraftNote) -> String {
    match note {
        DraftNote::Renamed { name, .. } => {
            loc.f("wizard.drafts.renamed", &[("name", &visible(name))])
        }
        DraftNote::Duplicated { name, .. } => {
            loc.f("wizard.drafts.duplicated", &[("name", &visible(name))])
        }
        DraftNote::Deleted { name } => loc.f("wizard.drafts.deleted", &[("name", &visible(name))]),
        DraftNote::Failed(e) => loc.f("wizard.drafts.failed", &[("reason", &store_error(loc, e))]),
        DraftNote::ReadOnlyRefused => loc.t("wizard.drafts.read_only_refused").to_string(),
    }
}
