//! The Start screen drawn: the new-assessment line or its name field, the list of drafts
//! as it fills in, the folder under it, and a question over the list.

use super::*;
use crate::tui::widgets::put_line::PutLine;

fn columns(loc: &Locale, width: u16) -> Vec<Column> {
    let changed = 16;
    let tier = 22.min(width / 3);
    let name = width.saturating_sub(changed + tier + 2 * table::GAP);
    vec![
        Column {
            title: loc.t("drafts.col_name").to_string(),
            width: name,
            right: false,
        },
        Column {
            title: loc.t("drafts.col_changed").to_string(),
            width: changed,
            right: false,
        },
        Column {
            title: loc.t("drafts.col_tier").to_string(),
            width: tier,
            right: false,
        },
    ]
}

pub(crate) fn draw(s: &State, cx: &ViewCtx, frame: &mut Canvas, body: Rect) {
    let (loc, theme) = (cx.loc, cx.theme);
    let g = geometry(body);
    let buf = frame.buffer_mut();
    buf.put_line(
        g.intro.x,
        g.intro.y,
        &Line::styled(loc.t("wizard.start.intro"), theme.plain),
        g.intro.width,
    );
    let mut cursor = None;
    if let Some(Prompt::Opening {
        name, shown: true, ..
    }) = &s.prompt
    {
        buf.put_line(
            g.message.x + 2,
            g.message.y,
            &Line::styled(
                loc.f("opening.progress", &[("name", &visible(name))]),
                theme.dim,
            ),
            g.message.width.saturating_sub(2),
        );
    }
    if let Some(Prompt::Delete { name, .. }) = &s.prompt {
        let question = loc.f("wizard.drafts.delete_question", &[("name", &visible(name))]);
        buf.put_line(
            g.new_line.x,
            g.new_line.y,
            &Line::styled(format!("! {question}"), theme.error),
            g.new_line.width,
        );
        buf.put_line(
            g.message.x + 2,
            g.message.y,
            &Line::styled(loc.t("wizard.drafts.delete_hint"), theme.dim),
            g.message.width.saturating_sub(2),
        );
    } else if let Some((label, field, missing, hint)) = field_prompt(s, loc) {
        let label = table::fit(&label, usize::from(g.new_line.width / 2));
        // A full-width colon (Chinese) has its space built in; ":" wants one.
        let gap = if label.ends_with('：') { "" } else { " " };
        let label_line = Line::from(vec![
            Span::raw("› "),
            Span::styled(label, theme.heading),
            Span::raw(gap),
        ]);
        let used = buf
            .put_line(g.new_line.x, g.new_line.y, &label_line, g.new_line.width)
            .0;
        let field_area = Rect::new(
            used,
            g.new_line.y,
            g.new_line.right().saturating_sub(used),
            g.new_line.height,
        );
        cursor = field.draw(field_area, buf, theme.field);
        let hint = if missing {
            Line::styled(
                format!("! {}", loc.t("wizard.start.name_missing")),
                theme.error,
            )
        } else {
            Line::styled(loc.t(hint), theme.dim)
        };
        buf.put_line(
            g.message.x + 2,
            g.message.y,
            &hint,
            g.message.width.saturating_sub(2),
        );
    } else {
        let style = if s.selected == 0 {
            theme.selected
        } else {
            theme.plain
        };
        let marker = if s.selected == 0 { "› " } else { "  " };
        if g.new_line.height > 0 {
            buf.set_style(g.new_line, style);
        }
        buf.put_line(
            g.new_line.x,
            g.new_line.y,
            &Line::styled(
                if s.folder_read_only {
                    format!("{marker}{}", loc.t("store_safety.no_new_here"))
                } else {
                    format!("{marker}+ {}", loc.t("wizard.start.new"))
                },
                style,
            ),
            g.new_line.width,
        );
    }

    if s.listing && s.drafts.is_empty() {
        // Nothing yet: drawn again as soon as drafts are read.
    } else if s.drafts.is_empty() {
        buf.put_line(
            g.table.x,
            g.table.y,
            &Line::styled(loc.t("wizard.start.no_drafts"), theme.dim),
            g.table.width,
        );
    } else {
        let columns = columns(loc, g.table.width);
        let view = TableView {
            columns: &columns,
            row_count: s.drafts.len(),
            offset: s.offset,
            selected_row: s.selected.checked_sub(1).filter(|_| s.naming.is_none()),
            selected_col: None,
        };
        view.draw(g.table, buf, theme, |row, col| {
            let d = &s.drafts[row];
            match col {
                0 => d.name.clone(),
                1 => d.changed.clone(),
                _ => match &d.status {
                    Ok(Some(tier)) => tier_name(loc, tier),
                    Ok(None) => loc.t("drafts.no_tier").to_string(),
                    Err(e) => loc.f("drafts.unreadable", &[("reason", &reason(loc, d, e))]),
                },
            }
        });
        // Markers beside selected rows, so the choice shows without colour.
        if let Some(sel) = view.selected_row
            && sel >= s.offset
            && sel - s.offset < TableView::visible_rows(g.table)
        {
            let y = g.table.y + 1 + (sel - s.offset) as u16;
            buf.set_string(g.table.x.saturating_sub(2), y, "›", theme.selected);
        }
    }
    // With the count, once known, so that a list longer than the screen says how long it
    // is.
    let folder_name = visible(&s.folder.display().to_string()).into_owned();
    let folder = if let (true, Some((read, total))) = (s.listing, s.reading) {
        loc.f(
            "listing.reading",
            &[
                ("read", &read.to_string()),
                ("total", &total.to_string()),
                ("folder", &folder_name),
            ],
        )
    } else if s.listing {
        loc.f("wizard.start.folder_reading", &[("folder", &folder_name)])
    } else {
        loc.plural(
            "wizard.start.folder",
            s.drafts.len() as u64,
            &[("folder", &folder_name)],
        )
    };
    buf.put_line(
        g.folder.x,
        g.folder.y,
        &Line::styled(table::fit(&folder, usize::from(g.folder.width)), theme.dim),
        g.folder.width,
    );
    if let Some(Prompt::Locked { error, .. } | Prompt::Broken { error, .. }) = &s.prompt {
        draw_problem(loc, theme, frame, g.table, error);
    }
    if let Some(pos) = cursor {
        frame.set_cursor_position(pos);
    }
}

