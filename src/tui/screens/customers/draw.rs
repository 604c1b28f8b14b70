//! The Customers table drawn: only the visible rows, the total under it, the selected
//! row in full on the line below, and the cell being edited or the association list.

use super::*;
use crate::tui::widgets::put_line::PutLine;

pub(super) fn columns(loc: &Locale, width: u16) -> Vec<Column> {
    let wide = width >= 110;
    let narrow = width < 76;
    // Eight columns hold 999,999; larger counts are shortened (the line under the table
    // has the exact value).
    let number = if wide {
        8
    } else if narrow {
        6
    } else {
        7
    };
    let association = if wide {
        16
    } else if narrow {
        7
    } else {
        9
    };
    let counted = if wide {
        10
    } else if narrow {
        7
    } else {
        9
    };
    let trial = crate::text::width(loc.t("wizard.customers.col_trial")).max(3) as u16;
    let fixed = association + trial + number * Workload::ALL.len() as u16 + counted;
    let gaps = |n: u16| n * table::GAP;
    let rest = width.saturating_sub(fixed + gaps(9));
    // Wide, the name and the reason share what is left; the name takes half, up to what
    // long tenant names need, and the reason the rest.
    let (name, note) = if rest >= 10 + 8 + table::GAP && wide {
        let name = (rest / 2).clamp(10, 32);
        (name, rest.saturating_sub(name + table::GAP))
    } else {
        (width.saturating_sub(fixed + gaps(8)).max(6), 0)
    };
    let col = |key: &str, width: u16, right: bool| Column {
        title: loc.t(key).to_string(),
        width,
        right,
    };
    let mut cols = vec![
        col("wizard.customers.col_name", name, false),
        col("wizard.customers.col_association", association, false),
        col("wizard.customers.col_trial", trial, false),
    ];
    for w in Workload::ALL {
        cols.push(col(
            &format!("wizard.customers.col_{}", w.id()),
            number,
            true,
        ));
    }
    cols.push(col("wizard.customers.col_counted", counted, true));
    if note > 0 {
        cols.push(col("wizard.customers.col_note", note, false));
    }
    cols
}

/// The association's name, or its short name where the column is too narrow for it (cut
/// full names would look alike: 有記錄可查的交易… and 有記錄可查的數位…).
fn association_label(loc: &Locale, association: Association, columns: u16) -> String {
    let full = association_name(loc, association);
    if crate::text::width(full) <= usize::from(columns) {
        return full.to_string();
    }
    loc.t(&format!("association_short.{}", association.id()))
        .to_string()
}

fn short_exclusion(loc: &Locale, reason: Exclusion) -> &str {
    loc.t(match reason {
        Exclusion::Duplicate => "counted_once.short",
        Exclusion::Trial => "wizard.customers.short.trial",
        Exclusion::NoAssociation => "wizard.customers.short.no_association",
        Exclusion::AssociationNotCounted => "wizard.customers.short.association_not_counted",
    })
}

