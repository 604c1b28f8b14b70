//! The header line: which column holds which field, whatever the spreadsheet called it.

use crate::i18n::{Lang, Locale};
use crate::profile::Workload;

/// What a column of the file gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    Association,
    Trial,
    Workload(Workload),
}

/// A column as the file names it, with its position (0 for the first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub index: usize,
    pub header: String,
}

impl Column {
    /// The column's letter as a spreadsheet shows it: A … Z, AA, AB …
    pub fn letter(&self) -> String {
        let mut n = self.index + 1;
        let mut letters = Vec::new();
        while n > 0 {
            let rem = (n - 1) % 26;
            letters.push(char::from(b'A' + rem as u8));
            n = (n - 1) / 26;
        }
        letters.iter().rev().collect()
    }
}

/// Header names compare with case, spaces, hyphens and underscores ignored:
/// "Exchange Online", "exchange_online" and "ExchangeOnline" are one column.
pub(crate) fn normalize_header(header: &str) -> String {
    header
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '_'))
        .flat_map(char::to_lowercase)
        .collect()
}

const NAME_HEADERS: &[&str] = &[
    "customer",
    "name",
    "customername",
    "tenant",
    "tenantname",
    "company",
    "companyname",
];
const ASSOCIATION_HEADERS: &[&str] = &["association", "partnerassociation", "associationtype"];
const TRIAL_HEADERS: &[&str] = &["trial", "istrial", "trialsku", "trialsubscription"];
/// The columns `export` writes for people to read; an import ignores them.
pub(crate) const EXPORT_ONLY_HEADERS: &[&str] = &["counted", "excluded"];

/// Other names the workloads go by, besides their ids and their names in both locales.
fn workload_aliases(workload: Workload) -> &'static [&'static str] {
    match workload {
        Workload::ExchangeOnline => &["exchange"],
        Workload::SharepointOnline => &["sharepoint"],
        Workload::SkypeForBusiness => &["skype", "skypeforbusinessonline", "sfb"],
        Workload::Yammer => &[],
        Workload::Proplus => &["proplus", "officeproplus", "o365proplus"],
    }
}

/// The field a header names, or None for a column the import does not use.
pub(crate) fn field_for(header: &str) -> Option<Field> {
    let key = normalize_header(header);
    if key.is_empty() {
        return None;
    }
    let in_locales = |locale_key: &str| {
        Lang::ALL
            .iter()
            .any(|l| normalize_header(Locale::get(*l).t(locale_key)) == key)
    };
    // The wizard's own column names too, in both languages: a file saved from a
    // spreadsheet the user laid out after the Customers screen reads back.
    if NAME_HEADERS.contains(&key.as_str())
        || in_locales("report.col_customer")
        || in_locales("wizard.customers.col_name")
        || in_locales("csv.field_name")
    {
        return Some(Field::Name);
    }
    if ASSOCIATION_HEADERS.contains(&key.as_str())
        || in_locales("report.col_association")
        || in_locales("wizard.customers.col_association")
        || in_locales("csv.field_association")
    {
        return Some(Field::Association);
    }
    if TRIAL_HEADERS.contains(&key.as_str())
        || in_locales("wizard.customers.col_trial")
        || in_locales("csv.field_trial")
        || in_locales("wizard.customers.short.trial")
    {
        return Some(Field::Trial);
    }
    Workload::ALL
        .into_iter()
        .find(|w| {
            normalize_header(w.id()) == key
                || workload_aliases(*w).contains(&key.as_str())
                || in_locales(&format!("workload.{}", w.id()))
        })
        .map(Field::Workload)
}

/// A list column of the staff CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ListColumn {
    Email,
    Exams,
    Certifications,
}

/// The staff column a normalized header names, in either language.
pub(crate) fn list_column(normalized: &str) -> Option<ListColumn> {
    match normalized {
        "email" | "emailaddress" | "mail" | "電子郵件" | "電子郵件地址" => {
            Some(ListColumn::Email)
        }
        "exams" | "exam" | "考試" => Some(ListColumn::Exams),
        "certifications" | "certification" | "certificates" | "認證" | "證照" => {
            Some(ListColumn::Certifications)
        }
        _ => None,
    }
}

/// Whether a header names a person (the staff screen's name column) rather than a customer.
pub(crate) fn names_person(header: &str) -> bool {
    let key = normalize_header(header);
    key == "person" || key == "人員" || key == "姓名" || field_for(header) == Some(Field::Name)
}

/// Whether a header is one of the columns `export` adds for reading only.
pub(crate) fn is_export_only(header: &str) -> bool {
    EXPORT_ONLY_HEADERS.contains(&normalize_header(header).as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_whatever_the_spelling() {
        for h in [
            "Exchange Online",
            "exchange_online",
            "EXCHANGE-ONLINE",
            "ExchangeOnline",
        ] {
            assert_eq!(
                field_for(h),
                Some(Field::Workload(Workload::ExchangeOnline))
            );
        }
        assert_eq!(
            field_for("Office 365 ProPlus"),
            Some(Field::Workload(Workload::Proplus))
        );
        assert_eq!(
            field_for("商務用 Skype"),
            Some(Field::Workload(Workload::SkypeForBusiness))
        );
        assert_eq!(
            field_for("SharePoint"),
            Some(Field::Workload(Workload::SharepointOnline))
        );
        assert_eq!(field_for(" Customer "), Some(Field::Name));
        assert_eq!(field_for("客戶"), Some(Field::Name));
        assert_eq!(field_for("Trial"), Some(Field::Trial));
        assert_eq!(field_for("Notes"), None);
        assert_eq!(field_for(""), None);
    }

    #[test]
    fn letters_follow_spreadsheets() {
        let letter = |index| {
            Column {
                index,
                header: String::new(),
            }
            .letter()
        };
        assert_eq!(letter(0), "A");
        assert_eq!(letter(25), "Z");
        assert_eq!(letter(26), "AA");
        assert_eq!(letter(27), "AB");
        assert_eq!(letter(701), "ZZ");
        assert_eq!(letter(702), "AAA");
    }
}
