//! Time to the first complete frame: the wizard on a 200-customer draft, beside a bare
//! ratatui program (`examples/bare_frame.rs`), both started in a pseudo-terminal in the same
//! run. Target: the wizard within 1.2 times the bare program.
//!
//! A third figure: the Start screen over a folder of ten 1,000-customer drafts (the list is
//! read just after the first frame). At the end, the three measured again in interleaved
//! rounds, with the ratios printed: the figures to quote on a shared machine.
//!
//! Run: `cargo bench --bench startup -- --warm-up-time 1 --measurement-time 5`; add
//! `STARTUP_BASELINE=path/to/another/cpc-wizard` to measure that build in the same rounds.

#[path = "support/bare.rs"]
mod bare;
#[cfg(unix)]
#[path = "support/instructions.rs"]
mod instructions;
#[path = "../tests/it/support/pty.rs"]
mod pty;
#[path = "support/startup_draft.rs"]
mod startup_draft;

use bare::bare_program;
use startup_draft::draft_with;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

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

/// Whether a screen holds a complete frame: `marker` somewhere and `last_row` on its bottom
/// row (a frame is written top to bottom, so the bottom row is the end of it).
fn frame_complete<'a>(marker: &'a str, last_row: &'a str) -> impl Fn(&str) -> bool + 'a {
    move |s: &str| {
        s.contains(marker)
            && s.lines().count() == usize::from(ROWS)
            && s.lines().last().is_some_and(|l| l.contains(last_row))
    }
}

/// The programs measured, each a copy in a folder of its own (`installed_copy`), and a
/// drafts folder holding the 200-customer draft that `edit` opens.
struct Setup {
    bare: PathBuf,
    wizard: PathBuf,
    /// `STARTUP_BASELINE`'s copy, when set.
    baseline: Option<PathBuf>,
    draft: PathBuf,
    home: String,
    _installed: tempfile::TempDir,
    _home: tempfile::TempDir,
}

impl Setup {
    /// With `listed`, the drafts folder also holds the Start screen's ten 1,000-customer
    /// drafts.
    fn new(listed: bool) -> Setup {
        let installed = tempfile::tempdir().expect("temp folder for the programs");
        let bare = installed_copy(&bare_program(), installed.path());
        let wizard = installed_copy(
            Path::new(env!("CARGO_BIN_EXE_cpc-wizard")),
            installed.path(),
        );
        let baseline = std::env::var_os("STARTUP_BASELINE")
            .map(|old| installed_copy(Path::new(&old), &installed.path().join("baseline")));
        let home = tempfile::tempdir().expect("temp home");
        let draft = home.path().join("startup.json");
        cpc_wizard::store::save(&draft, &draft_with(200)).expect("write draft");
        if listed {
            write_listed_drafts(home.path());
        }
        Setup {
            bare,
            wizard,
            baseline,
            draft,
            home: home.path().to_string_lossy().into_owned(),
            _installed: installed,
            _home: home,
        }
    }

    fn env(&self) -> [(&str, &str); 2] {
        [("CPC_WIZARD_HOME", self.home.as_str()), ("LANG", "C.UTF-8")]
    }

    fn draft_arg(&self) -> String {
        self.draft.to_string_lossy().into_owned()
    }
}

/// The Start screen's folder: ten saved drafts of 1,000 customers each.
fn write_listed_drafts(folder: &Path) {
    for i in 0..START_DRAFTS {
        let mut profile = draft_with(1_000);
        profile.name = format!("Listed Draft {i:02}");
        let path = folder.join(format!("listed-{i:02}.json"));
        cpc_wizard::store::save(&path, &profile).expect("write draft");
    }
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
    assert!(
        session.wait_until(Duration::from_secs(20), frame_complete(marker, last_row)),
        "no complete frame with {marker:?}; screen:\n{}",
        session.screen()
    );
    let took = start.elapsed();
    // Ended at once, the same way for every program. (Dropping the session sends SIGHUP
    // first, which the bare program dies of at once while the wizard takes its way out,
    // terminal restored and draft saved: the CPU figures would have held that too.)
    #[cfg(unix)]
    session.signal(libc::SIGKILL);
    took
}

