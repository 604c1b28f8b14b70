//! The yardstick for start-up time: the least a ratatui program does before its first frame
//! (raw mode, alternate screen, one paragraph), then it waits for any key and restores the
//! terminal. `benches/startup.rs` starts it and the wizard side by side.

use ratatui::crossterm::event::{self, Event};
use ratatui::widgets::{Block, Paragraph};

fn main() -> std::io::Result<()> {
    let mut terminal = ratatui::init();
    let drawn = terminal.draw(|frame| {
        frame.render_widget(
            Paragraph::new("bare ratatui frame").block(Block::bordered()),
            frame.area(),
        );
    });
    // Wait for a key so the measuring side sees the frame before the program ends.
    let waited = drawn.and_then(|_| {
        loop {
            if let Event::Key(_) = event::read()? {
                break Ok(());
            }
        }
    });
    ratatui::restore();
    waited
}
