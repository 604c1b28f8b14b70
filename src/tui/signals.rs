//! SIGTERM, SIGHUP (the terminal was closed) and SIGINT while the wizard runs: the handler
//! only records which signal came; the event loop notices it within `CHECK_EVERY`, saves
//! the draft, gives the terminal back and leaves. A second signal while that is under way
//! ends the program at once (the way out if saving ever hung).

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use signal_hook::SigId;
#[cfg(unix)]
use signal_hook::consts::signal::SIGHUP;
use signal_hook::consts::signal::{SIGINT, SIGTERM};

/// How often the loop looks for a signal while it waits for input: a signal cannot wake
/// crossterm's wait, so the wait is cut into pieces this long.
pub const CHECK_EVERY: Duration = Duration::from_millis(200);

#[cfg(unix)]
const HANDLED: &[i32] = &[SIGTERM, SIGHUP, SIGINT];
#[cfg(not(unix))]
const HANDLED: &[i32] = &[SIGTERM, SIGINT];

/// The handlers, installed for as long as this lives.
pub struct Signals {
    caught: Arc<AtomicUsize>,
    ids: Vec<SigId>,
}

impl Signals {
    pub fn install() -> io::Result<Signals> {
        let caught = Arc::new(AtomicUsize::new(0));
        let second = Arc::new(AtomicBool::new(false));
        let mut ids = Vec::new();
        for &signal in HANDLED {
            // Order matters: the default action is armed only by a first signal.
            ids.push(signal_hook::flag::register_conditional_default(
                signal,
                Arc::clone(&second),
            )?);
            ids.push(signal_hook::flag::register_usize(
                signal,
                Arc::clone(&caught),
                signal as usize,
            )?);
            ids.push(signal_hook::flag::register(signal, Arc::clone(&second))?);
        }
        Ok(Signals { caught, ids })
    }

    /// The signal that asked the program to end, if one came.
    pub fn caught(&self) -> Option<i32> {
        match self.caught.load(Ordering::SeqCst) {
            0 => None,
            n => i32::try_from(n).ok(),
        }
    }
}

impl Drop for Signals {
    fn drop(&mut self) {
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}

/// Whether the terminal is likely gone (it hung up), so writing to it must not be waited on.
pub fn terminal_gone(signal: Option<i32>) -> bool {
    #[cfg(unix)]
    {
        signal == Some(SIGHUP)
    }
    #[cfg(not(unix))]
    {
        let _ = signal;
        false
    }
}
