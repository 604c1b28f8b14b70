//! Bringing an existing assessment up to date after one customer or one person changed,
//! without walking the whole draft: the wizard does this on every keystroke. The result is
//! always exactly what `evaluate` gives for the changed draft (tested below).

use super::RuleSet;
use super::assessment::{Assessment, Warning};
use super::evaluate::{assess_customer, assess_staff, customer_duplicate_warnings};
use crate::profile::{Counting, Customer, Person};

impl Assessment {
    /// The customer at `index` changed (`customers` is the whole list after the change):
    /// re-assess it, and the customers whose repeat status hangs on its name or tenant
    /// domain, move the sums of every reading by the difference and recompute the tiers.
    /// Returns the rows re-assessed, ascending (`index` among them): only those can have
    /// changed exclusion. Returns `None`, changing nothing, when `customers` does not
    /// match this assessment or `rules` is not its edition — then only `evaluate` will do.
    pub(crate) fn update_customer(
        &mut self,
        index: usize,
        customers: &[Customer],
        rules: &RuleSet,
    ) -> Option<Vec<usize>> {
        if rules.edition != self.edition || customers.len() != self.customers.len() {
            return None;
        }
        let customer = customers.get(index)?;
        let rows = self.index.update(index, customer);
        // A rename of an entry others repeat changes their warnings' text.
        let mut repeats_changed = self.index.shares_a_key(index);
        for &row in &rows {
            let (Some(c), Some(slot)) = (customers.get(row), self.customers.get_mut(row)) else {
                continue;
            };
            let new = assess_customer(c, rules, self.index.first_of(row, customers));
            repeats_changed |= new.duplicate_of.is_some() || slot.duplicate_of.is_some();
            self.index.set_repeated(row, new.duplicate_of.is_some());
            self.tally.remove(slot);
            self.tally.add(&new);
            *slot = new;
        }
        let best = self.tally.best_workload(rules);
        // Under `best_workload` every customer's counted value follows the winning
        // workload: when it changes hands, all of them move (rare: the sums must cross).
        let all = best != self.best_workload && self.counting == Counting::BestWorkload;
        self.best_workload = best;
        let counting = self.counting;
        if all {
            for r in &mut self.customers {
                r.counted = r.counted_under(counting, best);
            }
        } else {
            for &row in &rows {
                if let Some(r) = self.customers.get_mut(row) {
                    r.counted = r.counted_under(counting, best);
                }
            }
        }
        if repeats_changed {
            self.refresh_customer_warnings(customers);
        }
        self.refresh_tiers(rules);
        Some(rows)
    }

    /// The person at `index` changed (`staff` is the whole staff after the change): whether
    /// a person repeats another depends on every name and email, and staff lists are short,
    /// so the staff is assessed again (never the customers). Returns false, changing
    /// nothing, when `staff` does not match this assessment or `rules` is another edition.
    pub(crate) fn update_person(
        &mut self,
        index: usize,
        staff: &[Person],
        rules: &RuleSet,
    ) -> bool {
        if rules.edition != self.edition || staff.len() != self.staff.len() || index >= staff.len()
        {
            return false;
        }
        let (results, warnings) = assess_staff(staff, rules);
        self.qualified_people = results.iter().filter(|p| p.qualifies).count() as u32;
        self.staff = results;
        // `evaluate` puts the person warnings last.
        self.warnings
            .retain(|w| !matches!(w, Warning::DuplicatePerson { .. }));
        self.warnings.extend(warnings);
        self.refresh_tiers(rules);
        true
    }

    /// The repeated-customer warnings again, from the repeats the index knows: they sit
    /// after the market warning and before the person ones, in row order, as `evaluate`
    /// puts them. Costs the number of repeats, not of customers.
    fn refresh_customer_warnings(&mut self, customers: &[Customer]) {
        let fresh = customer_duplicate_warnings(customers, &self.customers, self.index.repeated());
        self.warnings
            .retain(|w| !matches!(w, Warning::DuplicateCustomer { .. }));
        let at = usize::from(matches!(self.warnings.first(), Some(Warning::NoMarket)));
        self.warnings.splice(at..at, fresh);
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::profile::{Association, Count, Counting, Market, Profile, Workload};
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
        assert_eq!(a.update_customer(0, &p.customers, r), Some(vec![0]));
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
        p.customers[1].name = "D".into();
        let mut a = evaluate(&p, r);
        p.customers[0].trial = true;
        assert_eq!(a.update_customer(0, &p.customers, r), Some(vec![0]));
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
        let two = vec![p.customers[0].clone(), p.customers[0].clone()];
        assert_eq!(a.update_customer(1, &p.customers, rules("2017-06")), None);
        assert_eq!(a.update_customer(0, &p.customers, rules("2017-07")), None);
        assert_eq!(a.update_customer(0, &two, rules("2017-06")), None);
        assert!(!a.update_person(1, &p.staff, rules("2017-06")));
        assert!(!a.update_person(0, &p.staff, rules("2017-07")));
        assert!(!a.update_person(0, &[], rules("2017-06")));
        assert_eq!(a, before);
    }

