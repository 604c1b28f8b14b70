//! Where the screens draw: an area of a buffer, and where the cursor is to stand. ratatui's
//! `Frame` is the same three things, but only a `Terminal` makes one, and a Terminal keeps
//! two whole buffers, filled before anything is drawn. The first frame is drawn on a canvas
//! over one buffer of its own (`display`), and the Terminal made for the frames after it.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Widget;

pub(crate) struct Canvas<'a> {
    area: Rect,
    buffer: &'a mut Buffer,
    cursor: Option<Position>,
}

impl<'a> Canvas<'a> {
    /// The whole of `buffer`, the cursor hidden until a screen places it.
    pub(crate) fn new(buffer: &'a mut Buffer) -> Canvas<'a> {
        Canvas {
            area: buffer.area,
            buffer,
            cursor: None,
        }
    }

    pub(crate) fn area(&self) -> Rect {
        self.area
    }

    pub(crate) fn buffer_mut(&mut self) -> &mut Buffer {
        self.buffer
    }

    pub(crate) fn render_widget(&mut self, widget: impl Widget, area: Rect) {
        widget.render(area, self.buffer);
    }

    pub(crate) fn set_cursor_position(&mut self, position: impl Into<Position>) {
        self.cursor = Some(position.into());
    }

    /// Where the cursor is to stand; `None` hides it.
    pub(crate) fn cursor(&self) -> Option<Position> {
        self.cursor
    }
}

/// `draw` on a ratatui frame: a Terminal of any backend (the tests' and the benches').
pub(crate) fn draw_on_frame(frame: &mut Frame, draw: impl FnOnce(&mut Canvas)) {
    let area = frame.area();
    let mut canvas = Canvas {
        area,
        buffer: frame.buffer_mut(),
        cursor: None,
    };
    draw(&mut canvas);
    if let Some(position) = canvas.cursor {
        frame.set_cursor_position(position);
    }
}
