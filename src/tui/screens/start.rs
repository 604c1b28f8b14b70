//! Start: a new assessment (asks for a name), or one of the saved drafts.
//!
//! The list's actions are the `START` key table plus the match in `on_action`; renaming,
//! duplicating, deleting or importing a draft is one more binding and one more arm there.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::super::app::{DraftSummary, Effect, Mode, Model};
use super::super::keys::Action;
use super::super::theme::Theme;
use super::super::widgets::table::{self, Column, TableView};
use super::super::widgets::text_field::{EditOp, TextField};
use crate::report::phrases::tier_name;
use crate::text::visible;

#[derive(Debug, Clone, Default)]
pub struct State {
    /// 0 is "new assessment"; 1.. are the drafts.
    pub selected: usize,
    pub offset: usize,
    /// The name being typed for a new assessment.
    pub naming: Option<TextField>,
    pub name_missing: bool,
    pub drafts: Vec<DraftSummary>,
    /// The folder is still being read (just after the first frame): not yet "no drafts".
    pub listing: bool,
}

pub fn mode(model: &Model) -> Mode {
    if model.start.naming.is_some() {
        Mode::Editing
    } else {
        Mode::Normal
    }
}

pub fn set_drafts(model: &mut Model, drafts: Vec<DraftSummary>) {
    let s = &mut model.start;
    s.drafts = drafts;
    s.listing = false;
    s.selected = s.selected.min(s.drafts.len());
    s.offset = s.offset.min(s.drafts.len().saturating_sub(1));
}

fn item_count(model: &Model) -> usize {
    model.start.drafts.len() + 1
}

pub fn on_action(model: &mut Model, action: Action) -> Vec<Effect> {
    if model.start.naming.is_some() {
        return naming_action(model, action);
    }
    let last = item_count(model) - 1;
    let s = &mut model.start;
    match action {
        Action::Up => s.selected = s.selected.saturating_sub(1),
        Action::Down => s.selected = (s.selected + 1).min(last),
        Action::First => s.selected = 0,
        Action::Last => s.selected = last,
        Action::New => start_naming(model),
        Action::Activate => return activate(model),
        Action::Cancel => return vec![Effect::Quit],
        _ => {}
    }
    keep_selection_visible(model);
    Vec::new()
}

fn start_naming(model: &mut Model) {
    model.start.selected = 0;
    model.start.naming = Some(TextField::default());
    model.start.name_missing = false;
}

fn activate(model: &mut Model) -> Vec<Effect> {
    match model.start.selected {
        0 => {
            start_naming(model);
            Vec::new()
        }
        i => match model.start.drafts.get(i - 1) {
            Some(d) => vec![Effect::Open(d.path.clone())],
            None => Vec::new(),
        },
    }
}

fn naming_action(model: &mut Model, action: Action) -> Vec<Effect> {
    match action {
        Action::Activate => {
            let name = model
                .start
                .naming
                .as_ref()
                .map(|f| f.text().trim().to_string())
                .unwrap_or_default();
            if name.is_empty() {
                model.start.name_missing = true;
                return Vec::new();
            }
            model.start.naming = None;
            vec![Effect::Create(name)]
        }
        Action::Cancel => {
            model.start.naming = None;
            model.start.name_missing = false;
            Vec::new()
        }
        _ => Vec::new(),
    }
}

pub fn edit(model: &mut Model, op: EditOp) -> Vec<Effect> {
    if let Some(field) = &mut model.start.naming {
        field.apply(&op);
        if op.changes_text() {
            model.start.name_missing = false;
        }
    }
    Vec::new()
}

/// Rows of the body: intro, blank, the "new" line, its message, blank, then the table.
struct Geometry {
    intro: Rect,
    new_line: Rect,
    message: Rect,
    table: Rect,
    folder: Rect,
}

