//! Reading the startup bench's draft (200 customers, as `store::save` writes it) with
//! `profile::from_json`, whose fast path reads drafts as the program writes them, beside
//! serde_json's own least pass over the same text (into `IgnoredAny`: the syntax checked,
//! nothing built), the yardstick. After criterion's figures, the two are run again in
//! interleaved rounds and the ratio of medians printed: the figure to quote on a shared
//! machine.
//!
//! Run: `cargo bench --bench draft_read -- --warm-up-time 1 --measurement-time 3`

#[path = "support/startup_draft.rs"]
mod startup_draft;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use serde::de::IgnoredAny;
use startup_draft::draft_with;

const CUSTOMERS: usize = 200;

fn from_json(text: &str) {
    let profile = cpc_wizard::profile::from_json(black_box(text));
    assert!(profile.is_ok_and(|p| p.customers.len() == CUSTOMERS));
}

fn serde_pass(text: &str) {
    let pass = serde_json::from_str::<IgnoredAny>(black_box(text));
    assert!(pass.is_ok());
}

fn draft_read(c: &mut Criterion) {
    let text = cpc_wizard::profile::to_json(&draft_with(CUSTOMERS));
    let mut group = c.benchmark_group("draft_read_200_customers");
    group.bench_function("from_json", |b| b.iter(|| from_json(&text)));
    group.bench_function("serde_json_ignored_any", |b| b.iter(|| serde_pass(&text)));
    group.finish();
}

/// The two read in turn, round after round, so that whatever else the (shared) machine is
/// doing weighs on both alike.
fn paired_ratio(c: &mut Criterion) {
    let _ = c;
    if !std::env::args().any(|a| a == "--bench") {
        return; // `cargo test --benches`: criterion's single pass above is enough.
    }
    const ROUNDS: usize = 41;
    const READS: u32 = 200;
    let text = cpc_wizard::profile::to_json(&draft_with(CUSTOMERS));
    let readers: [fn(&str); 2] = [from_json, serde_pass];
    let mut times: [Vec<Duration>; 2] = Default::default();
    for round in 0..ROUNDS {
        for k in 0..2 {
            let which = (round + k) % 2;
            let start = Instant::now();
            for _ in 0..READS {
                readers[which](&text);
            }
            times[which].push(start.elapsed() / READS);
        }
    }
    let median = |v: &mut Vec<Duration>| {
        v.sort();
        v[v.len() / 2].as_secs_f64() * 1e6
    };
    let [fast, serde] = times.map(|mut v| median(&mut v));
    println!(
        "reading a {CUSTOMERS}-customer draft ({} bytes), medians of {ROUNDS} interleaved rounds",
        text.len()
    );
    println!("  serde_json into IgnoredAny (yardstick)  {serde:8.1} µs");
    println!(
        "  profile::from_json                      {fast:8.1} µs ({:.2}x)",
        fast / serde
    );
}

criterion_group!(benches, draft_read, paired_ratio);
criterion_main!(benches);
