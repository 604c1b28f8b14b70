//! The language-neutral report: ids, never words (SPEC.md §4).

use std::fmt::Write;

use serde::Serialize;

use super::ReportInput;
use super::readings::as_of;
use crate::profile::{Association, Counting, Market, ReportDate, Source, Workload};
use crate::rules::{Exclusion, ReadingResult, RouteProgress, TierResult, Warning, outlook};

pub(crate) fn render(input: &ReportInput) -> String {
    let text = serde_json::to_string_pretty(&report(input)).unwrap_or_default();
    let mut text = escape_terminal_controls(text);
    text.push('\n');
    text
}

/// serde_json escapes only U+0000–U+001F. DEL, the C1 controls (U+009B is a CSI to many
/// terminals) and bidirectional overrides would still reach a terminal raw, so they are
/// written as `\uXXXX` too. Outside strings the pretty JSON is ASCII with raw newlines
/// (kept), so this only touches string contents, and the parsed value is the same.
fn escape_terminal_controls(json: String) -> String {
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    // Almost every report has none: keep the text as it is.
    if !json.chars().any(unsafe_char) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 64);
    for c in json.chars() {
        if unsafe_char(c) {
            let _ = write!(out, "\\u{:04x}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

/// The report as borrowed, typed rows: a `serde_json::Value` tree cost an allocation per
/// field and made `--format json` of a 100,000-customer draft three times slower than text.
#[derive(Serialize)]
struct Report<'a> {
    profile: &'a str,
    edition: &'a str,
    market: Option<Market>,
    market_assessed: Market,
    /// The reading the totals and tiers follow.
    counting: Counting,
    active_entitlements: u64,
    qualified_people: u32,
    highest_tier: Option<&'a str>,
    tiers: &'a [TierResult],
    /// All three readings, the one used too.
    readings: &'a [ReadingResult],
    /// The oldest usage report behind a counted customer, or null.
    as_of: Option<ReportDate>,
    customers: Vec<CustomerRow<'a>>,
    staff: Vec<PersonRow<'a>>,
    warnings: &'a [Warning],
    /// What the result hangs on, next week, and what is within reach (SPEC.md §8).
    outlook: OutlookRow<'a>,
}

#[derive(Serialize)]
struct OutlookRow<'a> {
    total_in_7_days: Option<u64>,
    tiers: Vec<TierOutlookRow<'a>>,
    inactive_licensed: Vec<InactiveRow<'a>>,
    one_exam_away: Vec<&'a str>,
}

#[derive(Serialize)]
struct TierOutlookRow<'a> {
    tier: &'a str,
    margin: i64,
    margin_in_7_days: Option<i64>,
    hangs_on: Vec<&'a str>,
    people_hang_on: Vec<&'a str>,
}

#[derive(Serialize)]
struct InactiveRow<'a> {
    name: &'a str,
    workload: Workload,
    users: u64,
}

#[derive(Serialize)]
struct CustomerRow<'a> {
    name: &'a str,
    association: Association,
    trial: bool,
    counted: u64,
    top_workload: Option<Workload>,
    excluded: Option<Exclusion>,
    /// For `"duplicate"`: the index (from 0) of the earlier customer this one repeats.
    #[serde(skip_serializing_if = "Option::is_none")]
    duplicate_of: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a Source>,
}

#[derive(Serialize)]
struct PersonRow<'a> {
    name: &'a str,
    qualifies: bool,
    /// The index (from 0) of the earlier person this one repeats.
    #[serde(skip_serializing_if = "Option::is_none")]
    duplicate_of: Option<usize>,
    route: Option<&'a str>,
    routes: &'a [RouteProgress],
    unknown_ids: &'a [String],
}

fn report<'a>(input: &'a ReportInput) -> Report<'a> {
    let a = input.assessment;
    let customers = input
        .profile
        .customers
        .iter()
        .zip(&a.customers)
        .map(|(c, r)| CustomerRow {
            name: &c.name,
            association: c.association,
            trial: c.trial,
            counted: r.counted,
            top_workload: r.top_workload,
            excluded: r.excluded,
            duplicate_of: r.duplicate_of,
            source: c.source.as_deref(),
        })
        .collect();
    let staff = input
        .profile
        .staff
        .iter()
        .zip(&a.staff)
        .map(|(p, r)| PersonRow {
            name: &p.name,
            qualifies: r.qualifies,
            duplicate_of: r.duplicate_of,
            route: r.route.as_deref(),
            routes: &r.progress,
            unknown_ids: &r.unknown_ids,
        })
        .collect();
    Report {
        profile: &input.profile.name,
        edition: &a.edition,
        market: a.market,
        market_assessed: a.market_assessed,
        counting: a.counting,
        active_entitlements: a.active_entitlements,
        qualified_people: a.qualified_people,
        highest_tier: a.highest_tier.as_deref(),
        tiers: &a.tiers,
        readings: &a.readings,
        as_of: as_of(input.profile, a),
        customers,
        staff,
        warnings: &a.warnings,
        outlook: outlook_row(input),
    }
}

fn outlook_row<'a>(input: &'a ReportInput) -> OutlookRow<'a> {
    let o = outlook(input.profile, input.rules, input.assessment);
    let customer = |i: usize| {
        input
            .profile
            .customers
            .get(i)
            .map_or("", |c| c.name.as_str())
    };
    let person = |j: usize| input.profile.staff.get(j).map_or("", |p| p.name.as_str());
    OutlookRow {
        total_in_7_days: o.total_in_7_days,
        tiers: o
            .tiers
            .iter()
            .map(|t| TierOutlookRow {
                tier: input
                    .assessment
                    .tier(&t.tier)
                    .map_or("", |r| r.tier.as_str()),
                margin: t.margin,
                margin_in_7_days: t.margin_in_7_days,
                hangs_on: t.hangs_on.iter().map(|&i| customer(i)).collect(),
                people_hang_on: t.people_hang_on.iter().map(|&j| person(j)).collect(),
            })
            .collect(),
        inactive_licensed: o
            .inactive_licensed
            .iter()
            .map(|r| InactiveRow {
                name: customer(r.customer),
                workload: r.workload,
                users: r.users,
            })
            .collect(),
        one_exam_away: o.one_exam_away.iter().map(|&j| person(j)).collect(),
    }
}
