//! The Staff table drawn: a column per exam and certification of the rules, each person's
//! status, and the selected person in full under the table.

use super::*;
use crate::tui::widgets::put_line::PutLine;

pub(super) fn columns(loc: &Locale, draft: &Option<Draft>, width: u16) -> Vec<Column> {
    let Some(d) = draft else {
        return Vec::new();
    };
    let item_cols: Vec<Column> = items(d.rules())
        .iter()
        .map(|(_, id)| {
            let title = item_name(loc, id);
            Column {
                width: crate::text::width(&title).max(3) as u16,
                title,
                right: false,
            }
        })
        .collect();
    let fixed: u16 = item_cols.iter().map(|c| c.width + table::GAP).sum();
    let rest = width.saturating_sub(fixed + table::GAP);
    let name = (rest / 3).clamp(8, 24);
    let status = rest.saturating_sub(name);
    let mut cols = vec![Column {
        title: loc.t("wizard.staff.col_name").to_string(),
        width: name,
        right: false,
    }];
    cols.extend(item_cols);
    cols.push(Column {
        title: loc.t("wizard.staff.col_status").to_string(),
        width: status,
        right: false,
    });
    cols
}

fn status(loc: &Locale, draft: &Option<Draft>, row: usize) -> String {
    let Some(d) = draft else {
        return String::new();
    };
    let Some(result) = d.assessment.staff.get(row) else {
        return String::new();
    };
    let mut text = person_line(loc, d.rules(), &d.profile.staff, result);
    if let Some(unknown) = unknown_ids(loc, result) {
        text = format!("{text}{}{unknown}", loc.t("person.separator"));
    }
    text
}

pub(crate) fn draw(s: &State, cx: &ViewCtx, frame: &mut Canvas, body: Rect) {
    let theme = cx.theme;
    let Some(d) = cx.draft else {
        return;
    };
    let loc = cx.loc;
    let area = table_area(body);
    let cols = columns(cx.loc, cx.draft, area.width);
    let item_list = items(d.rules());
    let staff = &d.profile.staff;
    let view = TableView {
        columns: &cols,
        row_count: staff.len(),
        offset: s.offset,
        selected_row: (!staff.is_empty()).then_some(s.row),
        selected_col: Some(s.col),
    };
    view.draw(area, frame.buffer_mut(), theme, |row, col| {
        let p = &staff[row];
        if col == 0 {
            p.name.clone()
        } else if let Some((kind, id)) = item_list.get(col - 1) {
            if has(p, *kind, id) { "[x]" } else { "[ ]" }.to_string()
        } else {
            status(loc, cx.draft, row)
        }
    });
    let buf = frame.buffer_mut();
    // A marker beside the selected row, so the selection shows without colour.
    if let Some(vr) = s.row.checked_sub(s.offset)
        && vr < TableView::visible_rows(area)
        && !staff.is_empty()
    {
        buf.set_string(area.x - 1, area.y + 1 + vr as u16, "›", theme.heading);
    }
    if staff.is_empty() {
        buf.put_line(
            area.x,
            area.y + 1,
            &Line::styled(loc.t("wizard.staff.empty"), theme.dim),
            area.width,
        );
    }
    let summary_y = area.bottom();
    let summary = loc.f(
        "report.staff_heading",
        &[
            (
                "qualified",
                &thousands(u64::from(d.assessment.qualified_people)),
            ),
            ("count", &thousands(staff.len() as u64)),
        ],
    );
    buf.put_line(
        area.x,
        summary_y,
        &Line::styled(summary, theme.heading),
        area.width,
    );
    let detail = if s.confirm_delete {
        let name = staff.get(s.row).map(|p| p.name.as_str()).unwrap_or("");
        Line::styled(
            loc.f("wizard.staff.confirm_delete", &[("name", &visible(name))]),
            theme.warning,
        )
    } else if let Some(p) = staff.get(s.row) {
        let mut text = loc.f(
            "wizard.staff.detail",
            &[
                ("name", &visible(&p.name)),
                ("status", &status(loc, cx.draft, s.row)),
            ],
        );
        // Where the exams came from (typed, our CSV, the training report).
        if let Some(source) = &p.source {
            text = crate::tui::words::detail_with_source(
                loc,
                &text,
                None,
                source,
                usize::from(area.width),
            );
        }
        Line::styled(table::fit(&text, usize::from(area.width)), theme.dim)
    } else {
        Line::default()
    };
    buf.put_line(area.x, summary_y + 1, &detail, area.width);

    if let Some(edit) = &s.edit
        && let Some(vr) = s.row.checked_sub(s.offset)
        && vr < TableView::visible_rows(area)
    {
        let y = area.y + 1 + vr as u16;
        let (cx, cw) = table::column_spans(&cols, area.x)[0];
        let cell = Rect::new(cx, y, cw, 1);
        for x in cell.x..cell.right() {
            buf[(x, y)].set_symbol(" ");
        }
        if let Some(pos) = edit
            .field
            .draw(cell, buf, theme.field.patch(theme.selected))
        {
            frame.set_cursor_position(pos);
        }
        if let Some(other) = s.repeats {
            let message = format!(
                "! {}",
                loc.f(
                    "counted_once.person_exists",
                    &[
                        (
                            "name",
                            &visible(staff.get(other).map_or("", |p| p.name.trim())),
                        ),
                        ("row", &(other + 1)),
                    ],
                )
            );
            // Under the cell, or on the detail line when the cell is the table's last row.
            let my = if y + 1 < area.bottom() {
                y + 1
            } else {
                summary_y + 1
            };
            let line = Rect::new(area.x, my, area.width, 1);
            let buf = frame.buffer_mut();
            buf.set_style(line, theme.plain);
            for x in line.x..line.right() {
                buf[(x, my)].set_symbol(" ");
            }
            buf.put_line(
                area.x,
                my,
                &Line::styled(table::fit(&message, usize::from(area.width)), theme.error),
                area.width,
            );
        }
    }
}
