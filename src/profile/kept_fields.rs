//! The draft's top, customers and people read field by field: the fields of format version
//! 1 into their places, any other field kept in `other` to be written back as it was.
//! Hand-written, as serde's `flatten` would buffer the whole object (a copy of every
//! customer, for the top) and lose the line of a bad value.

use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;

use super::error::Problem;
use super::{Counting, Customer, EDITIONS, Market, OtherFields, Person};

/// A field's name: one of `known` by its index, read without allocating, or another kept
/// as text.
enum Key {
    Known(usize),
    Other(String),
}

fn next_key<'de, A: MapAccess<'de>>(
    map: &mut A,
    known: &'static [&'static str],
) -> Result<Option<Key>, A::Error> {
    struct KeyVisitor(&'static [&'static str]);
    impl<'de> Visitor<'de> for KeyVisitor {
        type Value = Key;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a string")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Key, E> {
            Ok(match self.0.iter().position(|k| *k == v) {
                Some(i) => Key::Known(i),
                None => Key::Other(v.to_string()),
            })
        }
    }
    struct KeySeed(&'static [&'static str]);
    impl<'de> de::DeserializeSeed<'de> for KeySeed {
        type Value = Key;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Key, D::Error> {
            d.deserialize_str(KeyVisitor(self.0))
        }
    }
    map.next_key_seed(KeySeed(known))
}

/// Reads an object's fields: each of `known` through `field` (its index and the map, to
/// read its value from), any other kept as it is. Returns the fields kept.
fn read_fields<'de, A: MapAccess<'de>>(
    mut map: A,
    known: &'static [&'static str],
    mut field: impl FnMut(usize, &mut A) -> Result<(), A::Error>,
) -> Result<OtherFields, A::Error> {
    let mut other = OtherFields::new();
    while let Some(key) = next_key(&mut map, known)? {
        match key {
            Key::Known(index) => field(index, &mut map)?,
            Key::Other(key) => {
                let value = map.next_value()?;
                other.insert(key, value);
            }
        }
    }
    Ok(other)
}

/// A known field's value; one seen twice is refused, as serde's derived readers do.
fn once<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    map: &mut A,
    slot: &mut Option<T>,
    field: &'static str,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(de::Error::duplicate_field(field));
    }
    *slot = Some(map.next_value()?);
    Ok(())
}

pub(super) const TOP_FIELDS: &[&str] = &[
    "format",
    "version",
    "name",
    "edition",
    "market",
    "counting",
    "customers",
    "staff",
];
pub(super) const CUSTOMER_FIELDS: &[&str] = &[
    "name",
    "association",
    "trial",
    "active_users",
    "tenant_domain",
    "source",
    "licensed_users",
    "active_users_in_7_days",
];
pub(super) const PERSON_FIELDS: &[&str] = &["name", "exams", "certifications", "email", "source"];

/// An object read from a map of fields, through `read_fields`.
trait FromFields: Sized {
    fn from_fields<'de, A: MapAccess<'de>>(map: A) -> Result<Self, A::Error>;
}

struct FieldsVisitor<T>(PhantomData<T>);

impl<'de, T: FromFields> Visitor<'de> for FieldsVisitor<T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        // Read back as "object" in `Problem::from_serde_message`.
        f.write_str("a map")
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::from_fields(map)
    }
}

fn deserialize_fields<'de, D: Deserializer<'de>, T: FromFields>(d: D) -> Result<T, D::Error> {
    d.deserialize_map(FieldsVisitor(PhantomData))
}

impl FromFields for Customer {
    fn from_fields<'de, A: MapAccess<'de>>(map: A) -> Result<Self, A::Error> {
        let (mut name, mut association, mut trial, mut active_users) = (None, None, None, None);
        let (mut tenant_domain, mut source, mut licensed, mut in_7_days) = (None, None, None, None);
        let other = read_fields(map, CUSTOMER_FIELDS, |index, map| {
            let field = CUSTOMER_FIELDS[index];
            match index {
                0 => once(map, &mut name, field),
                1 => once(map, &mut association, field),
                2 => once(map, &mut trial, field),
                3 => once(map, &mut active_users, field),
                4 => once(map, &mut tenant_domain, field),
                5 => once(map, &mut source, field),
                6 => once(map, &mut licensed, field),
                _ => once(map, &mut in_7_days, field),
            }
        })?;
        Ok(Customer {
            name: name.ok_or_else(|| de::Error::missing_field("name"))?,
            association: association.unwrap_or_default(),
            trial: trial.unwrap_or_default(),
            active_users: active_users.unwrap_or_default(),
            // `null` is as good as absent for the optional fields.
            tenant_domain: tenant_domain.flatten(),
            source: source.flatten().map(Box::new),
            licensed_users: licensed.flatten().unwrap_or_default(),
            active_users_in_7_days: in_7_days.flatten().unwrap_or_default(),
            other,
        })
    }
}

