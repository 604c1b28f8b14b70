//! The event loop's ratatui backend. Crossterm's backend in all but two things:
//! - a frame's cells are written as escape sequences directly, the sequences crossterm's
//!   backend writes, without going through `fmt` for every cell (its formatting was a tenth
//!   of a full first frame's work); and the cursor goes right along its row by a relative
//!   move, where crossterm gives the row and column every time (a screen of words has a
//!   gap between every two, and the absolute moves were 40% of the first frame's bytes);
//! - the terminal's size is asked of standard output, where crossterm's opens `/dev/tty`
//!   for each question, and ratatui asks before every frame.
//!
//! Elsewhere than Unix (a Windows console may want its own calls), and for the rare
//! commands (cursor, clearing), crossterm's backend does the work.
//!
//! A frame over a blank screen (`draw_over_blank`) is written from its buffer, without
//! ratatui's comparison of every cell with the blank buffer it keeps for the screen.

use std::io::{self, Write};

use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Size};
#[cfg(unix)]
use ratatui::style::{Color, Modifier};

use super::frame_writer::FrameWriter;

#[derive(Default)]
pub(crate) struct TerminalBackend {
    frame: FrameWriter,
    /// While the frame is held (`draw_over_blank`), ratatui's cells are left unread (so
    /// never compared) and this says where in the frame they go: before the cursor's
    /// commands.
    cells_at: Option<usize>,
}

/// Draws a frame with `render`. With `over_blank` (nothing is on the screen, nor in
/// ratatui's record of it: the first frame, the first after a resize), the cells that are
/// not blank are written straight from the frame's buffer.
pub(crate) fn draw(
    terminal: &mut Terminal<TerminalBackend>,
    over_blank: bool,
    render: impl FnOnce(&mut ratatui::Frame),
) -> io::Result<()> {
    if over_blank {
        return draw_over_blank(terminal, render);
    }
    terminal.draw(render).map(|_| ())
}

/// ratatui draws the frame, the backend leaving its cells unread and holding the frame's
/// output (ratatui's and crossterm's flushes wait); then the cells are written where
/// ratatui would have put them, before the cursor's commands, and the frame goes out.
fn draw_over_blank(
    terminal: &mut Terminal<TerminalBackend>,
    render: impl FnOnce(&mut ratatui::Frame),
) -> io::Result<()> {
    terminal.backend_mut().frame.hold();
    let drawn = terminal
        .draw(render)
        .and_then(|done| cells_bytes(done.buffer));
    let backend = terminal.backend_mut();
    if let (Ok(cells), Some(at)) = (&drawn, backend.cells_at.take()) {
        backend.frame.insert(at, cells);
    }
    // Out even when drawing failed: what ratatui wrote (a clear) is not kept for later.
    let released = backend.frame.release();
    drawn.and(released)
}

/// The bytes that write `buffer`'s cells over a blank screen.
fn cells_bytes(buffer: &Buffer) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    write_cells_over_blank(&mut bytes, buffer)?;
    Ok(bytes)
}

/// Writes `buffer`'s cells over a blank screen (elsewhere than Unix, as crossterm's backend
/// writes them, as for every frame there).
fn write_cells_over_blank(out: &mut impl Write, buffer: &Buffer) -> io::Result<()> {
    let cells = super::over_blank::cells_over_blank(buffer);
    #[cfg(unix)]
    return write_cells(out, cells);
    #[cfg(not(unix))]
    return CrosstermBackend::new(out).draw(cells);
}

impl TerminalBackend {
    /// Crossterm's backend, writing into this one's frame.
    fn crossterm(&mut self) -> CrosstermBackend<&mut FrameWriter> {
        CrosstermBackend::new(&mut self.frame)
    }

    /// Writes `buffer` over a blank screen, and the cursor (hidden, or shown at `cursor`),
    /// as ratatui's first draw of it writes them: for a frame drawn without a Terminal.
    pub(crate) fn write_over_blank(
        &mut self,
        buffer: &Buffer,
        cursor: Option<Position>,
    ) -> io::Result<()> {
        self.frame.hold();
        let written = write_cells_over_blank(&mut self.frame, buffer).and_then(|()| match cursor {
            None => self.hide_cursor(),
            Some(position) => self
                .show_cursor()
                .and_then(|()| self.set_cursor_position(position)),
        });
        // Out even when writing failed, as `draw_over_blank` does.
        let released = self.frame.release();
        written.and(released)
    }
}

