//! Making names safe to show: no control character or escape sequence reaches a terminal,
//! and every character left takes the columns that terminals agree it takes.

use std::borrow::Cow;

use unicode_general_category::{GeneralCategory, get_general_category};
use unicode_segmentation::UnicodeSegmentation;

/// Shown before a combining mark that has no character to sit on (U+25CC, as fonts do).
const MARK_BASE: char = '\u{25CC}';
/// Shown for a line or paragraph separator (U+2424 SYMBOL FOR NEWLINE).
const LINE_BREAK: char = '\u{2424}';

/// The text as it is safe to draw:
/// - C0 controls and DEL become their Unicode control pictures (ESC shows as ␛), C1
///   controls, bidirectional overrides, unassigned code points and non-characters U+FFFD;
/// - line and paragraph separators (U+2028, U+2029) show as ␤;
/// - regional indicators show as their letters (🇹🇼 as `TW`), since terminals draw a flag
///   over two, three or four columns;
/// - characters of no width whose effect terminals disagree on (joiners, variation
///   selectors, skin-tone modifiers, other format characters) are left out, so an emoji
///   sequence shows as its single emoji;
/// - a combining mark with nothing before it sits on ◌ instead of on the cell to its left.
pub fn visible(text: &str) -> Cow<'_, str> {
    if text.chars().all(is_plain) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 3);
    for c in text.chars() {
        match shown(c) {
            Shown::Left => {}
            Shown::As(c) => out.push(c),
            Shown::Mark(c) => {
                if out.is_empty() {
                    out.push(MARK_BASE);
                }
                out.push(c);
            }
        }
    }
    Cow::Owned(out)
}

enum Shown {
    As(char),
    /// A combining mark: it needs a character before it.
    Mark(char),
    Left,
}

/// Characters shown as they are, the common case checked first.
fn is_plain(c: char) -> bool {
    if c.is_ascii() {
        return !c.is_ascii_control();
    }
    !c.is_control()
        && !is_bidi_control(c)
        && !is_regional_indicator(c)
        && !is_left_out(c)
        && !matches!(
            get_general_category(c),
            GeneralCategory::Unassigned
                | GeneralCategory::Format
                | GeneralCategory::LineSeparator
                | GeneralCategory::ParagraphSeparator
                | GeneralCategory::NonspacingMark
                | GeneralCategory::EnclosingMark
        )
}

fn shown(c: char) -> Shown {
    match c {
        '\u{0}'..='\u{1F}' => Shown::As(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}')),
        '\u{7F}' => Shown::As('\u{2421}'),
        c if c.is_control() || is_bidi_control(c) => Shown::As('\u{FFFD}'),
        c if is_regional_indicator(c) => {
            let letter = u32::from('A') + (c as u32 - 0x1F1E6);
            Shown::As(char::from_u32(letter).unwrap_or('\u{FFFD}'))
        }
        c if is_left_out(c) => Shown::Left,
        c => match get_general_category(c) {
            GeneralCategory::Unassigned => Shown::As('\u{FFFD}'),
            GeneralCategory::LineSeparator | GeneralCategory::ParagraphSeparator => {
                Shown::As(LINE_BREAK)
            }
            GeneralCategory::Format => Shown::Left,
            GeneralCategory::NonspacingMark | GeneralCategory::EnclosingMark => Shown::Mark(c),
            _ => Shown::As(c),
        },
    }
}

/// Bidirectional overrides can make a name display as something else entirely.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn is_regional_indicator(c: char) -> bool {
    matches!(c, '\u{1F1E6}'..='\u{1F1FF}')
}

/// Variation selectors and skin-tone modifiers: they change how wide a terminal draws the
/// character before them, each terminal its own way.
fn is_left_out(c: char) -> bool {
    matches!(
        c,
        '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}' | '\u{1F3FB}'..='\u{1F3FF}'
    )
}

/// Columns the text takes in a terminal (Chinese characters take two), counted as ratatui
/// lays text out: grapheme by grapheme, those holding a control character left out.
pub fn width(text: &str) -> usize {
    if text.is_ascii() {
        return text.bytes().filter(|b| !b.is_ascii_control()).count();
    }
    // Character by character while each is a grapheme of its own (a control character is
    // one, and drawn as nothing); the first character of no width or regional indicator
    // may join others into one grapheme, whose width is not the sum.
    let mut columns = 0;
    for c in text.chars() {
        if c.is_control() {
            continue;
        }
        match unicode_width::UnicodeWidthChar::width(c) {
            Some(w) if w > 0 && !is_regional_indicator(c) => columns += w,
            _ => return width_by_graphemes(text),
        }
    }
    columns
}

