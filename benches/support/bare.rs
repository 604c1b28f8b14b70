//! The yardstick program (`examples/bare_frame.rs`), built in release mode beside the
//! benchmark that compares the wizard with it.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Builds the bare ratatui example (benches do not build examples) and returns its path.
pub fn bare_program() -> PathBuf {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "--release", "--example", "bare_frame"])
        .status()
        .expect("run cargo to build the bare example");
    assert!(status.success(), "building examples/bare_frame failed");
    let deps = std::env::current_exe().expect("bench path");
    let release = deps
        .parent()
        .and_then(Path::parent)
        .expect("target/release");
    release.join("examples").join("bare_frame")
}
