//! Which kind of file a header line belongs to (SPEC.md §7), and where each column the
//! import reads is. Column names compare ignoring case, spaces, `-` and `_`.

use super::columns::{self, Field, normalize_header};

/// The kinds of file an import reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Office 365 active user detail (one tenant's users), since October 2017.
    ActiveUsers,
    /// Office 365 active user detail, February–October 2017 layout.
    ActiveUsersEarly,
    /// Office 365 activations user detail (ProPlus).
    Activations,
    /// Partner Center's training details (people and their exams).
    Training,
    /// Our own customers CSV.
    Customers,
    /// Our own staff CSV.
    Staff,
}

impl Kind {
    /// The id used to find its words in the locale files.
    pub(crate) fn id(self) -> &'static str {
        match self {
            Kind::ActiveUsers => "active_users",
            Kind::ActiveUsersEarly => "active_users_early",
            Kind::Activations => "activations",
            Kind::Training => "training",
            Kind::Customers => "customers",
            Kind::Staff => "staff",
        }
    }
}

/// Microsoft's header lines as its files spell them (SPEC.md §7), for messages: data, kept
/// beside the locales in `assets/reports`.
pub(crate) const ACTIVE_USERS_HEADER: &str =
    include_str!("../../assets/reports/active-user-detail.csv");
pub(crate) const ACTIVE_USERS_EARLY_HEADER: &str =
    include_str!("../../assets/reports/active-user-detail-2017.csv");
pub(crate) const ACTIVATIONS_HEADER: &str =
    include_str!("../../assets/reports/activations-user-detail.csv");
pub(crate) const TRAINING_HEADER: &str = include_str!("../../assets/reports/training-details.csv");

/// A header line as read: each column's name as written and normalized.
pub(crate) struct Header {
    pub written: Vec<String>,
    pub normalized: Vec<String>,
}

impl Header {
    pub(crate) fn new(record: &csv::ByteRecord) -> Header {
        let written: Vec<String> = record
            .iter()
            .map(|f| super::stream::text(f).trim().to_string())
            .collect();
        let normalized = written.iter().map(|h| normalize_header(h)).collect();
        Header {
            written,
            normalized,
        }
    }

    /// The column whose normalized name is one of `names`.
    pub(crate) fn find(&self, names: &[&str]) -> Option<usize> {
        self.normalized
            .iter()
            .position(|h| names.contains(&h.as_str()))
    }

    fn has(&self, name: &str) -> bool {
        self.normalized.iter().any(|h| h == name)
    }

    /// The non-empty names as written, for a message.
    pub(crate) fn names(&self) -> Vec<String> {
        self.written
            .iter()
            .filter(|h| !h.is_empty())
            .cloned()
            .collect()
    }
}

/// The kind of file this header starts, or None.
pub(crate) fn kind(header: &Header) -> Option<Kind> {
    let has = |n: &str| header.has(n);
    if has("userprincipalname") && (has("producttype") || has("productlicenses")) {
        return Some(Kind::Activations);
    }
    if has("userprincipalname") && (has("hasexchangelicense") || has("reportrefreshdate")) {
        return Some(Kind::ActiveUsers);
    }
    if has("userprincipalname") && (has("licenseforexchange") || has("dataasof")) {
        return Some(Kind::ActiveUsersEarly);
    }
    if has("trainingactivityid") || (has("trainingtitle") && has("email")) {
        return Some(Kind::Training);
    }
    let fields: Vec<Option<Field>> = header
        .written
        .iter()
        .map(|h| columns::field_for(h))
        .collect();
    let names_person = header.written.iter().any(|h| columns::names_person(h));
    if names_person && staff_lists(header) {
        return Some(Kind::Staff);
    }
    if fields.contains(&Some(Field::Name)) {
        return Some(Kind::Customers);
    }
    None
}

/// The staff CSV's list columns (exams, certifications), by their names in either
/// language.
fn staff_lists(header: &Header) -> bool {
    use super::columns::{ListColumn, list_column};
    header.normalized.iter().any(|h| {
        matches!(
            list_column(h),
            Some(ListColumn::Exams | ListColumn::Certifications)
        )
    })
}

/// The columns of `spec` (a comma-separated header as Microsoft writes it) whose normalized
/// names are among `needed` and missing from `header`, as written in `spec`.
pub(crate) fn missing(header: &Header, spec: &str, needed: &[&str]) -> Vec<String> {
    spec.trim()
        .split(',')
        .filter(|name| {
            let key = normalize_header(name);
            needed.contains(&key.as_str()) && !header.has(&key)
        })
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(line: &str) -> Header {
        let fields: Vec<&str> = line.trim().split(',').collect();
        Header::new(&csv::ByteRecord::from(fields))
    }

    #[test]
    fn each_kind_is_told_by_its_header() {
        for (line, want) in [
            (ACTIVE_USERS_HEADER, Kind::ActiveUsers),
            (ACTIVE_USERS_EARLY_HEADER, Kind::ActiveUsersEarly),
            (ACTIVATIONS_HEADER, Kind::Activations),
            (TRAINING_HEADER, Kind::Training),
            ("name,email,exams,certifications", Kind::Staff),
            ("Customer,Exchange Online", Kind::Customers),
            ("客戶,試用", Kind::Customers),
        ] {
            assert_eq!(kind(&header(line)), Some(want), "{line}");
        }
        // The October 2017 activations layout.
        let early = ACTIVATIONS_HEADER
            .replace("Product Type", "Product Licenses")
            .replace("Last Activated Date", "Last Activity Date");
        assert_eq!(kind(&header(&early)), Some(Kind::Activations));
        // Case, spaces, `-` and `_` do not matter.
        let shouting = ACTIVE_USERS_HEADER.to_uppercase().replace(' ', "_");
        assert_eq!(kind(&header(&shouting)), Some(Kind::ActiveUsers));
        assert_eq!(kind(&header("tenant id,seats")), None);
    }
}
