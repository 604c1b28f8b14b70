//! A draft's customers as CSV, in the columns `import` reads, so that export → spreadsheet →
//! import changes nothing. Pure: the caller writes the text to a file.

use crate::import::needs_guard;
use crate::profile::{Profile, Workload};
use crate::rules::Assessment;

/// Written first so that spreadsheets (Excel above all) read the file as UTF-8 and show
/// Chinese names correctly; `import` drops it.
pub const BOM: &str = "\u{feff}";

/// The columns, in order. `counted` and `excluded` are for reading; `import` ignores them.
pub fn headers() -> Vec<&'static str> {
    let mut headers = vec!["name", "association", "trial"];
    headers.extend(Workload::ALL.iter().map(|w| w.id()));
    headers.extend(["counted", "excluded"]);
    headers
}

/// The customers as CSV text: a byte-order mark, a header line, then one line per customer
/// (ids for association and exclusion, plain digits for counts, CRLF line ends).
pub fn customers_csv(profile: &Profile, assessment: &Assessment) -> String {
    // Writing into memory cannot fail; the empty fallback is never taken.
    let bytes = write(profile, assessment).unwrap_or_default();
    let mut text = String::with_capacity(bytes.len() + BOM.len());
    text.push_str(BOM);
    text.push_str(&String::from_utf8_lossy(&bytes));
    text
}

fn write(profile: &Profile, assessment: &Assessment) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::with_capacity(64 * (profile.customers.len() + 1)));
    writer.write_record(headers())?;
    for (i, customer) in profile.customers.iter().enumerate() {
        let result = assessment.customers.get(i);
        // A name a spreadsheet would run as a formula gets an apostrophe, which `import`
        // takes off again.
        let name = if needs_guard(&customer.name) {
            format!("'{}", customer.name)
        } else {
            customer.name.clone()
        };
        let mut record = vec![
            name,
            customer.association.id().to_string(),
            customer.trial.to_string(),
        ];
        record.extend(
            Workload::ALL
                .iter()
                .map(|w| customer.active_users.get(*w).get().to_string()),
        );
        record.push(result.map_or(String::new(), |r| r.counted.to_string()));
        record.push(
            result
                .and_then(|r| r.excluded)
                .map_or(String::new(), |e| e.id().to_string()),
        );
        writer.write_record(&record)?;
    }
    writer.flush()?;
    writer.into_inner().map_err(|e| e.into_error().into())
}
