//! `evaluate`: the assessment of a draft under one rule set and its reading. Pure; one pass
//! over the draft.

use super::assessment::{
    Assessment, PersonResult, ReadingResult, Requirement, RouteProgress, TierResult, Warning,
};
use super::customer_result::{CustomerResult, Exclusion, workload_slot};
use super::duplicates::{CustomerIndex, people_firsts};
use super::readings::Tally;
use super::{RuleSet, same_id};
use crate::profile::{Association, Counting, Customer, Market, Person, Profile};

pub fn evaluate(profile: &Profile, rules: &RuleSet) -> Assessment {
    let mut warnings = Vec::new();
    let market_assessed = profile.market.unwrap_or_else(|| {
        warnings.push(Warning::NoMarket);
        Market::Developed
    });

    let (index, firsts) = CustomerIndex::build(&profile.customers);
    let mut customers: Vec<CustomerResult> = profile
        .customers
        .iter()
        .zip(firsts)
        .map(|(c, first)| assess_customer(c, rules, first))
        .collect();
    let tally = Tally::of(&customers);
    let best_workload = tally.best_workload(rules);
    for r in &mut customers {
        r.counted = r.counted_under(profile.counting, best_workload);
    }
    warnings.extend(customer_duplicate_warnings(
        &profile.customers,
        &customers,
        index.repeated(),
    ));

    let (staff, person_warnings) = assess_staff(&profile.staff, rules);
    let qualified_people = staff.iter().filter(|p| p.qualifies).count() as u32;
    warnings.extend(person_warnings);

    let mut a = Assessment {
        edition: rules.edition.clone(),
        market: profile.market,
        market_assessed,
        counting: profile.counting,
        active_entitlements: tally.total(profile.counting, rules),
        qualified_people,
        tiers: Vec::new(),
        highest_tier: None,
        readings: Vec::new(),
        best_workload,
        customers,
        staff,
        warnings,
        tally,
        index,
    };
    a.refresh_tiers(rules);
    a
}

/// Every person assessed, repeats marked and not qualifying, with one warning per repeat.
/// Shared by `evaluate` and `Assessment::update_person`.
pub(super) fn assess_staff(staff: &[Person], rules: &RuleSet) -> (Vec<PersonResult>, Vec<Warning>) {
    let firsts = people_firsts(staff);
    let mut warnings = Vec::new();
    let results = staff
        .iter()
        .zip(&firsts)
        .enumerate()
        .map(|(i, (person, &first))| {
            let mut r = assess_person(person, rules);
            if let Some(first) = first {
                r.duplicate_of = Some(first);
                r.qualifies = false;
                warnings.push(Warning::DuplicatePerson {
                    index: i,
                    name: person.name.trim().to_string(),
                    first_index: first,
                    first: staff.get(first).map_or("", |p| p.name.trim()).to_string(),
                });
            }
            r
        })
        .collect();
    (results, warnings)
}

/// One warning per repeated customer among `rows`, in row order.
pub(super) fn customer_duplicate_warnings(
    customers: &[Customer],
    results: &[CustomerResult],
    rows: impl IntoIterator<Item = usize>,
) -> Vec<Warning> {
    let name = |i: usize| customers.get(i).map_or("", |c| c.name.trim()).to_string();
    rows.into_iter()
        .filter_map(|i| {
            let first = results.get(i)?.duplicate_of?;
            Some(Warning::DuplicateCustomer {
                index: i,
                name: name(i),
                first_index: first,
                first: name(first),
            })
        })
        .collect()
}

impl Assessment {
    /// Tiers, highest tier and every reading's result from the tally and qualified count.
    /// Shared by `evaluate` and the incremental updates, so both compute them alike.
    pub(super) fn refresh_tiers(&mut self, rules: &RuleSet) {
        self.active_entitlements = self.tally.total(self.counting, rules);
        self.tiers = tier_results(
            rules,
            self.market_assessed,
            self.active_entitlements,
            self.qualified_people,
        );
        self.highest_tier = highest_tier(&self.tiers);
        self.readings = Counting::ALL
            .into_iter()
            .map(|counting| {
                let total = self.tally.total(counting, rules);
                // The reading in use has its tiers already; the others need only the
                // highest tier their total reaches.
                let highest_tier = if counting == self.counting {
                    self.highest_tier.clone()
                } else {
                    rules
                        .tiers
                        .iter()
                        .rev()
                        .find(|t| {
                            total >= t.entitlements_needed(self.market_assessed)
                                && self.qualified_people >= t.people
                        })
                        .map(|t| t.id.clone())
                };
                ReadingResult {
                    counting,
                    active_entitlements: total,
                    highest_tier,
                }
            })
            .collect();
    }
}

