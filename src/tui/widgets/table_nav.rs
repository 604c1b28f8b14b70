//! Moving the selection of a table that scrolls (Customers, Staff, the Start list): one
//! row, a page, first and last, with the first row shown kept so that the selection stays
//! in view.

use super::super::keys::Action;
use super::table::scroll_to;

/// Moves `row` for a navigation action over `len` rows, `page` rows to a page; false when
/// the action is not one that moves the selection.
pub(crate) fn move_row(row: &mut usize, action: Action, len: usize, page: usize) -> bool {
    let last = len.saturating_sub(1);
    let page = page.max(1);
    *row = match action {
        Action::Up => row.saturating_sub(1),
        Action::Down => (*row + 1).min(last),
        Action::PageUp => row.saturating_sub(page),
        Action::PageDown => (*row + page).min(last),
        Action::First => 0,
        Action::Last => last,
        _ => return false,
    };
    true
}

/// Keeps `row` within the `len` rows and `offset` (the first row shown) such that `row` is
/// one of the `visible` rows shown, with no empty rows below the last when scrolled.
pub(crate) fn keep_visible(row: &mut usize, offset: &mut usize, len: usize, visible: usize) {
    *row = (*row).min(len.saturating_sub(1));
    *offset = scroll_to(*offset, *row, visible).min(len.saturating_sub(visible.max(1)));
    if *row < *offset {
        *offset = *row;
    }
}

/// What a key does to a cell being edited in a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CellKey {
    /// Keep what was typed (Enter).
    Keep,
    /// Keep it and go to the next (true) or previous cell (Tab, Shift-Tab).
    KeepAndMove { forward: bool },
    /// Take the edit back (Esc).
    TakeBack,
    /// Nothing: not a key for the cell, or leaving is refused while the name typed repeats
    /// another row's (the message under the cell says why; Esc takes the name back).
    Nothing,
}

/// What `action` does to the cell being edited; `repeats`: the name typed makes the row
/// one already listed.
pub(crate) fn cell_key(action: Action, repeats: bool) -> CellKey {
    match action {
        Action::Activate | Action::NextField | Action::PrevField if repeats => CellKey::Nothing,
        Action::Activate => CellKey::Keep,
        Action::NextField => CellKey::KeepAndMove { forward: true },
        Action::PrevField => CellKey::KeepAndMove { forward: false },
        Action::Cancel => CellKey::TakeBack,
        _ => CellKey::Nothing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_stop_at_the_ends_and_pages_move_by_the_page() {
        let mut row = 0;
        assert!(move_row(&mut row, Action::Up, 10, 4));
        assert_eq!(row, 0);
        move_row(&mut row, Action::PageDown, 10, 4);
        assert_eq!(row, 4);
        move_row(&mut row, Action::Last, 10, 4);
        assert_eq!(row, 9);
        move_row(&mut row, Action::Down, 10, 4);
        assert_eq!(row, 9);
        move_row(&mut row, Action::PageUp, 10, 4);
        assert_eq!(row, 5);
        assert!(!move_row(&mut row, Action::Activate, 10, 4));
        assert_eq!(row, 5);
        move_row(&mut row, Action::Down, 0, 4);
        assert_eq!(row, 0);
    }

    #[test]
    fn a_repeated_name_keeps_the_cell_until_taken_back() {
        assert_eq!(cell_key(Action::Activate, false), CellKey::Keep);
        assert_eq!(
            cell_key(Action::PrevField, false),
            CellKey::KeepAndMove { forward: false }
        );
        for action in [Action::Activate, Action::NextField, Action::PrevField] {
            assert_eq!(cell_key(action, true), CellKey::Nothing);
        }
        assert_eq!(cell_key(Action::Cancel, true), CellKey::TakeBack);
        assert_eq!(cell_key(Action::Up, false), CellKey::Nothing);
    }

    #[test]
    fn the_selection_stays_in_view_without_empty_rows_below() {
        let (mut row, mut offset) = (9, 0);
        keep_visible(&mut row, &mut offset, 10, 4);
        assert_eq!((row, offset), (9, 6));
        // Rows deleted below: the view moves up rather than show empty rows.
        let (mut row, mut offset) = (2, 6);
        keep_visible(&mut row, &mut offset, 5, 4);
        assert_eq!((row, offset), (2, 1));
        let (mut row, mut offset) = (7, 3);
        keep_visible(&mut row, &mut offset, 3, 4);
        assert_eq!((row, offset), (2, 0));
    }
}
