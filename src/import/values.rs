//! Cell values as people write them in spreadsheets: associations, yes/no, names.

use std::borrow::Cow;

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
pub(crate) fn parse_association(text: &str) -> Option<Association> {
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

/// true/false, yes/no, y/n, 1/0, 是/否, full-width forms as ASCII (`１`); an empty cell is
/// false.
pub(crate) fn parse_trial(text: &str) -> Option<bool> {
    match crate::text::ascii_forms(text)
        .trim()
        .to_lowercase()
        .as_str()
    {
        "true" | "yes" | "y" | "1" | "是" | "試用" | "試用版" => Some(true),
        "false" | "no" | "n" | "0" | "" | "否" | "不是" => Some(false),
        _ => None,
    }
}

/// Characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: &[char] = &['=', '+', '-', '@', '\t', '\r'];

/// Where a spreadsheet may start a new cell inside a name: Excel set to `;` (as in most
/// of Europe) splits a line at every `;`, whatever the quotes; a tab-separated paste at
/// every tab; and `,` and line breaks are where other readers split.
const PART_SEPARATORS: &[char] = &[';', ',', '\t', '\r', '\n'];

/// Byte offsets where a part of the name starts, past any spaces a spreadsheet may skip
/// before reading a formula: at the name's start and just after each separator.
fn part_starts(name: &str) -> impl Iterator<Item = usize> + '_ {
    let after_spaces = |at: usize| {
        name[at..]
            .char_indices()
            .find(|(_, c)| !c.is_whitespace() || PART_SEPARATORS.contains(c))
            .map_or(name.len(), |(i, _)| at + i)
    };
    std::iter::once(0)
        .chain(
            name.char_indices()
                .filter(|(_, c)| PART_SEPARATORS.contains(c))
                .map(|(i, c)| i + c.len_utf8()),
        )
        .map(after_spaces)
}

/// Whether a part (the name from a part start on) needs an apostrophe in front: it would
/// be read as a formula, or it starts with an apostrophe that `unguard` would take off.
fn part_needs_guard(part: &str) -> bool {
    let mut chars = part.chars();
    match chars.next() {
        Some(c) if FORMULA_STARTS.contains(&c) => true,
        Some('\'') => chars
            .next()
            .is_some_and(|c| c == '\'' || FORMULA_STARTS.contains(&c)),
        _ => false,
    }
}

/// Whether `guard` changes the name.
pub(crate) fn needs_guard(name: &str) -> bool {
    part_starts(name).any(|i| part_needs_guard(&name[i..]))
}

/// The name as written to a spreadsheet: an apostrophe before each part (the whole name,
/// and what follows each `;`, `,`, tab or line break) that could start a formula, so that
/// no split of the cell gives a formula. `unguard` takes exactly these off again.
pub(crate) fn guard(name: &str) -> Cow<'_, str> {
    if !needs_guard(name) {
        return Cow::Borrowed(name);
    }
    let mut out = String::with_capacity(name.len() + 2);
    let mut written = 0;
    for at in part_starts(name).filter(|&i| part_needs_guard(&name[i..])) {
        out.push_str(&name[written..at]);
        out.push('\'');
        written = at;
    }
    out.push_str(&name[written..]);
    Cow::Owned(out)
}

/// Takes off the apostrophes that `guard` puts in, so that export → import keeps every
/// name as it was. Separators are the same before and after `guard`, and an apostrophe is
/// none, so the parts line up. Give it the cell as read, before any trimming.
pub(crate) fn unguard(name: &str) -> Cow<'_, str> {
    let guarded = |i: &usize| name[*i..].strip_prefix('\'').is_some_and(part_needs_guard);
    if !part_starts(name).any(|i| guarded(&i)) {
        return Cow::Borrowed(name);
    }
    let mut out = String::with_capacity(name.len());
    let mut written = 0;
    for at in part_starts(name).filter(guarded) {
        out.push_str(&name[written..at]);
        written = at + 1;
    }
    out.push_str(&name[written..]);
    Cow::Owned(out)
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
            "Foo;=1+1",
            "Foo;'=1+1",
            "a,-b\t+c\n@d\r=e",
            ";;=",
            "'\t'",
            "\t\t=",
            "x;';'",
            "Contoso, Ltd; Fabrikam",
            " =x",
            "a; +b",
            "\u{3000}'=x",
            " '\t =",
            "   ",
        ] {
            let written = guard(name);
            assert_eq!(unguard(&written), name, "{name:?} written as {written:?}");
            // No part of what is written starts a formula.
            for part in written.split(PART_SEPARATORS) {
                assert!(
                    !part.trim_start().starts_with(['=', '+', '-', '@']),
                    "{name:?}: part {part:?}"
                );
            }
        }
        assert!(!needs_guard("'s-Hertogenbosch"));
        assert!(needs_guard("=cmd"));
        assert_eq!(guard("Foo;=1+1"), "Foo;'=1+1");
        assert_eq!(guard("Contoso, Ltd"), "Contoso, Ltd");
        assert_eq!(guard("a; =b"), "a; '=b");
    }
}
