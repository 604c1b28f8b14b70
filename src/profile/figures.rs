//! Per-workload figures a usage report adds to a customer (SPEC.md §3, §8): users licensed
//! and not deleted, and users still active 7 days after the report date. Any subset of the
//! five workloads; a missing one is unknown, not 0.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};

use super::error::Problem;
use super::{Count, Workload};

/// Costs one pointer when empty: drafts hold two per customer, most of them typed by hand.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WorkloadFigures(Option<Box<[Option<Count>; 5]>>);

impl WorkloadFigures {
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_none()
    }

    pub fn get(&self, workload: Workload) -> Option<Count> {
        self.0.as_ref().and_then(|f| f[index(workload)])
    }

    /// Sets or (with `None`) forgets one workload's figure.
    pub fn set(&mut self, workload: Workload, value: Option<Count>) {
        match (&mut self.0, value) {
            (None, None) => {}
            (None, Some(v)) => {
                let mut figures = [None; 5];
                figures[index(workload)] = Some(v);
                self.0 = Some(Box::new(figures));
            }
            (Some(figures), value) => {
                figures[index(workload)] = value;
                if figures.iter().all(Option::is_none) {
                    self.0 = None;
                }
            }
        }
    }
}

fn index(workload: Workload) -> usize {
    Workload::ALL
        .iter()
        .position(|w| *w == workload)
        .unwrap_or_default()
}

impl Serialize for WorkloadFigures {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let present: Vec<(Workload, Count)> = Workload::ALL
            .into_iter()
            .filter_map(|w| self.get(w).map(|c| (w, c)))
            .collect();
        let mut map = s.serialize_map(Some(present.len()))?;
        for (workload, count) in present {
            map.serialize_entry(workload.id(), &count)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for WorkloadFigures {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct FiguresVisitor;
        impl<'de> Visitor<'de> for FiguresVisitor {
            type Value = WorkloadFigures;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<WorkloadFigures, A::Error> {
                let mut figures = WorkloadFigures::default();
                while let Some(key) = map.next_key::<String>()? {
                    let Some(workload) = Workload::from_id(&key) else {
                        return Err(Problem::UnknownField {
                            field: key,
                            expected: Workload::ALL.iter().map(|w| w.id().to_string()).collect(),
                        }
                        .into_serde());
                    };
                    if figures.get(workload).is_some() {
                        return Err(de::Error::duplicate_field(workload.id()));
                    }
                    figures.set(workload, Some(map.next_value()?));
                }
                Ok(figures)
            }
        }
        d.deserialize_map(FiguresVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_workloads_known_are_written_and_read() {
        let mut figures = WorkloadFigures::default();
        assert!(figures.is_empty());
        figures.set(Workload::Yammer, Some(Count::new(7).unwrap()));
        figures.set(Workload::ExchangeOnline, Some(Count::ZERO));
        let json = serde_json::to_string(&figures).unwrap();
        assert_eq!(json, r#"{"exchange_online":0,"yammer":7}"#);
        assert_eq!(
            serde_json::from_str::<WorkloadFigures>(&json).unwrap(),
            figures
        );
        figures.set(Workload::Yammer, None);
        figures.set(Workload::ExchangeOnline, None);
        assert!(figures.is_empty());
    }

    #[test]
    fn an_unknown_workload_or_a_bad_count_is_refused() {
        assert!(serde_json::from_str::<WorkloadFigures>(r#"{"teams":3}"#).is_err());
        assert!(serde_json::from_str::<WorkloadFigures>(r#"{"yammer":10000001}"#).is_err());
    }
}
