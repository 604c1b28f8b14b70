//! `Buffer::set_line`, quicker for the plain ASCII that most of the wizard's text is. Ratatui
//! splits every span into graphemes and measures each, about 230 instructions a cell: over
//! a screen full of text, a third of drawing a frame. An ASCII span is one cell per
//! character (control characters are dropped, as ratatui drops them), written straight
//! into the row; any other span goes to ratatui as before. The cells written are the same
//! (a property test compares the two).

use ratatui::buffer::Buffer;
use ratatui::style::Style;
use ratatui::text::Line;

pub(crate) trait PutLine {
    /// As `Buffer::set_line`: the line's spans from (x, y), at most `max_width` columns;
    /// returns where it ended.
    fn put_line(&mut self, x: u16, y: u16, line: &Line<'_>, max_width: u16) -> (u16, u16);
}

impl PutLine for Buffer {
    fn put_line(&mut self, x: u16, y: u16, line: &Line<'_>, max_width: u16) -> (u16, u16) {
        let mut remaining_width = max_width;
        let mut x = x;
        for span in line {
            if remaining_width == 0 {
                break;
            }
            let text = span.content.as_ref();
            let style = line.style.patch(span.style);
            let end = if text.is_ascii() {
                put_ascii(self, x, y, text, remaining_width, style)
            } else {
                self.set_stringn(x, y, text, usize::from(remaining_width), style)
                    .0
            };
            remaining_width = remaining_width.saturating_sub(end.saturating_sub(x));
            x = end;
        }
        (x, y)
    }
}

/// `Buffer::set_stringn` for ASCII text; returns the column after the last cell written.
fn put_ascii(buffer: &mut Buffer, x: u16, y: u16, text: &str, max_width: u16, style: Style) -> u16 {
    let room = usize::from(buffer.area.right().saturating_sub(x).min(max_width));
    let mut shown = text
        .bytes()
        .filter(|b| !b.is_ascii_control())
        .take(room)
        .peekable();
    if shown.peek().is_none() {
        return x;
    }
    // The row's cells from x on (indexing panics off the buffer, as ratatui's does).
    let start = buffer.index_of(x, y);
    let mut written = 0;
    for (cell, byte) in buffer.content[start..].iter_mut().zip(shown) {
        cell.set_char(char::from(byte)).set_style(style);
        written += 1;
    }
    x + written
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Modifier};
    use ratatui::text::Span;

    use super::*;

    const PIECES: &[&str] = &[
        "ab", " ", "Z9", "\t", "\r\n", "\u{1b}", "中", "é", "e\u{301}", "👍", "—", "x\u{7f}y", "",
    ];

    fn line(spans: &[(Vec<usize>, u8)]) -> Line<'static> {
        let spans: Vec<Span> = spans
            .iter()
            .map(|(pieces, style)| {
                let text: String = pieces.iter().map(|&p| PIECES[p % PIECES.len()]).collect();
                let style = match style % 3 {
                    0 => Style::default(),
                    1 => Style::default().fg(Color::Cyan),
                    _ => Style::default()
                        .add_modifier(Modifier::BOLD)
                        .bg(Color::Blue),
                };
                Span::styled(text, style)
            })
            .collect();
        Line::from(spans).style(Style::default().fg(Color::Red))
    }

    proptest! {
        #[test]
        fn writes_the_cells_set_line_writes(
            spans in prop::collection::vec((prop::collection::vec(0usize..13, 0..8), any::<u8>()), 0..5),
            x in 0u16..10,
            y in 0u16..3,
            max_width in 0u16..30,
        ) {
            let area = Rect::new(0, 0, 20, 3);
            let line = line(&spans);
            let mut theirs = Buffer::empty(area);
            let mut ours = Buffer::empty(area);
            let their_end = theirs.set_line(x, y, &line, max_width);
            let our_end = ours.put_line(x, y, &line, max_width);
            prop_assert_eq!(our_end, their_end);
            prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn plain_text_lands_in_its_cells() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 8, 1));
        let end = buffer.put_line(1, 0, &Line::raw("ok\u{7}go now"), 5);
        assert_eq!(end, (6, 0));
        assert_eq!(buffer, Buffer::with_lines([" okgo   "]));
    }
}
