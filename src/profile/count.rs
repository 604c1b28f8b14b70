//! A count of active users: a whole number from 0 to 10,000,000 (SPEC.md §2.7).

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::error::Problem;

pub const MAX_COUNT: u32 = 10_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Count(u32);

impl Count {
    pub const ZERO: Count = Count(0);

    /// A count, or the problem with it when it is out of range.
    pub fn new(value: u64) -> Result<Count, Problem> {
        if value > u64::from(MAX_COUNT) {
            return Err(Problem::AboveLimit {
                value: value.to_string(),
            });
        }
        Ok(Count(value as u32))
    }

    pub fn get(self) -> u32 {
        self.0
    }

    /// Reads a count as a person types or a CSV cell holds it: digits only, with optional
    /// thousands separators and surrounding spaces; full-width forms (`１，２００`) read as
    /// ASCII. A problem quotes the text as written.
    pub(crate) fn parse(text: &str) -> Result<Count, Problem> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Ok(Count::ZERO);
        }
        let digits: String = crate::text::ascii_forms(trimmed)
            .chars()
            .filter(|c| *c != ',')
            .collect();
        if let Some(rest) = digits.strip_prefix('-')
            && !rest.is_empty()
            && rest.chars().all(|c| c.is_ascii_digit())
        {
            return Err(Problem::Negative {
                value: trimmed.to_string(),
            });
        }
        if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(Problem::NotWholeNumber {
                value: trimmed.to_string(),
            });
        }
        match digits.parse::<u64>() {
            Ok(n) => Count::new(n).map_err(|_| Problem::AboveLimit {
                value: trimmed.to_string(),
            }),
            // More digits than u64 holds: certainly above the limit.
            Err(_) => Err(Problem::AboveLimit {
                value: trimmed.to_string(),
            }),
        }
    }
}

impl From<Count> for u64 {
    fn from(c: Count) -> u64 {
        u64::from(c.0)
    }
}

impl Serialize for Count {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u32(self.0)
    }
}

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(CountVisitor)
    }
}

struct CountVisitor;

impl<'de> Visitor<'de> for CountVisitor {
    type Value = Count;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a whole number from 0 to 10,000,000")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Count, E> {
        Count::new(v).map_err(|p| p.into_serde())
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Count, E> {
        if v < 0 {
            return Err(Problem::Negative {
                value: v.to_string(),
            }
            .into_serde());
        }
        self.visit_u64(v as u64)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Count, E> {
        if v.fract() == 0.0 && v >= 0.0 && v <= f64::from(MAX_COUNT) {
            return Ok(Count(v as u32));
        }
        let value = v.to_string();
        Err(if v < 0.0 {
            Problem::Negative { value }
        } else if v.fract() == 0.0 {
            Problem::AboveLimit { value }
        } else {
            Problem::NotWholeNumber { value }
        }
        .into_serde())
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Count, E> {
        Err(Problem::WrongType {
            expected: "number".into(),
            found: format!("{v:?}"),
        }
        .into_serde())
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Count, E> {
        Err(Problem::WrongType {
            expected: "number".into(),
            found: v.to_string(),
        }
        .into_serde())
    }

    fn visit_unit<E: de::Error>(self) -> Result<Count, E> {
        Err(Problem::WrongType {
            expected: "number".into(),
            found: "null".into(),
        }
        .into_serde())
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> Result<Count, A::Error> {
        Err(Problem::WrongType {
            expected: "number".into(),
            found: "list".into(),
        }
        .into_serde())
    }

    fn visit_map<A: de::MapAccess<'de>>(self, _: A) -> Result<Count, A::Error> {
        Err(Problem::WrongType {
            expected: "number".into(),
            found: "object".into(),
        }
        .into_serde())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_accepts_digits_and_separators() {
        assert_eq!(Count::parse("1,200").map(Count::get), Ok(1200));
        assert_eq!(Count::parse(" 42 ").map(Count::get), Ok(42));
        assert_eq!(Count::parse("").map(Count::get), Ok(0));
        assert_eq!(Count::parse("10000000").map(Count::get), Ok(10_000_000));
        assert_eq!(Count::parse("１，２００").map(Count::get), Ok(1200));
    }

    #[test]
    fn parse_refuses_out_of_range_and_non_numbers() {
        assert!(matches!(
            Count::parse("10000001"),
            Err(Problem::AboveLimit { .. })
        ));
        assert!(matches!(
            Count::parse("99999999999999999999999"),
            Err(Problem::AboveLimit { .. })
        ));
        assert!(matches!(Count::parse("-3"), Err(Problem::Negative { .. })));
        // Full-width forms are refused as their ASCII forms are, quoted as written.
        assert_eq!(
            Count::parse("－３"),
            Err(Problem::Negative {
                value: "－３".into()
            })
        );
        assert_eq!(
            Count::parse("１．５"),
            Err(Problem::NotWholeNumber {
                value: "１．５".into()
            })
        );
        assert!(matches!(
            Count::parse("1.5"),
            Err(Problem::NotWholeNumber { .. })
        ));
        assert!(matches!(
            Count::parse("abc"),
            Err(Problem::NotWholeNumber { .. })
        ));
    }
}
