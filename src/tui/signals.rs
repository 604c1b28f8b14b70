//! SIGTERM, SIGHUP (the terminal was closed) and SIGINT while the wizard runs: the handler
//! only records which signal came; the event loop notices it at once (the signal cuts its
//! wait short) or within `CHECK_EVERY`, saves the draft, gives the terminal back and
//! leaves. A second signal while that is under way ends the program at once, and so does
//! a watchdog when the loop has not finished `GRACE` after the first: a program that can
//! no longer be reached must not run on.
//!
//! Windows has no SIGHUP: closing the console window, logging off and shutting down reach
//! the program as console events, and Windows ends the process as soon as the handler of
//! such an event returns. So that handler records the event as a signal, like the others,
//! and then holds on (up to `CLOSE_WAIT`) until the way out has saved the draft and given
//! the console back (`Handover`). Ctrl-Break ends the wizard the same way, without the wait.

use std::io;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
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
    /// Whether the watchdog's thread has been started (`start_watchdog`).
    watching: AtomicBool,
    ids: Vec<SigId>,
    /// Tells a waiting console event handler that the way out is over.
    #[cfg(windows)]
    handover: Arc<Handover>,
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
        #[cfg(windows)]
        let handover = Arc::new(Handover::default());
        #[cfg(windows)]
        console::install(Arc::clone(&caught), Arc::clone(&handover))?;
        Ok(Signals {
            caught,
            finished,
            watching: AtomicBool::new(false),
            ids,
            #[cfg(windows)]
            handover,
        })
    }

    /// Starts the watchdog (once; later calls do nothing). The loop starts it when it first
    /// wakes after its first frame, and the way out when it begins: started with the
    /// handlers, the thread (its stack, its memory arena, the clone) was paid for by the
    /// start.
    pub fn start_watchdog(&self) {
        if !self.watching.swap(true, Ordering::SeqCst) {
            spawn_watchdog(Arc::clone(&self.caught), Arc::clone(&self.finished));
        }
    }

    /// Whether the watchdog's thread has been started.
    #[cfg(test)]
    pub(crate) fn watchdog_started(&self) -> bool {
        self.watching.load(Ordering::SeqCst)
    }

    /// The terminal hung up without a signal reaching us (yet): leave as for SIGHUP.
    pub fn hung_up(&self) {
        #[cfg(unix)]
        let _ =
            self.caught
                .compare_exchange(0, SIGHUP as usize, Ordering::SeqCst, Ordering::SeqCst);
    }

    /// The way out is over (the draft saved, the terminal given back): the watchdog has
    /// nothing left to do, and a console event handler may let Windows end the process.
    pub fn finished(&self) {
        self.finished.store(true, Ordering::SeqCst);
        #[cfg(windows)]
        self.handover.done();
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
        #[cfg(windows)]
        console::uninstall();
    }
}

/// How long a console close, log-off or shutdown event holds Windows off while the draft is
/// saved: Windows itself waits about 5 s before it ends the process anyway.
#[cfg_attr(not(windows), allow(dead_code))]
const CLOSE_WAIT: Duration = Duration::from_secs(4);

/// The number a closed console is reported with: SIGHUP's, as the terminal hanging up is
/// the same event on Unix (the exit code is 129 on both).
#[cfg_attr(not(windows), allow(dead_code))]
const CONSOLE_CLOSED: i32 = 1;

/// The number the C runtime on Windows gives Ctrl-Break (SIGBREAK).
#[cfg_attr(not(windows), allow(dead_code))]
const CONSOLE_BREAK: i32 = 21;

/// A Windows console's control events (their numbers in wincon.h), named here so that what
/// each does is decided, and tested, on every platform.
#[cfg_attr(not(windows), allow(dead_code))]
mod console_event {
    pub(super) const CTRL_C: u32 = 0;
    pub(super) const CTRL_BREAK: u32 = 1;
    pub(super) const CLOSE: u32 = 2;
    pub(super) const LOGOFF: u32 = 5;
    pub(super) const SHUTDOWN: u32 = 6;
}

/// What the program does on a Windows console event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(windows), allow(dead_code))]
enum ConsoleAction {
    /// Left to the next handler. Ctrl-C is a key while the wizard runs (raw mode), and the
    /// C runtime's SIGINT otherwise, which the handlers above already catch.
    Pass,
    /// End the loop as this signal does. The process goes on running afterwards, so the
    /// handler need not wait.
    End(i32),
    /// End the loop as this signal does, and wait until the draft is saved: Windows ends
    /// the process as soon as the handler returns.
    EndAndWait(i32),
}