fn geometry(body: Rect) -> Geometry {
    let line = |dy: u16| {
        Rect::new(
            body.x + 1,
            (body.y + dy).min(body.bottom()),
            body.width.saturating_sub(2),
            u16::from(body.y + dy < body.bottom()),
        )
    };
    let table_top = body.y + 5;
    let table_height = body.bottom().saturating_sub(table_top + 1);
    Geometry {
        intro: line(0),
        new_line: line(2),
        message: line(3),
        table: Rect::new(
            body.x + 3,
            table_top.min(body.bottom()),
            body.width.saturating_sub(4),
            table_height,
        ),
        folder: line(body.height.saturating_sub(1)),
    }
}

fn columns(model: &Model, width: u16) -> Vec<Column> {
    let loc = model.loc();
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

pub fn keep_selection_visible(model: &mut Model) {
    let g = geometry(model.areas().body);
    let rows = TableView::visible_rows(g.table);
    let s = &mut model.start;
    if s.selected > 0 {
        s.offset = table::scroll_to(s.offset, s.selected - 1, rows);
    }
}

pub fn on_click(model: &mut Model, column: u16, row: u16) -> Vec<Effect> {
    if model.start.naming.is_some() {
        return Vec::new();
    }
    let g = geometry(model.areas().body);
    let _ = column;
    let target = if row == g.new_line.y && g.new_line.height > 0 {
        Some(0)
    } else if row > g.table.y && row < g.table.bottom() {
        let i = model.start.offset + usize::from(row - g.table.y - 1);
        (i < model.start.drafts.len()).then_some(i + 1)
    } else {
        None
    };
    match target {
        // A click on the selected line opens it; on another line, selects it.
        Some(t) if t == model.start.selected => activate(model),
        Some(t) => {
            model.start.selected = t;
            Vec::new()
        }
        None => Vec::new(),
    }
}

pub fn draw(model: &Model, theme: &Theme, frame: &mut Frame, body: Rect) {
    let loc = model.loc();
    let s = &model.start;
    let g = geometry(body);
    let buf = frame.buffer_mut();
    buf.set_line(
        g.intro.x,
        g.intro.y,
        &Line::styled(loc.t("wizard.start.intro"), theme.plain),
        g.intro.width,
    );
    let mut cursor = None;
    if let Some(field) = &s.naming {
        let label = loc.t("wizard.start.name_label");
        let label_line = Line::from(vec![
            Span::raw("› "),
            Span::styled(label, theme.heading),
            Span::raw(" "),
        ]);
        let used = buf
            .set_line(g.new_line.x, g.new_line.y, &label_line, g.new_line.width)
            .0;
        let field_area = Rect::new(
            used,
            g.new_line.y,
            g.new_line.right().saturating_sub(used),
            g.new_line.height,
        );
        cursor = field.draw(field_area, buf, theme.field);
        let hint = if s.name_missing {
            Line::styled(
                format!("! {}", loc.t("wizard.start.name_missing")),
                theme.error,
            )
        } else {
            Line::styled(loc.t("wizard.start.name_hint"), theme.dim)
        };
        buf.set_line(
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
        buf.set_line(
            g.new_line.x,
            g.new_line.y,
            &Line::styled(format!("{marker}+ {}", loc.t("wizard.start.new")), style),
            g.new_line.width,
        );
    }

    if s.listing {
        // Nothing yet: drawn again as soon as the folder is read, right after this frame.
    } else if s.drafts.is_empty() {
        buf.set_line(
            g.table.x,
            g.table.y,
            &Line::styled(loc.t("wizard.start.no_drafts"), theme.dim),
            g.table.width,
        );
    } else {
        let columns = columns(model, g.table.width);
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
                    Err(e) => loc.f(
                        "drafts.unreadable",
                        &[("reason", &crate::messages::store_error(loc, e))],
                    ),
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
    let folder = loc.f(
        "wizard.start.folder",
        &[(
            "folder",
            &visible(&model.drafts_folder.display().to_string()),
        )],
    );
    buf.set_line(
        g.folder.x,
        g.folder.y,
        &Line::styled(table::fit(&folder, usize::from(g.folder.width)), theme.dim),
        g.folder.width,
    );
    if let Some(pos) = cursor {
        frame.set_cursor_position(pos);
    }
}
