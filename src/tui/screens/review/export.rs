//! Review's exports asked for: the file to write (the default beside the draft, selected,
//! so typing replaces it), then, when a file is already there, whether to replace it.

use std::path::PathBuf;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;

use crate::i18n::Locale;
use crate::text::visible;
use crate::tui::draft::Draft;
use crate::tui::effect::Effect;
use crate::tui::effect::ExportKind;
use crate::tui::import_job::expand;
use crate::tui::keys::{self, Action, Binding};
use crate::tui::mode::Mode;
use crate::tui::theme::Theme;
use crate::tui::widgets::put_line::PutLine;
use crate::tui::widgets::table::fit;
use crate::tui::widgets::text_field::{EditOp, TextField};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Prompt {
    /// The path being typed: Enter writes, Esc cancels. `file_name` is the default's, for
    /// a folder typed (ending in `/`).
    Path {
        kind: ExportKind,
        field: TextField,
        file_name: String,
    },
    /// A file is already at `path`: y replaces it, n goes back to the path.
    Replace { kind: ExportKind, path: PathBuf },
}

/// The path field for an export, its default filled in and selected.
pub(super) fn ask(kind: ExportKind, d: &Draft) -> Prompt {
    let default = match kind {
        ExportKind::Report => d.report_path(),
        ExportKind::CustomersCsv => d.customers_csv_path(),
    };
    Prompt::Path {
        kind,
        field: TextField::selected(default.display().to_string()),
        file_name: default
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
    }
}

/// The loop found a file where the export was to go: ask before replacing it.
pub(crate) fn ask_replace(prompt: &mut Option<Prompt>, path: PathBuf, kind: ExportKind) {
    *prompt = Some(Prompt::Replace { kind, path });
}

pub(super) fn on_action(prompt: &mut Option<Prompt>, action: Action) -> Vec<Effect> {
    match (prompt.take(), action) {
        (
            Some(Prompt::Path {
                kind,
                field,
                file_name,
            }),
            Action::Activate,
        ) => {
            let typed = field.text().trim();
            if typed.is_empty() {
                *prompt = Some(Prompt::Path {
                    kind,
                    field,
                    file_name,
                });
                return Vec::new();
            }
            // A folder typed (ending in a separator) gets the default file name in it.
            let folder = typed.ends_with('/') || typed.ends_with(std::path::MAIN_SEPARATOR);
            let path = expanded(typed);
            let path = if folder { path.join(file_name) } else { path };
            vec![kind.effect(path, false)]
        }
        (Some(Prompt::Path { .. }), Action::Cancel) => Vec::new(),
        (Some(Prompt::Replace { kind, path }), Action::Yes) => vec![kind.effect(path, true)],
        // Kept: back to the path, to type another one (Esc there cancels).
        (Some(Prompt::Replace { kind, path }), Action::No) => {
            let file_name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            *prompt = Some(Prompt::Path {
                kind,
                field: TextField::new(path.display().to_string()),
                file_name,
            });
            Vec::new()
        }
        (kept, _) => {
            *prompt = kept;
            Vec::new()
        }
    }
}

pub(crate) fn edit(prompt: &mut Option<Prompt>, op: &EditOp) {
    if let Some(Prompt::Path { field, .. }) = prompt {
        field.apply(op);
    }
}

pub(crate) fn mode(prompt: &Prompt) -> Mode {
    match prompt {
        Prompt::Path { .. } => Mode::Editing,
        Prompt::Replace { .. } => Mode::Confirm,
    }
}

pub(crate) fn key_table(prompt: &Prompt) -> &'static [Binding] {
    match prompt {
        Prompt::Path { .. } => keys::EXPORT_PATH,
        Prompt::Replace { .. } => keys::EXPORT_REPLACE,
    }
}

/// `~` is the home folder and a relative path starts from the current folder, as the
/// import's path field reads them.
fn expanded(typed: &str) -> PathBuf {
    let home = directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
    let cwd = std::env::current_dir().unwrap_or_default();
    expand(typed, home.as_deref(), &cwd)
}

/// The prompt in the rows under Review's text (`area`, three rows): what is asked, the
/// path, and how to answer. Returns where the cursor belongs.
pub(super) fn draw(
    prompt: &Prompt,
    loc: &Locale,
    theme: &Theme,
    buf: &mut Buffer,
    area: Rect,
) -> Option<Position> {
    let w = usize::from(area.width);
    let line = |buf: &mut Buffer, row: u16, text: &str, style| {
        if row < area.height {
            buf.put_line(
                area.x,
                area.y + row,
                &Line::styled(fit(text, w), style),
                area.width,
            );
        }
    };
    match prompt {
        Prompt::Path { kind, field, .. } => {
            let label = match kind {
                ExportKind::Report => "review_export.report_label",
                ExportKind::CustomersCsv => "review_export.csv_label",
            };
            line(buf, 0, loc.t(label), theme.heading);
            line(buf, 2, loc.t("review_export.path_hint"), theme.dim);
            if area.height < 2 {
                return None;
            }
            let field_area = Rect::new(area.x, area.y + 1, area.width, 1);
            field.draw(field_area, buf, theme.field)
        }
        Prompt::Replace { path, .. } => {
            let path = path.display().to_string();
            line(
                buf,
                0,
                &format!("! {}", loc.t("review_export.exists")),
                theme.error,
            );
            line(buf, 1, &visible(&path), theme.plain);
            line(
                buf,
                2,
                loc.t("review_export.replace_question"),
                theme.heading,
            );
            None
        }
    }
}
