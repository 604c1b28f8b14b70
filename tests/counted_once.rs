//! SPEC.md §2, decision 8: one tenant, one person, counted once. A draft written by hand
//! that lists one twice is read; the later entry does not count.

use cpc_wizard::profile::{Association, Count, Customer, Market, Person, Profile, Workload};
use cpc_wizard::rules::{RuleSet, evaluate};

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
