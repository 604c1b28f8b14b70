//! Making names safe to show: no control character or escape sequence reaches a terminal.

use std::borrow::Cow;

/// The text with every control character replaced by a visible stand-in: C0 controls and
/// DEL by their Unicode control pictures (ESC shows as ␛), C1 controls by U+FFFD.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(stand_in).collect())
}

fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// Bidirectional overrides can make a name display as something else entirely.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn stand_in(c: char) -> char {
    match c {
        '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
        '\u{7F}' => '\u{2421}',
        c if is_unsafe(c) => '\u{FFFD}',
        c => c,
    }
}

/// Columns the text takes in a terminal (Chinese characters take two).
pub fn width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// The text followed by spaces up to `columns` display columns.
pub fn pad_right(text: &str, columns: usize) -> String {
    let mut out = text.to_string();
    out.extend(std::iter::repeat_n(
        ' ',
        columns.saturating_sub(width(text)),
    ));
    out
}

/// Spaces, then the text, filling `columns` display columns.
pub fn pad_left(text: &str, columns: usize) -> String {
    let mut out: String = std::iter::repeat_n(' ', columns.saturating_sub(width(text))).collect();
    out.push_str(text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(visible("a\u{1b}[31mb"), "a\u{241b}[31mb");
        assert_eq!(visible("tab\there"), "tab\u{2409}here");
        assert_eq!(visible("\u{9b}x"), "\u{FFFD}x");
        assert_eq!(visible("\u{202E}abc"), "\u{FFFD}abc");
        assert!(matches!(visible("台北 Contoso"), Cow::Borrowed(_)));
    }
}
