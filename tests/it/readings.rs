//! The three readings of how workloads combine (SPEC.md §2, decision 2), each at every
//! tier's edge: one below, at, one above. Every expected number is worked by hand from the
//! two customers' workloads below, never computed by the engine.

use cpc_wizard::profile::{
    Association, Count, Counting, Customer, Market, Person, Profile, Workload,
};
use cpc_wizard::rules::{RuleSet, evaluate};

fn rules() -> &'static RuleSet {
    RuleSet::by_edition("2017-06").expect("edition exists")
}

fn customer(name: &str, exchange: u64, sharepoint: u64) -> Customer {
    let mut c = Customer::new(name);
    c.association = Association::DelegatedAdmin;
    for (w, n) in [
        (Workload::ExchangeOnline, exchange),
        (Workload::SharepointOnline, sharepoint),
    ] {
        c.active_users.set(w, Count::new(n).expect("in range"));
    }
    c
}

fn draft(counting: Counting, customers: Vec<Customer>) -> Profile {
    let mut p = Profile::new("Readings");
    p.market = Some(Market::Developed);
    p.counting = counting;
    p.customers = customers;
    // Two qualified people: only the entitlements decide the tier.
    p.staff = ["Ann", "Bob"]
        .map(|n| Person {
            certifications: vec!["mcsa-office-365".into()],
            ..Person::new(n)
        })
        .to_vec();
    p
}

fn tier_for(total: u64) -> Option<&'static str> {
    match total {
        0..2_000 => None,
        2_000..4_000 => Some("silver"),
        _ => Some("gold"),
    }
}

const EDGES: [u64; 6] = [1_999, 2_000, 2_001, 3_999, 4_000, 4_001];

/// For a target total `t` of one reading: two customers, and the three totals worked by
/// hand (largest, sum, best).
fn case(reading: Counting, t: u64) -> (Vec<Customer>, [u64; 3]) {
    match reading {
        // A [t-100, 50], B [0, 100]: largest (t-100)+100; sum t+50; best max(t-100, 150).
        Counting::LargestWorkload => (
            vec![customer("A", t - 100, 50), customer("B", 0, 100)],
            [t, t + 50, t - 100],
        ),
        // A [t-300, 200], B [0, 100]: largest (t-300)+100; sum t; best max(t-300, 300).
        Counting::SumOfWorkloads => (
            vec![customer("A", t - 300, 200), customer("B", 0, 100)],
            [t - 200, t, t - 300],
        ),
        // A [t-600, 100], B [600, 700]: Exchange sums to t, SharePoint to 800: best t;
        // largest (t-600)+700; sum t+800.
        Counting::BestWorkload => (
            vec![customer("A", t - 600, 100), customer("B", 600, 700)],
            [t + 100, t + 800, t],
        ),
    }
}

#[test]
fn each_reading_at_each_tier_edge_with_the_other_two_beside_it() {
    for reading in Counting::ALL {
        for t in EDGES {
            let (customers, totals) = case(reading, t);
            let a = evaluate(&draft(reading, customers), rules());
            let ctx = format!("{} at {t}", reading.id());
            assert_eq!(a.counting, reading, "{ctx}");
            assert_eq!(a.active_entitlements, t, "{ctx}");
            assert_eq!(a.highest_tier.as_deref(), tier_for(t), "{ctx}");
            let got: Vec<(Counting, u64, Option<&str>)> = a
                .readings
                .iter()
                .map(|r| (r.counting, r.active_entitlements, r.highest_tier.as_deref()))
                .collect();
            let want: Vec<(Counting, u64, Option<&str>)> = Counting::ALL
                .into_iter()
                .zip(totals)
                .map(|(c, n)| (c, n, tier_for(n)))
                .collect();
            assert_eq!(got, want, "{ctx}");
            // Each customer's counted value follows the reading and adds up to the total.
            let counted: u64 = a.customers.iter().map(|c| c.counted).sum();
            assert_eq!(counted, t, "{ctx}");
        }
    }
}

#[test]
fn under_best_workload_a_customer_counts_its_users_on_the_winning_workload() {
    // Exchange: 600 + 600 = 1,200; SharePoint: 900 + 0 = 900. Exchange wins.
    let a = evaluate(
        &draft(
            Counting::BestWorkload,
            vec![customer("A", 600, 900), customer("B", 600, 0)],
        ),
        rules(),
    );
    assert_eq!(a.best_workload, Some(Workload::ExchangeOnline));
    let counted: Vec<u64> = a.customers.iter().map(|c| c.counted).collect();
    assert_eq!(counted, [600, 600]);
    assert_eq!(a.active_entitlements, 1_200);
}

#[test]
fn under_best_workload_a_tie_goes_to_the_first_workload_in_the_rule_file() {
    // Exchange 500, SharePoint 500: Exchange Online comes first in the rule file.
    let a = evaluate(
        &draft(
            Counting::BestWorkload,
            vec![customer("A", 500, 0), customer("B", 0, 500)],
        ),
        rules(),
    );
    assert_eq!(a.best_workload, Some(Workload::ExchangeOnline));
    let counted: Vec<u64> = a.customers.iter().map(|c| c.counted).collect();
    assert_eq!(counted, [500, 0]);
}

#[test]
fn excluded_customers_add_nothing_under_any_reading() {
    let mut trial = customer("T", 5_000, 5_000);
    trial.trial = true;
    for reading in Counting::ALL {
        let a = evaluate(&draft(reading, vec![trial.clone()]), rules());
        assert!(a.readings.iter().all(|r| r.active_entitlements == 0));
        assert_eq!(a.customers[0].counted, 0);
    }
}
