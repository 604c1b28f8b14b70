//! The draft file, format version 1 (SPEC.md §3): reading with field paths, writing.

use std::fmt;
use std::io;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};

use super::error::{ParseError, Problem};
use super::fast_read;
use super::kept_fields::{Header, OnePass, counting_or_default, known_edition};
use super::{
    Association, Counting, Customer, DEFAULT_EDITION, Market, OtherFields, Person, Profile,
};

pub(crate) const FORMAT_ID: &str = "cpc-wizard/profile";
pub(crate) const FORMAT_VERSION: u32 = 1;

#[derive(Deserialize)]
struct BodyV1 {
    name: String,
    // Checked while parsing, so that an unknown edition is reported with its line.
    #[serde(default, deserialize_with = "known_edition")]
    edition: Option<String>,
    #[serde(default)]
    market: Option<Market>,
    #[serde(default, deserialize_with = "counting_or_default")]
    counting: Counting,
    #[serde(default)]
    customers: Vec<Customer>,
    #[serde(default)]
    staff: Vec<Person>,
}

#[derive(Serialize)]
struct FileV1<'a> {
    format: &'static str,
    version: u32,
    #[serde(flatten)]
    profile: &'a Profile,
}

/// Parses a draft file, naming the field path and line of the first problem found.
pub fn from_json(text: &str) -> Result<Profile, ParseError> {
    match text.trim_start().chars().next() {
        None => return Err(ParseError::Empty),
        // serde would read a JSON list as a struct; a draft is always an object.
        Some('[') => return Err(ParseError::NotAProfile { found: None }),
        _ => {}
    }
    // A draft as the program writes it is read by a reader of that layout alone, at a
    // fraction of serde's cost (it was the largest part of `edit`'s start-up); it gives up
    // on anything else, without naming it.
    if let Some(whole) = fast_read::read(text) {
        return profile_of(whole);
    }
    // A draft without a problem is read in one pass that tracks no field paths: the header
    // and body passes below cost twice as much. Any problem at all, and the draft is read
    // again by those two passes, which find and name it as they always did.
    if let Ok(whole) = serde_json::from_str::<OnePass>(text) {
        return profile_of(whole);
    }
    read_in_two_passes(text)
}

/// A draft read in one pass, its header checked.
pub(super) fn profile_of(whole: OnePass) -> Result<Profile, ParseError> {
    let other = checked_header(whole.header)?;
    Ok(Profile {
        name: whole.name,
        edition: whole.edition.unwrap_or_else(|| DEFAULT_EDITION.to_string()),
        market: whole.market,
        counting: whole.counting,
        customers: whole.customers,
        staff: whole.staff,
        other,
    })
}

/// Reads a draft with its header first (is it a draft, of a version this program reads?),
/// then its body, tracking the path of each field so that a problem is named with it.
fn read_in_two_passes(text: &str) -> Result<Profile, ParseError> {
    let header: Header = serde_json::from_str(text).map_err(|e| syntax_or_shape(&e))?;
    let other = checked_header(header)?;

    let mut de = serde_json::Deserializer::from_str(text);
    let body: BodyV1 = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let line = e.inner().line();
        ParseError::Invalid {
            path: e.path().to_string(),
            problem: Problem::from_serde_message(&e.inner().to_string()),
            line: (line > 0).then_some(line),
        }
    })?;

    let edition = body.edition.unwrap_or_else(|| DEFAULT_EDITION.to_string());
    Ok(Profile {
        name: body.name,
        edition,
        market: body.market,
        counting: body.counting,
        customers: body.customers,
        staff: body.staff,
        other,
    })
}

/// The draft's top checked (a draft, of a version this program reads); its fields this
/// version does not know.
fn checked_header(header: Header) -> Result<OtherFields, ParseError> {
    let format = header.format.as_ref().and_then(|v| v.as_str());
    if format != Some(FORMAT_ID) {
        return Err(ParseError::NotAProfile {
            found: header.format.map(|v| match v {
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            }),
        });
    }
    let version = match header.version {
        None | Some(serde_json::Value::Null) => return Err(ParseError::MissingVersion),
        Some(v) => v.as_u64().ok_or_else(|| ParseError::Invalid {
            path: "version".into(),
            problem: Problem::WrongType {
                expected: "number".into(),
                found: v.to_string(),
            },
            line: None,
        })?,
    };
    if version > u64::from(FORMAT_VERSION) {
        return Err(ParseError::NewerVersion {
            found: version,
            supported: FORMAT_VERSION,
        });
    }
    // Versions count from 1; a 0 was never written by any cpc-wizard.
    if version == 0 {
        return Err(ParseError::Invalid {
            path: "version".into(),
            problem: Problem::UnknownValue {
                value: version.to_string(),
                expected: vec![FORMAT_VERSION.to_string()],
            },
            line: None,
        });
    }
    Ok(header.other)
}

