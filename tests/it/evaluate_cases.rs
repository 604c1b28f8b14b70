//! `evaluate` on hand-worked cases. Every expected number is written from SPEC.md §1–2 by
//! hand, never computed by the engine under test.

use cpc_wizard::profile::{Association, Count, Customer, Market, Person, Profile, Workload};
use cpc_wizard::rules::{Assessment, Exclusion, RuleSet, Warning, evaluate};
use proptest::prelude::*;

const EDITIONS: [&str; 2] = ["2017-06", "2017-07"];

fn rules(edition: &str) -> &'static RuleSet {
    RuleSet::by_edition(edition).expect("edition exists")
}

fn customer(name: &str, association: Association, counts: [u32; 5]) -> Customer {
    let mut c = Customer::new(name);
    c.association = association;
    for (w, n) in Workload::ALL.into_iter().zip(counts) {
        c.active_users
            .set(w, Count::new(u64::from(n)).expect("count in range"));
    }
    c
}

/// One delegated-admin customer whose only workload is Exchange Online.
fn exchange_only(name: &str, users: u32) -> Customer {
    customer(name, Association::DelegatedAdmin, [users, 0, 0, 0, 0])
}

fn person(name: &str, exams: &[&str], certifications: &[&str]) -> Person {
    Person {
        exams: exams.iter().map(|s| s.to_string()).collect(),
        certifications: certifications.iter().map(|s| s.to_string()).collect(),
        ..Person::new(name)
    }
}

fn by_exams(name: &str) -> Person {
    person(name, &["70-346", "70-347"], &[])
}

fn by_mcsa(name: &str) -> Person {
    person(name, &[], &["mcsa-office-365"])
}

fn draft(market: Option<Market>, customers: Vec<Customer>, staff: Vec<Person>) -> Profile {
    let mut p = Profile::new("Hand-worked");
    p.market = market;
    p.customers = customers;
    p.staff = staff;
    p
}

/// (have, need, met) of a tier's entitlements, then of its people, then the tier.
fn tier_numbers(a: &Assessment, tier: &str) -> ((u64, u64), (u64, u64), bool) {
    let t = a.tier(tier).expect("tier present");
    (
        (t.entitlements.have, t.entitlements.need),
        (t.people.have, t.people.need),
        t.met,
    )
}

// ---------------------------------------------------------------- thresholds

/// Entitlements one below, at and one above every threshold, with two qualified people so
/// that only the entitlements decide. (total, silver met, gold met, highest tier)
const DEVELOPED: [(u32, bool, bool, Option<&str>); 6] = [
    (1_999, false, false, None),
    (2_000, true, false, Some("silver")),
    (2_001, true, false, Some("silver")),
    (3_999, true, false, Some("silver")),
    (4_000, true, true, Some("gold")),
    (4_001, true, true, Some("gold")),
];
const DEVELOPING: [(u32, bool, bool, Option<&str>); 6] = [
    (999, false, false, None),
    (1_000, true, false, Some("silver")),
    (1_001, true, false, Some("silver")),
    (3_999, true, false, Some("silver")),
    (4_000, true, true, Some("gold")),
    (4_001, true, true, Some("gold")),
];

#[test]
fn entitlement_thresholds_below_at_and_above_in_both_markets_and_editions() {
    for edition in EDITIONS {
        for (market, cases, silver_need) in [
            (Market::Developed, DEVELOPED, 2_000),
            (Market::Developing, DEVELOPING, 1_000),
        ] {
            for (total, silver_met, gold_met, highest) in cases {
                let p = draft(
                    Some(market),
                    vec![exchange_only("A", total)],
                    vec![by_exams("P1"), by_mcsa("P2")],
                );
                let a = evaluate(&p, rules(edition));
                let ctx = format!("{edition} {market:?} {total}");
                assert_eq!(a.edition, edition, "{ctx}");
                assert_eq!(a.active_entitlements, u64::from(total), "{ctx}");
                assert_eq!(
                    tier_numbers(&a, "silver"),
                    ((u64::from(total), silver_need), (2, 1), silver_met),
                    "{ctx}"
                );
                assert_eq!(
                    tier_numbers(&a, "gold"),
                    ((u64::from(total), 4_000), (2, 2), gold_met),
                    "{ctx}"
                );
                assert_eq!(a.highest_tier.as_deref(), highest, "{ctx}");
                assert!(a.warnings.is_empty(), "{ctx}");
            }
        }
    }
}

