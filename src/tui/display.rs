//! The screen as the event loop draws it. The first frame is drawn on one buffer of its own
//! and written over the blank screen: ratatui's Terminal, which fills two buffers the size
//! of the screen before it draws anything, is made only when a second frame is wanted (a
//! key, a resize), with the first frame as its record of what the screen shows.

use std::io;

use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use super::canvas::{Canvas, draw_on_frame};
use super::terminal_backend::{self, TerminalBackend, screen_size};

pub(crate) struct Display {
    /// Until the Terminal is made: its backend, and the first frame once it is out.
    first: Option<First>,
    terminal: Option<Terminal<TerminalBackend>>,
    /// Nothing is on the screen (the first frame; the first after a resize): the next
    /// frame is written whole.
    over_blank: bool,
    /// The size of the last frame drawn.
    drawn: Rect,
}

#[derive(Default)]
struct First {
    backend: TerminalBackend,
    shown: Option<Buffer>,
}

impl Display {
    pub(crate) fn new() -> Display {
        Display {
            first: Some(First::default()),
            terminal: None,
            over_blank: true,
            drawn: Rect::ZERO,
        }
    }

    /// The screen's size.
    pub(crate) fn size(&self) -> io::Result<Rect> {
        Ok(Rect::from((Position::ORIGIN, screen_size()?)))
    }

    /// Draws a frame with `render`.
    pub(crate) fn draw(&mut self, render: impl FnOnce(&mut Canvas)) -> io::Result<()> {
        if let Some(first) = self.first.as_mut().filter(|first| first.shown.is_none()) {
            let mut buffer = Buffer::empty(Rect::from((Position::ORIGIN, screen_size()?)));
            let mut canvas = Canvas::new(&mut buffer);
            render(&mut canvas);
            let cursor = canvas.cursor();
            first.backend.write_over_blank(&buffer, cursor)?;
            self.drawn = buffer.area;
            first.shown = Some(buffer);
            self.over_blank = false;
            return Ok(());
        }
        let over_blank = self.over_blank;
        let terminal = self.terminal()?;
        terminal_backend::draw(terminal, over_blank, |frame| draw_on_frame(frame, render))?;
        self.drawn = terminal.get_frame().area();
        self.over_blank = false;
        Ok(())
    }

    /// The screen's size, when it is not that of the last frame drawn.
    pub(crate) fn resized_since_drawn(&self) -> io::Result<Option<Rect>> {
        let now = self.size()?;
        Ok((now != self.drawn).then_some(now))
    }

    /// Takes the screen's new size; drawn whole next when it changed.
    pub(crate) fn autoresize(&mut self) -> io::Result<()> {
        let terminal = self.terminal()?;
        let before = terminal.get_frame().area();
        terminal.autoresize()?;
        // A new size clears the screen and ratatui's record of it.
        let changed = terminal.get_frame().area() != before;
        self.over_blank |= changed;
        Ok(())
    }

    /// ratatui's Terminal, made when first asked for.
    fn terminal(&mut self) -> io::Result<&mut Terminal<TerminalBackend>> {
        let terminal = match self.terminal.take() {
            Some(terminal) => terminal,
            None => self.make_terminal()?,
        };
        Ok(self.terminal.insert(terminal))
    }

    /// The Terminal, holding the first frame as the screen's last: the next frame is
    /// written as the cells that differ from it. When the screen's size changed under the
    /// first frame, the screen is cleared and the next frame written whole.
    fn make_terminal(&mut self) -> io::Result<Terminal<TerminalBackend>> {
        let First { backend, shown } = self.first.take().unwrap_or_default();
        let mut terminal = Terminal::new(backend)?;
        match shown {
            Some(shown) if shown.area == terminal.get_frame().area() => {
                *terminal.current_buffer_mut() = shown;
                terminal.swap_buffers();
            }
            Some(_) => {
                terminal.backend_mut().clear_region(ClearType::All)?;
                self.over_blank = true;
            }
            None => {}
        }
        Ok(terminal)
    }
}
