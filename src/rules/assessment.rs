//! The result of assessing a draft: every number the program shows, and where it came from.

use serde::Serialize;

use super::customer_result::CustomerResult;
use super::duplicates::CustomerIndex;
use super::readings::Tally;
use crate::profile::{Counting, Market, Workload};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Assessment {
    pub edition: String,
    /// The market the partner chose, if any.
    pub market: Option<Market>,
    /// The market whose thresholds were applied (developed when none was chosen).
    pub market_assessed: Market,
    /// The reading the totals and tiers follow (SPEC.md §2, decision 2).
    pub counting: Counting,
    /// Active entitlements under `counting`: the sum of the customers' counted values.
    pub active_entitlements: u64,
    pub qualified_people: u32,
    /// Lowest tier first, as in the rule set.
    pub tiers: Vec<TierResult>,
    /// The highest tier whose requirements are all met.
    pub highest_tier: Option<String>,
    /// Every reading's total and highest tier, in `Counting::ALL` order, the one used too.
    pub readings: Vec<ReadingResult>,
    /// The workload whose sum over counted customers is largest (first in the rule file on
    /// a tie; none when every sum is 0): what `best_workload` counts.
    pub best_workload: Option<Workload>,
    /// One per customer of the draft, in the same order.
    pub customers: Vec<CustomerResult>,
    /// One per person of the draft, in the same order.
    pub staff: Vec<PersonResult>,
    pub warnings: Vec<Warning>,
    /// Running sums for the three readings, so one customer's change moves them in O(1).
    #[serde(skip)]
    pub(crate) tally: Tally,
    /// Customers by name and tenant domain, so a rename finds its duplicates without a scan.
    #[serde(skip)]
    pub(crate) index: CustomerIndex,
}

/// One reading's result, shown beside the one in use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReadingResult {
    pub counting: Counting,
    pub active_entitlements: u64,
    pub highest_tier: Option<String>,
}

impl Assessment {
    /// Another customer than `except` with this name (ignoring case and surrounding
    /// spaces): the one that adding or renaming a row to `name` would repeat.
    /// `customers` is the draft's list this assessment was made from.
    pub(crate) fn customer_named(
        &self,
        customers: &[crate::profile::Customer],
        name: &str,
        except: Option<usize>,
    ) -> Option<usize> {
        self.index.named(customers, name, except)
    }

    pub fn tier(&self, id: &str) -> Option<&TierResult> {
        self.tiers.iter().find(|t| t.tier == id)
    }

    /// The lowest tier not yet met: the next goal.
    pub(crate) fn next_tier(&self) -> Option<&TierResult> {
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
    pub(crate) fn met(self) -> bool {
        self.have >= self.need
    }

    /// How many more are needed; 0 when met.
    pub(crate) fn missing(self) -> u64 {
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonResult {
    /// Completed a route and is not a repeat of an earlier person.
    pub qualifies: bool,
    /// The index of the earlier person this one repeats (same email, or same name where
    /// either has no email): then the person does not count.
    pub duplicate_of: Option<usize>,
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
    /// A customer repeats an earlier one (same name or tenant domain): counted once.
    /// Indexes are positions in the draft's list, from 0.
    DuplicateCustomer {
        index: usize,
        name: String,
        first_index: usize,
        first: String,
    },
    /// A person repeats an earlier one (same email, or same name): counted once.
    DuplicatePerson {
        index: usize,
        name: String,
        first_index: usize,
        first: String,
    },
}