/// A copy of `program` in `folder`, as `cargo install` puts one in place. Every program is
/// measured from such a copy: the file the linker has just written was measured slower to
/// start than a copy of it, the same bytes (282 page faults against 257, CPU 1.85 against
/// 1.65 ms in 31 interleaved rounds), which would weigh on whichever program was not
/// copied.
fn installed_copy(program: &Path, folder: &Path) -> PathBuf {
    std::fs::create_dir_all(folder).expect("folder for the copies");
    let name = program.file_name().expect("a program's file name");
    let copy = folder.join(name);
    std::fs::copy(program, &copy).expect("copy the program");
    copy
}

/// `first_frame` of the wizard's `edit`. The program is killed once its frame is out, which
/// leaves its lock file behind, as a crash would; its own way out removes it. It is removed
/// here too, so that every start measured is an ordinary one and not a start after a crash
/// (which clears the stale lock first: another file read, removed and closed).
fn edit_first_frame(program: &Path, args: &[&str], env: &[(&str, &str)], draft: &Path) -> Duration {
    let took = first_frame(program, args, env, WIZARD_MARKER, WIZARD_LAST_ROW);
    let left = cpc_wizard::store::lock_path_for(draft);
    if let Err(e) = std::fs::remove_file(&left) {
        assert_eq!(
            e.kind(),
            std::io::ErrorKind::NotFound,
            "{}: {e}",
            left.display()
        );
    }
    took
}

fn startup(c: &mut Criterion) {
    let setup = Setup::new(false);
    let (bare, wizard, draft) = (&setup.bare, &setup.wizard, &setup.draft);
    let draft_str = setup.draft_arg();
    let env = setup.env();

    let mut group = c.benchmark_group("first_frame_120x40");
    group.sample_size(30);
    group.bench_function("bare_ratatui", |b| {
        b.iter_custom(|iters| {
            (0..iters)
                .map(|_| first_frame(bare, &[], &env, BARE_MARKER, BARE_LAST_ROW))
                .sum()
        })
    });
    group.bench_function("wizard_200_customers", |b| {
        b.iter_custom(|iters| {
            (0..iters)
                .map(|_| edit_first_frame(wizard, &["edit", &draft_str], &env, draft))
                .sum()
        })
    });
    // The Start screen lists the drafts folder: ten saved drafts of 1,000 customers each.
    let folder = tempfile::tempdir().expect("temp home");
    write_listed_drafts(folder.path());
    let folder_str = folder.path().to_string_lossy().into_owned();
    let start_env = [
        ("CPC_WIZARD_HOME", folder_str.as_str()),
        ("LANG", "C.UTF-8"),
    ];
    group.bench_function("wizard_start_screen_10_drafts", |b| {
        b.iter_custom(|iters| {
            (0..iters)
                .map(|_| first_frame(wizard, &[], &start_env, START_MARKER, WIZARD_LAST_ROW))
                .sum()
        })
    });
    group.finish();
}

/// The same three programs started in turn, round after round, so that whatever else the
/// (shared) machine is doing weighs on all three alike; the ratio of medians is the figure
/// to compare with the 1.2x target. Printed after criterion's own figures.
///
/// With `STARTUP_BASELINE` set to another build of the program (say, the commit before a
/// change, built with `cargo build --release` and copied aside), that build's `edit` is
/// measured in the same rounds too: an A/B comparison under the same load.
fn paired_ratios(c: &mut Criterion) {
    let _ = c;
    if !std::env::args().any(|a| a == "--bench") {
        return; // `cargo test --benches`: criterion's single pass above is enough.
    }
    const ROUNDS: usize = 41;
    let setup = Setup::new(true);
    let (bare, wizard, draft) = (&setup.bare, &setup.wizard, &setup.draft);
    let baseline = &setup.baseline;
    let draft_str = setup.draft_arg();
    let env = setup.env();
    let edit = ["edit", draft_str.as_str()];
    // 0: bare, 1: wizard `edit`, 2: wizard Start screen, 3: the baseline's `edit`.
    let programs = if baseline.is_some() { 4 } else { 3 };
    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); programs];
    let mut cpu: Vec<Vec<Duration>> = vec![Vec::new(); programs];
    for round in 0..ROUNDS {
        for k in 0..programs {
            // Rotate the order so that none always runs first.
            let which = (round + k) % programs;
            let cpu_before = children_cpu();
            let t = match (which, baseline) {
                (0, _) => first_frame(bare, &[], &env, BARE_MARKER, BARE_LAST_ROW),
                (1, _) => edit_first_frame(wizard, &edit, &env, draft),
                (3, Some(old)) => edit_first_frame(old, &edit, &env, draft),
                _ => first_frame(wizard, &[], &env, START_MARKER, WIZARD_LAST_ROW),
            };
            times[which].push(t);
            // The session ended (killed and waited for) inside `first_frame`.
            cpu[which].push(children_cpu().saturating_sub(cpu_before));
        }
    }
    let median = |v: &mut Vec<Duration>| {
        v.sort();
        v[v.len() / 2].as_secs_f64() * 1000.0
    };
    let wall: Vec<f64> = times.iter_mut().map(median).collect();
    let cpu: Vec<f64> = cpu.iter_mut().map(median).collect();
    println!(
        "first frame at {COLS}x{ROWS}, medians of {ROUNDS} interleaved rounds \
         (wall: spawn to complete frame; CPU: the program's user+system time until it is \
         ended, right after that frame)"
    );
    println!(
        "  bare ratatui program             wall {:7.2} ms          CPU {:6.2} ms",
        wall[0], cpu[0]
    );
    let line = |label: &str, i: usize, target: &str| {
        println!(
            "  {label:<32} wall {:7.2} ms ({:.2}x)  CPU {:6.2} ms ({:.2}x){target}",
            wall[i],
            wall[i] / wall[0],
            cpu[i],
            cpu[i] / cpu[0]
        );
    };
    line("wizard, edit 200-customer draft", 1, "  target <= 1.2x");
    line(
        &format!("wizard, Start screen, {START_DRAFTS} drafts"),
        2,
        "",
    );
    if programs == 4 {
        line("baseline (STARTUP_BASELINE), edit", 3, "");
    }
}

