//! The engine's cost by draft size: `evaluate` and loading (`profile::from_json`) at 10,
//! 1,000, 10,000 and 100,000 customers. Throughput is per customer, so linear cost shows as
//! a flat customers-per-second figure across sizes.

use std::hint::black_box;

use cpc_wizard::i18n::{Lang, Locale};
use cpc_wizard::profile::from_json;
use cpc_wizard::report::{self, ReportFormat, ReportInput};
use cpc_wizard::rules::{RuleSet, evaluate};
use cpc_wizard::sample;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

const SIZES: [usize; 4] = [10, 1_000, 10_000, 100_000];

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

/// What `assess` does with a draft file's text: load, evaluate, write the text report.
fn bench_assess_end_to_end(c: &mut Criterion) {
    let loc = Locale::get(Lang::En);
    let mut group = c.benchmark_group("assess_text");
    group.sample_size(10);
    for n in [1_000, 100_000] {
        let text = sample::json(n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &text, |b, t| {
            b.iter(|| {
                let profile = from_json(black_box(t)).ok()?;
                let rules = RuleSet::by_edition(&profile.edition)?;
                let assessment = evaluate(&profile, rules);
                let input = ReportInput {
                    profile: &profile,
                    rules,
                    assessment: &assessment,
                };
                Some(report::render(&input, ReportFormat::Text, loc))
            })
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    bench_evaluate,
    bench_evaluate_staff,
    bench_load,
    bench_assess_end_to_end
);
criterion_main!(benches);
