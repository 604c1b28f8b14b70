//! Every way out of the wizard keeps the last change, on the real binary in a pseudo-terminal:
//! SIGHUP (terminal closed), SIGTERM, Ctrl-C and `q` right after typing; `kill -9` during the
//! saves of a large draft, again and again; two instances on one draft; a lock left by a
//! killed instance. Waits are for the screen (or the folder) to show something, bounded.
#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::support::pty::PtySession;
use cpc_wizard::profile::{Customer, Market, Profile};
use cpc_wizard::store::{self, TEMP_PREFIX};

const WAIT: Duration = Duration::from_secs(30);

fn binary() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_cpc-wizard"))
}

/// A drafts folder holding one draft with a market chosen and no customers, so `edit`
/// opens it on the Customers step.
fn folder_with_draft() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut profile = Profile::new("Exit test");
    profile.market = Some(Market::Developed);
    let path = dir.path().join("Exit test.json");
    store::save(&path, &profile).expect("save");
    (dir, path)
}

fn wizard(home: &Path, args: &[&str]) -> PtySession {
    let home = home.to_str().expect("utf-8 temp path");
    let mut all = vec!["--lang", "en"];
    all.extend_from_slice(args);
    PtySession::spawn(binary(), &all, &[("CPC_WIZARD_HOME", home)], 80, 24)
}

fn expect_screen(session: &PtySession, text: &str) {
    assert!(
        session.wait_for(text, WAIT),
        "screen never showed {text:?}:\n{}",
        session.screen()
    );
}

/// Opens the draft, adds a customer and types its name; returns once the name shows.
fn open_and_type(home: &Path, name: &str) -> PtySession {
    let mut s = wizard(home, &["edit", "Exit test"]);
    expect_screen(&s, "[2 Customers]");
    s.send("a");
    expect_screen(&s, "Enter confirm");
    s.send(name);
    expect_screen(&s, name);
    s
}

fn customer_names(path: &Path) -> Vec<String> {
    let profile = store::load(path).expect("the draft loads");
    profile.customers.into_iter().map(|c| c.name).collect()
}

/// The typed name is saved by the signal's way out, not by the autosave: the signal comes
/// right after the name shows, well inside the save delay (`SAVE_DELAY`, 600 ms).
fn signal_after_typing(signal: i32, name: &str) {
    let (home, path) = folder_with_draft();
    let mut s = open_and_type(home.path(), name);
    let unsaved = s.screen().contains("saving…");
    s.signal(signal);
    eprintln!("signal {signal} came while the change was unsaved: {unsaved}");
    let code = s.wait_exit(WAIT);
    assert_eq!(
        code,
        Some(128 + signal as u32),
        "exit code after the signal"
    );
    assert_eq!(customer_names(&path), vec![name.to_string()]);
    // The terminal was given back: the alternate screen left, after it was entered. (What
    // the program wrote last may still be on its way to the test's reader.)
    let left = |raw: &str| {
        raw.find("\x1b[?1049h")
            .is_some_and(|entered| raw[entered..].contains("\x1b[?1049l"))
    };
    let deadline = Instant::now() + WAIT;
    while !left(&String::from_utf8_lossy(&s.raw_output())) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(
        left(&String::from_utf8_lossy(&s.raw_output())),
        "alternate screen left"
    );
    assert!(
        !store::lock_path_for(&path).exists(),
        "the lock was let go on the way out"
    );
}

#[test]
fn sighup_after_typing_saves_the_change_and_exits() {
    signal_after_typing(libc::SIGHUP, "Typed before hang-up 台北");
}

#[test]
fn sigterm_after_typing_saves_the_change_and_exits() {
    signal_after_typing(libc::SIGTERM, "Typed before SIGTERM");
}

#[test]
fn ctrl_c_after_typing_saves_the_change() {
    let (home, path) = folder_with_draft();
    let mut s = open_and_type(home.path(), "Typed before Ctrl-C");
    s.send("\x03");
    assert_eq!(s.wait_exit(WAIT), Some(0));
    assert_eq!(
        customer_names(&path),
        vec!["Typed before Ctrl-C".to_string()]
    );
}