#[cfg_attr(not(windows), allow(dead_code))]
fn console_action(event: u32) -> ConsoleAction {
    match event {
        console_event::CLOSE | console_event::LOGOFF | console_event::SHUTDOWN => {
            ConsoleAction::EndAndWait(CONSOLE_CLOSED)
        }
        console_event::CTRL_BREAK => ConsoleAction::End(CONSOLE_BREAK),
        _ => ConsoleAction::Pass,
    }
}

/// The hand-over between a console event handler, which must not return before the draft is
/// saved, and the way out, which says when it is.
#[derive(Default)]
#[cfg_attr(not(windows), allow(dead_code))]
struct Handover {
    done: Mutex<bool>,
    changed: Condvar,
}

#[cfg_attr(not(windows), allow(dead_code))]
impl Handover {
    /// The way out is over (or was never needed): every wait ends now.
    fn done(&self) {
        let mut done = self.done.lock().unwrap_or_else(PoisonError::into_inner);
        *done = true;
        self.changed.notify_all();
    }

    /// Waits until `done`, or `timeout` at most; whether it came.
    fn wait_done(&self, timeout: Duration) -> bool {
        let done = self.done.lock().unwrap_or_else(PoisonError::into_inner);
        let (done, _) = self
            .changed
            .wait_timeout_while(done, timeout, |done| !*done)
            .unwrap_or_else(PoisonError::into_inner);
        *done
    }
}

/// The Windows console event handler: what it does is `console_action`'s; this is only
/// where Windows calls it.
#[cfg(windows)]
mod console {
    use std::io;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex, PoisonError};

    use windows_sys::Win32::System::Console::{self as win, SetConsoleCtrlHandler};
    use windows_sys::core::BOOL;

    use super::{CLOSE_WAIT, ConsoleAction, Handover, console_action, console_event};

    // The numbers `console_event` names are Windows' own.
    const _: () = assert!(
        console_event::CTRL_C == win::CTRL_C_EVENT
            && console_event::CTRL_BREAK == win::CTRL_BREAK_EVENT
            && console_event::CLOSE == win::CTRL_CLOSE_EVENT
            && console_event::LOGOFF == win::CTRL_LOGOFF_EVENT
            && console_event::SHUTDOWN == win::CTRL_SHUTDOWN_EVENT
    );

    /// What the handler reports to: Windows calls it with nothing but the event.
    type Shared = (Arc<AtomicUsize>, Arc<Handover>);
    static SHARED: Mutex<Option<Shared>> = Mutex::new(None);

    pub(super) fn install(caught: Arc<AtomicUsize>, handover: Arc<Handover>) -> io::Result<()> {
        *SHARED.lock().unwrap_or_else(PoisonError::into_inner) = Some((caught, handover));
        set_handler(true)
    }

    pub(super) fn uninstall() {
        let _ = set_handler(false);
        *SHARED.lock().unwrap_or_else(PoisonError::into_inner) = None;
    }

    /// Windows runs this on a thread of its own, which may block.
    extern "system" fn on_event(event: u32) -> BOOL {
        let (signal, wait) = match console_action(event) {
            ConsoleAction::Pass => return 0,
            ConsoleAction::End(signal) => (signal, false),
            ConsoleAction::EndAndWait(signal) => (signal, true),
        };
        let shared = SHARED
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        if let Some((caught, handover)) = shared {
            let signal = usize::try_from(signal).unwrap_or(1);
            let _ = caught.compare_exchange(0, signal, Ordering::SeqCst, Ordering::SeqCst);
            if wait {
                handover.wait_done(CLOSE_WAIT);
            }
        }
        1
    }

    fn set_handler(add: bool) -> io::Result<()> {
        // SAFETY: `on_event` is a plain function that lives as long as the program; the
        // call only adds it to, or removes it from, the console's list of handlers.
        let ok = unsafe { SetConsoleCtrlHandler(Some(on_event), BOOL::from(add)) };
        if ok == 0 {
            Err(io::Error::last_os_error())
        } else {
            Ok(())
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
        // The console window was closed: it takes no more output.
        signal == Some(CONSOLE_CLOSED)
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
    /// terminals hang up; a Windows console that closes sends a console event instead.
    #[cfg_attr(not(unix), allow(dead_code))]
    HungUp,
}

/// Waits up to `timeout` for input on the terminal, noticing a hang-up, and returning early
/// when a signal (a resize, SIGTERM…) comes.
#[cfg(unix)]
pub fn wait_for_input(timeout: Duration) -> std::io::Result<Input> {
    let stdin = std::io::stdin();
    if !rustix::termios::isatty(&stdin) {
        // crossterm reads /dev/tty then; let it wait.
        return Ok(if ratatui::crossterm::event::poll(timeout)? {
            Input::Ready
        } else {
            Input::Timeout
        });
    }
    wait_on(&stdin, timeout)
}

/// Waits up to `timeout` for `input` to be readable or hung up.
#[cfg(unix)]
fn wait_on(input: impl std::os::fd::AsFd, timeout: Duration) -> std::io::Result<Input> {
    use rustix::event::{PollFd, PollFlags, Timespec};
    let mut fds = [PollFd::new(&input, PollFlags::IN)];
    // A wait too long for a timespec (it never is) waits without end, as the loop's idle
    // wait means to.
    let timeout = Timespec::try_from(timeout).ok();
    match rustix::event::poll(&mut fds, timeout.as_ref()) {
        // A signal cut the wait short: the loop looks at what it was.
        Err(rustix::io::Errno::INTR) => Ok(Input::Ready),
        Err(e) => Err(e.into()),
        Ok(0) => Ok(Input::Timeout),
        Ok(_)
            if fds[0]
                .revents()
                .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) =>
        {
            Ok(Input::HungUp)
        }
        Ok(_) => Ok(Input::Ready),
    }
}