pub(crate) fn draw(s: &State, cx: &ViewCtx, frame: &mut Canvas, body: Rect) {
    let theme = cx.theme;
    let Some(draft) = &cx.draft else {
        return;
    };
    let loc = cx.loc;
    let g = geometry(body);
    let cols = columns(loc, g.table.width);
    let customers = &draft.profile.customers;
    let results = &draft.assessment.customers;
    let view = TableView {
        columns: &cols,
        row_count: customers.len(),
        offset: s.offset,
        selected_row: (!customers.is_empty()).then_some(s.row),
        selected_col: Some(s.col),
    };
    let yes = loc.t("wizard.yes");
    let no = loc.t("wizard.no");
    view.draw(g.table, frame.buffer_mut(), theme, |row, col| {
        let c = &customers[row];
        let r = &results[row];
        match col {
            NAME => c.name.clone(),
            ASSOCIATION => association_label(loc, c.association, cols[ASSOCIATION].width),
            TRIAL => if c.trial { yes } else { no }.to_string(),
            COUNTED => match r.excluded {
                Some(reason) => short_exclusion(loc, reason).to_string(),
                None => loc.compact_count(r.counted, usize::from(cols[COUNTED].width)),
            },
            // Short: the full sentence is on the line under the table.
            WHY => match (r.excluded, r.top_workload) {
                (Some(reason), _) => exclusion_reason(loc, reason).to_string(),
                (None, Some(w)) => workload_name(loc, w).to_string(),
                (None, None) => loc.t("report.no_active_users").to_string(),
            },
            col => workload(col)
                .map(|w| {
                    loc.compact_count(c.active_users.get(w).into(), usize::from(cols[col].width))
                })
                .unwrap_or_default(),
        }
    });
    let buf = frame.buffer_mut();
    // A marker beside the selected row, so the selection shows without colour.
    if let Some(vr) = s.row.checked_sub(s.offset)
        && vr < TableView::visible_rows(g.table)
        && !customers.is_empty()
    {
        buf.set_string(g.table.x - 1, g.table.y + 1 + vr as u16, "›", theme.heading);
    }
    if customers.is_empty() {
        buf.put_line(
            g.table.x,
            g.table.y + 1,
            &Line::styled(loc.t("wizard.customers.empty"), theme.dim),
            g.table.width,
        );
    }

    let total = loc.plural(
        "wizard.customers.total",
        customers.len() as u64,
        &[
            ("total", &thousands(draft.assessment.active_entitlements)),
            ("excluded", &thousands(draft.excluded_rows.len() as u64)),
        ],
    );
    buf.put_line(
        g.total.x,
        g.total.y,
        &Line::styled(
            table::fit(&total, usize::from(g.total.width)),
            theme.heading,
        ),
        g.total.width,
    );

    let detail = if s.confirm_delete {
        let name = customers.get(s.row).map(|c| c.name.as_str()).unwrap_or("");
        Line::styled(
            loc.f(
                "wizard.customers.confirm_delete",
                &[("name", &crate::text::visible(name))],
            ),
            theme.warning,
        )
    } else if let (Some(c), Some(r)) = (customers.get(s.row), results.get(s.row)) {
        let mut text = loc.f(
            "wizard.customers.detail",
            &[
                ("name", &crate::text::visible(&c.name)),
                ("n", &thousands(r.counted)),
                (
                    "why",
                    &customer_note(loc, &draft.assessment, customers, s.row),
                ),
            ],
        );
        // A workload count shortened in its cell is given here in full, first.
        if let Some(w) = workload(s.col) {
            let exact = thousands(c.active_users.get(w).into());
            if exact.len() > usize::from(cols[s.col].width) {
                text = loc.f(
                    "wizard.customers.detail_cell",
                    &[
                        ("detail", &text),
                        ("workload", &workload_name(loc, w)),
                        ("n", &exact),
                    ],
                );
            }
        }
        // Where the numbers came from (typed, our CSV, a usage report and its date), kept
        // when the line is short of room.
        if let Some(source) = &c.source {
            let brief = loc.f(
                "detail_fit.customer",
                &[
                    ("name", &crate::text::visible(&c.name)),
                    ("n", &thousands(r.counted)),
                ],
            );
            text = crate::tui::words::detail_with_source(
                loc,
                &text,
                Some(&brief),
                source,
                usize::from(g.detail.width),
            );
        }
        Line::styled(table::fit(&text, usize::from(g.detail.width)), theme.dim)
    } else {
        Line::default()
    };
    buf.put_line(g.detail.x, g.detail.y, &detail, g.detail.width);

    // The cell being edited, its caret, and the message under it.
    let visible_row = s
        .row
        .checked_sub(s.offset)
        .filter(|r| *r < TableView::visible_rows(g.table));
    let Some(vr) = visible_row else {
        return;
    };
    let y = g.table.y + 1 + vr as u16;
    let spans = table::column_spans(&cols, g.table.x);
    let (x, cw) = spans[s.col.min(spans.len() - 1)];
    if let Some(edit) = &s.edit {
        // A number longer than its column is shown whole while typed: the field grows to
        // the left over its neighbours (numbers are right-aligned), as a spreadsheet's does.
        let needed = (crate::text::width(edit.field.text()) + 1).min(usize::from(u16::MAX)) as u16;
        let (x, cw) = if cols[s.col.min(cols.len() - 1)].right && needed > cw {
            let right = x + cw;
            let left = right.saturating_sub(needed).max(g.table.x);
            (left, right - left)
        } else {
            (x, cw)
        };
        let area = Rect::new(x, y, cw.min(g.table.right().saturating_sub(x)), 1);
        buf.set_style(area, theme.field);
        for x in area.x..area.right() {
            buf[(x, y)].set_symbol(" ");
        }
        if let Some(pos) = edit
            .field
            .draw(area, buf, theme.field.patch(theme.selected))
        {
            frame.set_cursor_position(pos);
        }
        let message = match (&s.problem, s.repeats) {
            (Some(problem), _) => Some(crate::messages::problem(loc, problem)),
            (None, Some(other)) => Some(loc.f(
                "counted_once.customer_exists",
                &[
                    (
                        "name",
                        &crate::text::visible(customers.get(other).map_or("", |c| c.name.trim())),
                    ),
                    ("row", &(other + 1)),
                ],
            )),
            (None, None) => None,
        };
        if let Some(message) = message {
            let message = format!("! {message}");
            let my = if y + 1 < g.table.bottom() {
                y + 1
            } else {
                g.total.y
            };
            let buf = frame.buffer_mut();
            let w = g.table.right().saturating_sub(x);
            let mx = if crate::text::width(&message) > usize::from(w) {
                g.table.x
            } else {
                x
            };
            let area = Rect::new(mx, my, g.table.right().saturating_sub(mx), 1);
            buf.set_style(area, theme.plain);
            for x in area.x..area.right() {
                buf[(x, my)].set_symbol(" ");
            }
            buf.put_line(
                mx,
                my,
                &Line::styled(table::fit(&message, usize::from(area.width)), theme.error),
                area.width,
            );
        }
    }
    if let Some(at) = s.picker {
        draw_picker(cx, frame, at, x, y, body);
    }
}