impl Backend for TerminalBackend {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        if self.frame.is_holding() {
            self.cells_at = Some(self.frame.len());
            return Ok(());
        }
        #[cfg(unix)]
        return write_cells(&mut self.frame, content);
        #[cfg(not(unix))]
        return self.crossterm().draw(content);
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.crossterm().hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.crossterm().show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.crossterm().get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.crossterm().set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.crossterm().clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.crossterm().clear_region(clear_type)
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.crossterm().append_lines(n)
    }

    fn size(&self) -> io::Result<Size> {
        screen_size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.crossterm().window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        self.frame.flush()
    }
}

/// The terminal's size, asked of standard output.
pub(crate) fn screen_size() -> io::Result<Size> {
    #[cfg(unix)]
    if let Ok(size) = rustix::termios::tcgetwinsize(io::stdout())
        && size.ws_col > 0
        && size.ws_row > 0
    {
        return Ok(Size::new(size.ws_col, size.ws_row));
    }
    let (width, height) = ratatui::crossterm::terminal::size()?;
    Ok(Size::new(width, height))
}

/// Writes changed cells as crossterm's backend does: a cursor move where a cell does not
/// follow the one before, the attributes and colours that changed, the cell's text; at the
/// end, colours and attributes back to the terminal's own. The one difference: after an
/// ASCII character, whose width no terminal doubts, a later cell of the same row is reached
/// by moving right (`CSI n C`), not by naming its row and column.
#[cfg(unix)]
fn write_cells<'a>(
    out: &mut impl Write,
    content: impl Iterator<Item = (u16, u16, &'a Cell)>,
) -> io::Result<()> {
    let mut fg = Color::Reset;
    let mut bg = Color::Reset;
    let mut underline = Color::Reset;
    let mut modifier = Modifier::empty();
    let mut last: Option<(u16, u16)> = None;
    // Where the terminal's cursor is for certain: after an ASCII character.
    let mut cursor: Option<(u16, u16)> = None;
    let mut digits = itoa::Buffer::new();
    for (x, y, cell) in content {
        let follows = matches!(last, Some((lx, ly)) if ly == y && lx.checked_add(1) == Some(x));
        match cursor {
            _ if follows => {}
            Some((cx, cy)) if cy == y && cx < x => {
                out.write_all(b"\x1b[")?;
                if x - cx > 1 {
                    out.write_all(digits.format(x - cx).as_bytes())?;
                }
                out.write_all(b"C")?;
            }
            _ => {
                out.write_all(b"\x1b[")?;
                out.write_all(digits.format(u32::from(y) + 1).as_bytes())?;
                out.write_all(b";")?;
                out.write_all(digits.format(u32::from(x) + 1).as_bytes())?;
                out.write_all(b"H")?;
            }
        }
        last = Some((x, y));
        let symbol = cell.symbol();
        let ascii = symbol.len() == 1
            && (symbol.as_bytes()[0] == b' ' || symbol.as_bytes()[0].is_ascii_graphic());
        cursor = ascii.then(|| (x.saturating_add(1), y));
        if cell.modifier != modifier {
            write_modifier_change(out, modifier, cell.modifier)?;
            modifier = cell.modifier;
        }
        if cell.fg != fg || cell.bg != bg {
            out.write_all(b"\x1b[")?;
            write_color(out, Layer::Foreground, cell.fg, &mut digits)?;
            out.write_all(b";")?;
            write_color(out, Layer::Background, cell.bg, &mut digits)?;
            out.write_all(b"m")?;
            fg = cell.fg;
            bg = cell.bg;
        }
        if cell.underline_color != underline {
            out.write_all(b"\x1b[")?;
            write_color(out, Layer::Underline, cell.underline_color, &mut digits)?;
            out.write_all(b"m")?;
            underline = cell.underline_color;
        }
        out.write_all(symbol.as_bytes())?;
    }
    out.write_all(b"\x1b[39m\x1b[49m\x1b[59m\x1b[0m")
}

#[cfg(unix)]
#[derive(Clone, Copy)]
enum Layer {
    Foreground,
    Background,
    Underline,
}

