//! The sentences an assessment is explained with, shared by the reports and the wizard.

use crate::i18n::{Locale, thousands};
use crate::profile::{Association, Counting, Customer, Market, Person, Workload};
use crate::rules::{Assessment, Exclusion, PersonResult, RuleSet, TierResult, Warning};

pub(crate) fn tier_name(loc: &Locale, tier: &str) -> String {
    loc.t(&format!("tier.{tier}")).to_string()
}

pub(crate) fn market_name(loc: &Locale, market: Option<Market>) -> &str {
    match market {
        Some(Market::Developed) => loc.t("market.developed"),
        Some(Market::Developing) => loc.t("market.developing"),
        None => loc.t("market.none"),
    }
}

pub(crate) fn workload_name(loc: &Locale, workload: Workload) -> &str {
    loc.t(match workload {
        Workload::ExchangeOnline => "workload.exchange_online",
        Workload::SharepointOnline => "workload.sharepoint_online",
        Workload::SkypeForBusiness => "workload.skype_for_business",
        Workload::Yammer => "workload.yammer",
        Workload::Proplus => "workload.proplus",
    })
}

pub(crate) fn association_name(loc: &Locale, association: Association) -> &str {
    loc.t(match association {
        Association::DelegatedAdmin => "association.delegated_admin",
        Association::TransactingPartner => "association.transacting_partner",
        Association::DigitalPartnerOfRecord => "association.digital_partner_of_record",
        Association::FastTrackPartner => "association.fast_track_partner",
        Association::None => "association.none",
    })
}

pub(crate) fn exclusion_reason(loc: &Locale, exclusion: Exclusion) -> &str {
    loc.t(match exclusion {
        Exclusion::Duplicate => "counted_once.exclusion",
        Exclusion::Trial => "exclusion.trial",
        Exclusion::NoAssociation => "exclusion.no_association",
        Exclusion::AssociationNotCounted => "exclusion.association_not_counted",
    })
}

pub(crate) fn edition_name(loc: &Locale, edition: &str) -> String {
    loc.f(&format!("edition.{edition}"), &[])
}

/// An exam or certification id as people know it ("MCSA: Office 365" for its id).
pub(crate) fn item_name(loc: &Locale, id: &str) -> String {
    let key = format!("item.{}", id.trim().to_ascii_lowercase());
    match loc.t(&key) {
        found if found != key => found.to_string(),
        _ => id.trim().to_string(),
    }
}

pub(crate) fn route_name(loc: &Locale, route: &str) -> String {
    loc.t(&format!("route.{route}")).to_string()
}

/// Why the customer at `row` counts what it counts under the reading in use: its exclusion
/// (naming the earlier entry it repeats), or what sets its value.
pub(crate) fn customer_note(
    loc: &Locale,
    assessment: &Assessment,
    customers: &[Customer],
    row: usize,
) -> String {
    let Some(result) = assessment.customers.get(row) else {
        return String::new();
    };
    if let Some(first) = result.duplicate_of {
        return loc.f(
            "counted_once.customer_note",
            &[
                (
                    "first",
                    &first_name(customers.get(first).map(|c| c.name.as_str())),
                ),
                ("row", &(first + 1)),
            ],
        );
    }
    if let Some(reason) = result.excluded {
        return loc.f(
            "report.excluded_because",
            &[("reason", &exclusion_reason(loc, reason))],
        );
    }
    match (assessment.counting, result.top_workload) {
        (_, None) => loc.t("report.no_active_users").to_string(),
        (Counting::LargestWorkload, Some(w)) => loc.f(
            "report.top_workload",
            &[("workload", &workload_name(loc, w))],
        ),
        (Counting::SumOfWorkloads, Some(_)) => loc.t("readings.note_sum").to_string(),
        (Counting::BestWorkload, Some(_)) => match assessment.best_workload {
            Some(w) => loc.f(
                "readings.note_best",
                &[("workload", &workload_name(loc, w))],
            ),
            None => loc.t("report.no_active_users").to_string(),
        },
    }
}

/// An entry's name as a warning or note quotes it: trimmed, control characters made visible.
fn first_name(name: Option<&str>) -> String {
    crate::text::visible(name.unwrap_or("").trim()).into_owned()
}

