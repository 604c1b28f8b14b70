//! Instructions to a program's first frame, counted by valgrind's callgrind (load does not
//! move them): the program runs under callgrind in a pty, and is ended as soon as its
//! frame is on the screen, so that nothing after the frame is counted but its way out.

use std::path::Path;
use std::time::Duration;

use crate::pty::PtySession;

/// How a program is ended once its frame is out.
pub enum End {
    /// A key (the bare program ends on any key).
    Key,
    /// SIGTERM (the wizard ends on it as on `q`, without drawing again).
    Terminate,
}

/// The instructions callgrind counted, `None` when valgrind is not installed.
pub fn first_frame_instructions(
    program: &Path,
    args: &[&str],
    env: &[(&str, &str)],
    (cols, rows): (u16, u16),
    complete: impl Fn(&str) -> bool,
    end: End,
    out_dir: &Path,
) -> Option<u64> {
    let found = std::process::Command::new("valgrind")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        return None;
    }
    let out = out_dir.join("callgrind.out");
    let out_arg = format!("--callgrind-out-file={}", out.display());
    let program_arg = program.to_string_lossy().into_owned();
    let mut valgrind_args = vec!["--tool=callgrind", out_arg.as_str(), program_arg.as_str()];
    valgrind_args.extend_from_slice(args);
    let mut session = PtySession::spawn(Path::new("valgrind"), &valgrind_args, env, cols, rows);
    assert!(
        session.wait_until(Duration::from_secs(120), complete),
        "no complete frame under callgrind; screen:\n{}",
        session.screen()
    );
    match end {
        End::Key => session.send("q"),
        End::Terminate => session.signal(libc::SIGTERM),
    }
    assert!(
        session.wait_exit(Duration::from_secs(120)).is_some(),
        "the program did not end under callgrind"
    );
    let counted = std::fs::read_to_string(&out).expect("callgrind's output");
    counted
        .lines()
        .find_map(|line| line.strip_prefix("totals:"))
        .and_then(|total| total.trim().parse().ok())
}
