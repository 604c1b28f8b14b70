//! The engine's cost by draft size: `evaluate` and loading (`profile::from_json`) at 10,
//! 1,000 and 100,000 customers. Throughput is per customer, so linear cost shows as a flat
//! customers-per-second figure across sizes.

use std::hint::black_box;

use cpc_wizard::profile::from_json;
use cpc_wizard::rules::{RuleSet, evaluate};
use cpc_wizard::sample;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

const SIZES: [usize; 3] = [10, 1_000, 100_000];

fn bench_evaluate(c: &mut Criterion) {
    let rules = RuleSet::default_edition();
    let mut group = c.benchmark_group("evaluate");
    for n in SIZES {
        let profile = sample::profile(n);
        group.throughput(Throughput::Elements(n as u64));
        if n >= 100_000 {
            group.sample_size(20);
        }
        group.bench_with_input(BenchmarkId::from_parameter(n), &profile, |b, p| {
            b.iter(|| evaluate(black_box(p), rules))
        });
    }
    group.finish();
}

/// Staff is usually a handful of people, but nothing in the format bounds it: evaluation
/// must stay linear in the number of people too.
fn bench_evaluate_staff(c: &mut Criterion) {
    let rules = RuleSet::default_edition();
    let mut group = c.benchmark_group("evaluate_staff");
    for n in [1_000, 10_000] {
        let mut profile = sample::profile(10);
        profile.staff = sample::many_staff(n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &profile, |b, p| {
            b.iter(|| evaluate(black_box(p), rules))
        });
    }
    group.finish();
}

fn bench_load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    for n in SIZES {
        let text = sample::json(n);
        group.throughput(Throughput::Elements(n as u64));
        if n >= 100_000 {
            group.sample_size(10);
        }
        group.bench_with_input(BenchmarkId::from_parameter(n), &text, |b, t| {
            b.iter(|| from_json(black_box(t)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_evaluate, bench_evaluate_staff, bench_load);
criterion_main!(benches);
