//! Bringing an existing assessment up to date after one customer or one person changed,
//! without walking the whole draft: the wizard does this on every keystroke. The result is
//! always exactly what `evaluate` gives for the changed draft (tested below).

use super::RuleSet;
use super::assessment::{Assessment, CustomerResult, Warning};
use super::evaluate::{
    assess_customer, assess_person, highest_tier, tier_results, warn_duplicate_people,
};
use crate::profile::{Customer, Person};

impl Assessment {
    /// The customer at `index` is now `customer`: re-assess it alone, move the total by the
    /// difference and recompute the tiers. Returns the customer's previous result, or `None`
    /// (and changes nothing) when `index` is not one of this assessment's customers or
    /// `rules` is not the edition it was made under — then only `evaluate` will do.
    pub fn update_customer(
        &mut self,
        index: usize,
        customer: &Customer,
        rules: &RuleSet,
    ) -> Option<CustomerResult> {
        if rules.edition != self.edition {
            return None;
        }
        let slot = self.customers.get_mut(index)?;
        let new = assess_customer(customer, rules);
        let old = std::mem::replace(slot, new);
        // `old.counted` is part of the total, so the subtraction never saturates on an
        // assessment that matches its draft.
        self.active_entitlements = self
            .active_entitlements
            .saturating_sub(old.counted)
            .saturating_add(new.counted);
        self.refresh_tiers(rules);
        Some(old)
    }

    /// The person at `index` changed (`staff` is the whole staff after the change): re-assess
    /// that person, move the qualified count, and redo the duplicate-name warnings (they
    /// depend on every name; staff lists are short). Returns false, changing nothing, when
    /// `staff` does not match this assessment or `rules` is another edition.
    pub fn update_person(&mut self, index: usize, staff: &[Person], rules: &RuleSet) -> bool {
        if rules.edition != self.edition || staff.len() != self.staff.len() {
            return false;
        }
        let (Some(person), Some(slot)) = (staff.get(index), self.staff.get_mut(index)) else {
            return false;
        };
        let new = assess_person(person, rules);
        let (was, is) = (slot.qualifies, new.qualifies);
        *slot = new;
        self.qualified_people = self
            .qualified_people
            .saturating_sub(u32::from(was))
            .saturating_add(u32::from(is));
        // `evaluate` puts the market warning first, then the duplicates in staff order.
        self.warnings
            .retain(|w| !matches!(w, Warning::DuplicatePerson { .. }));
        warn_duplicate_people(staff, &mut self.warnings);
        self.refresh_tiers(rules);
        true
    }

    fn refresh_tiers(&mut self, rules: &RuleSet) {
        self.tiers = tier_results(
            rules,
            self.market_assessed,
            self.active_entitlements,
            self.qualified_people,
        );
        self.highest_tier = highest_tier(&self.tiers);
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::profile::{Association, Count, Market, Profile, Workload};
    use crate::rules::evaluate;

    fn rules(edition: &str) -> &'static RuleSet {
        match RuleSet::by_edition(edition) {
            Some(r) => r,
            None => panic!("no edition {edition}"),
        }
    }

    fn customer(association: Association, trial: bool, counts: [u64; 5]) -> Customer {
        let mut c = Customer::new("C");
        c.association = association;
        c.trial = trial;
        for (w, n) in Workload::ALL.into_iter().zip(counts) {
            c.active_users.set(w, Count::new(n).unwrap_or(Count::ZERO));
        }
        c
    }

    fn person(name: &str, exams: &[&str], certifications: &[&str]) -> Person {
        Person {
            name: name.to_string(),
            exams: exams.iter().map(|s| s.to_string()).collect(),
            certifications: certifications.iter().map(|s| s.to_string()).collect(),
            ..Person::new(name)
        }
    }

    fn profile(edition: &str, customers: Vec<Customer>, staff: Vec<Person>) -> Profile {
        let mut p = Profile::new("P");
        p.edition = edition.to_string();
        p.market = Some(Market::Developed);
        p.customers = customers;
        p.staff = staff;
        p
    }

    #[test]
    fn a_customer_crossing_the_silver_line_updates_total_tiers_and_highest_tier() {
        let r = rules("2017-06");
        let silver = r.tiers[0].entitlements.developed;
        let qualified = person("Ann", &["70-346", "70-347"], &[]);
        let mut p = profile(
            "2017-06",
            vec![customer(Association::DelegatedAdmin, false, [0; 5])],
            vec![qualified.clone(), person("Bob", &["70-346", "70-347"], &[])],
        );
        let mut a = evaluate(&p, r);
        assert_eq!(a.highest_tier, None);
        p.customers[0]
            .active_users
            .set(Workload::Yammer, Count::new(silver).unwrap_or(Count::ZERO));
        let old = a.update_customer(0, &p.customers[0], r);
        assert_eq!(old.map(|o| o.counted), Some(0));
        assert_eq!(a.active_entitlements, silver);
        assert_eq!(a, evaluate(&p, r));
    }