/// Whether `c` is always a grapheme of its own, whatever stands before or after it: no
/// rule of Unicode's segmentation joins it to a neighbour, unless that neighbour is a mark
/// or joiner, which is not one of these. ASCII (a control character too: it is dropped,
/// as ratatui drops it), Latin-1 and Latin Extended (not the soft hyphen, a format
/// character), punctuation, arrows, mathematical and technical signs, box drawing,
/// shapes, symbols and dingbats, CJK punctuation, kana (not the voicing marks),
/// ideographs and full-width forms. Hangul is left out: its letters join.
pub(crate) fn stands_alone(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{7f}'
        | '\u{a0}'..='\u{ac}'
        | '\u{ae}'..='\u{24f}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205e}'
        | '\u{2190}'..='\u{23ff}'
        | '\u{2500}'..='\u{27bf}'
        | '\u{3000}'..='\u{3029}'
        | '\u{3030}'..='\u{303f}'
        | '\u{3041}'..='\u{3096}'
        | '\u{30a0}'..='\u{30ff}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{ff01}'..='\u{ff60}'
        | '\u{ffe0}'..='\u{ffe6}'
    )
}

fn width_by_graphemes(text: &str) -> usize {
    text.graphemes(true)
        .filter(|g| !g.contains(char::is_control))
        .map(unicode_width::UnicodeWidthStr::width)
        .sum()
}

/// The text followed by spaces up to `columns` display columns.
pub(crate) fn pad_right(text: &str, columns: usize) -> String {
    let mut out = text.to_string();
    out.extend(std::iter::repeat_n(
        ' ',
        columns.saturating_sub(width(text)),
    ));
    out
}

/// Spaces, then the text, filling `columns` display columns.
pub(crate) fn pad_left(text: &str, columns: usize) -> String {
    let mut out: String = std::iter::repeat_n(' ', columns.saturating_sub(width(text))).collect();
    out.push_str(text);
    out
}

/// The ASCII character a full-width form stands for (`１` → `1`, `，` → `,`, `－` → `-`,
/// `Ａ` → `A`; the ideographic space → space), or the character itself: an input method in
/// full-width mode types these for the ASCII ones, and spreadsheets keep them as typed.
pub(crate) fn ascii_form(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// The text with its full-width forms as ASCII (see `ascii_form`): how numbers, dates and
/// exam numbers are read, so that `１，２００` is `1,200`. Borrowed when there is none.
pub(crate) fn ascii_forms(text: &str) -> Cow<'_, str> {
    if text.chars().all(|c| ascii_form(c) == c) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(ascii_form).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_forms_read_as_ascii() {
        assert_eq!(ascii_forms("１，２３４．５６－７"), "1,234.56-7");
        assert_eq!(ascii_forms("２０１７－０６－３０"), "2017-06-30");
        assert_eq!(ascii_forms("ＴＲＵＥ\u{3000}"), "TRUE ");
        assert!(matches!(ascii_forms("1,200"), Cow::Borrowed(_)));
        assert!(matches!(ascii_forms("台北 7"), Cow::Borrowed(_)));
        assert_eq!(ascii_forms("台北１"), "台北1");
    }

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(visible("a\u{1b}[31mb"), "a\u{241b}[31mb");
        assert_eq!(visible("tab\there"), "tab\u{2409}here");
        assert_eq!(visible("\u{9b}x"), "\u{FFFD}x");
        assert_eq!(visible("\u{202E}abc"), "\u{FFFD}abc");
        assert!(matches!(visible("台北 Contoso"), Cow::Borrowed(_)));
    }

    #[test]
    fn characters_terminals_disagree_on_are_shown_alike_everywhere() {
        assert_eq!(visible("a\u{2028}b\u{2029}"), "a\u{2424}b\u{2424}");
        assert_eq!(
            visible("\u{378}\u{FFFE}\u{10FFFF}"),
            "\u{FFFD}\u{FFFD}\u{FFFD}"
        );
        assert_eq!(visible("🇹🇼 Taipei"), "TW Taipei");
        assert_eq!(visible("👨\u{200D}👩\u{200D}👧"), "👨👩👧");
        assert_eq!(visible("❤\u{FE0F}👍\u{1F3FD}"), "❤👍");
        assert_eq!(visible("\u{301}abc"), "\u{25CC}\u{301}abc");
        assert_eq!(visible("e\u{301}"), "e\u{301}");
        assert_eq!(visible("soft\u{AD}hyphen\u{FEFF}"), "softhyphen");
    }

    #[test]
    fn width_counts_as_ratatui_draws() {
        // Lam and alef: two cells drawn, though Unicode's width of the pair is one.
        assert_eq!(width("\u{644}\u{627}"), 2);
        assert_eq!(width("台北ab"), 6);
        assert_eq!(width("a\tb"), 2);
        // Graphemes of several characters, measured whole.
        for text in [
            "e\u{301}",
            "🇹🇼",
            "👨\u{200D}👩",
            "❤\u{FE0F}",
            "\u{1100}\u{1161}",
            "台\r\n北",
        ] {
            assert_eq!(width(text), width_by_graphemes(text), "{text:?}");
        }
    }
}