impl FromFields for Person {
    fn from_fields<'de, A: MapAccess<'de>>(map: A) -> Result<Self, A::Error> {
        let (mut name, mut exams, mut certifications) = (None, None, None);
        let (mut email, mut source) = (None, None);
        let other = read_fields(map, PERSON_FIELDS, |index, map| {
            let field = PERSON_FIELDS[index];
            match index {
                0 => once(map, &mut name, field),
                1 => once(map, &mut exams, field),
                2 => once(map, &mut certifications, field),
                3 => once(map, &mut email, field),
                _ => once(map, &mut source, field),
            }
        })?;
        Ok(Person {
            name: name.ok_or_else(|| de::Error::missing_field("name"))?,
            exams: exams.unwrap_or_default(),
            certifications: certifications.unwrap_or_default(),
            email: email.flatten(),
            source: source.flatten().map(Box::new),
            other,
        })
    }
}

/// The top of a draft, read first: enough to know whether the rest can be understood, and
/// the fields this version does not know. The format's own fields are skipped here and read
/// by the body's reader, which names their problems with paths and lines.
pub(super) struct Header {
    pub format: Option<Value>,
    pub version: Option<Value>,
    pub other: OtherFields,
}

impl FromFields for Header {
    fn from_fields<'de, A: MapAccess<'de>>(map: A) -> Result<Self, A::Error> {
        let (mut format, mut version) = (None, None);
        let other = read_fields(map, TOP_FIELDS, |index, map| match index {
            0 => once(map, &mut format, TOP_FIELDS[index]),
            1 => once(map, &mut version, TOP_FIELDS[index]),
            _ => map.next_value::<IgnoredAny>().map(|_| ()),
        })?;
        // `null` is as good as absent.
        let given = |v: Option<Value>| v.filter(|v| !v.is_null());
        Ok(Header {
            format: given(format),
            version: given(version),
            other,
        })
    }
}

/// A whole draft read in one pass, without tracking field paths: the header's fields and
/// the body's, each read as `Header` and the format's body reader read them. Only for a
/// draft that reads without a problem; any problem is found and named by the two passes
/// that `from_json` makes then (see there).
pub(super) struct OnePass {
    pub header: Header,
    pub name: String,
    pub edition: Option<String>,
    pub market: Option<Market>,
    pub counting: Counting,
    pub customers: Vec<Customer>,
    pub staff: Vec<Person>,
}

/// The edition as the body's reader takes it (`known_edition`).
struct KnownEdition(Option<String>);

impl<'de> Deserialize<'de> for KnownEdition {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        known_edition(d).map(KnownEdition)
    }
}

/// The reading as the body's reader takes it (`counting_or_default`).
struct CountingOrDefault(Counting);

impl<'de> Deserialize<'de> for CountingOrDefault {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        counting_or_default(d).map(CountingOrDefault)
    }
}

impl FromFields for OnePass {
    fn from_fields<'de, A: MapAccess<'de>>(map: A) -> Result<Self, A::Error> {
        let (mut format, mut version, mut name) = (None, None, None);
        let mut edition: Option<KnownEdition> = None;
        let mut market: Option<Option<Market>> = None;
        let mut counting: Option<CountingOrDefault> = None;
        let (mut customers, mut staff) = (None, None);
        let other = read_fields(map, TOP_FIELDS, |index, map| {
            let field = TOP_FIELDS[index];
            match index {
                0 => once(map, &mut format, field),
                1 => once(map, &mut version, field),
                2 => once(map, &mut name, field),
                3 => once(map, &mut edition, field),
                4 => once(map, &mut market, field),
                5 => once(map, &mut counting, field),
                6 => once(map, &mut customers, field),
                _ => once(map, &mut staff, field),
            }
        })?;
        let given = |v: Option<Value>| v.filter(|v| !v.is_null());
        Ok(OnePass {
            header: Header {
                format: given(format),
                version: given(version),
                other,
            },
            name: name.ok_or_else(|| de::Error::missing_field("name"))?,
            edition: edition.and_then(|e| e.0),
            market: market.flatten(),
            counting: counting.map(|c| c.0).unwrap_or_default(),
            customers: customers.unwrap_or_default(),
            staff: staff.unwrap_or_default(),
        })
    }
}

impl<'de> Deserialize<'de> for OnePass {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize_fields(d)
    }
}

impl<'de> Deserialize<'de> for Customer {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize_fields(d)
    }
}

impl<'de> Deserialize<'de> for Person {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize_fields(d)
    }
}

impl<'de> Deserialize<'de> for Header {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize_fields(d)
    }
}

/// An edition id that one of the built-in rule files has; `null` reads as absent. The check
/// runs inside the visitor so that serde_json pins the error to the value's own line.
pub(super) fn known_edition<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    struct EditionVisitor;
    impl<'de> Visitor<'de> for EditionVisitor {
        type Value = Option<String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an edition id")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            if EDITIONS.contains(&v) {
                return Ok(Some(v.to_string()));
            }
            Err(Problem::UnknownValue {
                value: v.to_string(),
                expected: EDITIONS.iter().map(|id| id.to_string()).collect(),
            }
            .into_serde())
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
    }
    d.deserialize_any(EditionVisitor)
}

/// `null` reads as absent: the default reading.
pub(super) fn counting_or_default<'de, D: Deserializer<'de>>(d: D) -> Result<Counting, D::Error> {
    Ok(Option::<Counting>::deserialize(d)?.unwrap_or_default())
}
