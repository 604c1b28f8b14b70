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
    pub const ALL: [Kind; 6] = [
        Kind::ActiveUsers,
        Kind::ActiveUsersEarly,
        Kind::Activations,
        Kind::Training,
        Kind::Customers,
        Kind::Staff,
    ];

    /// The id used to find its words in the locale files.
    pub fn id(self) -> &'static str {
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

/// Microsoft's column names as its files spell them (SPEC.md §7), for messages.
pub(crate) const ACTIVE_USERS_HEADER: &str = "Report Refresh Date,User Principal Name,Display Name,Is Deleted,Deleted Date,Has Exchange License,Has OneDrive License,Has SharePoint License,Has Skype For Business License,Has Yammer License,Has Teams License,Exchange Last Activity Date,OneDrive Last Activity Date,SharePoint Last Activity Date,Skype For Business Last Activity Date,Yammer Last Activity Date,Teams Last Activity Date,Exchange License Assign Date,OneDrive License Assign Date,SharePoint License Assign Date,Skype For Business License Assign Date,Yammer License Assign Date,Teams License Assign Date,Assigned Products";
pub(crate) const ACTIVE_USERS_EARLY_HEADER: &str = "Data as of,User principal name,DisplayName,Deleted,Deleted date,License For Exchange,License For OndDrive,License For SharePoint,License For Skype For Business,License For Yammer,Last Activity Date For Exchange,Last Activity Date For OndDrive,Last Activity Date For SharePoint,Last Activity Date For Skype For Business,Last Activity Date For Yammer,License Assigned Date For Exchange,License Assigned Date For OndDrive,License Assigned Date For SharePoint,License Assigned Date For Skype For Business,License Assigned Date For Yammer,Products assigned";
pub(crate) const ACTIVATIONS_HEADER: &str = "Report Refresh Date,User Principal Name,Display Name,Product Type,Last Activated Date,Windows,Mac,Windows 10 Mobile,iOS,Android,Activated On Shared Computer";
pub(crate) const TRAINING_HEADER: &str = "TrainingActivityId,TrainingTitle,TrainingType,IndividualFirstName,IndividualLastName,Email,CorpEmail,TrainingCompletionDate,Month,IcMCP,MCPID,MPNId,PartnerName,PartnerCityLocation,PartnerCountryLocation";

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
    let names_someone = fields.contains(&Some(Field::Name));
    if names_someone && (has("exams") || has("certifications") || staff_in_locales(header)) {
        return Some(Kind::Staff);
    }
    if names_someone {
        return Some(Kind::Customers);
    }
    None
}

/// The staff CSV's list columns, also by their names in either language.
fn staff_in_locales(header: &Header) -> bool {
    header
        .normalized
        .iter()
        .any(|h| super::staff::list_column(h).is_some())
}

/// The columns of `spec` (a comma-separated header as Microsoft writes it) whose normalized
/// names are among `needed` and missing from `header`, as written in `spec`.
pub(crate) fn missing(header: &Header, spec: &str, needed: &[&str]) -> Vec<String> {
    spec.split(',')
        .filter(|name| {
            let key = normalize_header(name);
            needed.contains(&key.as_str()) && !header.has(&key)
        })
        .map(str::to_string)
        .collect()
}
