//! The language-neutral report: ids, never words (SPEC.md §4).

use serde_json::{Value, json};

use super::ReportInput;

pub fn render(input: &ReportInput) -> String {
    let text = serde_json::to_string_pretty(&value(input)).unwrap_or_default();
    let mut text = escape_terminal_controls(&text);
    text.push('\n');
    text
}

/// serde_json escapes only U+0000–U+001F. DEL, the C1 controls (U+009B is a CSI to many
/// terminals) and bidirectional overrides would still reach a terminal raw, so they are
/// written as `\uXXXX` too. Outside strings the pretty JSON is ASCII with raw newlines
/// (kept), so this only touches string contents, and the parsed value is the same.
fn escape_terminal_controls(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if (c.is_control() && c != '\n')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

pub fn value(input: &ReportInput) -> Value {
    let a = input.assessment;
    let customers: Vec<Value> = input
        .profile
        .customers
        .iter()
        .zip(&a.customers)
        .map(|(c, r)| {
            json!({
                "name": c.name,
                "association": c.association.id(),
                "trial": c.trial,
                "counted": r.counted,
                "top_workload": r.top_workload.map(|w| w.id()),
                "excluded": r.excluded.map(|e| e.id()),
            })
        })
        .collect();
    let staff: Vec<Value> = input
        .profile
        .staff
        .iter()
        .zip(&a.staff)
        .map(|(p, r)| {
            json!({
                "name": p.name,
                "qualifies": r.qualifies,
                "route": r.route,
                "routes": r.progress,
                "unknown_ids": r.unknown_ids,
            })
        })
        .collect();
    json!({
        "profile": input.profile.name,
        "edition": a.edition,
        "market": a.market.map(|m| m.id()),
        "market_assessed": a.market_assessed.id(),
        "active_entitlements": a.active_entitlements,
        "qualified_people": a.qualified_people,
        "highest_tier": a.highest_tier,
        "tiers": a.tiers,
        "customers": customers,
        "staff": staff,
        "warnings": a.warnings,
    })
}
