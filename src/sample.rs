//! Realistic drafts of any size, for the benchmarks and tests. Deterministic: the same size
//! gives the same draft, so figures and snapshots can be compared from run to run.

use crate::profile::{Association, Count, Customer, Market, Person, Profile, Workload, to_json};

/// A small pseudo-random sequence (SplitMix64); enough variety without a crate.
struct Seq(u64);

impl Seq {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// The `i`-th customer of a sample draft: mostly delegated administrator, a few of every
/// other association, one in twenty on a trial, small tenants with the odd large one.
pub fn customer(i: usize) -> Customer {
    let mut seq = Seq(i as u64);
    let association = match seq.below(100) {
        0..=69 => Association::DelegatedAdmin,
        70..=84 => Association::TransactingPartner,
        85..=91 => Association::DigitalPartnerOfRecord,
        92..=95 => Association::FastTrackPartner,
        _ => Association::None,
    };
    let size = if seq.below(50) == 0 { 5_000 } else { 300 };
    let mut c = Customer::new(format!("Customer {i:06} Ltd"));
    c.association = association;
    c.trial = seq.below(20) == 0;
    for w in Workload::ALL {
        // Some workloads unused (0), the rest up to the tenant's size.
        let n = if seq.below(4) == 0 {
            0
        } else {
            seq.below(size)
        };
        c.active_users.set(w, Count::new(n).unwrap_or(Count::ZERO));
    }
    c
}

/// Staff of a sample draft: every route, a half-way person and an unknown exam.
pub fn staff() -> Vec<Person> {
    let person = |name: &str, exams: &[&str], certs: &[&str]| Person {
        name: name.to_string(),
        exams: exams.iter().map(|s| s.to_string()).collect(),
        certifications: certs.iter().map(|s| s.to_string()).collect(),
        ..Person::new(name)
    };
    vec![
        person("Mei Lin", &["70-346", "70-347"], &[]),
        person("Ray Chen", &[], &["mcsa-office-365"]),
        person("Ann Wu", &["70-346"], &[]),
        person("Tom Hsu", &["70-533"], &[]),
    ]
}

/// `n` people, one in three qualified by each route and the rest half-way.
pub fn many_staff(n: usize) -> Vec<Person> {
    let routes = staff();
    (0..n)
        .map(|i| Person {
            name: format!("Person {i:06}"),
            ..routes[i % 3].clone()
        })
        .collect()
}

/// A draft with `customers` customers, developed market, default edition.
pub fn profile(customers: usize) -> Profile {
    let mut p = Profile::new(format!("Sample MSP ({customers} customers)"));
    p.market = Some(Market::Developed);
    p.customers = (0..customers).map(customer).collect();
    p.staff = staff();
    p
}

/// The same draft as the JSON file the program writes.
pub fn json(customers: usize) -> String {
    to_json(&profile(customers))
}