#[test]
fn q_after_typing_saves_the_change() {
    let (home, path) = folder_with_draft();
    let mut s = open_and_type(home.path(), "Typed before q");
    s.send("\r");
    expect_screen(&s, "q quit");
    s.send("q");
    assert_eq!(s.wait_exit(WAIT), Some(0));
    assert_eq!(customer_names(&path), vec!["Typed before q".to_string()]);
}

#[test]
fn a_second_instance_is_told_and_can_look_read_only_without_writing() {
    let (home, path) = folder_with_draft();
    let mut first = wizard(home.path(), &["edit", "Exit test"]);
    expect_screen(&first, "[2 Customers]");
    let before = std::fs::read(&path).expect("read");
    let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();

    let mut second = wizard(home.path(), &["edit", "Exit test"]);
    expect_screen(&second, "Open elsewhere");
    let pid = first.pid().expect("pid").to_string();
    expect_screen(&second, &pid); // who holds it (the line may wrap after "process")
    second.send("r");
    expect_screen(&second, "READ-ONLY");
    // A change is refused with a message; Ctrl-S saves nothing.
    second.send("a");
    expect_screen(&second, "Read-only, open elsewhere");
    second.send("\x13");
    second.send("q");
    assert_eq!(second.wait_exit(WAIT), Some(0));
    assert_eq!(std::fs::read(&path).expect("read"), before, "never written");
    assert_eq!(
        std::fs::metadata(&path).and_then(|m| m.modified()).ok(),
        modified
    );
    assert!(
        store::lock_path_for(&path).exists(),
        "the read-only instance did not take or remove the lock"
    );

    // The first still edits and saves.
    first.send("a");
    expect_screen(&first, "Enter confirm");
    first.send("By the first\r");
    expect_screen(&first, "q quit");
    first.send("q");
    assert_eq!(first.wait_exit(WAIT), Some(0));
    assert_eq!(customer_names(&path), vec!["By the first".to_string()]);
}

#[test]
fn a_lock_left_by_a_killed_instance_does_not_block() {
    let (home, path) = folder_with_draft();
    let mut first = wizard(home.path(), &["edit", "Exit test"]);
    expect_screen(&first, "[2 Customers]");
    first.signal(libc::SIGKILL);
    assert!(first.wait_exit(WAIT).is_some());
    assert!(
        store::lock_path_for(&path).exists(),
        "the killed one left its lock file"
    );

    let mut second = wizard(home.path(), &["edit", "Exit test"]);
    expect_screen(&second, "[2 Customers]");
    assert!(!second.screen().contains("Open elsewhere"));
    second.send("a");
    expect_screen(&second, "Enter confirm");
    second.send("After the crash\r");
    expect_screen(&second, "q quit");
    second.send("q");
    assert_eq!(second.wait_exit(WAIT), Some(0));
    assert_eq!(customer_names(&path), vec!["After the crash".to_string()]);
}

/// A draft of 20,000 customers; `market` is what each round toggles.
fn large_draft(path: &Path) {
    let mut p = Profile::new("Large");
    p.market = Some(Market::Developed);
    p.customers = (0..20_000)
        .map(|i| Customer::new(format!("客戶 {i}")))
        .collect();
    p.staff = cpc_wizard::sample::staff();
    store::save(path, &p).expect("save");
}

/// A save renames a new file over the draft: its inode changes.
fn inode(path: &Path) -> Option<u64> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| m.ino())
}

fn remove_temp_files(dir: &Path) {
    for e in std::fs::read_dir(dir)
        .expect("read dir")
        .filter_map(Result::ok)
    {
        if e.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

fn temp_file_in(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .filter_map(Result::ok)
            .any(|e| e.file_name().to_string_lossy().starts_with(TEMP_PREFIX))
    })
}