#[cfg(not(unix))]
pub fn wait_for_input(timeout: Duration) -> std::io::Result<Input> {
    Ok(if ratatui::crossterm::event::poll(timeout)? {
        Input::Ready
    } else {
        Input::Timeout
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_watchdog_starts_when_asked_and_only_once() {
        let signals = Signals::install().unwrap();
        assert!(
            !signals.watchdog_started(),
            "not on the way to the first frame"
        );
        signals.start_watchdog();
        assert!(signals.watchdog_started());
        signals.start_watchdog();
        assert!(signals.watchdog_started());
    }

    #[test]
    fn closing_the_console_ends_as_a_hang_up_and_waits_for_the_save() {
        assert_eq!(
            console_action(console_event::CLOSE),
            ConsoleAction::EndAndWait(CONSOLE_CLOSED)
        );
        assert_eq!(
            console_action(console_event::LOGOFF),
            ConsoleAction::EndAndWait(CONSOLE_CLOSED)
        );
        assert_eq!(
            console_action(console_event::SHUTDOWN),
            ConsoleAction::EndAndWait(CONSOLE_CLOSED)
        );
        assert_eq!(
            console_action(console_event::CTRL_BREAK),
            ConsoleAction::End(CONSOLE_BREAK)
        );
        assert_eq!(console_action(console_event::CTRL_C), ConsoleAction::Pass);
        #[cfg(unix)]
        assert_eq!(CONSOLE_CLOSED, SIGHUP);
    }

    #[test]
    fn the_handler_side_waits_until_the_way_out_is_done() {
        let handover = Arc::new(Handover::default());
        let handler = {
            let handover = Arc::clone(&handover);
            // Long enough never to run out in a test: only `done` ends the wait.
            std::thread::spawn(move || handover.wait_done(Duration::from_secs(600)))
        };
        handover.done();
        assert_eq!(handler.join().ok(), Some(true));
        // Once done, a later event does not wait at all.
        assert!(handover.wait_done(Duration::ZERO));
    }

    #[test]
    fn the_handler_side_gives_up_when_the_way_out_never_says_done() {
        let handover = Handover::default();
        assert!(!handover.wait_done(Duration::ZERO));
    }
}

#[cfg(all(test, unix))]
mod unix_tests {
    use std::io::Write;

    use super::*;

    #[test]
    fn input_waited_on_is_told_apart_from_none_and_from_a_hang_up() {
        let (reader, mut writer) = std::io::pipe().expect("a pipe");
        assert_eq!(wait_on(&reader, Duration::ZERO).ok(), Some(Input::Timeout));
        writer.write_all(b"q").expect("written");
        assert_eq!(wait_on(&reader, Duration::ZERO).ok(), Some(Input::Ready));
        drop(writer);
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(writer);
        assert_eq!(wait_on(&reader, Duration::ZERO).ok(), Some(Input::HungUp));
    }
}
