//! One tenant, one person, counted once (SPEC.md §2, decision 8): which entries repeat an
//! earlier one.

use std::collections::{BTreeSet, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

use crate::profile::{Customer, Person};
use crate::word_hash::hash_words;

/// A name as entries are compared: surrounding spaces and case do not matter; empty is none.
fn name_key(name: &str) -> Option<String> {
    let trimmed = name.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_lowercase())
}

/// A text's characters as compared: trimmed and lower-cased, without building a string.
fn folded(text: &str) -> impl Iterator<Item = char> + '_ {
    text.trim().chars().flat_map(char::to_lowercase)
}

/// Two names or domains that are the same ignoring case and surrounding spaces.
fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    folded(a).eq(folded(b))
}

/// The bucket of a name or domain: a hash of its folded bytes; none when empty. Equal texts
/// share a bucket; unequal ones may too, rarely, so the members of a bucket are compared
/// with `same_text` before one is taken for a repeat. An ASCII text (most names) is hashed
/// in place, eight bytes at a time; another is folded into a string first. A `String` key
/// per customer, hashed a character at a time, made `evaluate` seven times slower.
fn bucket(text: &str) -> Option<u64> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    Some(if text.is_ascii() {
        hash_folded_bytes(text.as_bytes())
    } else {
        // Folded, an ASCII text is its own lower case: the bytes hash as for an ASCII
        // text of the same letters ("K" and the Kelvin sign both give "k").
        hash_folded_bytes(folded(text).collect::<String>().as_bytes())
    })
}

/// A hash that sees a byte and its ASCII upper case alike: every byte has its 0x20 bit set
/// first (lossy for some punctuation, which only makes a bucket shared, never a repeat).
fn hash_folded_bytes(bytes: &[u8]) -> u64 {
    let mut h = hash_words(bytes, 0x2020_2020_2020_2020);
    // MurmurHash3's finaliser: every bit of the slot depends on every byte.
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// The buckets are hashes already: the map uses them as they are.
#[derive(Default)]
pub(crate) struct BucketHasher(u64);

impl Hasher for BucketHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type Buckets = HashMap<u64, Members, BuildHasherDefault<BucketHasher>>;

/// The customers in one bucket, ascending; almost always one, kept without a `Vec`.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Members {
    One(usize),
    Many(Vec<usize>),
}

impl Members {
    fn as_slice(&self) -> &[usize] {
        match self {
            Members::One(i) => std::slice::from_ref(i),
            Members::Many(v) => v,
        }
    }
}

/// A customer's name and tenant domain.
fn texts(customer: &Customer) -> (&str, Option<&str>) {
    (&customer.name, customer.tenant_domain.as_deref())
}

/// Customers grouped by name and by tenant domain. A customer repeats the earliest other
/// customer sharing either; keeping each bucket's indexes ordered makes that a lookup, and a
/// rename touches only the buckets it leaves and joins.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct CustomerIndex {
    /// Per customer: the buckets of its name and of its tenant domain.
    keys: Vec<(Option<u64>, Option<u64>)>,
    by_name: Buckets,
    by_domain: Buckets,
    /// The customers that repeat an earlier one, so their warnings are redone without a
    /// walk over every customer.
    repeated: BTreeSet<usize>,
}

