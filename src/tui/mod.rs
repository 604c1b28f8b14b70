//! The wizard. This file is the only code that touches the terminal: raw mode, the
//! alternate screen, bracketed paste, mouse capture, restoring all of it on every way out
//! (a panic included), and the event loop, which draws only when something changed.
//! SIGTERM, SIGHUP and SIGINT end the loop the same way as `q`: saved, terminal restored.

pub mod app;
mod canvas;
mod context;
mod display;
pub(crate) mod draft;
pub(crate) mod effect;
mod errands;
mod frame_writer;
pub mod import_job;
pub(crate) mod keys;
pub(crate) mod layout;
mod lister;
pub(crate) mod mode;
pub(crate) mod model;
pub(crate) mod msg;
pub(crate) mod note;
mod opener;
mod over_blank;
mod saver;
pub(crate) mod screen;
pub mod screens;
mod signals;
mod terminal_backend;
pub(crate) mod theme;
pub(crate) mod undo;
pub(crate) mod update;
pub mod view;
pub(crate) mod widgets;
pub(crate) mod words;

pub use app::App;
pub use effect::{Effect, ExportKind};
pub use mode::Mode;
pub use model::Model;
pub use msg::{DraftSummary, Msg};
pub use note::{DraftNote, Note};
pub use screen::Screen;
pub use signals::survive_file_size_limit;
pub use update::update;

use std::io::{self, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};

use crate::i18n::Lang;
use crate::store::Store;
use app::TerminalRequest;
use display::Display;
use signals::Signals;

/// Where the wizard opens.
pub(crate) enum Start {
    /// The Start screen: new assessment or a saved draft.
    Drafts,
    /// A draft, opened (locked) on its first unfinished step; when it is open elsewhere or
    /// cannot be read, the Start screen says so and offers what can be done.
    Draft(PathBuf),
}

/// How the wizard ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ended {
    /// The user left.
    Quit,
    /// A signal (SIGTERM, SIGHUP, SIGINT) ended it, after saving.
    Signal(i32),
}

/// How long `edit` waits for its draft before the first frame: a usual draft is read by
/// then and is the first frame; a larger one opens behind a line saying so.
const OPEN_WAIT: Duration = Duration::from_millis(100);

/// Runs the wizard until the user leaves or a signal ends it. Every way out saves the draft
/// first.
pub(crate) fn run(store: Store, start: Start, lang: Lang) -> io::Result<Ended> {
    let signals = Signals::install()?;
    let mut app = match start {
        Start::Drafts => App::start_listing_later(store, lang),
        Start::Draft(path) => App::open_path_in_background(store, path, lang, OPEN_WAIT),
    };
    app.model.no_color = theme::Theme::no_color_from_env();
    app.save_in_background(true);

    install_panic_hook();
    enter()?;
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        event_loop(&mut app, &signals)
    }));
    // Whatever happened in the loop, a panic included, the draft is written and the
    // terminal given back, under the watchdog's eye.
    signals.start_watchdog();
    app.save_now();
    let caught = signals.caught();
    let restored = if signals::terminal_gone(caught) {
        restore_without_waiting()
    } else {
        restore()
    };
    signals.finished();
    match result {
        Ok(result) => result.and(restored).map(|()| match caught {
            Some(signal) => Ended::Signal(signal),
            None => Ended::Quit,
        }),
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

/// After a hang-up the terminal may be gone, or may never take our bytes: restore it from
/// another thread and wait for that a moment only. Errors (EIO) are expected and ignored.
fn restore_without_waiting() -> io::Result<()> {
    let (done, finished) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = restore();
        let _ = done.send(());
    });
    let _ = finished.recv_timeout(Duration::from_millis(500));
    Ok(())
}

fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    let mut out = io::stdout();
    if let Err(e) = execute!(
        out,
        EnterAlternateScreen,
        EnableBracketedPaste,
        EnableMouseCapture
    ) {
        let _ = restore();
        return Err(e);
    }
    Ok(())
}

/// Gives the terminal back as it was. Safe to call more than once.
fn restore() -> io::Result<()> {
    let mut out = io::stdout();
    let screen = execute!(
        out,
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let raw = disable_raw_mode();
    let _ = out.flush();
    screen.and(raw)
}

/// A panic restores the terminal before its message is printed, so the message is
/// readable and the shell usable.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = restore();
        previous(info);
    }));
}

fn event_loop(app: &mut App, signals: &Signals) -> io::Result<()> {
    let mut display = Display::new();
    let size = display.size()?;
    app.send(Msg::Resize {
        width: size.width,
        height: size.height,
    });
    let mut dirty = true;
    let mut woken = false;
    // Nothing to wait for but input: wake up for a pending save, and now and then to
    // notice a signal.
    const IDLE: Duration = Duration::from_secs(3600);
    loop {
        if signals.caught().is_some() {
            return Ok(());
        }
        if dirty {
            display.draw(|canvas| app.draw_on(canvas))?;
            // Work put off until the first frame was out; draw what it changed at once.
            dirty = app.after_first_frame();
            if dirty {
                continue;
            }
        }
        if app.should_quit() {
            return Ok(());
        }
        let now = Instant::now();
        let timeout = app
            .next_deadline()
            .map_or(IDLE, |due| due.saturating_duration_since(now))
            .min(signals::CHECK_EVERY);
        match signals::wait_for_input(timeout)? {
            signals::Input::HungUp => {
                signals.hung_up();
                return Ok(());
            }
            signals::Input::Timeout => {}
            signals::Input::Ready => {}
        }
        // A hang-up's SIGHUP may have cut the wait short: then crossterm must not be asked
        // (see `Input::HungUp`).
        if signals.caught().is_some() {
            return Ok(());
        }
        // Up from the first wait (a key, or `CHECK_EVERY`): the first frame is out and the
        // terminal could stop taking our output from here on. Not before: the thread is
        // no part of the start. Nor is the copy undo starts from. (The way out starts the
        // watchdog itself.)
        signals.start_watchdog();
        app.on_wake();
        // Everything crossterm has now (keys, a paste, a resize), without waiting.
        while event::poll(Duration::ZERO)? {
            let ev = event::read()?;
            if let event::Event::Resize(..) = ev {
                display.autoresize()?;
            }
            dirty |= app.handle(ev);
            for request in app.take_requests() {
                match request {
                    TerminalRequest::MouseCapture(true) => {
                        execute!(io::stdout(), EnableMouseCapture)?
                    }
                    TerminalRequest::MouseCapture(false) => {
                        execute!(io::stdout(), DisableMouseCapture)?
                    }
                }
            }
        }
        // crossterm hears of resizes from its first poll (above) on: one between the first
        // frame and then would go unseen, the screen left at the old size.
        if !std::mem::replace(&mut woken, true)
            && let Some(area) = display.resized_since_drawn()?
        {
            display.autoresize()?;
            dirty |= app.handle(event::Event::Resize(area.width, area.height));
        }
        // After events too: steady typing must not put off a due save.
        dirty |= app.tick(Instant::now());
    }
}
