//! Peak memory (VmHWM, the resident-set high-water mark from /proc/PID/status) of the
//! release binary on a 10,000-customer draft, beside the bare ratatui program of
//! `examples/bare_frame.rs`. The wizard is driven through a pseudo-terminal: first frame,
//! Customers, to the end of the table and back, one edit, Review, the edit saved; the figure
//! is read then, just before it quits. Linux only (reads /proc).
//!
//! Run: `cargo bench --bench memory`

#[path = "support/bare.rs"]
mod bare;
#[path = "../tests/it/support/pty.rs"]
mod pty;

use bare::bare_program;

use std::path::PathBuf;
use std::time::Duration;

use pty::PtySession;

const COLS: u16 = 120;
const ROWS: u16 = 40;
const CUSTOMERS: usize = 10_000;
const WAIT: Duration = Duration::from_secs(30);

/// The peak resident set of a running process, in KiB.
fn peak_kib(session: &PtySession) -> u64 {
    let pid = session.pid().expect("pid");
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("read status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM in /proc/PID/status")
}

fn must(session: &PtySession, text: &str) {
    assert!(
        session.wait_for(text, WAIT),
        "waited for {text:?}; screen:\n{}",
        session.screen()
    );
}

fn main() {
    // `cargo bench` passes `--bench`; a plain `cargo test --benches` run passes nothing and
    // should not spend time here.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let bare = bare_program();
    let wizard = PathBuf::from(env!("CARGO_BIN_EXE_cpc-wizard"));
    let home = tempfile::tempdir().expect("temp home");
    let draft = home.path().join("memory.json");
    let mut profile = cpc_wizard::sample::profile(CUSTOMERS);
    profile.name = "Memory Bench Partner".into();
    cpc_wizard::store::save(&draft, &profile).expect("write draft");
    let draft_size = std::fs::metadata(&draft).map(|m| m.len()).unwrap_or(0);
    let home_str = home.path().to_string_lossy().into_owned();
    let draft_str = draft.to_string_lossy().into_owned();
    let env = [("CPC_WIZARD_HOME", home_str.as_str()), ("LANG", "C.UTF-8")];

    let mut session = PtySession::spawn(&bare, &[], &env, COLS, ROWS);
    must(&session, "bare ratatui frame");
    let bare_kib = peak_kib(&session);
    session.send("q");
    let _ = session.wait_exit(WAIT);

    let mut session = PtySession::spawn(&wizard, &["edit", &draft_str], &env, COLS, ROWS);
    must(&session, "Memory Bench Partner");
    // The draft is complete, so it opens on Review; walk back to Customers.
    session.send("[[");
    must(&session, "Customer 000000 Ltd");
    session.send("G");
    must(&session, "Customer 009999 Ltd");
    session.send("g");
    must(&session, "Customer 000000 Ltd");
    // One edit: Exchange Online of the first customer becomes 4242.
    session.send("lll4242\r");
    must(&session, "4,242");
    session.send("]]");
    must(&session, "Highest tier");
    // The edit has been written (autosave within a second): the save's own memory, the
    // whole draft as JSON, is in the figure.
    assert!(
        session.wait_until(WAIT, |s| {
            s.lines()
                .next()
                .is_some_and(|l| l.contains("saved") && !l.contains("saving"))
        }),
        "never saved; screen:\n{}",
        session.screen()
    );
    let wizard_kib = peak_kib(&session);
    session.send("q");
    let code = session.wait_exit(WAIT);
    assert_eq!(code, Some(0), "wizard exit; screen:\n{}", session.screen());

    let mib = |k: u64| k as f64 / 1024.0;
    println!("peak memory (VmHWM), {COLS}x{ROWS}, release build");
    println!(
        "  draft file:                {:.1} MiB ({CUSTOMERS} customers)",
        draft_size as f64 / 1024.0 / 1024.0
    );
    println!("  bare ratatui frame:        {:.1} MiB", mib(bare_kib));
    println!(
        "  wizard, {CUSTOMERS} customers: {:.1} MiB ({:.1}x bare, {:.0} bytes per customer above bare)",
        mib(wizard_kib),
        wizard_kib as f64 / bare_kib as f64,
        (wizard_kib.saturating_sub(bare_kib) * 1024) as f64 / CUSTOMERS as f64
    );
}
