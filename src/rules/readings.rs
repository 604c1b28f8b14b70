//! The three readings of how workloads combine toward the thresholds (SPEC.md §2, decision
//! 2), kept as running sums so that one customer's change moves every reading in O(1).

use super::RuleSet;
use super::customer_result::{CustomerResult, workload_slot};
use crate::profile::{Counting, Workload};

/// Sums over the counted (not excluded) customers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Tally {
    /// Σ of each customer's highest workload: `largest_workload`.
    largest: u64,
    /// Σ of each customer's workloads: `sum_of_workloads`.
    sum: u64,
    /// Per workload, Σ over customers: `best_workload` takes the largest.
    per_workload: [u64; 5],
}

impl Tally {
    pub(crate) fn of<'a>(results: impl IntoIterator<Item = &'a CustomerResult>) -> Tally {
        let mut tally = Tally::default();
        for r in results {
            tally.add(r);
        }
        tally
    }

    pub(crate) fn add(&mut self, r: &CustomerResult) {
        if r.excluded.is_some() {
            return;
        }
        self.largest = self.largest.saturating_add(r.largest());
        self.sum = self.sum.saturating_add(r.sum());
        for (total, n) in self.per_workload.iter_mut().zip(r.workloads) {
            *total = total.saturating_add(u64::from(n));
        }
    }

    /// Undoes `add` of the same result.
    pub(crate) fn remove(&mut self, r: &CustomerResult) {
        if r.excluded.is_some() {
            return;
        }
        self.largest = self.largest.saturating_sub(r.largest());
        self.sum = self.sum.saturating_sub(r.sum());
        for (total, n) in self.per_workload.iter_mut().zip(r.workloads) {
            *total = total.saturating_sub(u64::from(n));
        }
    }

    /// The workload with the largest sum; on a tie the first in the rule file; none when
    /// every sum is 0.
    pub(crate) fn best_workload(&self, rules: &RuleSet) -> Option<Workload> {
        rules
            .workloads
            .iter()
            .map(|&w| (w, self.per_workload[workload_slot(w)]))
            .filter(|&(_, n)| n > 0)
            .fold(None, |best: Option<(Workload, u64)>, (w, n)| match best {
                Some((_, b)) if b >= n => best,
                _ => Some((w, n)),
            })
            .map(|(w, _)| w)
    }

    pub(crate) fn total(&self, counting: Counting, rules: &RuleSet) -> u64 {
        match counting {
            Counting::LargestWorkload => self.largest,
            Counting::SumOfWorkloads => self.sum,
            Counting::BestWorkload => self
                .best_workload(rules)
                .map_or(0, |w| self.per_workload[workload_slot(w)]),
        }
    }
}