/// The draft as the pretty JSON that the program writes and a person can edit.
pub fn to_json(profile: &Profile) -> String {
    let mut bytes = Vec::new();
    // Into memory, plain structs of strings and numbers: this cannot fail.
    let _ = write_json(profile, &mut bytes);
    String::from_utf8(bytes).unwrap_or_default()
}

/// `to_json`'s text, written straight to `out`: a large draft is saved without a second
/// copy of it in memory.
pub(crate) fn write_json(profile: &Profile, out: &mut impl io::Write) -> io::Result<()> {
    let file = FileV1 {
        format: FORMAT_ID,
        version: FORMAT_VERSION,
        profile,
    };
    serde_json::to_writer_pretty(&mut *out, &file)?;
    out.write_all(b"\n")
}

fn syntax_or_shape(e: &serde_json::Error) -> ParseError {
    use serde_json::error::Category;
    match e.classify() {
        Category::Syntax | Category::Eof | Category::Io => ParseError::Syntax {
            line: e.line(),
            column: e.column(),
            detail: Problem::from_serde_message(&e.to_string()).to_string_lossy(),
        },
        Category::Data => match Problem::from_serde_message(&e.to_string()) {
            // "format" or "version" given twice: a problem of the draft's top, as any other
            // top-level field given twice is.
            Problem::DuplicateField { field } => ParseError::Invalid {
                path: String::new(),
                problem: Problem::DuplicateField { field },
                line: (e.line() > 0).then_some(e.line()),
            },
            // Valid JSON, but not an object with the header fields.
            _ => ParseError::NotAProfile { found: None },
        },
    }
}

impl Problem {
    fn to_string_lossy(&self) -> String {
        match self {
            Problem::Other(s) => s.clone(),
            other => format!("{other:?}"),
        }
    }
}

/// Deserialises one of a closed set of ids, reporting an unknown one with the ids allowed.
pub(super) fn deserialize_id<'de, D, T>(
    d: D,
    ids: &'static [&'static str],
    from_id: fn(&str) -> Option<T>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    struct IdVisitor<T> {
        ids: &'static [&'static str],
        from_id: fn(&str) -> Option<T>,
    }
    impl<'de, T> Visitor<'de> for IdVisitor<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            write!(f, "one of {:?}", self.ids)
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
            (self.from_id)(v).ok_or_else(|| {
                Problem::UnknownValue {
                    value: v.to_string(),
                    expected: self.ids.iter().map(|s| s.to_string()).collect(),
                }
                .into_serde()
            })
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
            Err(wrong_type(v.to_string()))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
            Err(wrong_type(v.to_string()))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<T, E> {
            Err(wrong_type(v.to_string()))
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<T, E> {
            Err(wrong_type(v.to_string()))
        }
    }
    fn wrong_type<E: de::Error>(found: String) -> E {
        Problem::WrongType {
            expected: "text".into(),
            found,
        }
        .into_serde()
    }
    d.deserialize_any(IdVisitor { ids, from_id })
}

const MARKET_IDS: &[&str] = &["developed", "developing"];
const COUNTING_IDS: &[&str] = &["largest_workload", "sum_of_workloads", "best_workload"];

impl<'de> Deserialize<'de> for Counting {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize_id(d, COUNTING_IDS, Counting::from_id)
    }
}

const ASSOCIATION_IDS: &[&str] = &[
    "delegated_admin",
    "transacting_partner",
    "digital_partner_of_record",
    "fast_track_partner",
    "none",
];

impl<'de> Deserialize<'de> for Market {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize_id(d, MARKET_IDS, |s| {
            Market::ALL.into_iter().find(|m| m.id() == s)
        })
    }
}

impl<'de> Deserialize<'de> for Association {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize_id(d, ASSOCIATION_IDS, Association::from_id)
    }
}

#[cfg(test)]
mod tests {
    use super::super::arbitrary;
    use super::*;
    use proptest::prelude::*;

