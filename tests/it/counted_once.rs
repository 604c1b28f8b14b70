//! SPEC.md §2, decision 8: one tenant, one person, counted once. A draft written by hand
//! that lists one twice is read; the later entry does not count.

use cpc_wizard::profile::{Association, Count, Customer, Market, Person, Profile, Workload};
use cpc_wizard::rules::{Exclusion, RuleSet, Warning, evaluate};

fn rules() -> &'static RuleSet {
    RuleSet::by_edition("2017-06").expect("edition exists")
}

fn exchange_only(name: &str, users: u64) -> Customer {
    let mut c = Customer::new(name);
    c.association = Association::DelegatedAdmin;
    c.active_users.set(
        Workload::ExchangeOnline,
        Count::new(users).expect("in range"),
    );
    c
}

fn qualified(name: &str, email: Option<&str>) -> Person {
    Person {
        exams: vec!["70-346".into(), "70-347".into()],
        email: email.map(String::from),
        ..Person::new(name)
    }
}

fn draft(customers: Vec<Customer>, staff: Vec<Person>) -> Profile {
    let mut p = Profile::new("Twice");
    p.market = Some(Market::Developed);
    p.customers = customers;
    p.staff = staff;
    p
}

#[test]
fn one_person_listed_twice_counts_once() {
    // Before: both entries qualified, two people counted for Gold's two.
    let p = draft(
        vec![],
        vec![qualified("Mei Lin", None), qualified(" mei lin ", None)],
    );
    let a = evaluate(&p, rules());
    assert_eq!(a.qualified_people, 1);
    assert!(a.staff[0].qualifies);
    assert!(!a.staff[1].qualifies);
}

#[test]
fn one_tenant_listed_twice_counts_once() {
    let p = draft(
        vec![
            exchange_only("Fabrikam", 1_500),
            exchange_only(" FABRIKAM", 1_500),
        ],
        vec![],
    );
    let a = evaluate(&p, rules());
    assert_eq!(a.active_entitlements, 1_500);
}

#[test]
fn the_same_tenant_domain_under_another_name_is_the_same_tenant() {
    let mut first = exchange_only("Fabrikam Ltd", 1_000);
    first.tenant_domain = Some("fabrikam.onmicrosoft.com".into());
    let mut again = exchange_only("Fabrikam (EU)", 700);
    again.tenant_domain = Some("FABRIKAM.onmicrosoft.com".into());
    let other = exchange_only("Contoso", 300);
    let a = evaluate(&draft(vec![first, again, other], vec![]), rules());
    assert_eq!(a.customers[1].excluded, Some(Exclusion::Duplicate));
    assert_eq!(a.customers[1].duplicate_of, Some(0));
    assert_eq!(a.customers[1].counted, 0);
    assert_eq!(a.active_entitlements, 1_300);
    assert_eq!(
        a.warnings,
        [Warning::DuplicateCustomer {
            index: 1,
            name: "Fabrikam (EU)".into(),
            first_index: 0,
            first: "Fabrikam Ltd".into(),
        }]
    );
}

#[test]
fn one_warning_per_repeated_entry_each_naming_the_first() {
    let p = draft(
        vec![
            exchange_only("Fabrikam", 10),
            exchange_only("fabrikam", 20),
            exchange_only("FABRIKAM ", 30),
        ],
        vec![],
    );
    let a = evaluate(&p, rules());
    let named: Vec<(usize, usize)> = a
        .warnings
        .iter()
        .map(|w| match w {
            Warning::DuplicateCustomer {
                index, first_index, ..
            } => (*index, *first_index),
            other => panic!("unexpected warning {other:?}"),
        })
        .collect();
    assert_eq!(named, [(1, 0), (2, 0)]);
    assert_eq!(a.active_entitlements, 10);
}

#[test]
fn a_repeat_is_excluded_as_a_duplicate_even_when_the_first_is_excluded_for_another_reason() {
    let mut first = exchange_only("Fabrikam", 900);
    first.trial = true;
    let p = draft(vec![first, exchange_only("Fabrikam", 900)], vec![]);
    let a = evaluate(&p, rules());
    assert_eq!(a.customers[0].excluded, Some(Exclusion::Trial));
    assert_eq!(a.customers[1].excluded, Some(Exclusion::Duplicate));
    assert_eq!(Exclusion::Duplicate.id(), "duplicate");
    assert_eq!(a.active_entitlements, 0);
}

#[test]
fn people_are_the_same_by_email_or_by_name_where_either_has_no_email() {
    let cases: [(Person, Person, bool); 6] = [
        // Same email in another case, other names: the same person.
        (
            qualified("Mei Lin", Some("mei@contoso.com")),
            qualified("M. Lin", Some("MEI@contoso.com")),
            true,
        ),
        // Two emails that differ: two people, even with one name.
        (
            qualified("Sam Ortiz", Some("sam@contoso.com")),
            qualified("Sam Ortiz", Some("sam.ortiz@fabrikam.com")),
            false,
        ),
        // One has no email: the names decide.
        (
            qualified("Sam Ortiz", Some("sam@contoso.com")),
            qualified(" sam ortiz", None),
            true,
        ),
        (
            qualified("Sam Ortiz", None),
            qualified("SAM ORTIZ", Some("sam@contoso.com")),
            true,
        ),
        (
            qualified("Sam Ortiz", None),
            qualified("Sam Ortis", None),
            false,
        ),
        // Empty names are never the same person.
        (qualified("", None), qualified(" ", None), false),
    ];
    for (first, second, same) in cases {
        let ctx = format!("{:?} / {:?}", first.name, second.name);
        assert_eq!(
            cpc_wizard::rules::same_person(&first, &second),
            same,
            "{ctx}"
        );
        let a = evaluate(&draft(vec![], vec![first, second]), rules());
        assert_eq!(a.qualified_people, if same { 1 } else { 2 }, "{ctx}");
        assert_eq!(a.staff[1].duplicate_of, same.then_some(0), "{ctx}");
        assert_eq!(a.warnings.len(), usize::from(same), "{ctx}");
    }
}
