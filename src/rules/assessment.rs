//! The result of assessing a draft: every number the program shows, and where it came from.

use serde::Serialize;

use crate::profile::{Market, Workload};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Assessment {
    pub edition: String,
    /// The market the partner chose, if any.
    pub market: Option<Market>,
    /// The market whose thresholds were applied (developed when none was chosen).
    pub market_assessed: Market,
    /// Sum of the counted values of all customers.
    pub active_entitlements: u64,
    pub qualified_people: u32,
    /// Lowest tier first, as in the rule set.
    pub tiers: Vec<TierResult>,
    /// The highest tier whose requirements are all met.
    pub highest_tier: Option<String>,
    /// One per customer of the draft, in the same order.
    pub customers: Vec<CustomerResult>,
    /// One per person of the draft, in the same order.
    pub staff: Vec<PersonResult>,
    pub warnings: Vec<Warning>,
}

impl Assessment {
    pub fn tier(&self, id: &str) -> Option<&TierResult> {
        self.tiers.iter().find(|t| t.tier == id)
    }

    /// The lowest tier not yet met: the next goal.
    pub fn next_tier(&self) -> Option<&TierResult> {
        self.tiers.iter().find(|t| !t.met)
    }

    pub fn excluded_count(&self) -> usize {
        self.customers
            .iter()
            .filter(|c| c.excluded.is_some())
            .count()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TierResult {
    pub tier: String,
    pub met: bool,
    pub entitlements: Requirement,
    pub people: Requirement,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Requirement {
    pub have: u64,
    pub need: u64,
}

impl Requirement {
    pub fn met(self) -> bool {
        self.have >= self.need
    }

    /// How many more are needed; 0 when met.
    pub fn missing(self) -> u64 {
        self.need.saturating_sub(self.have)
    }

    /// Progress in whole percent, capped at 100.
    pub fn percent(self) -> u8 {
        if self.need == 0 || self.have >= self.need {
            return 100;
        }
        // Floor, so that 99.9% never shows as 100% while the requirement is unmet.
        (self.have.saturating_mul(100) / self.need).min(99) as u8
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CustomerResult {
    /// Active users this customer contributes: its highest workload, or 0 when excluded.
    pub counted: u64,
    /// The workload with the highest active users (the one that sets `counted`).
    pub top_workload: Option<Workload>,
    pub excluded: Option<Exclusion>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Exclusion {
    Trial,
    NoAssociation,
    AssociationNotCounted,
}

impl Exclusion {
    pub fn id(self) -> &'static str {
        match self {
            Exclusion::Trial => "trial",
            Exclusion::NoAssociation => "no_association",
            Exclusion::AssociationNotCounted => "association_not_counted",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonResult {
    pub qualifies: bool,
    /// The first route the person completed.
    pub route: Option<String>,
    /// Per route, what the person still lacks (empty for a completed route).
    pub progress: Vec<RouteProgress>,
    /// Exam and certification ids that no route asks for: kept and shown, never counted.
    pub unknown_ids: Vec<String>,
}

impl PersonResult {
    /// The route with the fewest items missing: what the person is closest to.
    pub fn closest(&self) -> Option<&RouteProgress> {
        self.progress.iter().min_by_key(|p| p.missing.len())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RouteProgress {
    pub route: String,
    pub missing: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "id", rename_all = "snake_case")]
pub enum Warning {
    /// No market chosen: the developed (higher) thresholds were applied.
    NoMarket,
    /// Two people share a name: probably one person entered twice.
    DuplicatePerson { name: String },
}
