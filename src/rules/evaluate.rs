//! `evaluate`: the assessment of a draft under one rule set. Pure; one pass over the draft.

use std::collections::HashSet;

use super::assessment::{
    Assessment, CustomerResult, Exclusion, PersonResult, Requirement, RouteProgress, TierResult,
    Warning,
};
use super::{RuleSet, same_id};
use crate::profile::{Association, Customer, Market, Person, Profile};

pub fn evaluate(profile: &Profile, rules: &RuleSet) -> Assessment {
    let mut warnings = Vec::new();
    let market_assessed = profile.market.unwrap_or_else(|| {
        warnings.push(Warning::NoMarket);
        Market::Developed
    });

    let customers: Vec<CustomerResult> = profile
        .customers
        .iter()
        .map(|c| assess_customer(c, rules))
        .collect();
    let active_entitlements = customers.iter().map(|c| c.counted).sum();

    let staff: Vec<PersonResult> = profile
        .staff
        .iter()
        .map(|p| assess_person(p, rules))
        .collect();
    let qualified_people = staff.iter().filter(|p| p.qualifies).count() as u32;
    warn_duplicate_people(&profile.staff, &mut warnings);

    let tiers = tier_results(
        rules,
        market_assessed,
        active_entitlements,
        qualified_people,
    );
    let highest_tier = highest_tier(&tiers);

    Assessment {
        edition: rules.edition.clone(),
        market: profile.market,
        market_assessed,
        active_entitlements,
        qualified_people,
        tiers,
        highest_tier,
        customers,
        staff,
        warnings,
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

/// A tenant counts its highest workload, never the sum: one person active in three workloads
/// is one active user (SPEC.md §2.2).
pub fn assess_customer(customer: &Customer, rules: &RuleSet) -> CustomerResult {
    let top = rules
        .workloads
        .iter()
        .map(|&w| (w, u64::from(customer.active_users.get(w))))
        .filter(|&(_, n)| n > 0)
        // On a tie the first workload in the rule file wins, so the choice is stable.
        .fold(None, |best: Option<(_, u64)>, (w, n)| match best {
            Some((_, b)) if b >= n => best,
            _ => Some((w, n)),
        });
    let excluded = if customer.trial {
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
    }
}

pub fn assess_person(person: &Person, rules: &RuleSet) -> PersonResult {
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
        route,
        progress,
        unknown_ids,
    }
}

/// Hash sets keep this linear: a list lookup per person made a 10,000-person draft take
/// 70 ms instead of about 3.
pub(super) fn warn_duplicate_people(staff: &[Person], warnings: &mut Vec<Warning>) {
    let mut seen: HashSet<String> = HashSet::with_capacity(staff.len());
    let mut warned: HashSet<String> = HashSet::new();
    for person in staff {
        let key = person.name.trim().to_lowercase();
        if key.is_empty() {
            continue;
        }
        if seen.contains(&key) {
            if warned.insert(key) {
                warnings.push(Warning::DuplicatePerson {
                    name: person.name.trim().to_string(),
                });
            }
        } else {
            seen.insert(key);
        }
    }
}
