//! The outlook (SPEC.md §8), on drafts worked by hand: margins, what a tier hangs on, the
//! total 7 days after the report date, licensed users not active, people one exam away.
//! Every expected number is worked out in the comments, never computed by the engine.

use cpc_wizard::profile::{
    Association, Count, Counting, Customer, Market, Person, Profile, Workload,
};
use cpc_wizard::rules::{Outlook, RuleSet, evaluate, outlook};
use proptest::prelude::*;

fn rules() -> &'static RuleSet {
    RuleSet::by_edition("2017-06").expect("edition exists")
}

fn n(value: u64) -> Count {
    Count::new(value).expect("in range")
}

fn customer(name: &str, active: &[(Workload, u64)]) -> Customer {
    let mut c = Customer::new(name);
    c.association = Association::DelegatedAdmin;
    for &(w, value) in active {
        c.active_users.set(w, n(value));
    }
    c
}

fn person(name: &str, exams: &[&str], certifications: &[&str]) -> Person {
    Person {
        exams: exams.iter().map(|s| s.to_string()).collect(),
        certifications: certifications.iter().map(|s| s.to_string()).collect(),
        ..Person::new(name)
    }
}

fn draft(counting: Counting, customers: Vec<Customer>, staff: Vec<Person>) -> Profile {
    let mut p = Profile::new("Outlook");
    p.market = Some(Market::Developed);
    p.counting = counting;
    p.customers = customers;
    p.staff = staff;
    p
}

fn look(p: &Profile) -> Outlook {
    outlook(p, rules(), &evaluate(p, rules()))
}

use Workload::{ExchangeOnline as Ex, Proplus as Pp, SharepointOnline as Sp, Yammer as Ya};

/// Fabrikam's 1,200 Exchange users: 860 last active in the last 19 days, 40 exactly 20
/// days before the report date (still inside the 28-day window 7 days on: 27 days), 150
/// at 21 days (28 days on: out) and 150 at 22 days (out): 860 + 40 = 900 in 7 days. Its
/// 800 SharePoint users have no report figure: unchanged.
/// Contoso's 853 Exchange users: 20 last active 21 days before: 833 in 7 days; its 300
/// ProPlus activations do not expire (the 100 in the file is ignored).
/// Northwind was typed by hand: 50 Yammer users, unchanged.
fn report_draft() -> Profile {
    let mut fabrikam = customer("Fabrikam", &[(Ex, 1_200), (Sp, 800)]);
    fabrikam.active_users_in_7_days.set(Ex, Some(n(860 + 40)));
    fabrikam.licensed_users.set(Ex, Some(n(1_500)));
    fabrikam.licensed_users.set(Sp, Some(n(800)));
    let mut contoso = customer("Contoso", &[(Ex, 853), (Pp, 300)]);
    contoso.active_users_in_7_days.set(Ex, Some(n(853 - 20)));
    contoso.active_users_in_7_days.set(Pp, Some(n(100)));
    contoso.licensed_users.set(Ex, Some(n(1_153)));
    contoso.licensed_users.set(Pp, Some(n(420)));
    let northwind = customer("Northwind", &[(Ya, 50)]);
    // Excluded: its licences are nowhere near the total.
    let mut trial = customer("Trial Co", &[(Ex, 5_000)]);
    trial.trial = true;
    trial.licensed_users.set(Ex, Some(n(9_000)));
    draft(
        Counting::LargestWorkload,
        vec![fabrikam, contoso, northwind, trial],
        vec![
            person("Ann", &[], &["mcsa-office-365"]),
            person("Bob", &["70-346"], &[]),
            person("Cy", &["70-347"], &["mcsa-office-365"]),
            person("Dee", &[], &[]),
            // The same person as Bob: counted once, and not listed twice.
            person("bob ", &["70-347"], &[]),
        ],
    )
}

#[test]
fn silver_holds_by_103_today_and_is_217_short_in_7_days() {
    let o = look(&report_draft());
    // Today: 1,200 + 853 + 50 = 2,103. In 7 days: max(900, 800) + 833 + 50 = 1,783.
    assert!(o.has_report_data);
    assert_eq!(o.total_in_7_days, Some(1_783));
    let silver = o.tier("silver").expect("silver");
    assert_eq!(silver.margin, 103);
    assert_eq!(silver.margin_in_7_days, Some(-217));
    let gold = o.tier("gold").expect("gold");
    assert_eq!(gold.margin, 2_103 - 4_000);
    assert_eq!(gold.margin_in_7_days, Some(1_783 - 4_000));
}