    const CONTOSO: &str = include_str!("../../tests/fixtures/contoso.json");

    /// Drafts of every shape the format allows, and some it does not.
    fn cases() -> Vec<String> {
        let top = r#""format": "cpc-wizard/profile", "version": 1"#;
        let mut cases: Vec<String> = [
            r#""name": "A""#,
            r#""name": "A", "edition": null, "market": null, "counting": null"#,
            r#""name": "A", "edition": "2017-07", "market": "developing", "counting": "best_workload""#,
            r#""name": "A", "extra": {"kept": [1, 2]}, "customers": [{"name": "C", "x": 1}]"#,
            r#""name": "A", "customers": [{"name": "C", "tenant_domain": null, "source": null}]"#,
            r#""name": "A", "staff": [{"name": "P", "email": "p@example.com", "y": true}]"#,
            r#""name": "A", "name": "B""#,
            r#""name": "A", "edition": "1999-01""#,
            r#""name": "A", "market": "nowhere""#,
            r#""name": "A", "customers": [{"name": "C", "active_users": {"yammer": -1}}]"#,
            r#""name": "A", "customers": [{"association": "none"}]"#,
            r#""customers": []"#,
        ]
        .iter()
        .map(|body| format!("{{{top}, {body}}}"))
        .collect();
        cases.extend(
            [
                r#"{"format": "cpc-wizard/profile", "version": 2, "name": "A"}"#,
                r#"{"format": "cpc-wizard/profile", "version": 0, "name": "A"}"#,
                r#"{"format": "cpc-wizard/profile", "version": "1", "name": "A"}"#,
                r#"{"format": "cpc-wizard/profile", "name": "A"}"#,
                r#"{"format": "other", "version": 1, "name": "A"}"#,
                r#"{"format": "cpc-wizard/profile", "format": "cpc-wizard/profile", "version": 1, "name": "A"}"#,
                r#"{"version": 1, "name": "A"}"#,
                r#"{"format": "cpc-wizard/profile", "version": 1, "name": "A"} trailing"#,
                r#"{"format": "cpc-wizard/profile", "version": 1, "name": "A""#,
                CONTOSO,
            ]
            .map(String::from),
        );
        cases
    }

    #[test]
    fn one_pass_reads_what_two_passes_read() {
        for text in cases() {
            assert_eq!(from_json(&text), read_in_two_passes(&text), "{text}");
        }
    }

    proptest! {
        /// Every draft the program writes is read by the fast path, to what serde reads.
        #[test]
        fn the_fast_path_reads_every_draft_the_program_writes(
            profile in arbitrary::profile(),
        ) {
            let text = to_json(&profile);
            let serde = serde_json::from_str::<OnePass>(&text).ok().map(profile_of);
            prop_assert_eq!(&serde, &Some(Ok(profile.clone())));
            let fast = fast_read::read(&text).map(profile_of);
            prop_assert_eq!(fast, serde);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1024))]
        /// A draft changed: the fast path reads what serde's one pass reads, or leaves it to
        /// serde; it never reads a draft serde refuses. `from_json` reads it as ever.
        #[test]
        fn the_fast_path_reads_a_changed_draft_as_serde_or_not_at_all(
            profile in arbitrary::profile(),
            edit in arbitrary::edit(),
        ) {
            let Some(text) = arbitrary::edited(&to_json(&profile), &edit) else {
                return Ok(());
            };
            if let Some(fast) = fast_read::read(&text) {
                let serde = serde_json::from_str::<OnePass>(&text);
                prop_assert!(serde.is_ok(), "read what serde refuses: {:?}", serde.err());
                prop_assert_eq!(Some(profile_of(fast)), serde.ok().map(profile_of));
            }
            prop_assert_eq!(from_json(&text), read_in_two_passes(&text));
        }

        /// A byte of a valid draft changed or taken out: the same draft or the same error.
        #[test]
        fn one_pass_reads_what_two_passes_read_after_an_edit(
            at in 0usize..CONTOSO.len(),
            byte in any::<u8>(),
            remove in any::<bool>(),
        ) {
            let mut bytes = CONTOSO.as_bytes().to_vec();
            if remove {
                bytes.remove(at);
            } else {
                bytes[at] = byte;
            }
            if let Ok(text) = std::str::from_utf8(&bytes) {
                prop_assert_eq!(from_json(text), read_in_two_passes(text));
            }
        }
    }
}
