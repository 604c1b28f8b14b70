//! Fields of a draft's objects that this version does not know (added by hand or by another
//! tool): kept as they were read and written back, so that saving never drops them.

use std::ops::Index;

use serde::{Serialize, Serializer};
use serde_json::{Map, Value};

/// Almost always empty, so it costs one pointer until a field is kept: drafts hold one per
/// customer, and a large draft has tens of thousands.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OtherFields(Option<Box<Map<String, Value>>>);

impl OtherFields {
    pub fn new() -> Self {
        OtherFields(None)
    }

    pub(crate) fn get(&self, key: &str) -> Option<&Value> {
        self.0.as_ref().and_then(|map| map.get(key))
    }

    /// Keeps a field; a field of the same name is replaced.
    pub(crate) fn insert(&mut self, key: String, value: Value) {
        self.0.get_or_insert_default().insert(key, value);
    }

    /// The fields in the order they were read.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.0.iter().flat_map(|map| map.iter())
    }
}

impl FromIterator<(String, Value)> for OtherFields {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(fields: I) -> Self {
        let mut other = OtherFields::new();
        for (key, value) in fields {
            other.insert(key, value);
        }
        other
    }
}

/// A field that is not kept reads as `null`, as in `serde_json::Value`.
impl Index<&str> for OtherFields {
    type Output = Value;
    fn index(&self, key: &str) -> &Value {
        const NULL: Value = Value::Null;
        self.get(key).unwrap_or(&NULL)
    }
}

/// Written as the object's own fields (the owners flatten it).
impl Serialize for OtherFields {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}
