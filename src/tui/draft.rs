//! The draft being worked on: its profile and file, and its assessment kept current
//! after every change (one customer or person re-assessed, not the whole draft).

use std::path::PathBuf;

use super::screen::Screen;
use crate::profile::{Customer, Person, Profile};
use crate::rules::{Assessment, RuleSet, evaluate};

/// The draft being worked on, with its assessment kept current after every change.
#[derive(Debug, Clone)]
pub struct Draft {
    pub profile: Profile,
    pub path: PathBuf,
    pub assessment: Assessment,
    /// Indexes of excluded customers, so no view has to walk every customer.
    pub excluded_rows: Vec<usize>,
    /// Bumped on every change; compared with `saved_revision` to know what is on disk.
    pub revision: u64,
    pub(crate) saved_revision: u64,
    /// Opened read-only (the draft is open elsewhere): changes are refused, nothing is
    /// ever written.
    pub read_only: bool,
    /// Review's Outlook view, kept until the draft changes.
    pub(crate) outlook_lines: crate::tui::widgets::outlook_panel::LinesCache,
    /// Undo and redo steps, for the session.
    pub(crate) history: super::undo::History,
}

impl Draft {
    pub(crate) fn new(path: PathBuf, profile: Profile) -> Draft {
        // Evaluated once (this runs before the first frame of `edit DRAFT`).
        let assessment = evaluate(&profile, rules_for(&profile));
        Draft {
            excluded_rows: excluded_rows(&assessment),
            assessment,
            history: super::undo::History::new(0),
            profile,
            path,
            revision: 0,
            saved_revision: 0,
            read_only: false,
            outlook_lines: Default::default(),
        }
    }

    pub(crate) fn rules(&self) -> &'static RuleSet {
        rules_for(&self.profile)
    }

    /// Changes the profile and brings the assessment up to date by assessing it all again:
    /// for structural changes (add, delete, import, market, edition). A change to one
    /// customer or person goes through `edit_customer` / `edit_person`, whose cost does not
    /// grow with the draft.
    pub fn edit(&mut self, change: impl FnOnce(&mut Profile)) {
        self.history.keep_baseline(&self.profile);
        change(&mut self.profile);
        self.reassess();
        self.revision += 1;
    }

    /// Changes the customer at `index` (nothing happens when there is none) and updates the
    /// assessment for that customer (and any whose repeat status hangs on its name).
    pub fn edit_customer(&mut self, index: usize, change: impl FnOnce(&mut Customer)) {
        let rules = self.rules();
        self.history.keep_baseline(&self.profile);
        let Some(customer) = self.profile.customers.get_mut(index) else {
            return;
        };
        change(customer);
        self.revision += 1;
        match self
            .assessment
            .update_customer(index, &self.profile.customers, rules)
        {
            Some(rows) => {
                for row in rows {
                    match self.assessment.customers.get(row) {
                        Some(r) if r.excluded.is_some() => {
                            insert_sorted(&mut self.excluded_rows, row)
                        }
                        _ => remove_sorted(&mut self.excluded_rows, row),
                    }
                }
            }
            // The assessment no longer matched the draft: only a full pass will do.
            None => self.reassess(),
        }
    }

    /// Changes the person at `index` (nothing happens when there is none) and updates the
    /// assessment for that person (and the duplicate-name warnings).
    pub(crate) fn edit_person(&mut self, index: usize, change: impl FnOnce(&mut Person)) {
        let rules = self.rules();
        self.history.keep_baseline(&self.profile);
        let Some(person) = self.profile.staff.get_mut(index) else {
            return;
        };
        change(person);
        self.revision += 1;
        if !self
            .assessment
            .update_person(index, &self.profile.staff, rules)
        {
            self.reassess();
        }
    }

    /// Takes the draft back one step (`undo`) or forward again; re-assessed and saved like
    /// any other change. What the step was, or `None` when there is none.
    pub(crate) fn step(&mut self, undo: bool) -> Option<super::undo::Change> {
        let (change, profile) = if undo {
            self.history.undo(&self.profile)?
        } else {
            self.history.redo(&self.profile)?
        };
        self.edit(|p| *p = profile);
        self.history.restored_at(self.revision);
        Some(change)
    }

    pub fn is_saved(&self) -> bool {
        self.revision == self.saved_revision
    }

    fn reassess(&mut self) {
        self.assessment = evaluate(&self.profile, rules_for(&self.profile));
        self.excluded_rows = excluded_rows(&self.assessment);
    }

    /// The first step with nothing in it yet, where `edit DRAFT` opens.
    pub(crate) fn first_unfinished_step(&self) -> Screen {
        if self.profile.market.is_none() {
            Screen::Market
        } else if self.profile.customers.is_empty() {
            Screen::Customers
        } else if self.profile.staff.is_empty() {
            Screen::Staff
        } else {
            Screen::Review
        }
    }

    /// Where the Markdown report is exported: beside the draft, same name, `.md`.
    pub(crate) fn report_path(&self) -> PathBuf {
        self.path.with_extension("md")
    }

    /// Where the customers are exported as CSV: beside the draft, same name, `.csv`.
    pub(crate) fn customers_csv_path(&self) -> PathBuf {
        self.path.with_extension("csv")
    }
}

