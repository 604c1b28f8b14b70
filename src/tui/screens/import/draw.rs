//! The import panel drawn: the path field, the customer asked for, the progress, or the
//! result in sentences that scroll.

use super::*;
use crate::tui::widgets::put_line::PutLine;

/// The result panel's lines in the user's language, safe to show, before wrapping.
/// `new_draft`: the import was from the Start screen and created nothing.
pub(super) fn sentences(
    loc: &Locale,
    paths: &[PathBuf],
    outcome: &Outcome,
    new_draft: bool,
) -> Vec<String> {
    let file = paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(loc.t("csv.list_separator"));
    let refused = if new_draft {
        "wizard.start_import.refused"
    } else {
        "wizard.import.refused"
    };
    let mut out = Vec::new();
    match outcome {
        Outcome::Imported(summary) => {
            out.push(loc.f("wizard.import.done", &[("path", &file)]));
            // One customers CSV alone reads as it always has: its summary, no heading.
            if let [only] = summary.files.as_slice()
                && let FileDetail::Customers(csv) = &only.detail
            {
                out.extend(words::summary_lines(loc, csv));
                out.extend(summary.stale.iter().map(|s| words::stale_line(loc, s)));
            } else {
                out.extend(words::run_summary_lines(loc, summary));
            }
        }
        Outcome::Refused(errors) => {
            out.push(loc.f(refused, &[("path", &file)]));
            for FileError { file, error } in errors {
                let mut lines = words::error_lines(loc, error);
                // The shared headline says nothing was imported, as the line above already
                // does: here it only counts the bad rows.
                if let ImportError::InvalidRows(rows) = error {
                    lines[0] = loc.plural(
                        "wizard.start_import.invalid_rows",
                        words::bad_lines(rows),
                        &[],
                    );
                }
                // Which file, when there are several.
                if paths.len() > 1 {
                    lines[0] = loc.f("csv.in_file", &[("file", file), ("message", &lines[0])]);
                }
                out.extend(lines);
            }
        }
        Outcome::Unreadable(error) => {
            out.push(loc.f(refused, &[("path", &file)]));
            out.push(crate::messages::store_error(loc, error));
        }
        Outcome::Cancelled if new_draft => out.push(loc.t("import.cancelled_new").to_string()),
        Outcome::Cancelled => out.push(loc.t("import.cancelled").to_string()),
    }
    out.into_iter().map(|l| visible(&l).into_owned()).collect()
}

pub(crate) fn draw(panel: &Option<Import>, cx: &ViewCtx, frame: &mut Canvas, body: Rect) {
    let theme = cx.theme;
    let Some(import) = panel else {
        return;
    };
    let loc = cx.loc;
    // From the Start screen, until the new draft is open.
    let title = if cx.draft.is_none() {
        "wizard.start_import.title"
    } else {
        "wizard.import.title"
    };
    match import {
        Import::Path(field) => draw_field(
            frame,
            theme,
            titled(loc, theme, title),
            body,
            field,
            loc.t("wizard.import.path_label"),
            &[loc.t("wizard.import.path_hint"), loc.t("import.path_hint")],
        ),
        Import::Customer { field, .. } => draw_field(
            frame,
            theme,
            titled(loc, theme, title),
            body,
            field,
            loc.t("import.customer_label"),
            &[loc.t("import.concealed_wizard")],
        ),
        Import::Running { typed, progress } => {
            let area = panel_area(body, 2);
            let block = titled(loc, theme, "import.progress_title");
            let inner = block.inner(area);
            crate::tui::widgets::overlay::clear(area, frame.buffer_mut());
            frame.render_widget(block, area);
            let file = if progress.file.is_empty() {
                typed.as_str()
            } else {
                progress.file.as_str()
            };
            let line = loc.f(
                "import.progress",
                &[
                    ("file", &file),
                    ("rows", &thousands(progress.rows)),
                    ("percent", &progress.percent),
                ],
            );
            let w = inner.width.saturating_sub(2);
            let buf = frame.buffer_mut();
            for (i, (text, style)) in [
                (visible(&line).into_owned(), theme.plain),
                (loc.t("import.cancel_hint").to_string(), theme.dim),
            ]
            .iter()
            .enumerate()
            .take(usize::from(inner.height))
            {
                buf.put_line(
                    inner.x + 1,
                    inner.y + i as u16,
                    &Line::styled(fit(text, usize::from(w)), *style),
                    w,
                );
            }
        }
        Import::Result {
            outcome, scroll, ..
        } => {
            let all = lines(panel, cx.draft.is_some(), loc, body);
            let area = panel_area(body, all.len() as u16);
            let block = titled(loc, theme, title);
            let inner = block.inner(area);
            crate::tui::widgets::overlay::clear(area, frame.buffer_mut());
            frame.render_widget(block, area);
            let style = match outcome {
                Outcome::Imported(_) => theme.plain,
                _ => theme.error,
            };
            let buf = frame.buffer_mut();
            let w = inner.width.saturating_sub(2);
            for (i, text) in all
                .iter()
                .skip(*scroll)
                .take(usize::from(inner.height))
                .enumerate()
            {
                let line_style = if *scroll + i == 0 {
                    style.patch(theme.heading)
                } else {
                    theme.plain
                };
                buf.put_line(
                    inner.x + 1,
                    inner.y + i as u16,
                    &Line::styled(fit(text, usize::from(w)), line_style),
                    w,
                );
            }
            // Where in a long result the view is, so that more lines below are not missed.
            if all.len() > usize::from(inner.height) && inner.height > 0 {
                let shown_to = (*scroll + usize::from(inner.height)).min(all.len());
                let position = loc.f(
                    "wizard.import.position",
                    &[
                        ("from", &thousands((*scroll + 1) as u64)),
                        ("to", &thousands(shown_to as u64)),
                        ("total", &thousands(all.len() as u64)),
                    ],
                );
                let text = format!(" {position} ");
                let width = crate::text::width(&text) as u16;
                let x = area.right().saturating_sub(width + 2).max(area.x);
                buf.set_string(x, area.bottom() - 1, text, theme.dim);
            }
        }
    }
}

/// A text field in a panel: a label above it, hints below as room allows.
fn draw_field(
    frame: &mut Canvas,
    theme: &Theme,
    block: Block,
    body: Rect,
    field: &TextField,
    label: &str,
    hints: &[&str],
) {
    let area = panel_area(body, 2 + hints.len() as u16);
    let inner = block.inner(area);
    crate::tui::widgets::overlay::clear(area, frame.buffer_mut());
    frame.render_widget(block, area);
    if inner.height < 2 {
        return;
    }
    let w = inner.width.saturating_sub(2);
    let buf = frame.buffer_mut();
    buf.put_line(
        inner.x + 1,
        inner.y,
        &Line::styled(fit(label, usize::from(w)), theme.plain),
        w,
    );
    let field_area = Rect::new(inner.x + 1, inner.y + 1, w, 1);
    buf.set_style(field_area, theme.field);
    let cursor = field.draw(field_area, buf, theme.field);
    for (i, hint) in hints.iter().enumerate() {
        let y = 2 + i as u16;
        if y >= inner.height {
            break;
        }
        buf.put_line(
            inner.x + 1,
            inner.y + y,
            &Line::styled(fit(hint, usize::from(w)), theme.dim),
            w,
        );
    }
    if let Some(pos) = cursor {
        frame.set_cursor_position(pos);
    }
}

fn titled<'a>(loc: &'a Locale, theme: &Theme, title: &str) -> Block<'a> {
    Block::bordered().title(Span::styled(format!(" {} ", loc.t(title)), theme.heading))
}
