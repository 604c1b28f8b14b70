//! Two drafts side by side (SPEC.md §4, `compare`): each tier met or not and the totals,
//! then the customers and people whose counted value or qualification differ, matched by
//! name ignoring case and spaces. What a "what if" copy is for. Pure: profiles in, text out.

use serde::Serialize;

use crate::i18n::{Locale, thousands};
use crate::profile::Profile;
use crate::report::ReportFormat;
use crate::report::phrases::tier_name;
use crate::rules::{Assessment, RuleSet, evaluate};

/// One draft's side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Side {
    pub name: String,
    pub highest_tier: Option<String>,
    pub active_entitlements: u64,
    pub qualified_people: u32,
    /// Tier id and whether it is met, lowest first.
    pub tiers: Vec<(String, bool)>,
}

/// A customer or person found in either draft whose value differs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Difference<T> {
    pub name: String,
    /// `None`: not in that draft.
    pub a: Option<T>,
    pub b: Option<T>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comparison {
    pub a: Side,
    pub b: Side,
    /// Counted active users (0 when excluded).
    pub customers: Vec<Difference<u64>>,
    /// Whether the person qualifies.
    pub people: Vec<Difference<bool>>,
}

pub(crate) fn compare(a: &Profile, b: &Profile) -> Comparison {
    let assess = |p: &Profile| {
        evaluate(
            p,
            RuleSet::by_edition(&p.edition).unwrap_or(RuleSet::default_edition()),
        )
    };
    let (ra, rb) = (assess(a), assess(b));
    let customers = differences(
        a.customers
            .iter()
            .zip(&ra.customers)
            .map(|(c, r)| (c.name.as_str(), r.counted)),
        b.customers
            .iter()
            .zip(&rb.customers)
            .map(|(c, r)| (c.name.as_str(), r.counted)),
    );
    let people = differences(
        a.staff
            .iter()
            .zip(&ra.staff)
            .map(|(p, r)| (p.name.as_str(), r.qualifies)),
        b.staff
            .iter()
            .zip(&rb.staff)
            .map(|(p, r)| (p.name.as_str(), r.qualifies)),
    );
    Comparison {
        a: side(a, &ra),
        b: side(b, &rb),
        customers,
        people,
    }
}

fn side(profile: &Profile, assessment: &Assessment) -> Side {
    Side {
        name: profile.name.clone(),
        highest_tier: assessment.highest_tier.clone(),
        active_entitlements: assessment.active_entitlements,
        qualified_people: assessment.qualified_people,
        tiers: assessment
            .tiers
            .iter()
            .map(|t| (t.tier.clone(), t.met))
            .collect(),
    }
}

