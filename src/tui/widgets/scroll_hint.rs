//! The first and last rows of a text that scrolls say how many lines are out of sight
//! above and below, and how to reach them (Review, the comparison).

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
}
