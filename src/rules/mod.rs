//! The competency rules as data (`assets/rules/*.toml`) and the pure assessment of a draft.

mod assessment;
mod customer_result;
mod duplicates;
mod evaluate;
mod incremental;
mod outlook;
mod readings;

pub use assessment::{Assessment, Warning};
pub(crate) use assessment::{PersonResult, ReadingResult, Requirement, RouteProgress, TierResult};
pub use customer_result::Exclusion;
pub use duplicates::same_person;
pub use evaluate::evaluate;
pub(crate) use outlook::TierOutlook;
pub use outlook::{Outlook, outlook, outlook_top};

use std::sync::OnceLock;

use serde::Deserialize;

use crate::profile::{Association, Market, Workload};

// `RULE_SOURCES`: every edition (`assets/rules/*.toml`), oldest first, as JSON made by
// build.rs. A new edition is a new file there and nothing else.
include!(concat!(env!("OUT_DIR"), "/rules.rs"));

/// One edition of the Cloud Productivity competency rules.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSet {
    pub edition: String,
    pub workloads: Vec<Workload>,
    pub associations: Vec<Association>,
    /// Lowest tier first.
    pub tiers: Vec<Tier>,
    pub routes: Vec<Route>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    pub id: String,
    pub people: u32,
    pub entitlements: Thresholds,
}

/// Active entitlements a tier needs, per market.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    pub developed: u64,
    pub developing: u64,
}

impl Tier {
    pub fn entitlements_needed(&self, market: Market) -> u64 {
        match market {
            Market::Developed => self.entitlements.developed,
            Market::Developing => self.entitlements.developing,
        }
    }
}

/// One way for a person to qualify: every listed exam and certification.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    pub id: String,
    #[serde(default)]
    pub exams: Vec<String>,
    #[serde(default)]
    pub certifications: Vec<String>,
}

impl RuleSet {
    /// All editions, parsed once. The files are part of the binary and covered by tests, so
    /// a file that does not parse is a build defect, reported loudly.
    pub fn all() -> &'static [RuleSet] {
        static ALL: OnceLock<Vec<RuleSet>> = OnceLock::new();
        ALL.get_or_init(|| {
            RULE_SOURCES
                .iter()
                .map(|src| match serde_json::from_str::<RuleSet>(src) {
                    Ok(rules) => rules,
                    Err(e) => panic!("built-in rule file does not parse: {e}"),
                })
                .collect()
        })
    }

    pub fn by_edition(edition: &str) -> Option<&'static RuleSet> {
        Self::all().iter().find(|r| r.edition == edition)
    }

    /// The edition a draft without one is assessed under.
    pub fn default_edition() -> &'static RuleSet {
        Self::by_edition(crate::profile::DEFAULT_EDITION).unwrap_or(&Self::all()[0])
    }

    pub fn counts_association(&self, association: Association) -> bool {
        self.associations.contains(&association)
    }

    pub fn tier(&self, id: &str) -> Option<&Tier> {
        self.tiers.iter().find(|t| t.id == id)
    }

    /// Whether an exam or certification id is one that some route asks for.
    pub(crate) fn knows_exam(&self, id: &str) -> bool {
        self.routes
            .iter()
            .any(|r| r.exams.iter().any(|e| same_id(e, id)))
    }

    pub(crate) fn knows_certification(&self, id: &str) -> bool {
        self.routes
            .iter()
            .any(|r| r.certifications.iter().any(|c| same_id(c, id)))
    }
}

/// Ids are compared as people type them: case and surrounding spaces do not matter.
pub(crate) fn same_id(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A draft's edition is checked against the file names (`profile::EDITIONS`); each file
    /// must therefore carry the edition its name says, or a draft could name a set that
    /// `by_edition` does not find.
    #[test]
    fn each_rule_file_is_the_edition_its_name_says() {
        let editions: Vec<&str> = RuleSet::all().iter().map(|r| r.edition.as_str()).collect();
        assert_eq!(editions, crate::profile::EDITIONS);
        assert!(crate::profile::EDITIONS.contains(&crate::profile::DEFAULT_EDITION));
    }
}
