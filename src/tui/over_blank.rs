//! The cells of a frame drawn over a blank screen: the first frame, and the first after a
//! resize (ratatui clears the screen then). They are the cells ratatui's diff would give
//! against its blank buffer, found without comparing each cell with a blank one field by
//! field: on a first frame that comparison was a fifth of the program's instructions.

use ratatui::buffer::{Buffer, Cell, CellDiffOption, CellWidth};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

/// `Buffer::empty(buffer.area).diff(buffer)`, in the same order, as an iterator.
pub(crate) fn cells_over_blank(buffer: &Buffer) -> OverBlank<'_> {
    OverBlank {
        cells: &buffer.content,
        area: buffer.area,
        at: 0,
        trailing: None,
    }
}

pub(crate) struct OverBlank<'a> {
    cells: &'a [Cell],
    area: Rect,
    /// The next cell to look at.
    at: usize,
    /// The columns under an emoji with a variation selector still to look at (from, to):
    /// ratatui writes any of them that is not blank, as some terminals leave them dirty.
    trailing: Option<(usize, usize)>,
}

impl<'a> OverBlank<'a> {
    fn place(&self, index: usize) -> (u16, u16) {
        let width = usize::from(self.area.width.max(1));
        let x = index % width + usize::from(self.area.x);
        let y = index / width + usize::from(self.area.y);
        (x as u16, y as u16)
    }

    fn at(&self, index: usize) -> (u16, u16, &'a Cell) {
        let (x, y) = self.place(index);
        (x, y, &self.cells[index])
    }
}

impl<'a> Iterator for OverBlank<'a> {
    type Item = (u16, u16, &'a Cell);

    fn next(&mut self) -> Option<Self::Item> {
        let len = self.cells.len();
        if let Some((from, to)) = &mut self.trailing {
            while *from < *to {
                let j = *from;
                let cell = &self.cells[j];
                *from += usize::from(cell.cell_width().max(1));
                *to = (*to).max(*from).min(len);
                if !skipped(cell) && cell.symbol() != " " {
                    return Some(self.at(j));
                }
            }
            self.at = *to;
            self.trailing = None;
        }
        while self.at < len {
            let i = self.at;
            self.at += 1;
            let cell = &self.cells[i];
            // Most cells of a frame are blank: asked first. (A blank cell is neither
            // skipped nor of a forced width: its option is `None`.)
            if is_blank(cell) || skipped(cell) {
                continue;
            }
            if let CellDiffOption::ForcedWidth(width) = cell.diff_option {
                self.at += usize::from(width.get() - 1);
                return Some(self.at(i));
            }
            let width = usize::from(cell.cell_width());
            if width > 1 && cell.symbol().contains('\u{FE0F}') {
                self.trailing = Some((i + 1, (i + width).min(len)));
            } else if width > 1 {
                self.at += width - 1;
            }
            return Some(self.at(i));
        }
        None
    }
}

/// Cells ratatui's diff passes over.
#[allow(deprecated)] // `skip` is still read by ratatui's diff.
fn skipped(cell: &Cell) -> bool {
    matches!(cell.diff_option, CellDiffOption::Skip)
        || (cell.skip && matches!(cell.diff_option, CellDiffOption::None))
}

/// Equal to `Cell::EMPTY` (a cell without a symbol equals one holding a space).
#[allow(deprecated)]
fn is_blank(cell: &Cell) -> bool {
    cell.symbol() == " "
        && cell.fg == Color::Reset
        && cell.bg == Color::Reset
        && cell.underline_color == Color::Reset
        && cell.modifier == Modifier::empty()
        && matches!(cell.diff_option, CellDiffOption::None)
        && !cell.skip
}

#[cfg(test)]
mod tests {
    use std::num::NonZeroU16;

    use proptest::prelude::*;
    use ratatui::style::Style;

    use super::*;

    const SYMBOLS: &[&str] = &[" ", "a", "中", "👍", "❤\u{FE0F}", "é", "─", ""];

    /// A cell for each pick: symbol, colour, modifier, diff option.
    fn buffer(area: Rect, picks: &[(usize, u8, u16, u8)]) -> Buffer {
        let mut buffer = Buffer::empty(area);
        let colors = [Color::Reset, Color::Red, Color::Indexed(3)];
        for (cell, &(symbol, paint, bits, option)) in buffer.content.iter_mut().zip(picks) {
            let color = colors[usize::from(paint) % colors.len()];
            cell.set_symbol(SYMBOLS[symbol % SYMBOLS.len()]);
            match paint / 64 {
                0 => cell.fg = color,
                1 => cell.bg = color,
                2 => cell.underline_color = color,
                _ => {}
            }
            cell.modifier = Modifier::from_bits_truncate(bits % 4);
            cell.diff_option = match option % 8 {
                0 => CellDiffOption::Skip,
                1 => CellDiffOption::AlwaysUpdate,
                2 => CellDiffOption::ForcedWidth(
                    NonZeroU16::MIN.saturating_add(u16::from(option % 3)),
                ),
                3 => {
                    #[allow(deprecated)]
                    cell.set_skip(true);
                    CellDiffOption::None
                }
                _ => CellDiffOption::None,
            };
        }
        buffer
    }

    fn ratatuis(buffer: &Buffer) -> Vec<(u16, u16, Cell)> {
        let blank = Buffer::empty(buffer.area);
        blank
            .diff(buffer)
            .into_iter()
            .map(|(x, y, c)| (x, y, c.clone()))
            .collect()
    }

    fn ours(buffer: &Buffer) -> Vec<(u16, u16, Cell)> {
        cells_over_blank(buffer)
            .map(|(x, y, c)| (x, y, c.clone()))
            .collect()
    }

    proptest! {
        #[test]
        fn the_cells_are_ratatuis_diff_against_a_blank_buffer(
            x in 0u16..3,
            y in 0u16..3,
            width in 1u16..9,
            height in 1u16..4,
            picks in prop::collection::vec((0usize..8, any::<u8>(), any::<u16>(), any::<u8>()), 0..40),
        ) {
            let buffer = buffer(Rect::new(x, y, width, height), &picks);
            prop_assert_eq!(ours(&buffer), ratatuis(&buffer));
        }
    }

    #[test]
    fn a_frame_of_words_gives_its_letters_and_nothing_blank() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 12, 2));
        buffer.set_string(1, 0, "ok 中文", Style::default());
        buffer.set_string(0, 1, "  ", Style::default().bg(Color::Red));
        let cells: Vec<(u16, u16, String)> = cells_over_blank(&buffer)
            .map(|(x, y, c)| (x, y, c.symbol().to_string()))
            .collect();
        let expected = [
            (1, 0, "o"),
            (2, 0, "k"),
            (4, 0, "中"),
            (6, 0, "文"),
            (0, 1, " "),
            (1, 1, " "),
        ];
        let expected: Vec<(u16, u16, String)> = expected
            .iter()
            .map(|&(x, y, s)| (x, y, s.to_string()))
            .collect();
        assert_eq!(cells, expected);
        assert_eq!(ours(&buffer), ratatuis(&buffer));
    }
}