    #[test]
    fn renaming_a_customer_into_an_earlier_one_excludes_it_and_out_again_counts_it() {
        let r = rules("2017-06");
        let mut p = profile(
            "2017-06",
            vec![
                customer(Association::DelegatedAdmin, false, [100, 0, 0, 0, 0]),
                customer(Association::DelegatedAdmin, false, [50, 0, 0, 0, 0]),
                customer(Association::DelegatedAdmin, false, [7, 0, 0, 0, 0]),
            ],
            vec![],
        );
        p.market = None;
        for (c, name) in p
            .customers
            .iter_mut()
            .zip(["Fabrikam", "Contoso", "Tailspin"])
        {
            c.name = name.to_string();
        }
        let mut a = evaluate(&p, r);
        // Row 3 becomes row 2's tenant by its domain, then row 2 becomes row 1 by name:
        // row 3 now repeats row 2 still (the earliest sharing one of its keys).
        p.customers[1].tenant_domain = Some("contoso.onmicrosoft.com".into());
        p.customers[2].tenant_domain = Some("CONTOSO.onmicrosoft.com ".into());
        assert!(a.update_customer(1, &p.customers, r).is_some());
        assert_eq!(a.update_customer(2, &p.customers, r), Some(vec![1, 2]));
        assert_eq!(a, evaluate(&p, r));
        assert_eq!(a.customers[2].duplicate_of, Some(1));
        p.customers[1].name = " fabrikam".into();
        assert_eq!(a.update_customer(1, &p.customers, r), Some(vec![0, 1, 2]));
        assert_eq!(a, evaluate(&p, r));
        assert_eq!(a.active_entitlements, 100);
        assert_eq!(a.warnings.len(), 3);
        // Row 1 renamed in another case: the warnings quote its new spelling.
        p.customers[0].name = "FABRIKAM".into();
        a.update_customer(0, &p.customers, r);
        assert_eq!(a, evaluate(&p, r));
        p.customers[1].name = "Contoso".into();
        p.customers[1].tenant_domain = None;
        a.update_customer(1, &p.customers, r);
        assert_eq!(a, evaluate(&p, r));
        assert_eq!(a.active_entitlements, 157);
    }

    #[test]
    fn a_change_that_moves_the_best_workload_recounts_every_customer() {
        let r = rules("2017-06");
        let mut p = profile(
            "2017-06",
            vec![
                customer(Association::DelegatedAdmin, false, [10, 5, 0, 0, 0]),
                customer(Association::DelegatedAdmin, false, [10, 5, 0, 0, 0]),
            ],
            vec![],
        );
        p.counting = Counting::BestWorkload;
        p.customers[1].name = "D".into();
        let mut a = evaluate(&p, r);
        assert_eq!(a.best_workload, Some(Workload::ExchangeOnline));
        p.customers[1].active_users.set(
            Workload::SharepointOnline,
            Count::new(30).unwrap_or(Count::ZERO),
        );
        a.update_customer(1, &p.customers, r);
        assert_eq!(a.best_workload, Some(Workload::SharepointOnline));
        assert_eq!(a.customers[0].counted, 5);
        assert_eq!(a.active_entitlements, 35);
        assert_eq!(a, evaluate(&p, r));
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
            prop::sample::select(vec!["Fabrikam", " fabrikam", "Contoso", "Tailspin", ""]),
            prop::sample::select(vec![None, Some("a.com"), Some("A.com "), Some("b.com")]),
        )
            .prop_map(|(association, trial, counts, name, domain)| {
                let mut c = customer(association, trial, counts);
                c.name = name.to_string();
                c.tenant_domain = domain.map(String::from);
                c
            })
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
            prop::sample::select(vec![
                None,
                Some("ann@x.com"),
                Some("ANN@x.com"),
                Some("bob@x.com"),
            ]),
        )
            .prop_map(|(name, exams, certifications, email)| Person {
                exams,
                certifications,
                email: email.map(String::from),
                ..Person::new(name)
            })
    }

    fn any_profile() -> impl Strategy<Value = Profile> {
        (
            prop::sample::select(vec!["2017-06", "2017-07"]),
            prop::option::of(prop::sample::select(Market::ALL.to_vec())),
            prop::collection::vec(any_customer(), 1..40),
            prop::collection::vec(any_person(), 1..8),
            prop::sample::select(Counting::ALL.to_vec()),
        )
            .prop_map(|(edition, market, customers, staff, counting)| {
                let mut p = profile(edition, customers, staff);
                p.market = market;
                p.counting = counting;
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
                p.customers[i] = replacement;
                let rows = a.update_customer(i, &p.customers, r);
                prop_assert!(rows.is_some_and(|rows| rows.contains(&i)));
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
