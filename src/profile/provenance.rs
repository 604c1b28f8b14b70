//! Where a customer's or a person's numbers came from (SPEC.md §3): typed by hand, read from
//! our CSV, or from one of Microsoft's reports, with the file and the report's date.

use std::fmt;

use chrono::NaiveDate;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::error::Problem;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// Typed in the wizard (or a number edited there after an import).
    Typed,
    /// Our own customers or staff CSV.
    Csv,
    /// Microsoft's active user detail or activations report (customers).
    UsageReport,
    /// Partner Center's training report (people).
    Training,
}

impl SourceKind {
    pub const ALL: [SourceKind; 4] = [
        SourceKind::Typed,
        SourceKind::Csv,
        SourceKind::UsageReport,
        SourceKind::Training,
    ];

    pub(crate) fn id(self) -> &'static str {
        match self {
            SourceKind::Typed => "typed",
            SourceKind::Csv => "csv",
            SourceKind::UsageReport => "usage_report",
            SourceKind::Training => "training",
        }
    }

    pub(crate) fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.id() == id)
    }
}

/// The source of a row's numbers: the file that last set them and, for a report, its date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub kind: SourceKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report_date: Option<ReportDate>,
}

impl Source {
    pub(crate) fn typed() -> Self {
        Source {
            kind: SourceKind::Typed,
            file: None,
            report_date: None,
        }
    }
}

/// A report's date, written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ReportDate(pub NaiveDate);

impl ReportDate {
    pub fn parse(text: &str) -> Option<ReportDate> {
        NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
            .ok()
            .map(ReportDate)
    }
}

impl fmt::Display for ReportDate {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl Serialize for ReportDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ReportDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct DateVisitor;
        impl<'de> Visitor<'de> for DateVisitor {
            type Value = ReportDate;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date YYYY-MM-DD")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ReportDate, E> {
                ReportDate::parse(v).ok_or_else(|| {
                    Problem::UnknownValue {
                        value: v.to_string(),
                        expected: vec!["YYYY-MM-DD".to_string()],
                    }
                    .into_serde()
                })
            }
        }
        d.deserialize_str(DateVisitor)
    }
}

impl<'de> Deserialize<'de> for SourceKind {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        super::format::deserialize_id(d, SOURCE_KIND_IDS, SourceKind::from_id)
    }
}

const SOURCE_KIND_IDS: &[&str] = &["typed", "csv", "usage_report", "training"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_reads_back_as_written() {
        let source = Source {
            kind: SourceKind::UsageReport,
            file: Some("contoso.csv".into()),
            report_date: ReportDate::parse("2017-06-30"),
        };
        let json = serde_json::to_string(&source).unwrap();
        assert_eq!(
            json,
            r#"{"kind":"usage_report","file":"contoso.csv","report_date":"2017-06-30"}"#
        );
        assert_eq!(serde_json::from_str::<Source>(&json).unwrap(), source);
    }

    #[test]
    fn a_bad_date_or_kind_is_refused() {
        assert!(
            serde_json::from_str::<Source>(r#"{"kind":"typed","report_date":"2017-13-01"}"#)
                .is_err()
        );
        assert!(serde_json::from_str::<Source>(r#"{"kind":"guessed"}"#).is_err());
        for kind in SourceKind::ALL {
            assert_eq!(
                SOURCE_KIND_IDS
                    .iter()
                    .filter(|id| **id == kind.id())
                    .count(),
                1
            );
        }
    }
}