/// User plus system time of all children that have ended and been waited for (zero where
/// the system does not say: Windows).
#[cfg(not(unix))]
fn children_cpu() -> Duration {
    Duration::ZERO
}

/// User plus system time of all children that have ended and been waited for.
#[cfg(unix)]
fn children_cpu() -> Duration {
    // SAFETY: getrusage fills the struct we pass; a zeroed rusage is a valid value.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage);
        usage
    };
    let time = |tv: libc::timeval| {
        Duration::from_secs(tv.tv_sec as u64) + Duration::from_micros(tv.tv_usec as u64)
    };
    time(usage.ru_utime) + time(usage.ru_stime)
}

/// With `STARTUP_CALLGRIND` set (and valgrind installed): the instructions to each first
/// frame, counted by callgrind, and their ratio to the bare program's. The bare program is
/// ended by a key once its frame is out, the wizard by SIGTERM (its way out: nothing to
/// save, the terminal restored).
#[cfg(not(unix))]
fn instruction_counts(c: &mut Criterion) {
    let _ = c; // valgrind, and the SIGTERM that ends the wizard, are Unix's.
}

#[cfg(unix)]
fn instruction_counts(c: &mut Criterion) {
    let _ = c;
    if std::env::var_os("STARTUP_CALLGRIND").is_none() || !std::env::args().any(|a| a == "--bench")
    {
        return;
    }
    let setup = Setup::new(false);
    let draft_str = setup.draft_arg();
    let env = setup.env();
    let out = tempfile::tempdir().expect("temp folder for callgrind's output");
    let counted = instructions::first_frame_instructions(
        &setup.bare,
        &[],
        &env,
        (COLS, ROWS),
        frame_complete(BARE_MARKER, BARE_LAST_ROW),
        instructions::End::Key,
        out.path(),
    );
    let Some(bare_count) = counted else {
        println!("instructions: valgrind is not installed");
        return;
    };
    println!("instructions to the first frame at {COLS}x{ROWS} (callgrind)");
    println!("  bare ratatui program               {bare_count:>10}");
    let programs = [
        ("wizard, edit 200-customer draft", Some(&setup.wizard)),
        ("baseline (STARTUP_BASELINE), edit", setup.baseline.as_ref()),
    ];
    for (label, program) in programs {
        let Some(program) = program else { continue };
        let count = instructions::first_frame_instructions(
            program,
            &["edit", &draft_str],
            &env,
            (COLS, ROWS),
            frame_complete(WIZARD_MARKER, WIZARD_LAST_ROW),
            instructions::End::Terminate,
            out.path(),
        );
        if let Some(count) = count {
            let ratio = count as f64 / bare_count as f64;
            println!("  {label:<34} {count:>10} ({ratio:.2}x)");
        }
    }
}

criterion_group!(benches, startup, paired_ratios, instruction_counts);
criterion_main!(benches);
