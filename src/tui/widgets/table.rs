//! A virtualised table: only the rows that fit are asked for and drawn, so the cost of a
//! frame follows the height of the terminal, never the number of rows.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_segmentation::UnicodeSegmentation;

use super::super::theme::Theme;
use crate::text::{visible, width};

#[derive(Debug, Clone)]
pub(crate) struct Column {
    pub(crate) title: String,
    pub(crate) width: u16,
    /// Numbers are right-aligned.
    pub(crate) right: bool,
}

/// Gap between columns.
pub(crate) const GAP: u16 = 1;

/// Left edge and width of each column, from `x`.
pub(crate) fn column_spans(columns: &[Column], x: u16) -> Vec<(u16, u16)> {
    let mut at = x;
    columns
        .iter()
        .map(|c| {
            let span = (at, c.width);
            at = at.saturating_add(c.width + GAP);
            span
        })
        .collect()
}

/// The column under screen column `x`, if any.
pub(crate) fn column_at(columns: &[Column], area_x: u16, x: u16) -> Option<usize> {
    column_spans(columns, area_x)
        .iter()
        .position(|&(start, w)| x >= start && x < start + w + GAP)
}

/// The first row to show so that `selected` stays in view, given the current offset.
pub(crate) fn scroll_to(offset: usize, selected: usize, visible_rows: usize) -> usize {
    if visible_rows == 0 {
        return selected;
    }
    if selected < offset {
        selected
    } else if selected >= offset + visible_rows {
        selected + 1 - visible_rows
    } else {
        offset
    }
}

/// The text cut to `columns` display columns, whole characters only, with `…` when cut,
/// and any control characters shown as visible stand-ins.
pub(crate) fn fit(text: &str, columns: usize) -> String {
    let shown = visible(text);
    if width(&shown) <= columns {
        return shown.into_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in shown.graphemes(true) {
        let w = width(g);
        if used + w + 1 > columns {
            break;
        }
        out.push_str(g);
        used += w;
    }
    if columns > 0 {
        out.push('…');
    }
    out
}

pub(crate) struct TableView<'a> {
    pub(crate) columns: &'a [Column],
    pub(crate) row_count: usize,
    pub(crate) offset: usize,
    pub(crate) selected_row: Option<usize>,
    pub(crate) selected_col: Option<usize>,
}

impl TableView<'_> {
    /// Rows shown below the header.
    pub(crate) fn visible_rows(area: Rect) -> usize {
        usize::from(area.height.saturating_sub(1))
    }

    /// Draws the header and the visible rows; `cell(row, column)` is called only for them.
    pub(crate) fn draw(
        &self,
        area: Rect,
        buf: &mut Buffer,
        theme: &Theme,
        mut cell: impl FnMut(usize, usize) -> String,
    ) {
        // Only what lies in the buffer is drawn, whatever area a caller passes.
        let area = area.intersection(buf.area);
        if area.height == 0 {
            return;
        }
        let spans = column_spans(self.columns, area.x);
        for (column, &(x, w)) in self.columns.iter().zip(&spans) {
            put(
                buf,
                x,
                area.y,
                w,
                &column.title,
                column.right,
                theme.heading,
                area,
            );
        }
        let rows = Self::visible_rows(area);
        for i in 0..rows {
            let row = self.offset + i;
            if row >= self.row_count {
                break;
            }
            let y = area.y + 1 + i as u16;
            let is_selected = self.selected_row == Some(row);
            if is_selected {
                buf.set_style(Rect::new(area.x, y, area.width, 1), theme.selected);
            }
            for (c, (column, &(x, w))) in self.columns.iter().zip(&spans).enumerate() {
                let style = if is_selected && self.selected_col == Some(c) {
                    theme.cell
                } else if is_selected {
                    theme.selected
                } else {
                    theme.plain
                };
                put(buf, x, y, w, &cell(row, c), column.right, style, area);
            }
        }
        self.draw_rows_out_of_view(area, rows, buf, theme);
    }

    /// How many rows are above and below the view (`↑3 ↓12`), at the right of the header
    /// line, so a long list never looks complete when it is not.
    fn draw_rows_out_of_view(&self, area: Rect, rows: usize, buf: &mut Buffer, theme: &Theme) {
        let above = self.offset.min(self.row_count);
        let below = self.row_count.saturating_sub(self.offset + rows);
        if above == 0 && below == 0 {
            return;
        }
        let mut marks = Vec::new();
        if above > 0 {
            marks.push(format!("↑{above}"));
        }
        if below > 0 {
            marks.push(format!("↓{below}"));
        }
        let text = format!(" {} ", marks.join(" "));
        let w = (width(&text) as u16).min(area.width);
        let x = area.right() - w;
        buf.set_style(Rect::new(x, area.y, w, 1), theme.dim);
        buf.set_stringn(x, area.y, &text, usize::from(w), theme.dim);
    }
}

#[allow(clippy::too_many_arguments)]
fn put(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    w: u16,
    text: &str,
    right: bool,
    style: Style,
    area: Rect,
) {
    let end = (area.x + area.width).min(x.saturating_add(w));
    if x >= end {
        return;
    }
    let w = end - x;
    let text = fit(text, usize::from(w));
    let pad = usize::from(w).saturating_sub(width(&text)) as u16;
    let at = if right { x + pad } else { x };
    buf.set_style(Rect::new(x, y, w, 1), style);
    buf.set_stringn(at, y, &text, usize::from(w), style);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_cuts_whole_characters() {
        assert_eq!(fit("台北資訊", 5), "台北…");
        assert_eq!(fit("台北資訊", 8), "台北資訊");
        assert_eq!(fit("a\u{1b}[2J", 10), "a\u{241b}[2J");
    }

    #[test]
    fn a_table_draws_only_inside_the_buffer() {
        let columns = [
            Column {
                title: "名稱".into(),
                width: 12,
                right: false,
            },
            Column {
                title: "n".into(),
                width: 6,
                right: true,
            },
        ];
        let view = TableView {
            columns: &columns,
            row_count: 50,
            offset: 3,
            selected_row: Some(4),
            selected_col: Some(1),
        };
        let theme = Theme::new(true);
        for (w, h) in [(1, 1), (3, 2), (10, 4), (25, 8)] {
            let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
            // An area larger than the buffer, as after a resize not yet read.
            view.draw(Rect::new(0, 0, 120, 40), &mut buf, &theme, |r, c| {
                format!("台北 {r} {c}")
            });
            let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
            view.draw(
                Rect::new(w / 2, h / 2, 120, 40),
                &mut buf,
                &theme,
                |r, _| r.to_string(),
            );
        }
    }

    #[test]
    fn scroll_keeps_selection_visible() {
        assert_eq!(scroll_to(0, 5, 10), 0);
        assert_eq!(scroll_to(0, 15, 10), 6);
        assert_eq!(scroll_to(8, 3, 10), 3);
    }
}
