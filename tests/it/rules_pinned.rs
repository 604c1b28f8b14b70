//! Every value of both rule editions, pinned to SPEC.md §1 by hand. A change to
//! `assets/rules/*.toml` that is not also a change to the SPEC fails here.

use cpc_wizard::profile::{Association, Market, Workload};
use cpc_wizard::rules::{RuleSet, Tier};

const FILE_2017_06: &str = include_str!("../../assets/rules/2017-06.toml");
const FILE_2017_07: &str = include_str!("../../assets/rules/2017-07.toml");

fn edition(id: &str) -> &'static RuleSet {
    RuleSet::by_edition(id).unwrap_or_else(|| panic!("edition {id} is missing"))
}

fn tier<'a>(rules: &'a RuleSet, id: &str) -> &'a Tier {
    rules
        .tier(id)
        .unwrap_or_else(|| panic!("{}: no tier {id}", rules.edition))
}

/// SPEC.md §1 table plus the lists below it, common to both editions.
fn assert_common(rules: &RuleSet) {
    let ids: Vec<&str> = rules.tiers.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["silver", "gold"], "tiers, lowest first");

    let silver = tier(rules, "silver");
    assert_eq!(silver.entitlements_needed(Market::Developed), 2_000);
    assert_eq!(silver.entitlements_needed(Market::Developing), 1_000);
    assert_eq!(silver.people, 1);

    let gold = tier(rules, "gold");
    assert_eq!(gold.entitlements_needed(Market::Developed), 4_000);
    assert_eq!(gold.entitlements_needed(Market::Developing), 4_000);
    assert_eq!(gold.people, 2);

    // Exactly the five workloads, each once.
    let mut workloads = rules.workloads.clone();
    workloads.sort_by_key(|w| w.id());
    let mut expected = vec![
        Workload::ExchangeOnline,
        Workload::SharepointOnline,
        Workload::SkypeForBusiness,
        Workload::Yammer,
        Workload::Proplus,
    ];
    expected.sort_by_key(|w| w.id());
    assert_eq!(workloads, expected);

    // Routes: both exams, or the MCSA certification; nothing else.
    assert_eq!(rules.routes.len(), 2);
    let exams = rules
        .routes
        .iter()
        .find(|r| r.id == "exams")
        .expect("route exams");
    assert_eq!(exams.exams, ["70-346", "70-347"]);
    assert!(exams.certifications.is_empty());
    let mcsa = rules
        .routes
        .iter()
        .find(|r| r.id == "mcsa")
        .expect("route mcsa");
    assert!(mcsa.exams.is_empty());
    assert_eq!(mcsa.certifications, ["mcsa-office-365"]);

    assert!(!rules.counts_association(Association::None));
}

#[test]
fn there_are_exactly_two_editions_june_first_and_default() {
    let ids: Vec<&str> = RuleSet::all().iter().map(|r| r.edition.as_str()).collect();
    assert_eq!(ids, ["2017-06", "2017-07"]);
    assert_eq!(RuleSet::default_edition().edition, "2017-06");
    assert!(RuleSet::by_edition("2017-08").is_none());
}

#[test]
fn june_2017_matches_spec() {
    let rules = edition("2017-06");
    assert_common(rules);
    assert_eq!(
        rules.associations,
        [
            Association::DelegatedAdmin,
            Association::TransactingPartner,
            Association::DigitalPartnerOfRecord,
        ]
    );
    assert!(!rules.counts_association(Association::FastTrackPartner));
}

#[test]
fn july_2017_matches_spec() {
    let rules = edition("2017-07");
    assert_common(rules);
    assert_eq!(
        rules.associations,
        [
            Association::DelegatedAdmin,
            Association::TransactingPartner,
            Association::DigitalPartnerOfRecord,
            Association::FastTrackPartner,
        ]
    );
}

#[test]
fn july_adds_fast_track_partner_and_nothing_else() {
    let june = edition("2017-06");
    let july = edition("2017-07");
    let mut july_as_june = july.clone();
    july_as_june.edition = june.edition.clone();
    july_as_june
        .associations
        .retain(|a| *a != Association::FastTrackPartner);
    assert_eq!(&july_as_june, june);
}

#[test]
fn the_files_on_disk_are_the_rules_compiled_in() {
    for (source, id) in [(FILE_2017_06, "2017-06"), (FILE_2017_07, "2017-07")] {
        let parsed: RuleSet = toml::from_str(source).expect("rule file parses");
        assert_eq!(&parsed, edition(id));
    }
}
