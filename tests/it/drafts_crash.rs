//! Crashes: a lock left by a killed program does not block, and `kill -9` in the middle of
//! saving a large draft leaves the old or the new draft, never a torn one.
//!
//! The programs that get killed are this test binary itself, re-run with an environment
//! variable that turns one of its tests into the helper (`helper_*` below). The helpers are
//! ignored tests, run only by `spawn_helper` (`--ignored --exact`): a plain run does not
//! count them as tests that passed, and they need no program of their own to build.
#![cfg(unix)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use cpc_wizard::profile::{Association, Count, Customer, Market, Profile, to_json};
use cpc_wizard::store::{self, OpenDraft, StoreError, TEMP_PREFIX, TEMP_SUFFIX};

const HOLD_LOCK: &str = "CPC_TEST_HOLD_LOCK";
const SAVE_LOOP: &str = "CPC_TEST_SAVE_LOOP";
const READY: &str = "helper-ready";
const CUSTOMERS: usize = 20_000;

/// Helper: opens the draft for editing, says so, and waits to be killed.
#[test]
#[ignore = "a child process of the crash tests, started by spawn_helper"]
fn helper_hold_lock() {
    let Some(path) = std::env::var_os(HOLD_LOCK) else {
        return;
    };
    let _draft = OpenDraft::open(Path::new(&path)).unwrap();
    println!("{READY}");
    loop {
        std::thread::sleep(Duration::from_secs(60));
    }
}

/// Helper: takes the draft's lock and writes two large versions of it in turn, for ever.
/// The JSON is made once up front so that nearly all of the helper's time is spent in the
/// part of a save that could tear a file (writing, flushing, renaming), where the kills
/// should land; `OpenDraft::save` is that same `write_atomically` after serialising.
#[test]
#[ignore = "a child process of the crash tests, started by spawn_helper"]
fn helper_save_loop() {
    let Some(path) = std::env::var_os(SAVE_LOOP) else {
        return;
    };
    let path = Path::new(&path);
    let versions = [large_draft("old"), large_draft("new")].map(|p| to_json(&p));
    let _draft = OpenDraft::open(path).unwrap();
    println!("{READY}");
    for i in 1.. {
        store::write_atomically(path, versions[i % 2].as_bytes()).unwrap();
    }
}

/// A draft of `CUSTOMERS` customers; `tag` makes its name and every count differ.
fn large_draft(tag: &str) -> Profile {
    let mut p = Profile::new(format!("Large {tag}"));
    p.market = Some(Market::Developing);
    let offset = if tag == "old" { 0 } else { 7 };
    p.customers = (0..CUSTOMERS)
        .map(|i| {
            let mut c = Customer::new(format!("客戶 {i} {tag}"));
            c.association = Association::ALL[i % Association::ALL.len()];
            c.trial = i % 11 == 0;
            c.active_users.exchange_online = Count::new((i * 13 + offset) as u64 % 10_000).unwrap();
            c.active_users.proplus = Count::new((i + offset) as u64).unwrap();
            c
        })
        .collect();
    p
}

/// Runs this test binary as the named helper on `draft`, and waits until it says it is ready.
fn spawn_helper(test: &str, var: &str, draft: &Path) -> Child {
    // libtest names a test by its module path without the crate: `drafts_crash::helper_…`.
    let module = module_path!().split_once("::").map_or("", |(_, m)| m);
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([&format!("{module}::{test}"), "--exact", "--ignored"])
        .args(["--nocapture", "--test-threads=1"])
        .env(var, draft)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    loop {
        match lines.next() {
            // libtest prints "test NAME ... " before the helper speaks, on the same line.
            Some(Ok(line)) if line.trim_end().ends_with(READY) => break,
            Some(Ok(_)) => continue,
            _ => {
                let status = child.wait().unwrap();
                panic!("helper {test} ended before it was ready: {status}");
            }
        }
    }
    child
}

fn kill_9(mut child: Child) {
    // `Child::kill` sends SIGKILL on Unix: no handler, no clean-up, as with `kill -9`.
    child.kill().unwrap();
    child.wait().unwrap();
}

fn temp_files(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.starts_with(TEMP_PREFIX) && n.ends_with(TEMP_SUFFIX)
        })
        .collect()
}

#[test]
fn a_lock_left_by_a_killed_program_does_not_block() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Contoso.json");
    store::save(&path, &Profile::new("Contoso")).unwrap();

    let holder = spawn_helper("helper_hold_lock", HOLD_LOCK, &path);
    let outcome = OpenDraft::open(&path);
    let holder_pid = holder.id();
    // Killed before any assertion, so that a failure leaves no helper behind.
    kill_9(holder);
    match outcome {
        Err(StoreError::Locked {
            holder: Some(h), ..
        }) => assert_eq!(h.pid, holder_pid),
        other => panic!("expected Locked by the helper, got {other:?}"),
    }

    // The lock file is still there (nobody removed it), but the OS let go of the lock.
    assert!(store::lock_path_for(&path).exists());
    let draft = OpenDraft::open(&path).unwrap();
    assert_eq!(draft.profile().name, "Contoso");
}

/// A small, seedable generator: the kill moments differ from run to run, and the seed is
/// printed so that a failing run can be repeated.
struct Moments(u64);

impl Moments {
    fn next_below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[test]
fn kill_9_during_large_saves_leaves_the_old_or_the_new_draft() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Large.json");
    let old = large_draft("old");
    let new = large_draft("new");
    store::save(&path, &old).unwrap();
    let bytes = std::fs::metadata(&path).unwrap().len();

    let seed = std::env::var("CPC_TEST_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .unwrap()
                .subsec_nanos() as u64
                | 1
        });
    eprintln!("seed {seed} (rerun with CPC_TEST_SEED={seed}); draft of {bytes} bytes");
    let mut moments = Moments(seed);

    let (mut kills, mut mid_save, mut saw_old, mut saw_new) = (0, 0, 0, 0);
    // Enough kills that several land while a temporary file is being written, bounded so
    // that the test takes a few seconds.
    while kills < 40 && !(mid_save >= 10 && saw_old > 0 && saw_new > 0) {
        let before = temp_files(dir.path()).len();
        let saver = spawn_helper("helper_save_loop", SAVE_LOOP, &path);
        std::thread::sleep(Duration::from_millis(moments.next_below(120)));
        kill_9(saver);
        kills += 1;
        if temp_files(dir.path()).len() > before {
            mid_save += 1;
        }
        match store::load(&path) {
            Ok(p) if p == old => saw_old += 1,
            Ok(p) if p == new => saw_new += 1,
            Ok(p) => panic!("after kill {kills}: a draft that is neither: {}", p.name),
            Err(e) => panic!("after kill {kills}: torn draft: {e}"),
        }
    }
    eprintln!("{kills} kills, {mid_save} during a write; old {saw_old} times, new {saw_new}");
    assert!(
        mid_save >= 1,
        "no kill landed during a save; the test proved nothing"
    );

    // Leftovers: at most one per kill, and cleared by the clean-up.
    let left = temp_files(dir.path()).len();
    assert!(left <= kills, "{left} temporary files after {kills} kills");
    store::clean_stale_temp_files(dir.path(), Duration::ZERO);
    assert!(temp_files(dir.path()).is_empty());
    assert!(store::load(&path).is_ok());
}
