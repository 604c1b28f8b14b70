//! Cell values as people write them in spreadsheets: associations, yes/no, names.

use crate::i18n::{Lang, Locale};
use crate::profile::Association;

/// Letters and digits only, lower case: "Delegated Admin", "delegated-admin" and
/// "DELEGATED_ADMIN" compare equal, and "n/a" becomes "na".
fn normalize_value(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Short and long forms seen in Partner Center and partners' own spreadsheets, besides the
/// ids and the names in both locales.
fn association_aliases(association: Association) -> &'static [&'static str] {
    match association {
        Association::DelegatedAdmin => &[
            "dap",
            "delegatedadmin",
            "delegatedadministrator",
            "delegatedadminprivileges",
            "delegatedadministratorprivileges",
            "office365delegatedadministrator",
            "o365delegatedadministrator",
        ],
        // The seed's own zh-TW term, and the short form narrow columns use.
        Association::TransactingPartner => &[
            "transacting",
            "transactingpartner",
            "有記錄可查的交易合作夥伴",
            "交易合作夥伴",
        ],
        Association::DigitalPartnerOfRecord => &[
            "dpor",
            "digitalpor",
            "digitalpartnerofrecord",
            "有記錄可查的數位合作夥伴",
            "數位合作夥伴",
        ],
        Association::FastTrackPartner => &["fasttrack", "fasttrackpartner"],
        Association::None => &["", "none", "no", "na", "noassociation", "nil", "null"],
    }
}

fn association_matches(association: Association, key: &str) -> bool {
    normalize_value(association.id()) == key
        || association_aliases(association).contains(&key)
        || Lang::ALL.iter().any(|l| {
            let locale_key = format!("association.{}", association.id());
            normalize_value(Locale::get(*l).t(&locale_key)) == key
        })
}

/// An association in any of its usual forms, "Digital Partner of Record (DPOR)" included.
/// An empty cell means none.
pub fn parse_association(text: &str) -> Option<Association> {
    let mut candidates = vec![normalize_value(text)];
    // "Long name (SHORT)", or with full-width brackets: either half alone is enough.
    if let Some((outside, inside)) = text.split_once(['(', '\u{FF08}']) {
        candidates.push(normalize_value(outside));
        candidates.push(normalize_value(inside.trim_end_matches([')', '\u{FF09}'])));
    }
    candidates.iter().find_map(|key| {
        Association::ALL
            .into_iter()
            .find(|a| association_matches(*a, key))
    })
}

/// true/false, yes/no, y/n, 1/0, 是/否; an empty cell is false.
pub fn parse_trial(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "true" | "yes" | "y" | "1" | "是" | "試用" | "試用版" => Some(true),
        "false" | "no" | "n" | "0" | "" | "否" | "不是" => Some(false),
        _ => None,
    }
}

/// Characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: &[char] = &['=', '+', '-', '@', '\t', '\r'];

/// Whether a name needs an apostrophe in front when written to a spreadsheet: it would be
/// read as a formula, or it starts with an apostrophe that an import would take off.
pub fn needs_guard(name: &str) -> bool {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) if FORMULA_STARTS.contains(&c) => true,
        Some('\'') => chars
            .next()
            .is_some_and(|c| c == '\'' || FORMULA_STARTS.contains(&c)),
        _ => false,
    }
}

/// Takes off the apostrophe that `needs_guard` asks for, so that export → import keeps
/// every name as it was.
pub fn unguard(name: &str) -> &str {
    match name.strip_prefix('\'') {
        Some(rest) if rest.starts_with('\'') || rest.starts_with(FORMULA_STARTS) => rest,
        _ => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn associations_in_human_forms() {
        use Association::*;
        for (text, want) in [
            ("DAP", DelegatedAdmin),
            ("Delegated Admin", DelegatedAdmin),
            ("Delegated Administrator", DelegatedAdmin),
            ("delegated_admin", DelegatedAdmin),
            ("Office 365 Delegated Administrator", DelegatedAdmin),
            ("委派的系統管理員", DelegatedAdmin),
            ("DPOR", DigitalPartnerOfRecord),
            ("Digital Partner of Record", DigitalPartnerOfRecord),
            ("Digital Partner of Record (DPOR)", DigitalPartnerOfRecord),
            ("Transacting Partner", TransactingPartner),
            ("transacting-partner", TransactingPartner),
            ("Fast Track", FastTrackPartner),
            ("FastTrack Partner", FastTrackPartner),
            ("none", None),
            ("", None),
            ("  ", None),
            ("N/A", None),
            ("-", None),
            ("無", None),
            ("DAP（委派的系統管理員）", DelegatedAdmin),
            ("Fast Track Partner（FastTrack 合作夥伴）", FastTrackPartner),
        ] {
            assert_eq!(parse_association(text), Some(want), "{text:?}");
        }
        assert_eq!(parse_association("Reseller"), Option::None);
        assert_eq!(parse_association("DAPX"), Option::None);
    }

    #[test]
    fn trial_in_human_forms() {
        for t in ["true", "TRUE", "Yes", "y", "1", " 1 "] {
            assert_eq!(parse_trial(t), Some(true), "{t:?}");
        }
        for t in ["false", "No", "n", "0", ""] {
            assert_eq!(parse_trial(t), Some(false), "{t:?}");
        }
        assert_eq!(parse_trial("maybe"), None);
        assert_eq!(parse_trial("2"), None);
    }

    #[test]
    fn guarded_names_come_back_as_they_were() {
        for name in [
            "=SUM(A1)",
            "+1",
            "-x",
            "@me",
            "'",
            "''",
            "'=x",
            "'s-Hertogenbosch",
            "Contoso",
            "",
        ] {
            let written = if needs_guard(name) {
                format!("'{name}")
            } else {
                name.to_string()
            };
            assert_eq!(unguard(&written), name, "{name:?}");
        }
        assert!(!needs_guard("'s-Hertogenbosch"));
        assert!(needs_guard("=cmd"));
    }
}