/// Each tier's requirements against the totals, lowest tier first. Shared by `evaluate` and
/// the incremental updates (`Assessment::update_customer`), so both compute tiers alike.
pub(super) fn tier_results(
    rules: &RuleSet,
    market_assessed: Market,
    active_entitlements: u64,
    qualified_people: u32,
) -> Vec<TierResult> {
    rules
        .tiers
        .iter()
        .map(|tier| {
            let entitlements = Requirement {
                have: active_entitlements,
                need: tier.entitlements_needed(market_assessed),
            };
            let people = Requirement {
                have: u64::from(qualified_people),
                need: u64::from(tier.people),
            };
            TierResult {
                tier: tier.id.clone(),
                met: entitlements.met() && people.met(),
                entitlements,
                people,
            }
        })
        .collect()
}

/// The highest tier whose requirements are all met.
pub(super) fn highest_tier(tiers: &[TierResult]) -> Option<String> {
    tiers.iter().rev().find(|t| t.met).map(|t| t.tier.clone())
}

/// One customer on its own: its workloads, its highest one, and whether it is excluded
/// (`duplicate_of`: the earlier customer it repeats). `counted` is its highest workload
/// here; the caller sets it for the reading in use once the partner-wide sums are known.
pub(super) fn assess_customer(
    customer: &Customer,
    rules: &RuleSet,
    duplicate_of: Option<usize>,
) -> CustomerResult {
    let mut workloads = [0u32; 5];
    for &w in &rules.workloads {
        workloads[workload_slot(w)] = customer.active_users.get(w).get();
    }
    let top = rules
        .workloads
        .iter()
        .map(|&w| (w, u64::from(workloads[workload_slot(w)])))
        .filter(|&(_, n)| n > 0)
        // On a tie the first workload in the rule file wins, so the choice is stable.
        .fold(None, |best: Option<(_, u64)>, (w, n)| match best {
            Some((_, b)) if b >= n => best,
            _ => Some((w, n)),
        });
    // A repeat is named as such first: it is the same tenant, whatever else it says.
    let excluded = if duplicate_of.is_some() {
        Some(Exclusion::Duplicate)
    } else if customer.trial {
        Some(Exclusion::Trial)
    } else if customer.association == Association::None {
        Some(Exclusion::NoAssociation)
    } else if !rules.counts_association(customer.association) {
        Some(Exclusion::AssociationNotCounted)
    } else {
        None
    };
    CustomerResult {
        counted: if excluded.is_some() {
            0
        } else {
            top.map_or(0, |(_, n)| n)
        },
        top_workload: top.map(|(w, _)| w),
        excluded,
        duplicate_of,
        workloads,
    }
}

pub(crate) fn assess_person(person: &Person, rules: &RuleSet) -> PersonResult {
    let has = |list: &[String], id: &str| list.iter().any(|x| same_id(x, id));
    let progress: Vec<RouteProgress> = rules
        .routes
        .iter()
        .map(|route| RouteProgress {
            route: route.id.clone(),
            missing: route
                .exams
                .iter()
                .filter(|e| !has(&person.exams, e))
                .chain(
                    route
                        .certifications
                        .iter()
                        .filter(|c| !has(&person.certifications, c)),
                )
                .cloned()
                .collect(),
        })
        .collect();
    let route = progress
        .iter()
        .find(|p| p.missing.is_empty())
        .map(|p| p.route.clone());
    let unknown_ids = person
        .exams
        .iter()
        .filter(|e| !rules.knows_exam(e))
        .chain(
            person
                .certifications
                .iter()
                .filter(|c| !rules.knows_certification(c)),
        )
        .cloned()
        .collect();
    PersonResult {
        qualifies: route.is_some(),
        duplicate_of: None,
        route,
        progress,
        unknown_ids,
    }
}
