//! The draft file, format version 1 (SPEC.md §3): reading with field paths, writing.

use std::fmt;
use std::io;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};

use super::error::{ParseError, Problem};
use super::kept_fields::Header;
use super::{Association, Counting, Customer, DEFAULT_EDITION, EDITIONS, Market, Person, Profile};

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
    let header: Header = serde_json::from_str(text).map_err(|e| syntax_or_shape(&e))?;
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
        other: header.other,
    })
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

/// An edition id that one of the built-in rule files has; `null` reads as absent. The check
/// runs inside the visitor so that serde_json pins the error to the value's own line.
fn known_edition<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    struct EditionVisitor;
    impl<'de> Visitor<'de> for EditionVisitor {
        type Value = Option<String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an edition id")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            if EDITIONS.contains(&v) {
                return Ok(Some(v.to_string()));
            }
            Err(Problem::UnknownValue {
                value: v.to_string(),
                expected: EDITIONS.iter().map(|id| id.to_string()).collect(),
            }
            .into_serde())
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
    }
    d.deserialize_any(EditionVisitor)
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

/// `null` reads as absent: the default reading.
fn counting_or_default<'de, D: Deserializer<'de>>(d: D) -> Result<Counting, D::Error> {
    Ok(Option::<Counting>::deserialize(d)?.unwrap_or_default())
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
