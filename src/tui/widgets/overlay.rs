//! Clearing the area of a box drawn over other text (help, lists, the import panel). A
//! wide character just left of the box would otherwise reach into it and hide its left
//! border, because a terminal draws a wide character over two cells.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Widget};

use crate::text::width;

pub(crate) fn clear(area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    let area = area.intersection(buf.area);
    if area.x == 0 || area.is_empty() {
        return;
    }
    for y in area.top()..area.bottom() {
        let cell = &mut buf[(area.x - 1, y)];
        if width(cell.symbol()) > 1 {
            cell.set_symbol(" ");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wide_character_left_of_the_box_is_taken_out() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        buf.set_string(0, 0, "台北資", ratatui::style::Style::default());
        clear(Rect::new(3, 0, 3, 1), &mut buf);
        assert_eq!(buf[(0, 0)].symbol(), "台");
        assert_eq!(buf[(2, 0)].symbol(), " ", "北 would cover column 3");
    }
}
