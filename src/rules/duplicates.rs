//! One tenant, one person, counted once (SPEC.md §2, decision 8): which entries repeat an
//! earlier one.

use std::collections::{BTreeSet, HashMap};

use crate::profile::{Customer, Person};

/// A name as entries are compared: surrounding spaces and case do not matter; empty is none.
fn name_key(name: &str) -> Option<String> {
    let trimmed = name.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_lowercase())
}

fn customer_keys(customer: &Customer) -> (Option<String>, Option<String>) {
    (
        name_key(&customer.name),
        customer.tenant_domain.as_deref().and_then(name_key),
    )
}

/// Customers grouped by name and by tenant domain. A customer repeats the earliest other
/// customer sharing either key; keeping each group's indexes ordered makes that a lookup,
/// and a rename touches only the groups it leaves and joins.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct CustomerIndex {
    /// Per customer: its name key and tenant-domain key.
    keys: Vec<(Option<String>, Option<String>)>,
    by_name: HashMap<String, BTreeSet<usize>>,
    by_domain: HashMap<String, BTreeSet<usize>>,
    /// The customers that repeat an earlier one, so their warnings are redone without a
    /// walk over every customer.
    repeated: BTreeSet<usize>,
}

impl CustomerIndex {
    pub(crate) fn build(customers: &[Customer]) -> CustomerIndex {
        let mut index = CustomerIndex {
            keys: Vec::with_capacity(customers.len()),
            by_name: HashMap::with_capacity(customers.len()),
            by_domain: HashMap::new(),
            repeated: BTreeSet::new(),
        };
        for (i, customer) in customers.iter().enumerate() {
            let keys = customer_keys(customer);
            index.join(i, &keys);
            index.keys.push(keys);
        }
        let repeated: BTreeSet<usize> = (0..customers.len())
            .filter(|&i| index.first_of(i).is_some())
            .collect();
        index.repeated = repeated;
        index
    }

    /// The customers that repeat an earlier one, ascending.
    pub(crate) fn repeated(&self) -> impl Iterator<Item = usize> + '_ {
        self.repeated.iter().copied()
    }

    /// Records whether customer `i` now repeats an earlier one.
    pub(crate) fn set_repeated(&mut self, i: usize, repeats: bool) {
        if repeats {
            self.repeated.insert(i);
        } else {
            self.repeated.remove(&i);
        }
    }

    /// The earliest customer before `i` with its name or its tenant domain.
    pub(crate) fn first_of(&self, i: usize) -> Option<usize> {
        let (name, domain) = self.keys.get(i)?;
        let earliest = |map: &HashMap<String, BTreeSet<usize>>, key: &Option<String>| {
            key.as_ref()
                .and_then(|k| map.get(k))
                .and_then(|group| group.first().copied())
        };
        [
            earliest(&self.by_name, name),
            earliest(&self.by_domain, domain),
        ]
        .into_iter()
        .flatten()
        .filter(|&first| first < i)
        .min()
    }

    /// Another customer than `except` with this name (ignoring case and surrounding spaces):
    /// the one a rename or an added row would repeat.
    pub(crate) fn named(&self, name: &str, except: Option<usize>) -> Option<usize> {
        let group = self.by_name.get(&name_key(name)?)?;
        group.iter().copied().find(|&j| Some(j) != except)
    }

    /// Whether another customer shares customer `i`'s name or tenant domain.
    pub(crate) fn shares_a_key(&self, i: usize) -> bool {
        let Some((name, domain)) = self.keys.get(i) else {
            return false;
        };
        let shared = |map: &HashMap<String, BTreeSet<usize>>, key: &Option<String>| {
            key.as_ref()
                .and_then(|k| map.get(k))
                .is_some_and(|group| group.len() > 1)
        };
        shared(&self.by_name, name) || shared(&self.by_domain, domain)
    }

    /// Customer `i` is now `customer`. Returns, ascending, every customer whose
    /// `first_of` may have changed: `i` and the members of the groups it left or joined.
    pub(crate) fn update(&mut self, i: usize, customer: &Customer) -> Vec<usize> {
        let new = customer_keys(customer);
        let Some(old) = self.keys.get(i).cloned() else {
            return vec![i];
        };
        if old == new {
            return vec![i];
        }
        self.leave(i, &old);
        self.join(i, &new);
        let mut affected: Vec<usize> = [
            old.0.as_ref().and_then(|k| self.by_name.get(k)),
            old.1.as_ref().and_then(|k| self.by_domain.get(k)),
            new.0.as_ref().and_then(|k| self.by_name.get(k)),
            new.1.as_ref().and_then(|k| self.by_domain.get(k)),
        ]
        .into_iter()
        .flatten()
        .flatten()
        .copied()
        .chain([i])
        .collect();
        affected.sort_unstable();
        affected.dedup();
        self.keys[i] = new;
        affected
    }

    fn join(&mut self, i: usize, (name, domain): &(Option<String>, Option<String>)) {
        if let Some(k) = name {
            self.by_name.entry(k.clone()).or_default().insert(i);
        }
        if let Some(k) = domain {
            self.by_domain.entry(k.clone()).or_default().insert(i);
        }
    }

    fn leave(&mut self, i: usize, (name, domain): &(Option<String>, Option<String>)) {
        for (map, key) in [(&mut self.by_name, name), (&mut self.by_domain, domain)] {
            let Some(k) = key else { continue };
            if let Some(group) = map.get_mut(k) {
                group.remove(&i);
                // An empty group is dropped, so the index equals one built afresh.
                if group.is_empty() {
                    map.remove(k);
                }
            }
        }
    }
}

/// Whether two people are the same person (SPEC.md §2, decision 8).
pub fn same_person(a: &Person, b: &Person) -> bool {
    let email = |p: &Person| p.email.as_deref().and_then(name_key);
    match (email(a), email(b)) {
        (Some(x), Some(y)) => x == y,
        _ => name_key(&a.name).is_some_and(|n| Some(n) == name_key(&b.name)),
    }
}

/// Per person, the earliest earlier person it repeats: the same email ignoring case, or,
/// where either has no email, the same name ignoring case and surrounding spaces.
pub(crate) fn people_firsts(staff: &[Person]) -> Vec<Option<usize>> {
    let mut by_email: HashMap<String, usize> = HashMap::new();
    // Everyone's first index per name, and the first per name among people without email.
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut by_name_no_email: HashMap<String, usize> = HashMap::new();
    let mut firsts = Vec::with_capacity(staff.len());
    for (i, person) in staff.iter().enumerate() {
        let email = person.email.as_deref().and_then(name_key);
        let name = name_key(&person.name);
        let same_email = email.as_ref().and_then(|e| by_email.get(e).copied());
        // With an email, a name matches only someone who has none; without, anyone.
        let same_name = name.as_ref().and_then(|n| match email {
            Some(_) => by_name_no_email.get(n).copied(),
            None => by_name.get(n).copied(),
        });
        firsts.push(same_email.into_iter().chain(same_name).min());
        if let Some(e) = email.clone() {
            by_email.entry(e).or_insert(i);
        }
        if let Some(n) = name {
            by_name.entry(n.clone()).or_insert(i);
            if email.is_none() {
                by_name_no_email.entry(n).or_insert(i);
            }
        }
    }
    firsts
}