/// `kill -9` while the wizard writes a large draft, several times over: each time the file
/// loads, as the version before the change or the one after, never torn.
#[test]
fn kill_9_during_saves_of_a_large_draft_leaves_the_old_or_the_new_draft() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("Large.json");
    large_draft(&path);
    let mut landed_in_a_save = 0;
    for round in 0..6 {
        let before = store::load(&path).expect("the draft loads before the round");
        let mut s = wizard(dir.path(), &["edit", "Large"]);
        expect_screen(&s, "[4 Review]");
        let old_inode = inode(&path);
        // To Market, choose the other market, save at once (Ctrl-S).
        s.send("[[[");
        expect_screen(&s, "[1 Market]");
        let (go, other) = match before.market {
            Some(Market::Developed) => ("\x1b[B", Market::Developing),
            _ => ("\x1b[A", Market::Developed),
        };
        s.send(go);
        s.send(" \x13");
        // Even rounds: the kill lands while a save's temporary file exists (the write is
        // under way). Odd rounds: at once, wherever the wizard is.
        if round % 2 == 0 {
            // (Or the save is already over: the file was replaced.)
            let deadline = Instant::now() + WAIT;
            while !temp_file_in(dir.path())
                && inode(&path) == old_inode
                && Instant::now() < deadline
            {
                std::thread::yield_now();
            }
            if temp_file_in(dir.path()) {
                landed_in_a_save += 1;
            }
        }
        s.signal(libc::SIGKILL);
        assert!(s.wait_exit(WAIT).is_some());
        let after = store::load(&path).expect("the draft loads after kill -9");
        let mut changed = before.clone();
        changed.market = Some(other);
        assert!(
            after == before || after == changed,
            "round {round}: neither the old nor the new draft"
        );
        // What the killed save left behind (the wizard clears it only once it is a minute
        // old), so that the next round sees only its own.
        remove_temp_files(dir.path());
    }
    eprintln!("kills that landed during a save: {landed_in_a_save} of 3");
}

/// Closing the terminal window itself (every handle on the terminal's other side closed),
/// not only a SIGHUP sent by hand: the typed change is saved and the program ends, rather
/// than spinning on a terminal that is gone.
#[test]
fn closing_the_terminal_saves_the_change_and_ends_the_program() {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::{Read, Write};

    let (home, path) = folder_with_draft();
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("pty");
    let mut cmd = CommandBuilder::new(binary());
    cmd.args(["--lang", "en", "edit", "Exit test"]);
    cmd.env("TERM", "xterm-256color");
    cmd.env("CPC_WIZARD_HOME", home.path());
    let mut child = pair.slave.spawn_command(cmd).expect("spawn");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let mut writer = pair.master.take_writer().expect("writer");
    // Read in this thread without blocking, so that every handle can be closed at will
    // (a reader thread blocked in `read` would keep the terminal open).
    let fd = pair.master.as_raw_fd().expect("fd");
    // SAFETY: fcntl on a descriptor we own; the flag is shared with the reader's copy.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        libc::fcntl(fd, libc::F_SETFL, flags | libc::O_NONBLOCK);
    }
    let size = |n: u16| std::num::NonZeroU16::new(n).expect("not zero");
    let mut screen = vt100::Parser::new(size(24), size(80), 0);
    let mut wait_for = |text: &str| {
        let deadline = Instant::now() + WAIT;
        let mut buf = [0u8; 8192];
        while Instant::now() < deadline {
            match reader.read(&mut buf) {
                Ok(n) if n > 0 => screen.process(&buf[..n]),
                _ => std::thread::sleep(Duration::from_millis(5)),
            }
            if screen.screen().contents().contains(text) {
                return;
            }
        }
        panic!(
            "screen never showed {text:?}:\n{}",
            screen.screen().contents()
        );
    };
    wait_for("[2 Customers]");
    writer.write_all(b"a").expect("write");
    wait_for("Enter confirm");
    writer
        .write_all("Typed, then the window closed".as_bytes())
        .expect("write");
    wait_for("then the window closed");
    drop(reader);
    drop(writer);
    drop(pair.master);

    let deadline = Instant::now() + WAIT;
    let mut status = None;
    while status.is_none() && Instant::now() < deadline {
        status = child.try_wait().expect("try_wait");
        std::thread::sleep(Duration::from_millis(10));
    }
    if status.is_none() {
        let _ = child.kill();
        panic!("the program kept running after its terminal was closed");
    }
    assert_eq!(
        customer_names(&path),
        vec!["Typed, then the window closed".to_string()]
    );
    assert!(!store::lock_path_for(&path).exists());
}
