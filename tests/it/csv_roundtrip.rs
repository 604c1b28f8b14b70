//! The program's own CSV export of any draft it can open imports back into an empty draft
//! with the same customers and the same assessment: names with formula characters, every
//! separator a spreadsheet may split at, quotes, line breaks, surrounding spaces and any
//! Unicode, and counts at the limits.

use cpc_wizard::export::customers_csv;
use cpc_wizard::import::import_csv;
use cpc_wizard::profile::{Association, Count, Customer, MAX_COUNT, Market, Profile, Workload};
use cpc_wizard::rules::{RuleSet, evaluate};
use proptest::prelude::*;

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        // Formula starts after every kind of separator, apostrophes, quotes, spaces.
        "[=+@\\-;,\t\r\n\"' a-z台北\u{3000}]{1,16}",
        "[ ]{0,2}[=+@\\-'][a-z0-9+]{0,6}([;,\t][ ]{0,2}[=+@\\-'][a-z0-9]{0,4}){0,3}[ ]{0,2}",
        "[\u{0}-\u{7f}]{1,12}",
    ]
    // An import refuses an empty name: a draft's names hold something besides spaces.
    .prop_filter("not blank", |s| !s.trim().is_empty())
}

fn count() -> impl Strategy<Value = Count> {
    prop_oneof![
        Just(0u64),
        Just(u64::from(MAX_COUNT)),
        Just(u64::from(MAX_COUNT) - 1),
        0..=u64::from(MAX_COUNT),
    ]
    .prop_map(|n| Count::new(n).unwrap_or(Count::ZERO))
}

fn customer() -> impl Strategy<Value = Customer> {
    (
        name(),
        prop::sample::select(Association::ALL.to_vec()),
        any::<bool>(),
        prop::array::uniform5(count()),
    )
        .prop_map(|(name, association, trial, counts)| {
            let mut c = Customer::new(name);
            c.association = association;
            c.trial = trial;
            for (w, n) in Workload::ALL.into_iter().zip(counts) {
                c.active_users.set(w, n);
            }
            c
        })
}

fn draft() -> impl Strategy<Value = Profile> {
    (
        prop::collection::vec(customer(), 0..24),
        prop::sample::select(vec!["2017-06", "2017-07"]),
        prop::option::of(prop::sample::select(Market::ALL.to_vec())),
    )
        .prop_map(|(customers, edition, market)| {
            let mut p = Profile::new("Round trip");
            p.edition = edition.to_string();
            p.market = market;
            // One customer per name, ignoring case and surrounding spaces (as a draft
            // holds them: a second entry of one name is refused).
            let mut seen = std::collections::HashSet::new();
            p.customers = customers
                .into_iter()
                .filter(|c| seen.insert(c.name.trim().to_lowercase()))
                .collect();
            p
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn own_export_imports_back_with_the_same_assessment(original in draft()) {
        let rules = RuleSet::by_edition(&original.edition).unwrap_or(RuleSet::default_edition());
        let assessment = evaluate(&original, rules);
        let csv = customers_csv(&original, &assessment);
        let mut copy = Profile { customers: Vec::new(), ..original.clone() };
        let imported = import_csv(csv.as_bytes(), &mut copy);
        // A file with no customers is refused as such, the draft left as it was: empty.
        let nothing_to_read = original.customers.is_empty()
            && matches!(imported, Err(cpc_wizard::import::ImportError::NoRows));
        prop_assert!(imported.is_ok() || nothing_to_read, "{:?}\n{}", imported, csv);
        prop_assert_eq!(copy.customers.len(), original.customers.len());
        for (got, want) in copy.customers.iter().zip(&original.customers) {
            // Cells are read trimmed, as names are compared.
            prop_assert_eq!(got.name.as_str(), want.name.trim());
            prop_assert_eq!(got.association, want.association);
            prop_assert_eq!(got.trial, want.trial);
            prop_assert_eq!(&got.active_users, &want.active_users);
        }
        prop_assert_eq!(evaluate(&copy, rules), assessment);
    }
}