    #[test]
    fn making_a_customer_a_trial_removes_its_users_and_marks_it_excluded() {
        let r = rules("2017-07");
        let mut p = profile(
            "2017-07",
            vec![
                customer(Association::DelegatedAdmin, false, [10, 20, 0, 0, 0]),
                customer(Association::TransactingPartner, false, [5, 0, 0, 0, 0]),
            ],
            vec![],
        );
        let mut a = evaluate(&p, r);
        p.customers[0].trial = true;
        let old = a.update_customer(0, &p.customers[0], r);
        assert_eq!(old.and_then(|o| o.excluded), None);
        assert_eq!(a.active_entitlements, 5);
        assert!(a.customers[0].excluded.is_some());
        assert_eq!(a, evaluate(&p, r));
    }

    #[test]
    fn an_index_outside_the_draft_or_another_edition_changes_nothing() {
        let p = profile(
            "2017-06",
            vec![customer(Association::DelegatedAdmin, false, [1; 5])],
            vec![person("Ann", &[], &[])],
        );
        let mut a = evaluate(&p, rules("2017-06"));
        let before = a.clone();
        let c = customer(Association::DelegatedAdmin, false, [9; 5]);
        assert_eq!(a.update_customer(1, &c, rules("2017-06")), None);
        assert_eq!(a.update_customer(0, &c, rules("2017-07")), None);
        assert!(!a.update_person(1, &p.staff, rules("2017-06")));
        assert!(!a.update_person(0, &p.staff, rules("2017-07")));
        assert!(!a.update_person(0, &[], rules("2017-06")));
        assert_eq!(a, before);
    }

    #[test]
    fn renaming_a_person_to_a_duplicate_adds_the_warning_after_the_market_one() {
        let r = rules("2017-06");
        let mut p = profile(
            "2017-06",
            vec![],
            vec![person("Ann", &["70-346"], &[]), person("Bob", &[], &[])],
        );
        p.market = None;
        let mut a = evaluate(&p, r);
        p.staff[1].name = " ann ".to_string();
        assert!(a.update_person(1, &p.staff, r));
        assert_eq!(a, evaluate(&p, r));
        assert_eq!(a.warnings.len(), 2);
        p.staff[1].name = "Bob".to_string();
        assert!(a.update_person(1, &p.staff, r));
        assert_eq!(a, evaluate(&p, r));
    }

    // ------------------------------------------------------------ properties

    fn any_count() -> impl Strategy<Value = u64> {
        prop_oneof![3 => 0u64..5_000, 1 => Just(0u64), 1 => 0u64..=10_000_000]
    }

    fn any_customer() -> impl Strategy<Value = Customer> {
        (
            prop::sample::select(Association::ALL.to_vec()),
            prop::bool::weighted(0.2),
            prop::array::uniform5(any_count()),
        )
            .prop_map(|(association, trial, counts)| customer(association, trial, counts))
    }

    fn any_person() -> impl Strategy<Value = Person> {
        let ids = |all: Vec<&'static str>| {
            prop::sample::subsequence(all.clone(), 0..=all.len())
                .prop_map(|v| v.into_iter().map(String::from).collect::<Vec<_>>())
        };
        (
            prop::sample::select(vec!["Ann", "ann ", "Bob", "Cy", ""]),
            ids(vec!["70-346", "70-347", "70-533", "99-999"]),
            ids(vec!["mcsa-office-365", "mcse-productivity"]),
        )
            .prop_map(|(name, exams, certifications)| Person {
                exams,
                certifications,
                ..Person::new(name)
            })
    }

    fn any_profile() -> impl Strategy<Value = Profile> {
        (
            prop::sample::select(vec!["2017-06", "2017-07"]),
            prop::option::of(prop::sample::select(Market::ALL.to_vec())),
            prop::collection::vec(any_customer(), 1..40),
            prop::collection::vec(any_person(), 1..8),
        )
            .prop_map(|(edition, market, customers, staff)| {
                let mut p = profile(edition, customers, staff);
                p.market = market;
                p
            })
    }

    proptest! {
        #[test]
        fn one_customer_changed_incrementally_equals_a_full_evaluate(
            mut p in any_profile(),
            changes in prop::collection::vec((any::<prop::sample::Index>(), any_customer()), 1..6),
        ) {
            let r = rules(&p.edition);
            let mut a = evaluate(&p, r);
            for (at, replacement) in changes {
                let i = at.index(p.customers.len());
                let before = a.customers[i];
                p.customers[i] = replacement;
                prop_assert_eq!(a.update_customer(i, &p.customers[i], r), Some(before));
                prop_assert_eq!(&a, &evaluate(&p, r));
            }
        }

        #[test]
        fn one_person_changed_incrementally_equals_a_full_evaluate(
            mut p in any_profile(),
            changes in prop::collection::vec((any::<prop::sample::Index>(), any_person()), 1..6),
        ) {
            let r = rules(&p.edition);
            let mut a = evaluate(&p, r);
            for (at, replacement) in changes {
                let i = at.index(p.staff.len());
                p.staff[i] = replacement;
                prop_assert!(a.update_person(i, &p.staff, r));
                prop_assert_eq!(&a, &evaluate(&p, r));
            }
        }
    }
}