/// A colour's SGR parameters, as crossterm writes them (its colour names are ratatui's
/// shifted: ratatui's `Red` is crossterm's `DarkRed`, number 1).
#[cfg(unix)]
fn write_color(
    out: &mut impl Write,
    layer: Layer,
    color: Color,
    digits: &mut itoa::Buffer,
) -> io::Result<()> {
    let (reset, set): (&[u8], &[u8]) = match layer {
        Layer::Foreground => (b"39", b"38;"),
        Layer::Background => (b"49", b"48;"),
        Layer::Underline => (b"59", b"58;"),
    };
    let indexed = match color {
        Color::Reset => return out.write_all(reset),
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
        Color::Indexed(i) => i,
        Color::Rgb(r, g, b) => {
            out.write_all(set)?;
            out.write_all(b"2;")?;
            out.write_all(digits.format(r).as_bytes())?;
            out.write_all(b";")?;
            out.write_all(digits.format(g).as_bytes())?;
            out.write_all(b";")?;
            return out.write_all(digits.format(b).as_bytes());
        }
    };
    out.write_all(set)?;
    out.write_all(b"5;")?;
    out.write_all(digits.format(indexed).as_bytes())
}

/// The attributes turned off, then those turned on, as crossterm's backend sends them (bold
/// and dim are turned off together, so one of them that stays is turned on again).
#[cfg(unix)]
fn write_modifier_change(out: &mut impl Write, from: Modifier, to: Modifier) -> io::Result<()> {
    let mut sgr = |code: &[u8]| {
        out.write_all(b"\x1b[")?;
        out.write_all(code)?;
        out.write_all(b"m")
    };
    let removed = from - to;
    if removed.contains(Modifier::REVERSED) {
        sgr(b"27")?;
    }
    let reset_intensity = removed.intersects(Modifier::BOLD | Modifier::DIM);
    if reset_intensity {
        sgr(b"22")?;
        if to.contains(Modifier::DIM) {
            sgr(b"2")?;
        }
        if to.contains(Modifier::BOLD) {
            sgr(b"1")?;
        }
    }
    for (modifier, code) in [
        (Modifier::ITALIC, b"23"),
        (Modifier::UNDERLINED, b"24"),
        (Modifier::CROSSED_OUT, b"29"),
        (Modifier::HIDDEN, b"28"),
    ] {
        if removed.contains(modifier) {
            sgr(code)?;
        }
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        sgr(b"25")?;
    }
    let added = to - from;
    for (modifier, code, unless_reset) in [
        (Modifier::REVERSED, &b"7"[..], false),
        (Modifier::BOLD, b"1", true),
        (Modifier::ITALIC, b"3", false),
        (Modifier::UNDERLINED, b"4", false),
        (Modifier::DIM, b"2", true),
        (Modifier::CROSSED_OUT, b"9", false),
        (Modifier::HIDDEN, b"8", false),
        (Modifier::SLOW_BLINK, b"5", false),
        (Modifier::RAPID_BLINK, b"6", false),
    ] {
        if added.contains(modifier) && !(unless_reset && reset_intensity) {
            sgr(code)?;
        }
    }
    Ok(())
}

#[cfg(test)]
#[cfg(unix)]
mod tests {
    use proptest::prelude::*;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    use super::*;

    const SYMBOLS: &[&str] = &["a", "Z", " ", "中", "é", "─", "👍", "1"];

    fn colors() -> Vec<Color> {
        // crossterm leaves colours out when NO_COLOR is set (our theme then uses none).
        if std::env::var("NO_COLOR").is_ok_and(|v| !v.is_empty()) {
            return vec![Color::Reset];
        }
        let mut all = vec![
            Color::Reset,
            Color::Black,
            Color::Red,
            Color::Green,
            Color::Yellow,
            Color::Blue,
            Color::Magenta,
            Color::Cyan,
            Color::Gray,
            Color::DarkGray,
            Color::LightRed,
            Color::LightGreen,
            Color::LightYellow,
            Color::LightBlue,
            Color::LightMagenta,
            Color::LightCyan,
            Color::White,
            Color::Indexed(0),
            Color::Indexed(200),
            Color::Rgb(0, 128, 255),
        ];
        all.dedup();
        all
    }

