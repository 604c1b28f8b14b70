//! The wizard's own wording: the status line's messages, and a detail line fitted to the
//! screen. Everything else a screen says
//! comes from the report's phrases (the same sentences as the reports) or the locale files
//! directly; errors are worded by `messages`.

use super::note::{DraftNote, Note};
use crate::i18n::Locale;
use crate::messages::store_error;
use crate::profile::Source;
use crate::report::import_words::with_source;
use crate::text::{visible, width};

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

/// A table's detail line with where its numbers came from, fitted to `columns`: the source
/// is what makes a number traceable, so it is the last thing given up. When the whole line
/// is too long, the file is named without its folder; then the detail is said briefly
/// (`brief`, when there is one); then the file's name is cut.
pub(crate) fn detail_with_source(
    loc: &Locale,
    detail: &str,
    brief: Option<&str>,
    source: &Source,
    columns: usize,
) -> String {
    let whole = with_source(loc, detail, source);
    if width(&whole) <= columns {
        return whole;
    }
    let named = Source {
        file: source.file.as_deref().map(|file| {
            std::path::Path::new(file)
                .file_name()
                .map_or_else(|| file.to_string(), |n| n.to_string_lossy().into_owned())
        }),
        ..source.clone()
    };
    let shorter = with_source(loc, detail, &named);
    if width(&shorter) <= columns {
        return shorter;
    }
    let detail = brief.unwrap_or(detail);
    let line = with_source(loc, detail, &named);
    let over = width(&line).saturating_sub(columns);
    match &named.file {
        // Still too long: the file's name is cut (with "…"), so the report's date stays.
        Some(file) if over > 0 && width(file) > over + 1 => {
            let cut = Source {
                file: Some(crate::tui::widgets::table::fit(file, width(file) - over)),
                ..named.clone()
            };
            with_source(loc, detail, &cut)
        }
        _ => line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::profile::{ReportDate, SourceKind};

    fn usage_report() -> Source {
        Source {
            kind: SourceKind::UsageReport,
            file: Some("/home/mei/Downloads/reports/Office365ActiveUserDetail-2017-10.csv".into()),
            report_date: ReportDate::parse("2017-10-31"),
        }
    }

    #[test]
    fn the_source_and_its_date_stay_when_the_line_is_short_of_room() {
        let loc = Locale::get(Lang::ZhTw);
        let detail = "Fabrikam：計入 1,200，最高工作負載：Exchange Online";
        let line = detail_with_source(
            loc,
            detail,
            Some("Fabrikam：計入 1,200"),
            &usage_report(),
            78,
        );
        assert!(width(&line) <= 78, "{line}");
        assert!(line.contains("2017-10-31"), "{line}");
        assert!(line.contains("Office365ActiveUser"), "{line}");
        assert!(line.starts_with("Fabrikam：計入 1,200"), "{line}");
        // With room, the whole line and the whole path.
        let wide = detail_with_source(loc, detail, None, &usage_report(), 200);
        assert!(wide.contains("/home/mei/Downloads/reports/"), "{wide}");
        assert!(wide.contains("Exchange Online"), "{wide}");
    }
}
