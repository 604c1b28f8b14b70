//! Time to the first complete frame: the wizard on a 200-customer draft, beside a bare
//! ratatui program (`examples/bare_frame.rs`), both started in a pseudo-terminal in the same
//! run. Target: the wizard within 1.5 times the bare program.
//!
//! Run: `cargo bench --bench startup`

#[path = "../tests/support/pty.rs"]
mod pty;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use cpc_wizard::profile::{Association, Count, Customer, Market, Person, Profile, Workload};
use criterion::{Criterion, criterion_group, criterion_main};
use pty::PtySession;

const COLS: u16 = 120;
const ROWS: u16 = 40;
/// Text that only the wizard's first frame shows (the draft's name in its title bar).
const WIZARD_MARKER: &str = "Startup Bench Partner";
const BARE_MARKER: &str = "bare ratatui frame";
/// The bottom rows of each first frame: the bare program's border, the wizard's footer.
const BARE_LAST_ROW: &str = "┘";
const WIZARD_LAST_ROW: &str = "? help";
/// The Start screen's first frame: its "new assessment" line.
const START_MARKER: &str = "New assessment";
const START_DRAFTS: usize = 10;

fn bare_program() -> PathBuf {
    // Benches do not build examples; build the yardstick with the same profile.
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

fn draft_with(customers: usize) -> Profile {
    let mut profile = Profile::new("Startup Bench Partner");
    profile.market = Some(Market::Developed);
    profile.customers = (0..customers)
        .map(|i| {
            let mut c = Customer::new(format!("Customer {i:05}"));
            c.association = Association::ALL[i % 4];
            c.trial = i % 17 == 0;
            for (k, w) in Workload::ALL.into_iter().enumerate() {
                let n = ((i * 37 + k * 11) % 500) as u64;
                c.active_users.set(w, Count::new(n).unwrap_or(Count::ZERO));
            }
            c
        })
        .collect();
    profile.staff = vec![Person::new("Mei Lin"), Person::new("Ray")];
    profile
}

/// Starts `program` in a pty and returns how long its first complete frame took to appear:
/// `marker` somewhere on the screen and `last_row` on its bottom row (a frame is written top
/// to bottom, so the bottom row is the end of it).
fn first_frame(
    program: &Path,
    args: &[&str],
    env: &[(&str, &str)],
    marker: &str,
    last_row: &str,
) -> Duration {
    let start = Instant::now();
    let session = PtySession::spawn(program, args, env, COLS, ROWS);
    let complete = |s: &str| {
        s.contains(marker)
            && s.lines().count() == usize::from(ROWS)
            && s.lines().last().is_some_and(|l| l.contains(last_row))
    };
    assert!(
        session.wait_until(Duration::from_secs(20), complete),
        "no complete frame with {marker:?}; screen:\n{}",
        session.screen()
    );
    start.elapsed()
}

fn startup(c: &mut Criterion) {
    let bare = bare_program();
    let wizard = PathBuf::from(env!("CARGO_BIN_EXE_cpc-wizard"));
    let home = tempfile::tempdir().expect("temp home");
    let draft = home.path().join("startup.json");
    cpc_wizard::store::save(&draft, &draft_with(200)).expect("write draft");
    let home_str = home.path().to_string_lossy().into_owned();
    let draft_str = draft.to_string_lossy().into_owned();
    let env = [("CPC_WIZARD_HOME", home_str.as_str()), ("LANG", "C.UTF-8")];

    let mut group = c.benchmark_group("first_frame_120x40");
    group.sample_size(30);
    group.bench_function("bare_ratatui", |b| {
        b.iter_custom(|iters| {
            (0..iters)
                .map(|_| first_frame(&bare, &[], &env, BARE_MARKER, BARE_LAST_ROW))
                .sum()
        })
    });
    group.bench_function("wizard_200_customers", |b| {
        b.iter_custom(|iters| {
            (0..iters)
                .map(|_| {
                    first_frame(
                        &wizard,
                        &["edit", &draft_str],
                        &env,
                        WIZARD_MARKER,
                        WIZARD_LAST_ROW,
                    )
                })
                .sum()
        })
    });
    // The Start screen lists the drafts folder: ten saved drafts of 1,000 customers each.
    let folder = tempfile::tempdir().expect("temp home");
    for i in 0..START_DRAFTS {
        let mut profile = draft_with(1_000);
        profile.name = format!("Listed Draft {i:02}");
        let path = folder.path().join(format!("listed-{i:02}.json"));
        cpc_wizard::store::save(&path, &profile).expect("write draft");
    }
    let folder_str = folder.path().to_string_lossy().into_owned();
    let start_env = [
        ("CPC_WIZARD_HOME", folder_str.as_str()),
        ("LANG", "C.UTF-8"),
    ];
    group.bench_function("wizard_start_screen_10_drafts", |b| {
        b.iter_custom(|iters| {
            (0..iters)
                .map(|_| first_frame(&wizard, &[], &start_env, START_MARKER, WIZARD_LAST_ROW))
                .sum()
        })
    });
    group.finish();
}

criterion_group!(benches, startup);
criterion_main!(benches);
