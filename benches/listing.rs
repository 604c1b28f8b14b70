//! `cpc-wizard drafts` over a folder of large drafts against the same over small ones: 20
//! drafts of 100,000 customers and 20 of 3. Listing reads only what changed since the last
//! listing (the summaries cached beside the drafts), so after the first listing the two
//! should cost about the same. Target: within 3 times.
//!
//! After criterion's figures, the two are run again in interleaved rounds and the ratio of
//! medians printed: the figure to quote on a shared machine.
//!
//! Run: `cargo bench --bench listing -- --warm-up-time 1 --measurement-time 3`

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use cpc_wizard::{sample, store};
use criterion::{Criterion, criterion_group, criterion_main};

const DRAFTS: usize = 20;
const LARGE: usize = 100_000;
const SMALL: usize = 3;

/// A folder of `DRAFTS` drafts of `customers` customers each. The large draft is built and
/// written once, then copied: the copies are separate files, as a partner's would be.
fn folder_of(customers: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp folder");
    let mut profile = sample::profile(customers);
    profile.name = "Listed 00".into();
    let first = dir.path().join("listed-00.json");
    store::save(&first, &profile).expect("write draft");
    let text = std::fs::read_to_string(&first).expect("read draft");
    for i in 1..DRAFTS {
        let renamed = text.replacen("\"Listed 00\"", &format!("\"Listed {i:02}\""), 1);
        std::fs::write(dir.path().join(format!("listed-{i:02}.json")), renamed).expect("copy");
    }
    dir
}

fn list(program: &Path, folder: &Path) -> Duration {
    let start = Instant::now();
    let out = Command::new(program)
        .args(["drafts", "--lang", "en"])
        .env("CPC_WIZARD_HOME", folder)
        .output()
        .expect("run cpc-wizard drafts");
    let took = start.elapsed();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).lines().count(),
        DRAFTS + 1,
        "a header and one line per draft"
    );
    took
}

fn listing(c: &mut Criterion) {
    let program = PathBuf::from(env!("CARGO_BIN_EXE_cpc-wizard"));
    let small = folder_of(SMALL);
    let large = folder_of(LARGE);
    // The first listing reads every draft and keeps their summaries.
    let first = list(&program, large.path());
    println!("first listing of {DRAFTS} drafts of {LARGE} customers: {first:?}");

    let mut group = c.benchmark_group("drafts_listing");
    group.sample_size(20);
    group.bench_function("20_drafts_of_3", |b| {
        b.iter_custom(|iters| (0..iters).map(|_| list(&program, small.path())).sum())
    });
    group.bench_function("20_drafts_of_100000", |b| {
        b.iter_custom(|iters| (0..iters).map(|_| list(&program, large.path())).sum())
    });
    group.finish();

    if !std::env::args().any(|a| a == "--bench") {
        return; // `cargo test --benches`: the single pass above is enough.
    }
    const ROUNDS: usize = 31;
    let mut times: [Vec<Duration>; 2] = Default::default();
    for round in 0..ROUNDS {
        for k in 0..2 {
            let which = (round + k) % 2;
            let folder = if which == 0 { &small } else { &large };
            times[which].push(list(&program, folder.path()));
        }
    }
    let median = |v: &mut Vec<Duration>| {
        v.sort();
        v[v.len() / 2].as_secs_f64() * 1000.0
    };
    let [mut s, mut l] = times;
    let (s, l) = (median(&mut s), median(&mut l));
    println!("`drafts`, medians of {ROUNDS} interleaved rounds");
    println!("  {DRAFTS} drafts of {SMALL} customers        {s:8.2} ms");
    println!(
        "  {DRAFTS} drafts of {LARGE} customers  {l:8.2} ms ({:.2}x)  target <= 3x",
        l / s
    );
}

criterion_group!(benches, listing);
criterion_main!(benches);