impl CustomerIndex {
    /// The index of `customers`, and per customer the earlier one it repeats (what
    /// `first_of` gives), found in the same single pass.
    pub(crate) fn build(customers: &[Customer]) -> (CustomerIndex, Vec<Option<usize>>) {
        let mut index = CustomerIndex {
            keys: Vec::with_capacity(customers.len()),
            by_name: Buckets::with_capacity_and_hasher(customers.len(), Default::default()),
            by_domain: Buckets::default(),
            repeated: BTreeSet::new(),
        };
        let mut firsts = Vec::with_capacity(customers.len());
        for (i, customer) in customers.iter().enumerate() {
            let keys = keys_of(customer);
            let (name, domain) = texts(customer);
            let by_name = join_finding(&mut index.by_name, keys.0, i, |j| {
                customers.get(j).is_some_and(|c| same_text(&c.name, name))
            });
            let by_domain = join_finding(&mut index.by_domain, keys.1, i, |j| {
                customers
                    .get(j)
                    .and_then(|c| c.tenant_domain.as_deref())
                    .zip(domain)
                    .is_some_and(|(a, b)| same_text(a, b))
            });
            let first = by_name.into_iter().chain(by_domain).min();
            if first.is_some() {
                index.repeated.insert(i);
            }
            firsts.push(first);
            index.keys.push(keys);
        }
        (index, firsts)
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

    /// The earliest customer before `i` with its name or its tenant domain (`customers` is
    /// the list this index was built from, as it is now).
    pub(crate) fn first_of(&self, i: usize, customers: &[Customer]) -> Option<usize> {
        let (name_key, domain_key) = *self.keys.get(i)?;
        let (name, domain) = texts(customers.get(i)?);
        let earliest = |map: &Buckets,
                        key: Option<u64>,
                        text: Option<&str>,
                        of: fn(&Customer) -> Option<&str>| {
            let (key, text) = (key?, text?);
            map.get(&key)?
                .as_slice()
                .iter()
                .copied()
                .take_while(|&j| j < i)
                .find(|&j| {
                    customers
                        .get(j)
                        .and_then(of)
                        .is_some_and(|other| same_text(other, text))
                })
        };
        let by_name = earliest(&self.by_name, name_key, Some(name), |c| Some(&c.name));
        let by_domain = earliest(&self.by_domain, domain_key, domain, |c| {
            c.tenant_domain.as_deref()
        });
        by_name.into_iter().chain(by_domain).min()
    }

    /// Another customer than `except` with this name (ignoring case and surrounding
    /// spaces): the one a rename or an added row would repeat.
    pub(crate) fn named(
        &self,
        customers: &[Customer],
        name: &str,
        except: Option<usize>,
    ) -> Option<usize> {
        self.by_name
            .get(&bucket(name)?)?
            .as_slice()
            .iter()
            .copied()
            .find(|&j| {
                Some(j) != except && customers.get(j).is_some_and(|c| same_text(&c.name, name))
            })
    }

    /// Whether another customer may share customer `i`'s name or tenant domain.
    pub(crate) fn shares_a_key(&self, i: usize) -> bool {
        let Some(&(name, domain)) = self.keys.get(i) else {
            return false;
        };
        let shared = |map: &Buckets, key: Option<u64>| {
            key.and_then(|k| map.get(&k))
                .is_some_and(|m| m.as_slice().len() > 1)
        };
        shared(&self.by_name, name) || shared(&self.by_domain, domain)
    }

    /// Customer `i` is now `customer`. Returns, ascending, every customer whose
    /// `first_of` may have changed: `i` and the members of the buckets it left or joined.
    pub(crate) fn update(&mut self, i: usize, customer: &Customer) -> Vec<usize> {
        let new = keys_of(customer);
        let Some(&old) = self.keys.get(i) else {
            return vec![i];
        };
        // Same buckets: the others in them are still re-assessed, since two unequal texts
        // may share a bucket (a name can change to another one in its bucket).
        if old != new {
            self.leave(i, old);
            self.join(i, new);
        }
        let mut affected: Vec<usize> = [
            old.0.and_then(|k| self.by_name.get(&k)),
            old.1.and_then(|k| self.by_domain.get(&k)),
            new.0.and_then(|k| self.by_name.get(&k)),
            new.1.and_then(|k| self.by_domain.get(&k)),
        ]
        .into_iter()
        .flatten()
        .flat_map(Members::as_slice)
        .copied()
        .chain([i])
        .collect();
        affected.sort_unstable();
        affected.dedup();
        self.keys[i] = new;
        affected
    }

    fn join(&mut self, i: usize, (name, domain): (Option<u64>, Option<u64>)) {
        for (map, key) in [(&mut self.by_name, name), (&mut self.by_domain, domain)] {
            let Some(k) = key else { continue };
            match map.get_mut(&k) {
                None => {
                    map.insert(k, Members::One(i));
                }
                Some(members) => {
                    let mut all = members.as_slice().to_vec();
                    if let Err(at) = all.binary_search(&i) {
                        all.insert(at, i);
                    }
                    *members = Members::Many(all);
                }
            }
        }
    }

    fn leave(&mut self, i: usize, (name, domain): (Option<u64>, Option<u64>)) {
        for (map, key) in [(&mut self.by_name, name), (&mut self.by_domain, domain)] {
            let Some(k) = key else { continue };
            let Some(members) = map.get_mut(&k) else {
                continue;
            };
            let rest: Vec<usize> = members
                .as_slice()
                .iter()
                .copied()
                .filter(|&j| j != i)
                .collect();
            // A bucket keeps the shape a fresh build gives it, so the two compare equal.
            match rest.as_slice() {
                [] => {
                    map.remove(&k);
                }
                [only] => *members = Members::One(*only),
                _ => *members = Members::Many(rest),
            }
        }
    }
}

/// Adds customer `i` (after every member already there) to the bucket `key`, and returns
/// the earliest member that `same` says is the same customer.
fn join_finding(
    map: &mut Buckets,
    key: Option<u64>,
    i: usize,
    same: impl Fn(usize) -> bool,
) -> Option<usize> {
    let key = key?;
    match map.get_mut(&key) {
        None => {
            map.insert(key, Members::One(i));
            None
        }
        Some(members) => {
            let first = members.as_slice().iter().copied().find(|&j| same(j));
            let mut all = members.as_slice().to_vec();
            all.push(i);
            *members = Members::Many(all);
            first
        }
    }
}

fn keys_of(customer: &Customer) -> (Option<u64>, Option<u64>) {
    let (name, domain) = texts(customer);
    (bucket(name), domain.and_then(bucket))
}

/// Whether two people are the same person (SPEC.md §2, decision 8).
pub fn same_person(a: &Person, b: &Person) -> bool {
    fn email(p: &Person) -> Option<&str> {
        p.email.as_deref().filter(|e| !e.trim().is_empty())
    }
    match (email(a), email(b)) {
        (Some(x), Some(y)) => same_text(x, y),
        _ => !a.name.trim().is_empty() && same_text(&a.name, &b.name),
    }
}

/// Staff lists are usually a handful of people: up to this many, each is compared with
/// those before it, and nothing is allocated.
const PAIRWISE_UP_TO: usize = 16;

/// Per person, the earliest earlier person it repeats: the same email ignoring case, or,
/// where either has no email, the same name ignoring case and surrounding spaces.
pub(crate) fn people_firsts(staff: &[Person]) -> Vec<Option<usize>> {
    if staff.len() <= PAIRWISE_UP_TO {
        return staff
            .iter()
            .enumerate()
            .map(|(i, p)| staff[..i].iter().position(|q| same_person(q, p)))
            .collect();
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_folded_texts_share_a_bucket_whatever_their_script() {
        assert_eq!(bucket(" Fabrikam "), bucket("FABRIKAM"));
        // The Kelvin sign folds to an ASCII "k".
        assert_eq!(bucket("\u{212A}elvin"), bucket("kelvin"));
        assert!(same_text("\u{212A}elvin", " KELVIN"));
        assert_eq!(bucket("台北資訊"), bucket(" 台北資訊"));
        assert_eq!(bucket("  "), None);
        assert_ne!(bucket("Fabrikam"), bucket("Fabrikam Ltd"));
    }

    #[test]
    fn large_and_small_staffs_find_the_same_repeats() {
        let names = ["Mei Lin", " mei lin", "Ray", "RAY ", "", "Sam"];
        let emails = [
            None,
            Some("a@x.com"),
            Some("A@X.com "),
            Some("b@x.com"),
            Some(" "),
        ];
        let staff: Vec<Person> = (0..60)
            .map(|i| Person {
                email: emails[(i * 7 + i / 5) % emails.len()].map(String::from),
                ..Person::new(names[(i * 3 + i / 7) % names.len()])
            })
            .collect();
        assert!(staff.len() > PAIRWISE_UP_TO);
        let pairwise: Vec<Option<usize>> = staff
            .iter()
            .enumerate()
            .map(|(i, p)| staff[..i].iter().position(|q| same_person(q, p)))
            .collect();
        assert_eq!(people_firsts(&staff), pairwise);
        assert!(pairwise.iter().any(Option::is_some));
    }

    #[test]
    fn a_bucket_shared_by_unequal_names_is_never_taken_for_a_repeat() {
        // Two different names put in one bucket by hand, as a hash collision would.
        let customers = vec![Customer::new("Alpha"), Customer::new("Beta")];
        let (mut index, _) = CustomerIndex::build(&customers);
        let alpha = index.keys[0];
        index.leave(1, index.keys[1]);
        index.join(1, alpha);
        index.keys[1] = alpha;
        assert_eq!(index.first_of(1, &customers), None);
        assert_eq!(index.named(&customers, "alpha", Some(0)), None);
        assert_eq!(index.named(&customers, "ALPHA ", None), Some(0));
    }
}