/// Indexes of the excluded customers.
fn excluded_rows(assessment: &Assessment) -> Vec<usize> {
    assessment
        .customers
        .iter()
        .enumerate()
        .filter(|(_, c)| c.excluded.is_some())
        .map(|(i, _)| i)
        .collect()
}

/// Adds `index` to a sorted list of indexes, keeping it sorted (a binary search and one
/// move of the tail: no walk over the assessment).
fn insert_sorted(rows: &mut Vec<usize>, index: usize) {
    if let Err(at) = rows.binary_search(&index) {
        rows.insert(at, index);
    }
}

fn remove_sorted(rows: &mut Vec<usize>, index: usize) {
    if let Ok(at) = rows.binary_search(&index) {
        rows.remove(at);
    }
}

fn rules_for(profile: &Profile) -> &'static RuleSet {
    RuleSet::by_edition(&profile.edition).unwrap_or(RuleSet::default_edition())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::profile::{Association, Count, Workload};

    fn draft(customers: Vec<Customer>, staff: Vec<Person>) -> Draft {
        let mut p = Profile::new("D");
        p.customers = customers;
        p.staff = staff;
        Draft::new(PathBuf::from("d.json"), p)
    }

    /// What a full pass gives: the assessment and the excluded rows made from scratch.
    fn assert_matches_full_pass(d: &Draft) {
        let fresh = evaluate(&d.profile, d.rules());
        assert_eq!(d.assessment, fresh);
        assert_eq!(d.excluded_rows, excluded_rows(&fresh));
    }

    #[test]
    fn opening_copies_nothing_and_the_first_step_still_goes_back_to_the_draft_as_opened() {
        let opened = draft(vec![Customer::new("a")], vec![]);
        assert!(
            !opened.history.has_baseline(),
            "no copy before the first frame"
        );
        let mut d = opened.clone();
        d.edit_customer(0, |c| c.trial = true);
        d.history.settle(&d.profile, d.revision);
        assert_eq!(d.step(true), Some(crate::tui::undo::Change::Cell));
        assert_eq!(d.profile, opened.profile);
    }

    #[test]
    fn excluding_and_including_customers_keeps_the_rows_sorted_and_exact() {
        let mut d = draft(
            ["a", "b", "c", "d", "e"].map(Customer::new).to_vec(),
            vec![],
        );
        assert!(d.excluded_rows.is_empty());
        for i in [3, 0, 4, 1] {
            d.edit_customer(i, |c| c.trial = true);
            assert_matches_full_pass(&d);
        }
        assert_eq!(d.excluded_rows, vec![0, 1, 3, 4]);
        d.edit_customer(1, |c| c.association = Association::None);
        d.edit_customer(1, |c| c.trial = false);
        assert_eq!(d.excluded_rows, vec![0, 1, 3, 4]);
        d.edit_customer(3, |c| c.trial = false);
        assert_eq!(d.excluded_rows, vec![0, 1, 4]);
        assert_matches_full_pass(&d);
        assert_eq!(d.revision, 7);
    }

    #[test]
    fn an_edit_of_a_missing_customer_or_person_changes_nothing() {
        let mut d = draft(vec![Customer::new("a")], vec![Person::new("p")]);
        d.edit_customer(1, |c| c.trial = true);
        d.edit_person(1, |p| p.name = "q".into());
        assert_eq!(d.revision, 0);
        assert_matches_full_pass(&d);
    }

    #[test]
    fn a_person_edit_updates_the_qualified_count() {
        let mut d = draft(vec![], vec![Person::new("p")]);
        d.edit_person(0, |p| p.certifications.push("mcsa-office-365".into()));
        assert_eq!(d.assessment.qualified_people, 1);
        assert_matches_full_pass(&d);
    }

    fn any_customer() -> impl Strategy<Value = Customer> {
        (
            prop::sample::select(Association::ALL.to_vec()),
            prop::bool::weighted(0.3),
            prop::array::uniform5(0u64..3_000),
            // Few names, so that renames make and unmake repeats of other rows.
            prop::sample::select(vec!["c", "C ", "d", "e"]),
        )
            .prop_map(|(association, trial, counts, name)| {
                let mut c = Customer::new(name);
                c.association = association;
                c.trial = trial;
                for (w, n) in Workload::ALL.into_iter().zip(counts) {
                    c.active_users.set(w, Count::new(n).unwrap_or(Count::ZERO));
                }
                c
            })
    }

    proptest! {
        #[test]
        fn single_customer_edits_keep_assessment_and_excluded_rows_exact(
            customers in prop::collection::vec(any_customer(), 1..60),
            changes in prop::collection::vec((any::<prop::sample::Index>(), any_customer()), 1..20),
        ) {
            let mut d = draft(customers, vec![]);
            for (at, replacement) in changes {
                let i = at.index(d.profile.customers.len());
                d.edit_customer(i, |c| *c = replacement);
                let fresh = evaluate(&d.profile, d.rules());
                prop_assert_eq!(&d.assessment, &fresh);
                prop_assert_eq!(&d.excluded_rows, &excluded_rows(&fresh));
            }
        }
    }
}
