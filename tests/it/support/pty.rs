//! Drives the real binary in a pseudo-terminal, as a person would, and reads the screen back
//! through a terminal emulator (vt100). Waits are for the screen to show something, bounded
//! by a timeout: never a sleep standing in for "long enough".
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub struct PtySession {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    screen: Arc<Mutex<vt100::Parser>>,
    /// Signalled each time output has been processed, so waits wake at once.
    output_seen: Arc<(Mutex<u64>, Condvar)>,
    /// Everything the program wrote, for checks on raw output.
    raw: Arc<Mutex<Vec<u8>>>,
}

impl PtySession {
    /// Starts `program` with `args` and `env` in a terminal of `cols` x `rows`.
    pub fn spawn(
        program: &Path,
        args: &[&str],
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
    ) -> PtySession {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn in pty");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            non_zero(rows),
            non_zero(cols),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let output_seen = Arc::new((Mutex::new(0u64), Condvar::new()));
        {
            let screen = Arc::clone(&screen);
            let raw = Arc::clone(&raw);
            let output_seen = Arc::clone(&output_seen);
            thread::spawn(move || {
                let mut buf = [0u8; 8192];
                // Keep draining so the program never blocks on a full terminal buffer.
                while let Ok(n) = reader.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    if let Ok(mut p) = screen.lock() {
                        p.process(&buf[..n]);
                    }
                    if let Ok(mut r) = raw.lock() {
                        r.extend_from_slice(&buf[..n]);
                    }
                    let (count, cv) = &*output_seen;
                    if let Ok(mut c) = count.lock() {
                        *c += 1;
                    }
                    cv.notify_all();
                }
            });
        }
        PtySession {
            master: pair.master,
            writer,
            child,
            screen,
            output_seen,
            raw,
        }
    }

    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }

    /// Types text or key sequences (e.g. "\x1b[B" for Down, "\r" for Enter, "\x03" Ctrl-C).
    pub fn send(&mut self, bytes: &str) {
        self.writer
            .write_all(bytes.as_bytes())
            .expect("write to pty");
        self.writer.flush().expect("flush pty");
    }

    /// The screen as text, one line per row.
    pub fn screen(&self) -> String {
        self.screen
            .lock()
            .map(|p| p.screen().contents())
            .unwrap_or_default()
    }

    /// Where the terminal's cursor is (row, column), and whether it is shown.
    pub fn cursor(&self) -> ((u16, u16), bool) {
        self.screen
            .lock()
            .map(|p| {
                let screen = p.screen();
                (screen.cursor_position(), !screen.hide_cursor())
            })
            .unwrap_or_default()
    }

    pub fn raw_output(&self) -> Vec<u8> {
        self.raw.lock().map(|r| r.clone()).unwrap_or_default()
    }

    /// Waits until the screen contains `text`; returns whether it did within `timeout`.
    pub fn wait_for(&self, text: &str, timeout: Duration) -> bool {
        self.wait_until(timeout, |s| s.contains(text))
    }

    pub fn wait_until(&self, timeout: Duration, done: impl Fn(&str) -> bool) -> bool {
        let deadline = Instant::now() + timeout;
        let (count, cv) = &*self.output_seen;
        loop {
            let seen = count.lock().map(|c| *c).unwrap_or(0);
            if done(&self.screen()) {
                return true;
            }
            let now = Instant::now();
            if now >= deadline {
                return false;
            }
            // Sleep until new output arrives (or the deadline), never longer.
            if let Ok(guard) = count.lock() {
                let _ = cv.wait_timeout_while(guard, deadline - now, |c| *c == seen);
            }
        }
    }

    /// Waits until the screen stops changing for `quiet`, up to `timeout`.
    pub fn settle(&self, quiet: Duration, timeout: Duration) -> String {
        let start = Instant::now();
        let mut last = self.screen();
        let mut since = Instant::now();
        while start.elapsed() < timeout {
            thread::sleep(Duration::from_millis(10));
            let now = self.screen();
            if now != last {
                last = now;
                since = Instant::now();
            } else if since.elapsed() >= quiet {
                break;
            }
        }
        last
    }

    pub fn resize(&mut self, cols: u16, rows: u16) {
        // The emulator first, as a real terminal does, and while holding it: otherwise the
        // program, told of the new size, can redraw before the emulator is resized, and its
        // new frame is read at the old size (seen when many tests run at once).
        let mut screen = self.screen.lock().ok();
        if let Some(p) = screen.as_mut() {
            p.screen_mut().set_size(non_zero(rows), non_zero(cols));
        }
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize pty");
    }

    /// Waits for the program to end; its exit code, or None if it is still running.
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<u32> {
        let start = Instant::now();
        while start.elapsed() < timeout {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status.exit_code());
            }
            thread::sleep(Duration::from_millis(10));
        }
        None
    }

    /// Sends a signal to the program (SIGTERM, SIGHUP, SIGKILL …). Unix only: Windows has
    /// no signals to send.
    #[cfg(unix)]
    pub fn signal(&self, signal: i32) {
        if let Some(pid) = self.pid() {
            // SAFETY: kill(2) with a pid we spawned; no memory is touched.
            unsafe {
                libc::kill(pid as i32, signal);
            }
        }
    }
}

impl Drop for PtySession {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn non_zero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n.max(1)).unwrap_or(std::num::NonZeroU16::MIN)
}