fn draw_picker(cx: &ViewCtx, frame: &mut Canvas, at: usize, x: u16, y: u16, body: Rect) {
    let (loc, theme) = (cx.loc, cx.theme);
    let Some(draft) = cx.draft else {
        return;
    };
    let rules = draft.rules();
    let labels: Vec<String> = Association::ALL
        .iter()
        .map(|a| {
            let name = association_name(loc, *a);
            if rules.counts_association(*a) {
                name.to_string()
            } else {
                loc.f("wizard.labels.not_counted", &[("name", &name)])
            }
        })
        .collect();
    let inner_width = labels
        .iter()
        .map(|l| crate::text::width(l))
        .max()
        .unwrap_or(10) as u16
        + 4;
    let height = labels.len() as u16 + 2;
    let width = (inner_width + 2).min(body.width);
    let x = x.min(body.right().saturating_sub(width));
    let y = if y + 1 + height <= body.bottom() {
        y + 1
    } else {
        y.saturating_sub(height).max(body.y)
    };
    let area = Rect::new(x, y, width, height.min(body.height));
    crate::tui::widgets::overlay::clear(area, frame.buffer_mut());
    let block = Block::bordered().title(Span::styled(
        loc.t("wizard.customers.col_association"),
        theme.heading,
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let buf = frame.buffer_mut();
    for (i, label) in labels.iter().enumerate() {
        if i as u16 >= inner.height {
            break;
        }
        let (marker, style) = if i == at {
            ("› ", theme.selected)
        } else {
            ("  ", theme.plain)
        };
        let line = Line::styled(format!("{marker}{label}"), style);
        buf.put_line(inner.x, inner.y + i as u16, &line, inner.width);
    }
}
