//! Drafts on disk by size: `store::save` (serialise, write a temporary file, flush, rename)
//! and `store::load` (read, parse, validate) at 10, 1,000 and 10,000 customers, and load at
//! 100,000. Throughput is per customer, so linear cost shows as a flat rate across sizes.
//!
//! Run: `cargo bench --bench storage -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;

use cpc_wizard::sample;
use cpc_wizard::store;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

fn bench_save(c: &mut Criterion) {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("temp dir: {e}"),
    };
    let mut group = c.benchmark_group("save");
    for n in [10, 1_000, 10_000] {
        let profile = sample::profile(n);
        let path = dir.path().join(format!("save-{n}.json"));
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &profile, |b, p| {
            b.iter(|| store::save(black_box(&path), p))
        });
    }
    group.finish();
}

fn bench_load(c: &mut Criterion) {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("temp dir: {e}"),
    };
    let mut group = c.benchmark_group("load_file");
    for n in [10, 1_000, 10_000, 100_000] {
        let path = dir.path().join(format!("load-{n}.json"));
        if let Err(e) = store::save(&path, &sample::profile(n)) {
            panic!("writing the {n}-customer draft: {e}");
        }
        group.throughput(Throughput::Elements(n as u64));
        if n >= 100_000 {
            group.sample_size(10);
        }
        group.bench_with_input(BenchmarkId::from_parameter(n), &path, |b, path| {
            b.iter(|| store::load(black_box(path)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_save, bench_load);
criterion_main!(benches);