/// Why a draft of the list cannot be read, without its path (the row names the file, and
/// the column is narrow); opening it shows the whole message.
fn reason(loc: &Locale, d: &DraftSummary, e: &StoreError) -> String {
    let full = store_error(loc, e);
    let path = d.path.display().to_string();
    full.strip_prefix(&path)
        .and_then(|rest| rest.strip_prefix(": ").or_else(|| rest.strip_prefix('：')))
        .map_or_else(|| full.clone(), str::to_string)
}

/// The text field being typed on this screen, if any: label, field, whether the name is
/// missing, and the hint's locale key.
fn field_prompt<'a>(
    s: &'a State,
    loc: &Locale,
) -> Option<(String, &'a TextField, bool, &'static str)> {
    match &s.prompt {
        Some(Prompt::Name {
            purpose,
            name,
            field,
            missing,
            ..
        }) => {
            let (label, hint) = purpose.words();
            Some((
                loc.f(label, &[("name", &visible(name))]),
                field,
                *missing,
                hint,
            ))
        }
        Some(_) => None,
        None => s.naming.as_ref().map(|field| {
            (
                loc.t("wizard.start.name_label").to_string(),
                field,
                s.name_missing,
                "wizard.start.name_hint",
            )
        }),
    }
}

/// A box over the list: the draft asked for is open elsewhere, or cannot be read (the
/// message names the file, the line and what is wrong), and what can be done now.
fn draw_problem(loc: &Locale, theme: &Theme, frame: &mut Canvas, area: Rect, error: &StoreError) {
    let (title, choices) = match error {
        StoreError::Locked { .. } => ("wizard.drafts.locked_title", "wizard.drafts.locked_choices"),
        _ => ("wizard.drafts.broken_title", "wizard.drafts.broken_choices"),
    };
    let message = visible(&store_error(loc, error)).into_owned();
    let inner_width = usize::from(area.width.saturating_sub(4).max(1));
    // Rows the wrapped text takes, with one to spare for breaks at word ends.
    let rows = |t: &str| crate::text::width(t).div_ceil(inner_width).max(1);
    let needed = (rows(&message) + 1 + rows(loc.t(choices)) + 1 + 2) as u16;
    let text = vec![
        Line::styled(message, theme.plain),
        Line::raw(""),
        Line::styled(loc.t(choices), theme.heading),
    ];
    let paragraph = Paragraph::new(text).wrap(Wrap { trim: true });
    // From the list's selection marker to its right edge, so the box covers the marker.
    let box_area = Rect::new(
        area.x.saturating_sub(2),
        area.y,
        area.width.saturating_add(2),
        needed.min(area.height),
    );
    frame.render_widget(Clear, box_area);
    let block = Block::bordered().title(Span::styled(format!(" {} ", loc.t(title)), theme.error));
    let inner = block.inner(box_area);
    frame.render_widget(block, box_area);
    frame.render_widget(
        paragraph,
        Rect::new(
            inner.x + 1,
            inner.y,
            inner.width.saturating_sub(2),
            inner.height,
        ),
    );
}
