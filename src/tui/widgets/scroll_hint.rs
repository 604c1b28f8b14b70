//! A text that scrolls (Review, the comparison): the keys that move it, and its first and
//! last rows saying how many lines are out of sight above and below, and how to reach them.

use super::super::keys::Action;
use crate::i18n::Locale;

/// What row `row` of `rows` shown says when the text of `total` lines is scrolled by
/// `scroll`: on the first row, the lines above (it takes the place of one); on the last, the
/// lines below; elsewhere nothing.
pub(crate) fn out_of_sight(
    loc: &Locale,
    row: u16,
    rows: u16,
    scroll: usize,
    total: usize,
) -> Option<String> {
    let shown = scroll + usize::from(row);
    let (key, count) = if row == 0 && scroll > 0 {
        ("wizard.review.more_above", scroll + 1)
    } else if row + 1 == rows && shown + 1 < total {
        ("wizard.review.more_below", total - shown)
    } else {
        return None;
    };
    Some(loc.plural(key, count as u64, &[]))
}

/// Moves `scroll` for a key over a text of `total` lines, `rows` shown; false when the key
/// does not scroll. A page moves by what shows between the two "more" rows, so the lines
/// those cover are on the next page.
pub(crate) fn scroll_text(scroll: &mut usize, action: Action, total: usize, rows: usize) -> bool {
    let rows = rows.max(1);
    let max = total.saturating_sub(rows);
    let page = rows.saturating_sub(2).max(1);
    *scroll = match action {
        Action::Up => scroll.saturating_sub(1),
        Action::Down => (*scroll + 1).min(max),
        Action::PageUp => scroll.saturating_sub(page),
        Action::PageDown => (*scroll + page).min(max),
        Action::First => 0,
        Action::Last => max,
        _ => return false,
    };
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn first_and_last_rows_count_what_is_out_of_sight() {
        let loc = Locale::get(Lang::En);
        // 10 lines, 4 rows, scrolled by 3: lines 0..=3 above (the first row covers one).
        let above = out_of_sight(loc, 0, 4, 3, 10).expect("above");
        assert!(above.contains("4 more lines above"), "{above}");
        assert_eq!(out_of_sight(loc, 1, 4, 3, 10), None);
        let below = out_of_sight(loc, 3, 4, 3, 10).expect("below");
        assert!(below.contains("4 more lines below"), "{below}");
        // Not scrolled, and all of it in view: nothing to say.
        assert_eq!(out_of_sight(loc, 0, 4, 0, 10), None);
        assert_eq!(out_of_sight(loc, 3, 4, 0, 4), None);
    }

    #[test]
    fn keys_scroll_within_the_text() {
        let mut scroll = 0;
        assert!(scroll_text(&mut scroll, Action::PageDown, 30, 10));
        assert_eq!(scroll, 8);
        scroll_text(&mut scroll, Action::Last, 30, 10);
        assert_eq!(scroll, 20);
        scroll_text(&mut scroll, Action::Down, 30, 10);
        assert_eq!(scroll, 20);
        scroll_text(&mut scroll, Action::First, 30, 10);
        assert_eq!(scroll, 0);
        assert!(!scroll_text(&mut scroll, Action::Cancel, 30, 10));
    }
}
