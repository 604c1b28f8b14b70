//! The PTY harness itself works: a short-lived command's output reaches the screen.

use std::path::Path;
use std::time::Duration;

use crate::support::pty::PtySession;

#[test]
fn harness_reads_what_a_program_prints() {
    let mut session = PtySession::spawn(
        Path::new("/bin/sh"),
        &["-c", "printf 'hello from the pty'"],
        &[],
        40,
        5,
    );
    assert!(session.wait_for("hello from the pty", Duration::from_secs(10)));
    assert_eq!(session.wait_exit(Duration::from_secs(10)), Some(0));
}
