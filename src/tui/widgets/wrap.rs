//! Text to lines of a given width, for the panels and sentences the screens show.

use crate::text::{stands_alone, width};

fn is_closing_punctuation(c: char) -> bool {
    matches!(
        c,
        '。' | '，'
            | '、'
            | '；'
            | '：'
            | '！'
            | '？'
            | '）'
            | '」'
            | '』'
            | '》'
            | '.'
            | ','
            | ')'
    )
}

/// Words to lines of at most `columns` display columns; text without spaces (Chinese) is
/// broken between characters.
pub(crate) fn wrap(text: &str, columns: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = LineSoFar::default();
    for c in text.chars() {
        let cw = char_width(c);
        if line.width + cw > columns {
            let last_wide = line
                .text
                .chars()
                .next_back()
                .is_some_and(|l| char_width(l) > 1);
            // Closing punctuation never starts a line: the character before it goes along,
            // or in English text the whole word (below, at the last space).
            if is_closing_punctuation(c)
                && (cw > 1 || last_wide || !line.text.contains(' '))
                && let Some(last) = line.text.pop()
            {
                lines.push(line.take());
                line.push(last, char_width(last));
                line.push(c, cw);
                continue;
            }
            // Break at the last space when there is one, else here. Chinese text breaks
            // between any two characters, so a wide character breaks right where it is.
            let space = if cw > 1 || last_wide {
                None
            } else {
                line.text.rfind(' ')
            };
            match space {
                Some(i) if i > 0 => {
                    let rest = line.text[i + 1..].to_string();
                    line.text.truncate(i);
                    lines.push(line.take());
                    line = LineSoFar::of(rest);
                }
                _ => lines.push(line.take()),
            }
        }
        if !(line.text.is_empty() && c == ' ') {
            line.push(c, cw);
        }
    }
    if !line.text.is_empty() {
        lines.push(line.text);
    }
    lines
}

/// The line being filled, and its width: kept as it grows, so that each character costs
/// its own width and not the whole line's again (which made wrapping a screen of text
/// quadratic in the line's length).
struct LineSoFar {
    text: String,
    width: usize,
    /// Whether the last character stands alone (`stands_alone`), or there is none: kept,
    /// not read back from the end of the text for every character.
    last_alone: bool,
}

impl Default for LineSoFar {
    fn default() -> LineSoFar {
        LineSoFar::of(String::new())
    }
}

impl LineSoFar {
    fn of(text: String) -> LineSoFar {
        LineSoFar {
            width: width(&text),
            last_alone: text.chars().next_back().is_none_or(stands_alone),
            text,
        }
    }

    /// Adds `c` (`cw` columns wide on its own). Where it may join the character before it
    /// into one grapheme (a mark, a joiner), the width is measured again.
    fn push(&mut self, c: char, cw: usize) {
        let alone = stands_alone(c);
        let joins = !alone || !self.last_alone;
        self.text.push(c);
        self.last_alone = alone;
        if joins {
            self.width = width(&self.text);
        } else {
            self.width += cw;
        }
    }

    fn take(&mut self) -> String {
        self.width = 0;
        self.last_alone = true;
        std::mem::take(&mut self.text)
    }
}

/// The columns `c` takes on its own, as `width` counts them.
fn char_width(c: char) -> usize {
    if c.is_ascii() {
        // A control character is drawn as nothing.
        return usize::from(!c.is_ascii_control());
    }
    width(c.encode_utf8(&mut [0; 4]))
}

/// `wrap`, with every line after the first indented as the text itself is: a sentence that
/// starts with two spaces keeps its continuation lines under its first word.
pub(crate) fn wrap_indented(text: &str, columns: usize) -> Vec<String> {
    let body = text.trim_start_matches(' ');
    let indent = &text[..text.len() - body.len()];
    wrap(body, columns.saturating_sub(indent.len()).max(1))
        .into_iter()
        .map(|line| format!("{indent}{line}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// `wrap` as it was, measuring the whole line again for every character: the new one
    /// must break every text where this one does.
    fn wrap_measuring_every_time(text: &str, columns: usize) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        for c in text.chars() {
            let cw = width(c.encode_utf8(&mut [0; 4]));
            if width(&line) + cw > columns {
                let last_wide = line.chars().next_back().is_some_and(|l| char_width(l) > 1);
                if is_closing_punctuation(c)
                    && (cw > 1 || last_wide || !line.contains(' '))
                    && let Some(last) = line.pop()
                {
                    lines.push(std::mem::take(&mut line));
                    line.push(last);
                    line.push(c);
                    continue;
                }
                let space = if cw > 1 || last_wide {
                    None
                } else {
                    line.rfind(' ')
                };
                match space {
                    Some(i) if i > 0 => {
                        let rest = line[i + 1..].to_string();
                        line.truncate(i);
                        lines.push(std::mem::take(&mut line));
                        line = rest;
                    }
                    _ => lines.push(std::mem::take(&mut line)),
                }
            }
            if !(line.is_empty() && c == ' ') {
                line.push(c);
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }

    const PIECES: &[&str] = &[
        "word",
        " ",
        "a",
        "created.",
        "，",
        "。",
        "草稿",
        "e\u{301}",
        "\u{301}",
        "👩\u{200d}💻",
        "🇹🇼",
        "\u{600}",
        "한",
        "\u{1100}",
        "\u{1161}",
        "—",
        "·",
        "\t",
        "✓\u{fe0f}",
        ")",
    ];

    proptest! {
        #[test]
        fn breaks_where_measuring_every_time_breaks(
            pieces in prop::collection::vec(0usize..PIECES.len(), 0..40),
            columns in 1usize..16,
        ) {
            let text: String = pieces.iter().map(|&p| PIECES[p]).collect();
            prop_assert_eq!(wrap(&text, columns), wrap_measuring_every_time(&text, columns));
        }
    }

    #[test]
    fn closing_punctuation_takes_its_word_or_character_along() {
        // English: the last word goes to the next line with its full stop.
        assert_eq!(
            wrap("no draft was created.", 20),
            ["no draft was", "created."]
        );
        // Chinese: the character before the full stop goes along.
        assert_eq!(wrap("未建立任何草稿。", 14), ["未建立任何草", "稿。"]);
    }

    #[test]
    fn indented_text_keeps_its_indent_on_every_line() {
        assert_eq!(
            wrap_indented("  2,000 more active users for Silver", 20),
            ["  2,000 more active", "  users for Silver"]
        );
        assert_eq!(wrap_indented("no indent here", 8), ["no", "indent", "here"]);
    }
}
