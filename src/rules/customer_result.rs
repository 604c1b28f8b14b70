//! One customer's result: its workloads as the rules count them, and why it may not count.
//! Below both the assessment and the running sums of the readings, which read it.

use serde::Serialize;

use crate::profile::{Counting, Workload};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CustomerResult {
    /// Active users this customer contributes under the reading in use, or 0 when excluded:
    /// its highest workload, the sum of its workloads, or its value on the best workload.
    pub counted: u64,
    /// The customer's own workload with the highest active users.
    pub top_workload: Option<Workload>,
    pub excluded: Option<Exclusion>,
    /// For `Exclusion::Duplicate`: the index of the earlier customer this one repeats.
    pub duplicate_of: Option<usize>,
    /// Active users per workload the rule set counts, in `Workload::ALL` order (0 for a
    /// workload the rules do not count), whether or not the customer is excluded.
    pub workloads: [u32; 5],
}

impl CustomerResult {
    /// The customer's highest workload.
    pub(crate) fn largest(&self) -> u64 {
        self.workloads.iter().copied().max().map_or(0, u64::from)
    }

    /// The sum of the customer's workloads.
    pub(crate) fn sum(&self) -> u64 {
        self.workloads.iter().copied().map(u64::from).sum()
    }

    pub(crate) fn on(&self, workload: Workload) -> u64 {
        u64::from(self.workloads[workload_slot(workload)])
    }

    /// What this customer adds under `counting`, `best` being the partner-wide best workload.
    pub(crate) fn counted_under(&self, counting: Counting, best: Option<Workload>) -> u64 {
        if self.excluded.is_some() {
            return 0;
        }
        match counting {
            Counting::LargestWorkload => self.largest(),
            Counting::SumOfWorkloads => self.sum(),
            Counting::BestWorkload => best.map_or(0, |w| self.on(w)),
        }
    }
}

/// A workload's place in `Workload::ALL` (and in `CustomerResult::workloads`).
pub(crate) fn workload_slot(workload: Workload) -> usize {
    match workload {
        Workload::ExchangeOnline => 0,
        Workload::SharepointOnline => 1,
        Workload::SkypeForBusiness => 2,
        Workload::Yammer => 3,
        Workload::Proplus => 4,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Exclusion {
    /// The same tenant as an earlier customer (name or tenant domain): counted once.
    Duplicate,
    Trial,
    NoAssociation,
    AssociationNotCounted,
}

impl Exclusion {
    pub fn id(self) -> &'static str {
        match self {
            Exclusion::Duplicate => "duplicate",
            Exclusion::Trial => "trial",
            Exclusion::NoAssociation => "no_association",
            Exclusion::AssociationNotCounted => "association_not_counted",
        }
    }
}
