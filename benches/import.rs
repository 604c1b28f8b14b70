//! Importing a 10,000-row CSV file into an empty draft, and into a draft that already holds
//! those customers (every row an update).

use std::hint::black_box;

use cpc_wizard::import::import_csv;
use cpc_wizard::profile::Profile;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

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

criterion_group!(benches, import_10k);
criterion_main!(benches);
