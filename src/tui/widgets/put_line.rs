//! `Buffer::set_line`, quicker for the text the wizard shows. Ratatui splits every span into
//! graphemes and measures each, about 230 instructions a cell: over a screen full of text,
//! a third of drawing a frame. Here a character that is a grapheme of its own (plain ASCII,
//! and the Latin, punctuation, symbol and CJK characters that no mark can join: see
//! `stands_alone`) is written straight into its cells; from the first character that could
//! join its neighbour to the end of the span, ratatui does the work as before. The cells
//! written are the same (a property test compares the two).

use ratatui::buffer::Buffer;
use ratatui::style::Style;
use ratatui::text::Line;
use unicode_width::UnicodeWidthStr;

use crate::text::stands_alone;

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
            let style = line.style.patch(span.style);
            let end = put_text(self, x, y, span.content.as_ref(), remaining_width, style);
            remaining_width = remaining_width.saturating_sub(end.saturating_sub(x));
            x = end;
        }
        (x, y)
    }
}

/// `Buffer::set_stringn`; returns the column after the last cell written.
fn put_text(buffer: &mut Buffer, x: u16, y: u16, text: &str, max_width: u16, style: Style) -> u16 {
    let mut room = buffer.area.right().saturating_sub(x).min(max_width);
    let mut x = x;
    // Where x is in the buffer's cells, once a cell is written (indexing panics off the
    // buffer, as ratatui's does).
    let mut index = None;
    // Printable ASCII before ASCII (or the end): a grapheme and a cell per byte. Most of
    // what the wizard shows, written without decoding or classifying characters.
    let bytes = text.as_bytes();
    let mut plain = 0;
    while let Some(&byte) = bytes.get(plain)
        && (b' '..=b'~').contains(&byte)
        && bytes.get(plain + 1).is_none_or(u8::is_ascii)
    {
        let Some(left) = room.checked_sub(1) else {
            return x;
        };
        room = left;
        let at = *index.get_or_insert_with(|| buffer.index_of(x, y));
        let symbol = text.get(plain..plain + 1).unwrap_or(" ");
        buffer.content[at].set_symbol(symbol).set_style(style);
        index = Some(at + 1);
        x += 1;
        plain += 1;
    }
    let mut chars = text[plain..]
        .char_indices()
        .map(|(at, c)| (at + plain, c))
        .peekable();
    while let Some((at, c)) = chars.next() {
        let next_stands_alone = chars.peek().is_none_or(|&(_, next)| stands_alone(next));
        if !(stands_alone(c) && next_stands_alone) {
            // A mark, a joiner or a selector may be in play: ratatui's graphemes from here.
            return buffer
                .set_stringn(x, y, &text[at..], usize::from(room), style)
                .0;
        }
        if c.is_ascii_control() {
            continue;
        }
        let mut utf8 = [0; 4];
        let symbol: &str = c.encode_utf8(&mut utf8);
        let width = if c.is_ascii() { 1 } else { symbol.width() };
        if width == 0 {
            continue;
        }
        let Some(left) = room.checked_sub(width as u16) else {
            break;
        };
        room = left;
        let at = *index.get_or_insert_with(|| buffer.index_of(x, y));
        buffer.content[at].set_symbol(symbol).set_style(style);
        // The cells a wide character covers are emptied, as ratatui empties them.
        for hidden in 1..width {
            buffer.content[at + hidden].reset();
        }
        index = Some(at + width);
        x += width as u16;
    }
    x
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Modifier};
    use ratatui::text::Span;

    use super::*;

    /// Text of every kind: ASCII and its controls, characters that stand alone (narrow and
    /// wide, at the edges of their ranges), and what joins: combining marks, joiners,
    /// selectors, the soft hyphen, Hangul, emoji, regional indicators.
    const PIECES: &[&str] = &[
        "ab",
        " ",
        "Z9",
        "\t",
        "\r\n",
        "\u{1b}",
        "中",
        "é",
        "e\u{301}",
        "👍",
        "—",
        "x\u{7f}y",
        "",
        "\u{301}",
        "\u{200d}",
        "\u{fe0f}",
        "✗",
        "✓\u{fe0f}",
        "·",
        "▰▱",
        "≥",
        "›",
        "\u{ad}",
        "한",
        "\u{1100}\u{1161}",
        "🇹🇼",
        "\u{3099}",
        "か\u{3099}",
        "，",
        "。",
        "\u{ffe6}",
        "\u{24f}",
        "\u{250}",
        "\u{2028}",
        "☀",
        "⚡",
        "❤\u{fe0f}",
        "👩\u{200d}💻",
        "\u{9fff}",
        "\u{3029}",
        "\u{302a}",
        "ｱ",
        "\u{a0}",
    ];

    fn line(spans: &[(Vec<usize>, u8)]) -> Line<'static> {
        let spans: Vec<Span> = spans
            .iter()
            .map(|(pieces, style)| {
                let text: String = pieces.iter().map(|&p| PIECES[p]).collect();
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
            spans in prop::collection::vec((prop::collection::vec(0usize..PIECES.len(), 0..8), any::<u8>()), 0..5),
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
