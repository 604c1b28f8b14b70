//! SIGTERM, SIGHUP (the terminal was closed) and SIGINT while the wizard runs: the handler
//! only records which signal came; the event loop notices it at once (the signal cuts its
//! wait short) or within `CHECK_EVERY`, saves the draft, gives the terminal back and
//! leaves. A second signal while that is under way ends the program at once, and so does
//! a watchdog when the loop has not finished `GRACE` after the first: a program that can
//! no longer be reached must not run on.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use signal_hook::SigId;
#[cfg(unix)]
use signal_hook::consts::signal::SIGHUP;
use signal_hook::consts::signal::{SIGINT, SIGTERM};

/// How often the loop looks for a signal while it waits for input: a signal cannot wake
/// crossterm's wait, so the wait is cut into pieces this long.
pub const CHECK_EVERY: Duration = Duration::from_millis(200);

/// How long the way out after a signal may take (saving a large draft included) before the
/// watchdog ends the program.
const GRACE: Duration = Duration::from_secs(10);

#[cfg(unix)]
const HANDLED: &[i32] = &[SIGTERM, SIGHUP, SIGINT];
#[cfg(not(unix))]
const HANDLED: &[i32] = &[SIGTERM, SIGINT];

/// The handlers, installed for as long as this lives.
pub struct Signals {
    caught: Arc<AtomicUsize>,
    finished: Arc<AtomicBool>,
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
        let finished = Arc::new(AtomicBool::new(false));
        spawn_watchdog(Arc::clone(&caught), Arc::clone(&finished));
        Ok(Signals {
            caught,
            finished,
            ids,
        })
    }

    /// The terminal hung up without a signal reaching us (yet): leave as for SIGHUP.
    pub fn hung_up(&self) {
        #[cfg(unix)]
        let _ =
            self.caught
                .compare_exchange(0, SIGHUP as usize, Ordering::SeqCst, Ordering::SeqCst);
    }

    /// The way out is over: the watchdog has nothing left to do.
    pub fn finished(&self) {
        self.finished.store(true, Ordering::SeqCst);
    }

    /// The signal that asked the program to end, if one came.
    pub fn caught(&self) -> Option<i32> {
        match self.caught.load(Ordering::SeqCst) {
            0 => None,
            n => i32::try_from(n).ok(),
        }
    }
}

/// Ends the program when a signal came and the loop has not finished within `GRACE` (it
/// could be stuck writing to a terminal that is gone).
fn spawn_watchdog(caught: Arc<AtomicUsize>, finished: Arc<AtomicBool>) {
    std::thread::spawn(move || {
        let mut since: Option<Instant> = None;
        while !finished.load(Ordering::SeqCst) {
            std::thread::sleep(CHECK_EVERY);
            let signal = caught.load(Ordering::SeqCst);
            if signal == 0 {
                continue;
            }
            let first = *since.get_or_insert_with(Instant::now);
            if first.elapsed() >= GRACE && !finished.load(Ordering::SeqCst) {
                std::process::exit(128 + i32::try_from(signal).unwrap_or(0));
            }
        }
    });
}

impl Drop for Signals {
    fn drop(&mut self) {
        self.finished();
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}

/// A file-size limit (`ulimit -f`) ends a program with SIGXFSZ unless the signal is
/// handled. Handled, the write that passes the limit fails with EFBIG instead, and is
/// reported as any failed write: the message names the file, the old file is kept, and the
/// wizard gives the terminal back as usual.
pub fn survive_file_size_limit() {
    #[cfg(unix)]
    {
        // Recording the signal is all the handler does; the failed write says the rest.
        let _ = signal_hook::flag::register(
            signal_hook::consts::signal::SIGXFSZ,
            Arc::new(AtomicBool::new(false)),
        );
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

/// What waiting for input ended with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// Something to read (or a signal cut the wait short): ask crossterm, without waiting.
    Ready,
    Timeout,
    /// The terminal is gone. crossterm would spin for ever on it (it reads until "would
    /// block", which a hung-up terminal never says), so it must not be asked. Only Unix
    /// terminals hang up; a Windows console that closes ends the program instead.
    #[cfg_attr(not(unix), allow(dead_code))]
    HungUp,
}

/// Waits up to `timeout` for input on the terminal, noticing a hang-up, and returning early
/// when a signal (a resize, SIGTERM…) comes.
#[cfg(unix)]
pub fn wait_for_input(timeout: Duration) -> std::io::Result<Input> {
    use std::os::fd::AsRawFd;
    let fd = std::io::stdin().as_raw_fd();
    // SAFETY: isatty only looks at the descriptor.
    if unsafe { libc::isatty(fd) } != 1 {
        // crossterm reads /dev/tty then; let it wait.
        return Ok(if ratatui::crossterm::event::poll(timeout)? {
            Input::Ready
        } else {
            Input::Timeout
        });
    }
    let mut pfd = libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    };
    let ms = i32::try_from(timeout.as_millis()).unwrap_or(i32::MAX);
    // SAFETY: one valid pollfd, and its count.
    let rc = unsafe { libc::poll(&mut pfd, 1, ms) };
    if rc < 0 {
        let e = std::io::Error::last_os_error();
        return if e.kind() == std::io::ErrorKind::Interrupted {
            Ok(Input::Ready)
        } else {
            Err(e)
        };
    }
    if rc == 0 {
        return Ok(Input::Timeout);
    }
    if pfd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
        return Ok(Input::HungUp);
    }
    Ok(Input::Ready)
}

#[cfg(not(unix))]
pub fn wait_for_input(timeout: Duration) -> std::io::Result<Input> {
    Ok(if ratatui::crossterm::event::poll(timeout)? {
        Input::Ready
    } else {
        Input::Timeout
    })
}