#[test]
fn a_customer_whose_loss_does_not_matter_is_not_one_it_hangs_on() {
    let o = look(&report_draft());
    let silver = o.tier("silver").expect("silver");
    // Without Fabrikam 903, without Contoso 1,250: short. Without Northwind 2,053: holds.
    assert_eq!(silver.hangs_on, vec![0, 1]);
    // Two qualified people (Ann, Cy) for Silver's one: neither alone matters.
    assert!(silver.people_hang_on.is_empty());
    // Gold is not met: it hangs on nothing.
    let gold = o.tier("gold").expect("gold");
    assert!(gold.hangs_on.is_empty() && gold.people_hang_on.is_empty());
}

#[test]
fn licensed_not_active_largest_first_ties_by_name() {
    let o = look(&report_draft());
    let rows: Vec<(usize, Workload, u64, u64)> = o
        .inactive_licensed
        .iter()
        .map(|r| (r.customer, r.workload, r.users, r.adds))
        .collect();
    // Contoso Exchange 1,153 − 853 = 300 (adds 300: its largest becomes 1,153);
    // Fabrikam Exchange 1,500 − 1,200 = 300 (adds 300); Contoso ProPlus 420 − 300 = 120
    // (adds 0: Exchange stays its largest). Fabrikam SharePoint 800 − 800: not listed.
    // The trial customer is not counted: not listed.
    assert_eq!(
        rows,
        vec![(1, Ex, 300, 300), (0, Ex, 300, 300), (1, Pp, 120, 0)]
    );
    // Every licensed user active: Fabrikam max(1,500, 800) + Contoso max(1,153, 420) +
    // Northwind 50 (no licence figures) = 2,703; the trial customer still not counted.
    assert_eq!(o.total_if_licensed_active, Some(2_703));
}

#[test]
fn one_exam_away_names_those_with_one_of_the_two_exams() {
    let o = look(&report_draft());
    // Bob has 70-346 only; Cy has one exam but also MCSA (qualifies); Dee has nothing;
    // "bob " repeats Bob.
    assert_eq!(o.one_exam_away, vec![1]);
}

#[test]
fn a_draft_typed_by_hand_has_no_next_week_and_no_licences() {
    let p = draft(
        Counting::LargestWorkload,
        vec![customer("A", &[(Ex, 2_500)])],
        vec![person("Ann", &[], &["mcsa-office-365"])],
    );
    let o = look(&p);
    assert!(!o.has_report_data);
    assert_eq!(o.total_in_7_days, None);
    assert!(o.tiers.iter().all(|t| t.margin_in_7_days.is_none()));
    assert!(o.inactive_licensed.is_empty());
    assert_eq!(o.total_if_licensed_active, None);
}

#[test]
fn a_tier_met_by_exactly_its_threshold_hangs_on_every_counted_customer() {
    let mut excluded = customer("Excluded", &[(Ex, 900)]);
    excluded.association = Association::None;
    let p = draft(
        Counting::LargestWorkload,
        vec![
            customer("A", &[(Ex, 1_500)]),
            excluded,
            customer("B", &[(Sp, 500), (Ex, 100)]),
        ],
        vec![person("Ann", &["70-346", "70-347"], &[])],
    );
    let o = look(&p);
    let silver = o.tier("silver").expect("silver");
    // 1,500 + 500 = 2,000 exactly.
    assert_eq!(silver.margin, 0);
    assert_eq!(silver.hangs_on, vec![0, 2]);
    // One qualified person for Silver's one.
    assert_eq!(silver.people_hang_on, vec![0]);
}

#[test]
fn best_workload_where_losing_a_customer_changes_the_winning_workload() {
    // Exchange: A 1,500 + B 700 = 2,200; SharePoint: B 1,300 + C 1,000 = 2,300 (best).
    let p = draft(
        Counting::BestWorkload,
        vec![
            customer("A", &[(Ex, 1_500)]),
            customer("B", &[(Ex, 700), (Sp, 1_300)]),
            customer("C", &[(Sp, 1_000)]),
        ],
        vec![person("Ann", &[], &["mcsa-office-365"])],
    );
    let o = look(&p);
    let silver = o.tier("silver").expect("silver");
    assert_eq!(silver.margin, 300);
    // Without A: SharePoint 2,300 holds. Without B: Exchange 1,500, SharePoint 1,000:
    // short. Without C: SharePoint 1,300, but Exchange 2,200 now wins: holds (2,300 −
    // its 1,000 would wrongly say short).
    assert_eq!(silver.hangs_on, vec![1]);
}