#[test]
fn people_thresholds_zero_to_three_against_one_and_two() {
    // (qualified people, silver met, gold met, highest) with 5,000 entitlements: above both.
    let cases = [
        (0, false, false, None),
        (1, true, false, Some("silver")),
        (2, true, true, Some("gold")),
        (3, true, true, Some("gold")),
    ];
    for edition in EDITIONS {
        for market in Market::ALL {
            for (n, silver_met, gold_met, highest) in cases {
                let staff = (0..n).map(|i| by_exams(&format!("P{i}"))).collect();
                let p = draft(Some(market), vec![exchange_only("A", 5_000)], staff);
                let a = evaluate(&p, rules(edition));
                let ctx = format!("{edition} {market:?} {n} people");
                assert_eq!(a.qualified_people, n, "{ctx}");
                let silver = a.tier("silver").expect("silver");
                assert_eq!((silver.people.have, silver.people.need), (u64::from(n), 1));
                assert_eq!(silver.met, silver_met, "{ctx}");
                let gold = a.tier("gold").expect("gold");
                assert_eq!((gold.people.have, gold.people.need), (u64::from(n), 2));
                assert_eq!(gold.met, gold_met, "{ctx}");
                assert_eq!(a.highest_tier.as_deref(), highest, "{ctx}");
            }
        }
    }
}

#[test]
fn a_tier_needs_both_requirements() {
    // Entitlements for gold but one person: silver only. People for gold, entitlements for
    // nothing: no tier.
    let a = evaluate(
        &draft(
            Some(Market::Developed),
            vec![exchange_only("A", 9_000)],
            vec![by_mcsa("P")],
        ),
        rules("2017-06"),
    );
    assert_eq!(a.highest_tier.as_deref(), Some("silver"));
    let a = evaluate(
        &draft(
            Some(Market::Developed),
            vec![exchange_only("A", 10)],
            vec![by_mcsa("P"), by_mcsa("Q")],
        ),
        rules("2017-06"),
    );
    assert_eq!(a.highest_tier, None);
    assert!(a.tiers.iter().all(|t| !t.met));
}

// ---------------------------------------------------------------- exclusions

#[test]
fn each_exclusion_reason() {
    for edition in EDITIONS {
        let p = draft(
            Some(Market::Developed),
            vec![
                {
                    let mut c = exchange_only("Trial", 700);
                    c.trial = true;
                    c
                },
                customer("None", Association::None, [0, 600, 0, 0, 0]),
                customer(
                    "Counted",
                    Association::TransactingPartner,
                    [0, 0, 500, 0, 0],
                ),
                customer(
                    "DPOR",
                    Association::DigitalPartnerOfRecord,
                    [0, 0, 0, 40, 0],
                ),
            ],
            vec![],
        );
        let a = evaluate(&p, rules(edition));
        let got: Vec<(u64, Option<Exclusion>)> = a
            .customers
            .iter()
            .map(|c| (c.counted, c.excluded))
            .collect();
        assert_eq!(
            got,
            [
                (0, Some(Exclusion::Trial)),
                (0, Some(Exclusion::NoAssociation)),
                (500, None),
                (40, None),
            ],
            "{edition}"
        );
        assert_eq!(a.active_entitlements, 540, "{edition}");
        assert_eq!(a.excluded_count(), 2);
    }
}

#[test]
fn fast_track_partner_is_not_counted_in_june_and_counted_in_july() {
    let p = draft(
        Some(Market::Developed),
        vec![customer(
            "FastTrack",
            Association::FastTrackPartner,
            [0, 0, 0, 0, 2_500],
        )],
        vec![by_exams("P")],
    );

    let june = evaluate(&p, rules("2017-06"));
    assert_eq!(june.customers[0].counted, 0);
    assert_eq!(
        june.customers[0].excluded,
        Some(Exclusion::AssociationNotCounted)
    );
    assert_eq!(june.active_entitlements, 0);
    assert_eq!(june.highest_tier, None);

    let july = evaluate(&p, rules("2017-07"));
    assert_eq!(july.customers[0].counted, 2_500);
    assert_eq!(july.customers[0].excluded, None);
    assert_eq!(july.active_entitlements, 2_500);
    assert_eq!(july.highest_tier.as_deref(), Some("silver"));
}

#[test]
fn trial_is_the_reason_shown_before_the_association() {
    // A trial tenant with no (or an uncounted) association: the trial is what the user must
    // fix first, so it is the reason given.
    for association in [Association::None, Association::FastTrackPartner] {
        let mut c = customer("Both", association, [100, 0, 0, 0, 0]);
        c.trial = true;
        let a = evaluate(
            &draft(Some(Market::Developed), vec![c], vec![]),
            rules("2017-06"),
        );
        assert_eq!(a.customers[0].excluded, Some(Exclusion::Trial));
        assert_eq!(a.customers[0].counted, 0);
    }
}

