//! A draft's customers as CSV, in the columns `import` reads, so that export → spreadsheet →
//! import changes nothing. Pure: the caller writes the text to a file.

use crate::import::guard;
use crate::profile::{Profile, Workload};
use crate::rules::Assessment;

/// Written first so that spreadsheets (Excel above all) read the file as UTF-8 and show
/// Chinese names correctly; `import` drops it.
pub(crate) const BOM: &str = "\u{feff}";

/// The columns, in order. `counted` and `excluded` are for reading; `import` ignores them.
pub(crate) fn headers() -> Vec<&'static str> {
    let mut headers = vec!["name", "association", "trial"];
    headers.extend(Workload::ALL.iter().map(|w| w.id()));
    headers.extend(["counted", "excluded"]);
    headers
}

/// The customers as CSV text: a byte-order mark, a header line, then one line per customer
/// (ids for association and exclusion, plain digits for counts, CRLF line ends).
pub fn customers_csv(profile: &Profile, assessment: &Assessment) -> String {
    let mut text = String::with_capacity(64 * (profile.customers.len() + 1));
    text.push_str(BOM);
    push_record(&mut text, headers());
    for (i, customer) in profile.customers.iter().enumerate() {
        let result = assessment.customers.get(i);
        // No part of a name a spreadsheet splits off may run as a formula: each such part
        // gets an apostrophe, which `import` takes off again.
        let mut record = vec![
            guard(&customer.name).into_owned(),
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
        push_record(&mut text, record);
    }
    text
}

fn push_record<S: AsRef<str>>(text: &mut String, fields: impl IntoIterator<Item = S>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            text.push(',');
        }
        push_field(text, field.as_ref());
    }
    text.push_str("\r\n");
}

/// A field in quotes when it holds a separator of any reader (`,`, `;`, tab), a quote or a
/// line break, or spaces at either end, so that Excel set to `;` keeps it one cell too.
fn push_field(text: &mut String, field: &str) {
    let quote = field.contains([',', ';', '\t', '"', '\r', '\n'])
        || field.starts_with(' ')
        || field.ends_with(' ');
    if quote {
        text.push('"');
        text.push_str(&field.replace('"', "\"\""));
        text.push('"');
    } else {
        text.push_str(field);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Customer;
    use crate::rules::{RuleSet, evaluate};

    #[test]
    fn no_cell_nor_part_of_one_starts_a_formula_with_any_separator() {
        let mut profile = Profile::new("p".to_string());
        for name in [
            "Foo;=1+1",
            "=HYPERLINK(\"x\")",
            "a,+b",
            "t\t@c",
            "Contoso; Ltd",
        ] {
            profile.customers.push(Customer::new(name.to_string()));
        }
        let assessment = evaluate(&profile, RuleSet::default_edition());
        let csv = customers_csv(&profile, &assessment);
        assert!(csv.contains("\"Foo;'=1+1\""), "{csv}");
        assert!(csv.contains("\"Contoso; Ltd\""), "{csv}");
        for separator in [',', ';', '\t'] {
            for line in csv.lines() {
                for cell in line.split(separator) {
                    let cell = cell.trim_start_matches(['"', ' ']);
                    assert!(
                        !cell.starts_with(['=', '+', '-', '@']),
                        "split at {separator:?}: {cell:?} in {line:?}"
                    );
                }
            }
        }
    }
}