/// "met", or how many of each requirement are still missing for this tier.
pub(crate) fn tier_status(loc: &Locale, tier: &TierResult) -> String {
    if tier.met {
        loc.t("report.met").to_string()
    } else {
        loc.t("report.not_met").to_string()
    }
}

/// "1,240 more active users and 1 more qualified person for Gold", or None when met.
pub(crate) fn gap(loc: &Locale, tier: &TierResult) -> Option<String> {
    if tier.met {
        return None;
    }
    let mut parts = Vec::new();
    let users = tier.entitlements.missing();
    if users > 0 {
        parts.push(loc.plural("gap.users", users, &[]));
    }
    let people = tier.people.missing();
    if people > 0 {
        parts.push(loc.plural("gap.people", people, &[]));
    }
    let parts = parts.join(loc.t("gap.and"));
    Some(loc.f(
        "gap.for_tier",
        &[("parts", &parts), ("tier", &tier_name(loc, &tier.tier))],
    ))
}

/// One sentence on where the partner stands overall.
pub(crate) fn verdict(loc: &Locale, assessment: &Assessment) -> String {
    match &assessment.highest_tier {
        Some(tier) => loc.f("report.verdict_tier", &[("tier", &tier_name(loc, tier))]),
        None => loc.t("report.verdict_none").to_string(),
    }
}

/// "qualifies (MCSA: Office 365)", "missing 70-347", "needs 70-346 + 70-347 or MCSA: …".
pub(crate) fn person_status(loc: &Locale, rules: &RuleSet, person: &PersonResult) -> String {
    if let Some(route) = &person.route {
        return loc.f("person.qualifies", &[("route", &route_name(loc, route))]);
    }
    let started = person.progress.iter().filter(|p| {
        rules
            .routes
            .iter()
            .find(|r| r.id == p.route)
            .is_some_and(|r| p.missing.len() < r.exams.len() + r.certifications.len())
    });
    let closest = started.min_by_key(|p| p.missing.len());
    match closest {
        Some(progress) => {
            let items: Vec<String> = progress.missing.iter().map(|i| item_name(loc, i)).collect();
            loc.f(
                "person.missing",
                &[("items", &crate::messages::list(loc, &items))],
            )
        }
        None => {
            let routes: Vec<String> = rules
                .routes
                .iter()
                .map(|r| route_name(loc, &r.id))
                .collect();
            loc.f(
                "person.needs",
                &[("routes", &routes.join(loc.t("person.or")))],
            )
        }
    }
}

/// "not counted: 70-999" for ids no route asks for.
pub fn unknown_ids(loc: &Locale, person: &PersonResult) -> Option<String> {
    (!person.unknown_ids.is_empty()).then(|| {
        loc.f(
            "person.unknown_ids",
            &[("ids", &crate::messages::list(loc, &person.unknown_ids))],
        )
    })
}

pub(crate) fn have_need(have: u64, need: u64) -> String {
    format!("{} / {}", thousands(have), thousands(need))
}

pub(crate) fn warning(loc: &Locale, warning: &Warning) -> String {
    match warning {
        Warning::NoMarket => loc.t("warning.no_market").to_string(),
        Warning::DuplicateCustomer {
            index,
            name,
            first_index,
            first,
        } => loc.f(
            "counted_once.warning_customer",
            &[
                ("name", name),
                ("row", &(index + 1)),
                ("first", first),
                ("first_row", &(first_index + 1)),
            ],
        ),
        Warning::DuplicatePerson {
            index,
            name,
            first_index,
            first,
        } => loc.f(
            "counted_once.warning_person",
            &[
                ("name", name),
                ("row", &(index + 1)),
                ("first", first),
                ("first_row", &(first_index + 1)),
            ],
        ),
    }
}

/// A person's status, or, for a repeat of an earlier person, that it is counted once.
pub(crate) fn person_line(
    loc: &Locale,
    rules: &RuleSet,
    staff: &[Person],
    person: &PersonResult,
) -> String {
    match person.duplicate_of {
        Some(first) => loc.f(
            "counted_once.person_status",
            &[
                (
                    "first",
                    &first_name(staff.get(first).map(|p| p.name.as_str())),
                ),
                ("row", &(first + 1)),
            ],
        ),
        None => person_status(loc, rules, person),
    }
}