// ---------------------------------------------------------------- people

#[test]
fn each_route_qualifies_and_routes_mix() {
    let p = draft(
        Some(Market::Developed),
        vec![],
        vec![by_exams("Exams"), by_mcsa("Mcsa")],
    );
    let a = evaluate(&p, rules("2017-06"));
    assert_eq!(a.qualified_people, 2);
    assert!(a.staff[0].qualifies);
    assert_eq!(a.staff[0].route.as_deref(), Some("exams"));
    assert!(a.staff[1].qualifies);
    assert_eq!(a.staff[1].route.as_deref(), Some("mcsa"));
    assert_eq!(tier_numbers(&a, "gold").1, (2, 2));
}

#[test]
fn a_person_with_both_routes_counts_once() {
    let p = draft(
        Some(Market::Developed),
        vec![exchange_only("A", 4_000)],
        vec![person("Both", &["70-346", "70-347"], &["mcsa-office-365"])],
    );
    let a = evaluate(&p, rules("2017-06"));
    assert_eq!(a.qualified_people, 1);
    assert!(a.staff[0].qualifies);
    // One person is not two: gold is missed on people alone.
    assert_eq!(a.highest_tier.as_deref(), Some("silver"));
}

#[test]
fn one_exam_only_does_not_qualify_and_names_the_missing_exam() {
    for (has, missing) in [("70-346", "70-347"), ("70-347", "70-346")] {
        let p = draft(None, vec![], vec![person("Half", &[has], &[])]);
        let a = evaluate(&p, rules("2017-06"));
        assert_eq!(a.qualified_people, 0);
        let r = &a.staff[0];
        assert!(!r.qualifies);
        assert_eq!(r.route, None);
        let exams = r
            .progress
            .iter()
            .find(|p| p.route == "exams")
            .expect("exams");
        assert_eq!(exams.missing, [missing]);
        let closest = r.closest().expect("a closest route");
        assert_eq!(
            (closest.route.as_str(), closest.missing.as_slice()),
            ("exams", &[missing.to_string()][..])
        );
    }
}

#[test]
fn the_same_exam_twice_is_still_one_exam() {
    let p = draft(
        None,
        vec![],
        vec![person("Twice", &["70-346", "70-346"], &[])],
    );
    let a = evaluate(&p, rules("2017-06"));
    assert_eq!(a.qualified_people, 0);
}

#[test]
fn ids_are_matched_as_people_type_them() {
    let p = draft(
        None,
        vec![],
        vec![
            person("Spaces", &[" 70-346", "70-347 "], &[]),
            person("Case", &[], &["MCSA-Office-365"]),
        ],
    );
    let a = evaluate(&p, rules("2017-06"));
    assert_eq!(a.qualified_people, 2);
}

#[test]
fn unknown_exam_ids_are_kept_and_not_counted() {
    let p = draft(
        None,
        vec![],
        vec![
            person("Extra", &["70-346", "70-533", "70-347"], &[]),
            person("Only unknown", &["70-533", "MS-100"], &["mcsa-windows-10"]),
        ],
    );
    let a = evaluate(&p, rules("2017-06"));
    assert_eq!(a.qualified_people, 1);
    assert!(a.staff[0].qualifies);
    assert_eq!(a.staff[0].unknown_ids, ["70-533"]);
    assert!(!a.staff[1].qualifies);
    assert_eq!(
        a.staff[1].unknown_ids,
        ["70-533", "MS-100", "mcsa-windows-10"]
    );
    // The draft itself keeps them.
    assert_eq!(p.staff[1].exams, ["70-533", "MS-100"]);
}

#[test]
fn a_name_listed_twice_is_warned_about_and_counted_once() {
    let p = draft(
        Some(Market::Developed),
        vec![],
        vec![by_exams("Mei Lin"), by_mcsa(" mei lin ")],
    );
    let a = evaluate(&p, rules("2017-06"));
    assert_eq!(
        a.warnings,
        [Warning::DuplicatePerson {
            index: 1,
            name: "mei lin".into(),
            first_index: 0,
            first: "Mei Lin".into(),
        }]
    );
    assert_eq!(a.qualified_people, 1);
}

// ---------------------------------------------------------------- counting

