//! The outlook (SPEC.md §8): what each tier hangs on, what the total will be 7 days after
//! the report date if nobody is active again, and where adoption work would raise it.
//! Pure: computed from the draft, its rule set and its assessment, in O(n·5) plus a sort.

use std::cmp::Reverse;

use serde::Serialize;

use super::RuleSet;
use super::assessment::Assessment;
use super::customer_result::{CustomerResult, workload_slot};
use crate::profile::{Counting, Customer, Profile, Workload};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outlook {
    /// Whether any customer carries figures from a usage report; without them the next
    /// week and the licensed users are unknown, not 0.
    pub has_report_data: bool,
    /// Active entitlements 7 days after the report date under the reading in use; none
    /// without report data.
    pub total_in_7_days: Option<u64>,
    /// Lowest tier first, as in the assessment.
    pub tiers: Vec<TierOutlook>,
    /// Counted customers' workloads where licensed users exceed active ones, largest first
    /// (only the first ones when asked for a few, see `outlook_top`).
    pub inactive_licensed: Vec<InactiveLicensed>,
    /// The rows `outlook_top` left off: how many, and their licensed users not active.
    pub inactive_left_off: (usize, u64),
    /// The total under the reading in use were every licensed user of a counted customer
    /// active: how far adoption work alone could carry it. None without report data.
    pub total_if_licensed_active: Option<u64>,
    /// Indexes of people who passed one exam of a two-exam route and nothing else qualifies.
    pub one_exam_away: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TierOutlook {
    pub tier: String,
    /// Active entitlements had minus needed: negative when short.
    pub margin: i64,
    pub margin_in_7_days: Option<i64>,
    /// For a tier met: indexes of the customers without each of which it would not be.
    pub hangs_on: Vec<usize>,
    /// For a tier met: indexes of the people without each of which it would not be.
    pub people_hang_on: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct InactiveLicensed {
    /// The customer's index in the draft.
    pub customer: usize,
    pub workload: Workload,
    /// Licensed users not active.
    pub users: u64,
    /// What the total would gain under the reading in use were they all active.
    pub adds: u64,
}

impl Outlook {
    /// The tier's outlook by id.
    pub fn tier(&self, id: &str) -> Option<&TierOutlook> {
        self.tiers.iter().find(|t| t.tier == id)
    }
}

/// The whole outlook, every licensed-not-active row listed.
pub fn outlook(profile: &Profile, rules: &RuleSet, assessment: &Assessment) -> Outlook {
    outlook_top(profile, rules, assessment, usize::MAX)
}

/// The outlook with only the first `rows` licensed-not-active rows, the others counted in
/// `inactive_left_off`: what a screen or a report in words shows, without sorting every
/// workload of a large draft.
pub fn outlook_top(
    profile: &Profile,
    rules: &RuleSet,
    assessment: &Assessment,
    rows: usize,
) -> Outlook {
    let counted: Vec<(usize, &CustomerResult)> = assessment
        .customers
        .iter()
        .enumerate()
        .filter(|(_, r)| r.excluded.is_none())
        .collect();
    let has_report_data = profile
        .customers
        .iter()
        .any(|c| !c.active_users_in_7_days.is_empty() || !c.licensed_users.is_empty());
    let total = assessment.active_entitlements;
    let total_in_7_days = has_report_data.then(|| {
        let in_7_days = counted
            .iter()
            .map(|&(i, r)| in_7_days(profile.customers.get(i), r, rules));
        total_of(in_7_days, assessment.counting, rules)
    });
    let total_if_licensed_active = has_report_data.then(|| {
        let all_active = counted
            .iter()
            .map(|&(i, r)| with_licensed_active(profile.customers.get(i), r, rules));
        total_of(all_active, assessment.counting, rules)
    });
    let tiers = assessment
        .tiers
        .iter()
        .map(|t| {
            let need = t.entitlements.need;
            TierOutlook {
                tier: t.tier.clone(),
                margin: signed(total) - signed(need),
                margin_in_7_days: total_in_7_days.map(|n| signed(n) - signed(need)),
                hangs_on: if t.met {
                    customers_hanging(assessment, rules, &counted, need)
                } else {
                    Vec::new()
                },
                // Losing one qualified person leaves one fewer: it matters when none spare.
                people_hang_on: if t.met && u64::from(assessment.qualified_people) <= t.people.need
                {
                    (assessment.staff.iter().enumerate())
                        .filter(|(_, p)| p.qualifies)
                        .map(|(j, _)| j)
                        .collect()
                } else {
                    Vec::new()
                },
            }
        })
        .collect();
    let (inactive_licensed, inactive_left_off) =
        inactive_licensed(profile, rules, assessment, &counted, rows);
    Outlook {
        has_report_data,
        total_in_7_days,
        tiers,
        inactive_licensed,
        inactive_left_off,
        total_if_licensed_active,
        one_exam_away: one_exam_away(rules, assessment),
    }
}

fn signed(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Per-workload sums over the customers given, each customer's workloads as `[u64; 5]`.
fn workload_sums(rows: impl IntoIterator<Item = [u64; 5]>) -> [u64; 5] {
    let mut sums = [0u64; 5];
    for row in rows {
        for (s, n) in sums.iter_mut().zip(row) {
            *s = s.saturating_add(n);
        }
    }
    sums
}

/// The largest per-workload sum among the workloads the rules count: `best_workload`.
fn best_of(sums: &[u64; 5], rules: &RuleSet) -> u64 {
    rules
        .workloads
        .iter()
        .map(|&w| sums[workload_slot(w)])
        .max()
        .unwrap_or(0)
}

/// The partner's total under a reading, from counted customers' workloads.
fn total_of(rows: impl Iterator<Item = [u64; 5]>, counting: Counting, rules: &RuleSet) -> u64 {
    match counting {
        Counting::LargestWorkload => rows
            .map(|w| w.iter().copied().max().unwrap_or(0))
            .fold(0, u64::saturating_add),
        Counting::SumOfWorkloads => rows
            .map(|w| w.iter().copied().fold(0, u64::saturating_add))
            .fold(0, u64::saturating_add),
        Counting::BestWorkload => best_of(&workload_sums(rows), rules),
    }
}

/// A counted customer's workloads 7 days on: its `active_users_in_7_days` where known (never
/// more than today), ProPlus and unknown workloads unchanged (an activation does not expire).
fn in_7_days(customer: Option<&Customer>, result: &CustomerResult, rules: &RuleSet) -> [u64; 5] {
    let mut workloads = result.workloads.map(u64::from);
    let Some(customer) = customer else {
        return workloads;
    };
    for &w in &rules.workloads {
        if w == Workload::Proplus {
            continue;
        }
        if let Some(later) = customer.active_users_in_7_days.get(w) {
            let slot = &mut workloads[workload_slot(w)];
            *slot = (*slot).min(u64::from(later));
        }
    }
    workloads
}

/// A counted customer's workloads with every licensed user active.
fn with_licensed_active(
    customer: Option<&Customer>,
    result: &CustomerResult,
    rules: &RuleSet,
) -> [u64; 5] {
    let mut workloads = result.workloads.map(u64::from);
    if let Some(customer) = customer {
        for &w in &rules.workloads {
            if let Some(licensed) = customer.licensed_users.get(w) {
                let slot = &mut workloads[workload_slot(w)];
                *slot = (*slot).max(u64::from(licensed));
            }
        }
    }
    workloads
}

/// The counted customers without each of which (that row alone excluded) the total would
/// fall below `need`. Largest and sum: total − its value; best: the best of the five sums
/// less its workloads, as the winning workload may change.
fn customers_hanging(
    assessment: &Assessment,
    rules: &RuleSet,
    counted: &[(usize, &CustomerResult)],
    need: u64,
) -> Vec<usize> {
    let total = assessment.active_entitlements;
    let sums = workload_sums(counted.iter().map(|(_, r)| r.workloads.map(u64::from)));
    let total_without = |r: &CustomerResult| match assessment.counting {
        Counting::LargestWorkload => total.saturating_sub(r.largest()),
        Counting::SumOfWorkloads => total.saturating_sub(r.sum()),
        Counting::BestWorkload => {
            let mut less = sums;
            for (s, n) in less.iter_mut().zip(r.workloads) {
                *s = s.saturating_sub(u64::from(n));
            }
            best_of(&less, rules)
        }
    };
    counted
        .iter()
        .filter(|(_, r)| total_without(r) < need)
        .map(|&(i, _)| i)
        .collect()
}

/// Per counted customer and workload, licensed users beyond the active ones, largest first
/// (then by name, then in workload order), with what activating them would add; the first
/// `limit` of them, and how many were left off with their users.
fn inactive_licensed(
    profile: &Profile,
    rules: &RuleSet,
    assessment: &Assessment,
    counted: &[(usize, &CustomerResult)],
    limit: usize,
) -> (Vec<InactiveLicensed>, (usize, u64)) {
    let sums = workload_sums(counted.iter().map(|(_, r)| r.workloads.map(u64::from)));
    let best = best_of(&sums, rules);
    let mut rows = Vec::new();
    for &(i, r) in counted {
        let Some(customer) = profile.customers.get(i) else {
            continue;
        };
        if customer.licensed_users.is_empty() {
            continue;
        }
        for &w in &rules.workloads {
            let slot = workload_slot(w);
            let Some(licensed) = customer.licensed_users.get(w) else {
                continue;
            };
            let active = u64::from(r.workloads[slot]);
            let users = u64::from(licensed).saturating_sub(active);
            if users == 0 {
                continue;
            }
            let adds = match assessment.counting {
                Counting::LargestWorkload => {
                    let mut after = r.workloads.map(u64::from);
                    after[slot] = after[slot].saturating_add(users);
                    after.iter().max().copied().unwrap_or(0) - r.largest()
                }
                Counting::SumOfWorkloads => users,
                Counting::BestWorkload => {
                    let mut after = sums;
                    after[slot] = after[slot].saturating_add(users);
                    best_of(&after, rules).saturating_sub(best)
                }
            };
            rows.push(InactiveLicensed {
                customer: i,
                workload: w,
                users,
                adds,
            });
        }
    }
    let name = |i: usize| profile.customers.get(i).map_or("", |c| c.name.trim());
    let order = |a: &InactiveLicensed, b: &InactiveLicensed| {
        (
            Reverse(a.users),
            name(a.customer),
            workload_slot(a.workload),
        )
            .cmp(&(
                Reverse(b.users),
                name(b.customer),
                workload_slot(b.workload),
            ))
    };
    let mut left_off = (0, 0);
    if rows.len() > limit {
        // The first `limit` in order, without sorting the rest.
        rows.select_nth_unstable_by(limit, order);
        let rest = rows.split_off(limit);
        left_off = (
            rest.len(),
            rest.iter().map(|r| r.users).fold(0, u64::saturating_add),
        );
    }
    rows.sort_by(order);
    (rows, left_off)
}

/// People, not repeats, who miss one exam of a route made of two or more exams only: with
/// the other passed, one exam stands between them and qualifying.
fn one_exam_away(rules: &RuleSet, assessment: &Assessment) -> Vec<usize> {
    let exam_routes: Vec<&str> = rules
        .routes
        .iter()
        .filter(|r| r.exams.len() >= 2 && r.certifications.is_empty())
        .map(|r| r.id.as_str())
        .collect();
    assessment
        .staff
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.qualifies && p.duplicate_of.is_none())
        .filter(|(_, p)| {
            p.progress
                .iter()
                .any(|r| r.missing.len() == 1 && exam_routes.contains(&r.route.as_str()))
        })
        .map(|(j, _)| j)
        .collect()
}
