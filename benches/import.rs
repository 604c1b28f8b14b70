//! Importing a 10,000-row CSV file into an empty draft, and into a draft that already holds
//! those customers (every row an update); and a 1,000,000-row Office 365 active user detail
//! report (about 250 MB, generated into a temporary folder at the start) read by the import
//! beside a bare `csv` crate `ByteRecord` loop over the same file (the floor), with the
//! peak memory of the binary importing it (`/usr/bin/time -v`).
//!
//! Run: `cargo bench --bench import -- --warm-up-time 1 --measurement-time 3`; the large
//! report alone: `... 'report'`.

use std::hint::black_box;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Instant;

use cpc_wizard::import::{Input, Progress, RunOptions, import_csv, import_files};
use cpc_wizard::profile::Profile;
use criterion::{BatchSize, Criterion, Throughput, criterion_group};

fn file(rows: u32) -> Vec<u8> {
    let mut text = String::from(
        "\u{feff}Customer,Association,Trial,Exchange Online,SharePoint Online,Skype for Business,Yammer,Office 365 ProPlus\r\n",
    );
    for i in 0..rows {
        let association = [
            "DAP",
            "Delegated Admin",
            "DPOR",
            "Transacting Partner",
            "none",
        ][i as usize % 5];
        let trial = if i % 10 == 0 { "yes" } else { "no" };
        text.push_str(&format!(
            "\"客戶 {i}, Ltd\",{association},{trial},\"{}\",{},0,{},{}\r\n",
            i % 5000 * 3,
            i % 900,
            i % 7,
            i % 11
        ));
    }
    text.into_bytes()
}

fn import_10k(c: &mut Criterion) {
    let bytes = file(10_000);
    c.bench_function("import 10,000 rows into an empty draft", |b| {
        b.iter_batched(
            || Profile::new("bench"),
            |mut profile| {
                let summary = import_csv(black_box(&bytes), &mut profile);
                black_box((summary.is_ok(), profile))
            },
            BatchSize::SmallInput,
        )
    });
    let mut full = Profile::new("bench");
    let _ = import_csv(&bytes, &mut full);
    c.bench_function("import 10,000 rows, all updates", |b| {
        b.iter_batched(
            || full.clone(),
            |mut profile| {
                let summary = import_csv(black_box(&bytes), &mut profile);
                black_box((summary.is_ok(), profile))
            },
            BatchSize::SmallInput,
        )
    });
}

/// Rows of the large report under `cargo bench`; a smoke test (`cargo test --benches`)
/// reads a small one.
fn report_rows() -> u64 {
    if std::env::args().any(|a| a == "--bench") {
        1_000_000
    } else {
        1_000
    }
}

/// The report, written once per run into a temporary folder removed at the end.
static REPORT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();

fn report() -> &'static Path {
    &REPORT
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("temp dir");
            let path = dir.path().join("active-users.csv");
            write_report(&path, report_rows());
            (dir, path)
        })
        .1
}

/// An Office 365 active user detail report (October 2017 layout) of one tenant: users
/// with a mix of licences, deletions and activity dates in and out of the 28 days.
fn write_report(path: &Path, rows: u64) {
    let file = std::fs::File::create(path).expect("create report");
    let mut out = BufWriter::with_capacity(1 << 20, file);
    let header = include_str!("../assets/reports/active-user-detail.csv").trim();
    write!(out, "{header}\r\n").expect("write");
    let dates = [
        "2017-06-30",
        "2017-06-29",
        "2017-06-15",
        "2017-06-03",
        "2017-06-02",
        "2017-05-11",
        "",
    ];
    let flag = |on: bool| if on { "True" } else { "False" };
    for i in 0..rows {
        let day = |k: u64| dates[((i / 3 + k * 5) % dates.len() as u64) as usize];
        write!(
            out,
            "2017-06-30,user{i:07}@contoso.onmicrosoft.com,User {i:07} Example,{},,{},{},{},{},{},{},{},{},{},{},{},{},2016-11-01,2016-11-01,2016-11-01,2016-11-01,2016-11-01,2017-03-01,\"Office 365 Enterprise E3, Microsoft Teams\"\r\n",
            flag(i % 97 == 0),
            flag(i % 11 != 0),
            flag(i % 3 != 0),
            flag(i % 3 != 0),
            flag(i % 4 == 0),
            flag(i % 9 == 0),
            flag(i % 5 != 0),
            day(0),
            day(1),
            day(2),
            day(3),
            day(4),
            day(5),
        )
        .expect("write");
    }
    out.flush().expect("flush");
}

fn report_1m(c: &mut Criterion) {
    let rows = report_rows();
    let mut group = c.benchmark_group("report");
    group.sample_size(10);
    group.throughput(Throughput::Elements(rows));
    group.bench_function("import active user detail", |b| {
        b.iter(|| {
            let path = report();
            let input = Input {
                name: "active-users.csv".into(),
                size: 0,
                reader: Box::new(std::fs::File::open(path).expect("open")),
            };
            let mut profile = Profile::new("bench");
            let result = import_files(
                vec![input],
                &mut profile,
                &RunOptions::default(),
                &Progress::new(),
            );
            assert!(result.is_ok(), "{result:?}");
            black_box(profile)
        })
    });
    group.bench_function("csv ByteRecord loop (floor)", |b| {
        b.iter(|| {
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .from_path(report())
                .expect("open");
            let mut record = csv::ByteRecord::new();
            let mut n = 0u64;
            while reader.read_byte_record(&mut record).expect("read") {
                n += 1;
            }
            black_box(n)
        })
    });
    group.finish();
}

/// The binary importing the report, under `/usr/bin/time -v`: its peak resident set.
fn peak_memory() {
    let Some((_, path)) = REPORT.get() else {
        return;
    };
    if !std::env::args().any(|a| a == "--bench") || !Path::new("/usr/bin/time").exists() {
        return;
    }
    let home = tempfile::tempdir().expect("home");
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let started = Instant::now();
    let out = std::process::Command::new("/usr/bin/time")
        .arg("-v")
        .arg(env!("CARGO_BIN_EXE_cpc-wizard"))
        .args(["import-csv"])
        .arg(path)
        .args(["--into", "Bench"])
        .env("CPC_WIZARD_HOME", home.path())
        .env("LANG", "C")
        .output()
        .expect("run the binary");
    let took = started.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let peak_kib: u64 = stderr
        .lines()
        .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes):"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    assert!(out.status.success(), "{stderr}");
    println!(
        "report: {} rows, {:.0} MB; the binary imported it in {:.2} s, peak memory {:.1} MiB",
        report_rows(),
        size as f64 / 1e6,
        took.as_secs_f64(),
        peak_kib as f64 / 1024.0
    );
}

criterion_group!(small, import_10k);
criterion_group!(large, report_1m);

fn main() {
    small();
    large();
    peak_memory();
    Criterion::default().configure_from_args().final_summary();
    // The report is large: never left behind.
    if let Some((dir, _)) = REPORT.get() {
        let _ = std::fs::remove_dir_all(dir.path());
    }
}