#[test]
fn a_customer_counts_its_highest_workload_not_the_sum() {
    let p = draft(
        Some(Market::Developed),
        vec![
            // SPEC.md §3's Fabrikam: 1,200 + 800 + 300 would be 2,300; it counts 1,200.
            customer(
                "Fabrikam",
                Association::DelegatedAdmin,
                [1_200, 800, 0, 0, 300],
            ),
            customer(
                "Top is last",
                Association::DelegatedAdmin,
                [10, 20, 30, 40, 900],
            ),
            customer(
                "All equal",
                Association::DelegatedAdmin,
                [500, 500, 500, 500, 500],
            ),
            customer("Nothing", Association::DelegatedAdmin, [0, 0, 0, 0, 0]),
        ],
        vec![],
    );
    let a = evaluate(&p, rules("2017-06"));
    let got: Vec<(u64, Option<Workload>)> = a
        .customers
        .iter()
        .map(|c| (c.counted, c.top_workload))
        .collect();
    assert_eq!(
        got,
        [
            (1_200, Some(Workload::ExchangeOnline)),
            (900, Some(Workload::Proplus)),
            (500, Some(Workload::ExchangeOnline)),
            (0, None),
        ]
    );
    // Sum over customers: 1,200 + 900 + 500 + 0.
    assert_eq!(a.active_entitlements, 2_600);
}

#[test]
fn the_largest_counts_add_up_without_overflow() {
    let max = 10_000_000;
    let customers = (0..500)
        .map(|i| customer(&format!("C{i}"), Association::DelegatedAdmin, [max; 5]))
        .collect();
    let a = evaluate(
        &draft(Some(Market::Developed), customers, vec![]),
        rules("2017-06"),
    );
    assert_eq!(a.active_entitlements, 5_000_000_000);
}

#[test]
fn spec_example_gives_the_spec_json_numbers() {
    // SPEC.md §3's draft and the numbers SPEC.md §4 shows for it.
    let p = draft(
        Some(Market::Developed),
        vec![customer(
            "Fabrikam",
            Association::DelegatedAdmin,
            [1_200, 800, 0, 0, 300],
        )],
        vec![by_exams("Mei Lin"), by_mcsa("Ray")],
    );
    let a = evaluate(&p, rules("2017-06"));
    assert_eq!(a.active_entitlements, 1_200);
    assert_eq!(a.qualified_people, 2);
    assert_eq!(a.highest_tier, None);
    assert_eq!(tier_numbers(&a, "silver"), ((1_200, 2_000), (2, 1), false));
    assert_eq!(tier_numbers(&a, "gold"), ((1_200, 4_000), (2, 2), false));
    assert!(a.warnings.is_empty());
}

#[test]
fn no_market_uses_developed_thresholds_and_warns() {
    let customers = vec![exchange_only("A", 1_500)];
    let staff = vec![by_exams("P")];
    for edition in EDITIONS {
        let a = evaluate(
            &draft(None, customers.clone(), staff.clone()),
            rules(edition),
        );
        assert_eq!(a.market, None);
        assert_eq!(a.market_assessed, Market::Developed);
        assert_eq!(tier_numbers(&a, "silver").0, (1_500, 2_000));
        assert_eq!(a.highest_tier, None);
        assert_eq!(a.warnings, [Warning::NoMarket]);

        // The same draft in a developing market reaches silver, without the warning.
        let a = evaluate(
            &draft(Some(Market::Developing), customers.clone(), staff.clone()),
            rules(edition),
        );
        assert_eq!(a.highest_tier.as_deref(), Some("silver"));
        assert!(a.warnings.is_empty());
    }
}

#[test]
fn a_draft_with_chinese_names() {
    let text = r#"{
      "format": "cpc-wizard/profile", "version": 1,
      "name": "台北資訊服務 FY18", "market": "developing",
      "customers": [
        { "name": "大同股份有限公司", "association": "delegated_admin",
          "active_users": { "exchange_online": 650, "yammer": 30 } },
        { "name": "宏碁 (試用)", "association": "delegated_admin", "trial": true,
          "active_users": { "exchange_online": 5000 } },
        { "name": "鴻海精密", "association": "transacting_partner",
          "active_users": { "sharepoint_online": 420, "proplus": 410 } }
      ],
      "staff": [
        { "name": "林美玲", "exams": ["70-346", "70-347"], "certifications": [] },
        { "name": "陳志明", "exams": ["70-346"], "certifications": [] }
      ]
    }"#;
    let p = cpc_wizard::profile::from_json(text).expect("valid draft");
    assert_eq!(p.name, "台北資訊服務 FY18");
    assert_eq!(p.customers[0].name, "大同股份有限公司");
    let a = evaluate(&p, rules("2017-06"));
    // 650 + 0 (trial) + 420.
    assert_eq!(a.active_entitlements, 1_070);
    assert_eq!(a.qualified_people, 1);
    assert_eq!(a.customers[1].excluded, Some(Exclusion::Trial));
    // Developing silver: 1,000 and 1 person.
    assert_eq!(a.highest_tier.as_deref(), Some("silver"));
}