#[test]
fn next_week_follows_the_reading_in_use() {
    let mut p = report_draft();
    // Sum: today 1,200 + 800 + 853 + 300 + 50 = 3,203; in 7 days 900 + 800 + 833 + 300 + 50
    // = 2,883.
    p.counting = Counting::SumOfWorkloads;
    let o = look(&p);
    assert_eq!(o.tier("silver").map(|t| t.margin), Some(1_203));
    assert_eq!(o.total_in_7_days, Some(2_883));
    // Best: today Exchange 1,200 + 853 = 2,053; in 7 days Exchange 900 + 833 = 1,733
    // against SharePoint 800: 1,733.
    p.counting = Counting::BestWorkload;
    let o = look(&p);
    assert_eq!(o.tier("silver").map(|t| t.margin), Some(53));
    assert_eq!(o.total_in_7_days, Some(1_733));
}

/// Brute force: the tier's met-ness with row `i` alone excluded (marked trial: it stays a
/// row, so any repeat of it stays a repeat).
fn met_without_customer(p: &Profile, i: usize, tier: &str) -> bool {
    let mut q = p.clone();
    q.customers[i].trial = true;
    evaluate(&q, rules()).tier(tier).is_some_and(|t| t.met)
}

fn met_without_person(p: &Profile, j: usize, tier: &str) -> bool {
    let mut q = p.clone();
    q.staff[j].exams.clear();
    q.staff[j].certifications.clear();
    evaluate(&q, rules()).tier(tier).is_some_and(|t| t.met)
}

fn arb_customer() -> impl Strategy<Value = Customer> {
    (
        0..4usize,
        proptest::array::uniform5(0..1_600u64),
        0..8u8,
        any::<bool>(),
    )
        .prop_map(|(name, active, flag, zero_some)| {
            let mut c = Customer::new(["A", "B", "C", "D"][name]);
            c.association = if flag == 0 {
                Association::None
            } else {
                Association::DelegatedAdmin
            };
            c.trial = flag == 1;
            for (w, v) in Workload::ALL.into_iter().zip(active) {
                let v = if zero_some && v % 3 == 0 { 0 } else { v };
                c.active_users.set(w, n(v));
            }
            c
        })
}

fn arb_person() -> impl Strategy<Value = Person> {
    (0..3usize, 0..4u8).prop_map(|(name, kind)| match kind {
        0 => person(["P", "Q", "R"][name], &["70-346", "70-347"], &[]),
        1 => person(["P", "Q", "R"][name], &[], &["mcsa-office-365"]),
        2 => person(["P", "Q", "R"][name], &["70-346"], &[]),
        _ => person(["P", "Q", "R"][name], &[], &[]),
    })
}

proptest! {
    #[test]
    fn hangs_on_is_what_removing_each_row_shows(
        customers in proptest::collection::vec(arb_customer(), 0..7),
        staff in proptest::collection::vec(arb_person(), 0..4),
        reading in 0..3usize,
        developing in any::<bool>(),
    ) {
        let mut p = draft(Counting::ALL[reading], customers, staff);
        if developing {
            p.market = Some(Market::Developing);
        }
        let a = evaluate(&p, rules());
        let o = outlook(&p, rules(), &a);
        for (t, to) in a.tiers.iter().zip(&o.tiers) {
            prop_assert_eq!(&t.tier, &to.tier);
            let expected: Vec<usize> = if t.met {
                (0..p.customers.len())
                    .filter(|&i| !met_without_customer(&p, i, &t.tier))
                    .collect()
            } else {
                Vec::new()
            };
            prop_assert_eq!(&to.hangs_on, &expected, "tier {}", t.tier);
            let expected: Vec<usize> = if t.met {
                (0..p.staff.len())
                    .filter(|&j| !met_without_person(&p, j, &t.tier))
                    .collect()
            } else {
                Vec::new()
            };
            prop_assert_eq!(&to.people_hang_on, &expected, "tier {}", t.tier);
        }
    }
}

#[test]
fn the_first_rows_only_are_the_first_rows_of_the_whole_list() {
    let p = report_draft();
    let a = evaluate(&p, rules());
    let whole = outlook(&p, rules(), &a);
    assert_eq!(whole.inactive_left_off, (0, 0));
    for limit in 0..4 {
        let top = cpc_wizard::rules::outlook_top(&p, rules(), &a, limit);
        let shown = limit.min(whole.inactive_licensed.len());
        assert_eq!(top.inactive_licensed, whole.inactive_licensed[..shown]);
        let rest = &whole.inactive_licensed[shown..];
        assert_eq!(
            top.inactive_left_off,
            (rest.len(), rest.iter().map(|r| r.users).sum::<u64>())
        );
    }
}