/// The key two rows are matched by: the name in lower case without spaces.
fn match_key(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Rows of A (in A's order, then B's rows not in A) whose values differ. A name repeated
/// within one draft is matched by its first row.
fn differences<'p, T: Copy + PartialEq>(
    a: impl Iterator<Item = (&'p str, T)>,
    b: impl Iterator<Item = (&'p str, T)>,
) -> Vec<Difference<T>> {
    let mut rows: Vec<(String, Difference<T>)> = Vec::new();
    let mut index = std::collections::HashMap::new();
    for (name, value) in a {
        let key = match_key(name);
        if index.contains_key(&key) {
            continue;
        }
        index.insert(key.clone(), rows.len());
        rows.push((
            key,
            Difference {
                name: name.to_string(),
                a: Some(value),
                b: None,
            },
        ));
    }
    for (name, value) in b {
        let key = match_key(name);
        match index.get(&key) {
            Some(&at) => {
                if rows[at].1.b.is_none() {
                    rows[at].1.b = Some(value);
                }
            }
            None => {
                index.insert(key.clone(), rows.len());
                rows.push((
                    key,
                    Difference {
                        name: name.to_string(),
                        a: None,
                        b: Some(value),
                    },
                ));
            }
        }
    }
    rows.into_iter()
        .map(|(_, d)| d)
        .filter(|d| d.a != d.b)
        .collect()
}

pub(crate) fn render(c: &Comparison, format: ReportFormat, loc: &Locale) -> String {
    match format {
        ReportFormat::Json => {
            serde_json::to_string_pretty(c).map_or_else(|_| String::new(), |s| s + "\n")
        }
        ReportFormat::Text => lines(c, loc, false),
        ReportFormat::Markdown => lines(c, loc, true),
    }
}

/// The rows of the comparison as label, A, B.
pub(crate) fn rows(c: &Comparison, loc: &Locale) -> Vec<[String; 3]> {
    let tier = |t: &Option<String>| {
        t.as_deref().map_or_else(
            || loc.t("compare.no_tier").to_string(),
            |t| tier_name(loc, t),
        )
    };
    let met = |m: bool| {
        loc.t(if m { "compare.met" } else { "compare.not_met" })
            .to_string()
    };
    let mut rows = vec![
        [
            loc.t("compare.draft").to_string(),
            c.a.name.clone(),
            c.b.name.clone(),
        ],
        [
            loc.t("compare.highest_tier").to_string(),
            tier(&c.a.highest_tier),
            tier(&c.b.highest_tier),
        ],
        [
            loc.t("compare.entitlements").to_string(),
            thousands(c.a.active_entitlements),
            thousands(c.b.active_entitlements),
        ],
        [
            loc.t("compare.people").to_string(),
            c.a.qualified_people.to_string(),
            c.b.qualified_people.to_string(),
        ],
    ];
    for ((id, a), (_, b)) in c.a.tiers.iter().zip(&c.b.tiers) {
        rows.push([tier_name(loc, id), met(*a), met(*b)]);
    }
    rows
}

fn lines(c: &Comparison, loc: &Locale, markdown: bool) -> String {
    let absent = loc.t("compare.absent").to_string();
    let counted = |v: Option<u64>| v.map_or_else(|| absent.clone(), thousands);
    let qualifies = |v: Option<bool>| {
        v.map_or_else(
            || absent.clone(),
            |q| {
                loc.t(if q {
                    "compare.qualifies"
                } else {
                    "compare.does_not_qualify"
                })
                .to_string()
            },
        )
    };
    let mut out = String::new();
    let table = |out: &mut String, title: &str, rows: Vec<[String; 3]>| {
        if markdown {
            out.push_str(&format!("## {title}\n\n"));
            let [h0, h1, h2] = &rows[0];
            out.push_str(&format!("| {h0} | {h1} | {h2} |\n|---|---|---|\n"));
            for [x, y, z] in &rows[1..] {
                out.push_str(&format!("| {x} | {y} | {z} |\n"));
            }
            out.push('\n');
        } else {
            out.push_str(&format!("{title}\n"));
            let w0 = rows
                .iter()
                .map(|r| crate::text::width(&r[0]))
                .max()
                .unwrap_or(0);
            let w1 = rows
                .iter()
                .map(|r| crate::text::width(&r[1]))
                .max()
                .unwrap_or(0);
            for [x, y, z] in &rows {
                let pad = |s: &str, w: usize| {
                    format!("{s}{}", " ".repeat(w.saturating_sub(crate::text::width(s))))
                };
                out.push_str(&format!("  {}  {}  {z}\n", pad(x, w0), pad(y, w1)));
            }
            out.push('\n');
        }
    };
    table(&mut out, loc.t("compare.title"), clean(rows(c, loc)));
    let head = |label: &str| [label.to_string(), c.a.name.clone(), c.b.name.clone()];
    if c.customers.is_empty() && c.people.is_empty() {
        out.push_str(loc.t("compare.same_rows"));
        out.push('\n');
        return out;
    }
    if !c.customers.is_empty() {
        let mut rows = vec![head(loc.t("compare.customer"))];
        rows.extend(
            c.customers
                .iter()
                .map(|d| [d.name.clone(), counted(d.a), counted(d.b)]),
        );
        table(&mut out, loc.t("compare.customers_differ"), clean(rows));
    }
    if !c.people.is_empty() {
        let mut rows = vec![head(loc.t("compare.person"))];
        rows.extend(
            c.people
                .iter()
                .map(|d| [d.name.clone(), qualifies(d.a), qualifies(d.b)]),
        );
        table(&mut out, loc.t("compare.people_differ"), clean(rows));
    }
    out
}

/// Names as shown: control characters made visible, `|` escaped for Markdown tables.
fn clean(rows: Vec<[String; 3]>) -> Vec<[String; 3]> {
    rows.into_iter()
        .map(|r| r.map(|cell| crate::text::visible(&cell).replace('|', "\\|")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Customer;

    #[test]
    fn rows_match_by_name_ignoring_case_and_spaces_and_only_differences_show() {
        let mut a = Profile::new("A");
        a.customers = vec![Customer::new("Fabrikam Inc"), Customer::new("Gone")];
        let mut b = a.clone();
        b.customers = vec![Customer::new("fabrikamINC"), Customer::new("New")];
        let c = compare(&a, &b);
        let names: Vec<&str> = c.customers.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["Gone", "New"]);
        assert_eq!(c.customers[0].b, None);
        assert_eq!(c.customers[1].a, None);
    }
}