#[test]
fn the_assessment_names_the_edition_it_used() {
    let p = draft(None, vec![], vec![]);
    for edition in EDITIONS {
        assert_eq!(evaluate(&p, rules(edition)).edition, edition);
    }
}

// ---------------------------------------------------------------- properties

fn any_association() -> impl Strategy<Value = Association> {
    prop::sample::select(Association::ALL.to_vec())
}

/// Customers with distinct names (repeats are `counted_once.rs`'s subject).
fn any_customers(len: std::ops::Range<usize>) -> impl Strategy<Value = Vec<Customer>> {
    prop::collection::vec(any_customer(), len).prop_map(|mut customers| {
        for (i, c) in customers.iter_mut().enumerate() {
            c.name = format!("C{i}");
        }
        customers
    })
}

fn any_customer() -> impl Strategy<Value = Customer> {
    (
        any_association(),
        any::<bool>(),
        prop::array::uniform5(0u32..=10_000_000),
    )
        .prop_map(|(association, trial, counts)| {
            let mut c = customer("C", association, counts);
            c.trial = trial;
            c
        })
}

fn any_edition() -> impl Strategy<Value = &'static str> {
    prop::sample::select(EDITIONS.to_vec())
}

/// The SPEC's rule written out plainly: counted when not trial and the association is one
/// the edition lists; then the largest of the five counts.
fn expected_counted(c: &Customer, edition: &str) -> u64 {
    let counted_associations: &[Association] = match edition {
        "2017-06" => &[
            Association::DelegatedAdmin,
            Association::TransactingPartner,
            Association::DigitalPartnerOfRecord,
        ],
        _ => &[
            Association::DelegatedAdmin,
            Association::TransactingPartner,
            Association::DigitalPartnerOfRecord,
            Association::FastTrackPartner,
        ],
    };
    if c.trial || !counted_associations.contains(&c.association) {
        return 0;
    }
    let u = &c.active_users;
    [
        u.exchange_online,
        u.sharepoint_online,
        u.skype_for_business,
        u.yammer,
        u.proplus,
    ]
    .into_iter()
    .map(u64::from)
    .max()
    .unwrap_or(0)
}

fn tier_rank(tier: Option<&str>) -> u8 {
    match tier {
        None => 0,
        Some("silver") => 1,
        Some("gold") => 2,
        Some(other) => panic!("unknown tier {other}"),
    }
}

proptest! {
    #[test]
    fn total_is_the_sum_of_per_customer_maxima(
        customers in any_customers(0..40),
        edition in any_edition(),
    ) {
        let p = draft(Some(Market::Developed), customers, vec![]);
        let a = evaluate(&p, rules(edition));
        let expected: Vec<u64> = p.customers.iter().map(|c| expected_counted(c, edition)).collect();
        let got: Vec<u64> = a.customers.iter().map(|c| c.counted).collect();
        prop_assert_eq!(&got, &expected);
        prop_assert_eq!(a.active_entitlements, expected.iter().sum::<u64>());
        // Excluded exactly when it counts nothing for a reason other than having no users.
        for (c, r) in p.customers.iter().zip(&a.customers) {
            prop_assert_eq!(r.excluded.is_some(), c.trial || !rules(edition).counts_association(c.association));
        }
    }

    #[test]
    fn adding_a_counted_customer_never_lowers_the_result(
        customers in any_customers(0..20),
        extra in prop::array::uniform5(0u32..=10_000_000),
        people in 0usize..4,
        market in prop::sample::select(Market::ALL.to_vec()),
        edition in any_edition(),
    ) {
        let staff: Vec<Person> = (0..people).map(|i| by_mcsa(&format!("P{i}"))).collect();
        let before = evaluate(&draft(Some(market), customers.clone(), staff.clone()), rules(edition));
        let mut more = customers;
        more.push(customer("Extra", Association::DelegatedAdmin, extra));
        let after = evaluate(&draft(Some(market), more, staff), rules(edition));
        let extra_max = u64::from(extra.into_iter().max().unwrap_or(0));
        prop_assert_eq!(after.active_entitlements, before.active_entitlements + extra_max);
        prop_assert!(tier_rank(after.highest_tier.as_deref()) >= tier_rank(before.highest_tier.as_deref()));
        // Gold implies silver (SPEC.md §2.6).
        if after.tier("gold").is_some_and(|t| t.met) {
            prop_assert!(after.tier("silver").is_some_and(|t| t.met));
        }
    }
}
