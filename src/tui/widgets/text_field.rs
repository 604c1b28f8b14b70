//! A one-line text field: the text, a caret at a grapheme boundary, and a drawing that keeps
//! the caret visible, measures in display columns and places the terminal cursor at the
//! caret (so an input method's candidate window opens there).

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use unicode_segmentation::UnicodeSegmentation;

use crate::text::{visible, width};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextField {
    text: String,
    /// Byte offset of the caret, always on a grapheme boundary.
    caret: usize,
    /// The whole text is selected: what is typed or pasted next replaces it, Backspace or
    /// Delete clears it, a caret move ends the selection.
    selected: bool,
}

impl TextField {
    pub(crate) fn new(text: impl Into<String>) -> TextField {
        let text = text.into();
        let caret = text.len();
        TextField {
            text,
            caret,
            selected: false,
        }
    }

    /// A field holding `text`, all of it selected (as a spreadsheet cell opened for editing).
    pub(crate) fn selected(text: impl Into<String>) -> TextField {
        TextField {
            selected: true,
            ..TextField::new(text)
        }
    }

    pub(crate) fn is_selected(&self) -> bool {
        self.selected && !self.text.is_empty()
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    #[cfg(test)]
    fn caret(&self) -> usize {
        self.caret
    }

    /// Display columns before the caret, as drawn (control characters shown as stand-ins).
    #[cfg(test)]
    fn caret_column(&self) -> usize {
        width(&visible(&self.text[..self.caret]))
    }

    pub(crate) fn insert(&mut self, s: &str) {
        self.text.insert_str(self.caret, s);
        self.caret += s.len();
    }

    pub(crate) fn backspace(&mut self) -> bool {
        match self.text[..self.caret].grapheme_indices(true).next_back() {
            Some((start, _)) => {
                self.text.replace_range(start..self.caret, "");
                self.caret = start;
                true
            }
            None => false,
        }
    }

    pub(crate) fn delete(&mut self) -> bool {
        match self.text[self.caret..].graphemes(true).next() {
            Some(g) => {
                let end = self.caret + g.len();
                self.text.replace_range(self.caret..end, "");
                true
            }
            None => false,
        }
    }

    pub(crate) fn left(&mut self) {
        if let Some((start, _)) = self.text[..self.caret].grapheme_indices(true).next_back() {
            self.caret = start;
        }
    }

    pub(crate) fn right(&mut self) {
        if let Some(g) = self.text[self.caret..].graphemes(true).next() {
            self.caret += g.len();
        }
    }

    pub(crate) fn home(&mut self) {
        self.caret = 0;
    }

    pub(crate) fn end(&mut self) {
        self.caret = self.text.len();
    }

    pub(crate) fn clear(&mut self) {
        self.text.clear();
        self.caret = 0;
    }

    /// Draws the field in one row of `area`, scrolled so the caret shows, and returns where
    /// the terminal cursor belongs. Wide characters are never cut: one that does not fit
    /// whole is left out.
    pub(crate) fn draw(&self, area: Rect, buf: &mut Buffer, style: Style) -> Option<Position> {
        // Only what lies in the buffer is drawn, whatever area a caller passes.
        let area = area.intersection(buf.area);
        if area.width == 0 || area.height == 0 {
            return None;
        }
        let room = usize::from(area.width).saturating_sub(1).max(1);
        // Selected text shows in the other video (reversed, or not) so it stands out.
        let style = if self.is_selected() {
            if style.add_modifier.contains(Modifier::REVERSED) {
                style.remove_modifier(Modifier::REVERSED)
            } else {
                style.add_modifier(Modifier::REVERSED)
            }
        } else {
            style
        };
        let shown = visible(&self.text);
        let graphemes: Vec<(usize, &str)> = shown.graphemes(true).map(|g| (width(g), g)).collect();
        let caret_index = visible(&self.text[..self.caret]).graphemes(true).count();
        // Scroll: start at the first grapheme from which the caret fits in the room.
        let mut start = 0;
        let mut before: usize = graphemes[..caret_index].iter().map(|(w, _)| w).sum();
        while before > room && start < caret_index {
            before -= graphemes[start].0;
            start += 1;
        }
        buf.set_style(area.intersection(Rect { height: 1, ..area }), style);
        let mut x = 0usize;
        for (w, g) in &graphemes[start..] {
            if x + w > usize::from(area.width) {
                break;
            }
            buf.set_stringn(area.x + x as u16, area.y, g, *w, style);
            x += w;
        }
        Some(Position::new(
            area.x + (before as u16).min(area.width.saturating_sub(1)),
            area.y,
        ))
    }
}

/// Pasted or loaded text made fit for a one-line field: line breaks become spaces, other
/// control characters are dropped.
pub(crate) fn clean_paste(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter_map(|c| match c {
            '\r' | '\n' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect::<String>()
        .trim_end()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caret_counts_display_columns() {
        let mut f = TextField::new("台北ab");
        assert_eq!(f.caret_column(), 6);
        f.left();
        f.left();
        assert_eq!(f.caret_column(), 4);
        f.left();
        assert_eq!(f.caret_column(), 2);
        f.backspace();
        assert_eq!(f.text(), "北ab");
        assert_eq!(f.caret_column(), 0);
    }

    #[test]
    fn draw_never_cuts_a_wide_character() {
        let f = TextField::new("台北台北台北");
        let area = Rect::new(0, 0, 5, 1);
        let mut buf = Buffer::empty(area);
        let cursor = f.draw(area, &mut buf, Style::default());
        // Scrolled so the caret (at the end) is visible, with whole characters only.
        assert_eq!(cursor, Some(Position::new(4, 0)));
        assert_eq!(buf[(0, 0)].symbol(), "台");
        assert_eq!(buf[(2, 0)].symbol(), "北");
        assert_eq!(buf[(4, 0)].symbol(), " ", "no half character at the edge");
    }

    #[test]
    fn a_selected_text_is_replaced_by_what_is_typed_and_kept_by_a_caret_move() {
        let mut f = TextField::selected("5000");
        f.apply(&EditOp::Insert("1".into()));
        assert_eq!((f.text(), f.caret()), ("1", 1));
        let mut f = TextField::selected("5000");
        f.apply(&EditOp::Backspace);
        assert_eq!(f.text(), "");
        let mut f = TextField::selected("5000");
        f.apply(&EditOp::Left);
        f.apply(&EditOp::Insert("9".into()));
        assert_eq!(f.text(), "50090");
        let mut f = TextField::selected("5000");
        f.apply(&EditOp::Home);
        f.apply(&EditOp::Insert("9".into()));
        assert_eq!(f.text(), "95000");
    }

    #[test]
    fn a_field_draws_only_inside_the_buffer() {
        let f = TextField::new("台北資訊股份有限公司");
        for (w, h) in [(1, 1), (2, 1), (5, 3)] {
            let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
            let cursor = f.draw(Rect::new(0, h, 40, 1), &mut buf, Style::default());
            assert_eq!(cursor, None, "below the buffer: nothing drawn");
            let cursor = f.draw(Rect::new(w - 1, 0, 40, 1), &mut buf, Style::default());
            assert_eq!(cursor.map(|p| p.x), Some(w - 1));
        }
    }

    #[test]
    fn paste_is_cleaned() {
        assert_eq!(clean_paste("a\nb\u{1b}[31m\r\n"), "a b[31m");
    }
}

/// One change to a field being edited, as keys and pastes ask for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum EditOp {
    Insert(String),
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    Clear,
}

impl EditOp {
    /// Whether the op changes the text (rather than only moving the caret).
    pub(crate) fn changes_text(&self) -> bool {
        matches!(
            self,
            EditOp::Insert(_) | EditOp::Backspace | EditOp::Delete | EditOp::Clear
        )
    }
}

impl TextField {
    pub(crate) fn apply(&mut self, op: &EditOp) {
        if std::mem::take(&mut self.selected) {
            match op {
                EditOp::Insert(_) | EditOp::Backspace | EditOp::Delete => {
                    self.clear();
                    if let EditOp::Insert(s) = op {
                        self.insert(s);
                    }
                    return;
                }
                _ => {}
            }
        }
        match op {
            EditOp::Insert(s) => self.insert(s),
            EditOp::Backspace => {
                self.backspace();
            }
            EditOp::Delete => {
                self.delete();
            }
            EditOp::Left => self.left(),
            EditOp::Right => self.right(),
            EditOp::Home => self.home(),
            EditOp::End => self.end(),
            EditOp::Clear => self.clear(),
        }
    }
}