    /// A buffer of `width` x `height` with cells picked by `picks`: symbol, fg, bg,
    /// underline colour, modifier bits.
    fn buffer(width: u16, height: u16, picks: &[(usize, usize, usize, usize, u16)]) -> Buffer {
        let colors = colors();
        let mut buffer = Buffer::empty(Rect::new(0, 0, width, height));
        for (i, &(symbol, fg, bg, underline, bits)) in picks.iter().enumerate() {
            let x = (i % usize::from(width)) as u16;
            let y = (i / usize::from(width)) as u16;
            if y >= height {
                break;
            }
            let style = Style::default()
                .fg(colors[fg % colors.len()])
                .bg(colors[bg % colors.len()])
                .underline_color(colors[underline % colors.len()])
                .add_modifier(Modifier::from_bits_truncate(bits));
            buffer.set_stringn(x, y, SYMBOLS[symbol % SYMBOLS.len()], 2, style);
        }
        buffer
    }

    fn crossterm_bytes(before: &Buffer, after: &Buffer) -> Vec<u8> {
        let mut out = Vec::new();
        CrosstermBackend::new(&mut out)
            .draw(before.diff(after).into_iter())
            .expect("written to memory");
        out
    }

    fn our_bytes(before: &Buffer, after: &Buffer) -> Vec<u8> {
        let mut out = Vec::new();
        write_cells(&mut out, before.diff(after).into_iter()).expect("written to memory");
        out
    }

    /// The screen a terminal shows after `before` was drawn (by crossterm) and then the
    /// change to `after` was written as `bytes`.
    fn screen_after(before: &Buffer, bytes: &[u8]) -> String {
        let size = |n: u16| std::num::NonZeroU16::new(n).expect("buffers here are not empty");
        let mut terminal = vt100::Parser::new(size(before.area.height), size(before.area.width), 0);
        terminal.process(&crossterm_bytes(&Buffer::empty(before.area), before));
        terminal.process(bytes);
        terminal
            .screen()
            .contents_formatted()
            .escape_debug()
            .to_string()
    }

    proptest! {
        #[test]
        fn a_terminal_shows_what_crossterms_backend_makes_it_show(
            width in 1u16..12,
            height in 1u16..5,
            before in prop::collection::vec((0usize..8, 0usize..20, 0usize..20, 0usize..20, any::<u16>()), 0..60),
            after in prop::collection::vec((0usize..8, 0usize..20, 0usize..20, 0usize..20, any::<u16>()), 0..60),
        ) {
            let before = buffer(width, height, &before);
            let after = buffer(width, height, &after);
            let ours = our_bytes(&before, &after);
            let theirs = crossterm_bytes(&before, &after);
            prop_assert_eq!(screen_after(&before, &ours), screen_after(&before, &theirs));
            prop_assert!(ours.len() <= theirs.len());
        }
    }

    #[test]
    fn a_first_frame_moves_right_along_its_rows() {
        let colors = colors();
        let mut after = Buffer::empty(Rect::new(0, 0, 30, 3));
        let style = Style::default()
            .fg(colors[6 % colors.len()])
            .add_modifier(Modifier::BOLD | Modifier::REVERSED);
        after.set_string(2, 0, "Review", style);
        after.set_string(9, 0, "中文", style);
        after.set_string(14, 0, "ok", style);
        after.set_string(0, 2, "? help", Style::default().add_modifier(Modifier::DIM));
        let before = Buffer::empty(after.area);
        let ours = String::from_utf8_lossy(&our_bytes(&before, &after)).into_owned();
        let theirs = String::from_utf8_lossy(&crossterm_bytes(&before, &after)).into_owned();
        // Words apart on a row: crossterm names the column, ours moves right.
        assert!(theirs.contains("Review\x1b[1;10H"), "{theirs:?}");
        assert!(ours.contains("Review\x1b[C"), "{ours:?}");
        // After a wide character, and to another row, the place is named, as crossterm does.
        assert!(ours.contains("文\x1b[1;15H"), "{ours:?}");
        assert!(ours.contains("\x1b[3;1H"), "{ours:?}");
        assert_eq!(
            screen_after(&before, ours.as_bytes()),
            screen_after(&before, theirs.as_bytes())
        );
    }

    #[test]
    fn the_size_is_the_terminals_or_crossterms_answer() {
        // Without a terminal (as under `cargo test`) both ways fail or agree.
        let ours = TerminalBackend::default().size().ok();
        let theirs = ratatui::crossterm::terminal::size()
            .ok()
            .map(|(w, h)| Size::new(w, h));
        assert_eq!(ours, theirs);
    }
}
