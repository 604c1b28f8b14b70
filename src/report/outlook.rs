//! The outlook in words (SPEC.md §8): one list of lines shared by the text and Markdown
//! reports and the wizard's Outlook view, so all three say the same.

use super::phrases::{item_name, tier_name, workload_name};
use crate::i18n::{Locale, thousands};
use crate::profile::Profile;
use crate::rules::{Assessment, Outlook, TierOutlook};
use crate::text::visible;

/// Names listed in one sentence, and rows in one list, before "and N more".
pub(crate) const LIST_LIMIT: usize = 10;

/// One line of the outlook, by what it is: the reports and the wizard style each kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum OutlookLine {
    Heading(String),
    Item(String),
    /// Something not known, and why.
    Note(String),
}

/// The outlook in parts, so the wizard can put its chart under the margins; the reports
/// print them as `lines` orders them.
pub(crate) struct OutlookText {
    pub heading: OutlookLine,
    /// Each tier's margin today and in 7 days.
    pub margins: Vec<OutlookLine>,
    /// The total in 7 days, or why it is not known; then what each tier met hangs on.
    pub details: Vec<OutlookLine>,
    /// Licensed users not active, and people one exam away, each under its heading.
    pub tail: Vec<OutlookLine>,
}

impl OutlookText {
    /// In reading order for a report: the total in 7 days before the margins that refer to
    /// "these users".
    pub(crate) fn lines(&self) -> impl Iterator<Item = &OutlookLine> {
        let (week, hangs_on) = self.details.split_at(self.details.len().min(1));
        std::iter::once(&self.heading)
            .chain(week)
            .chain(&self.margins)
            .chain(hangs_on)
            .chain(&self.tail)
    }
}

/// The outlook of a report's draft in sentences: the first `LIST_LIMIT` rows of each list.
/// Shared by the text and Markdown reports, which lay the same lines out each their way.
pub(super) fn report_outlook(loc: &Locale, input: &super::ReportInput) -> OutlookText {
    let a = input.assessment;
    let outlook = crate::rules::outlook_top(input.profile, input.rules, a, LIST_LIMIT);
    outlook_text(loc, input.profile, a, &outlook)
}

pub(crate) fn outlook_text(
    loc: &Locale,
    profile: &Profile,
    assessment: &Assessment,
    o: &Outlook,
) -> OutlookText {
    let heading = OutlookLine::Heading(loc.t("outlook.heading").to_string());
    let margins = o
        .tiers
        .iter()
        .map(|tier| OutlookLine::Item(tier_sentence(loc, tier)))
        .collect();
    let mut head = Vec::new();
    match o.total_in_7_days {
        Some(total) => head.push(OutlookLine::Item(loc.f(
            "outlook.total_in_7_days",
            &[
                ("total", &thousands(total)),
                ("today", &thousands(assessment.active_entitlements)),
            ],
        ))),
        None => head.push(OutlookLine::Note(
            loc.t("outlook.no_report_data").to_string(),
        )),
    }
    for tier in &o.tiers {
        if let Some(line) = hangs_on_sentence(loc, profile, assessment, tier) {
            head.push(OutlookLine::Item(line));
        }
        if !tier.people_hang_on.is_empty() {
            let names: Vec<String> = tier
                .people_hang_on
                .iter()
                .map(|&j| person_name(profile, j))
                .collect();
            head.push(OutlookLine::Item(loc.f(
                "outlook.people_hang_on",
                &[
                    ("tier", &tier_name(loc, &tier.tier)),
                    ("names", &listed(loc, names)),
                ],
            )));
        }
    }

    let mut tail = vec![OutlookLine::Heading(
        loc.t("outlook.inactive_heading").to_string(),
    )];
    if !o.has_report_data {
        tail.push(OutlookLine::Note(
            loc.t("outlook.inactive_unknown").to_string(),
        ));
    } else if o.inactive_licensed.is_empty() {
        tail.push(OutlookLine::Note(
            loc.t("outlook.inactive_none").to_string(),
        ));
    }
    for row in o.inactive_licensed.iter().take(LIST_LIMIT) {
        tail.push(OutlookLine::Item(loc.f(
            "outlook.inactive_line",
            &[
                ("name", &customer_name(profile, row.customer)),
                ("workload", &workload_name(loc, row.workload)),
                ("users", &thousands(row.users)),
                ("adds", &thousands(row.adds)),
            ],
        )));
    }
    // Rows past the limit, whether the outlook listed them or left them off.
    let listed_past = o.inactive_licensed.get(LIST_LIMIT..).unwrap_or_default();
    let more = listed_past.len() + o.inactive_left_off.0;
    if more > 0 {
        let users = listed_past
            .iter()
            .map(|r| r.users)
            .fold(o.inactive_left_off.1, u64::saturating_add);
        tail.push(OutlookLine::Item(loc.f(
            "outlook.inactive_more",
            &[("n", &thousands(more as u64)), ("users", &thousands(users))],
        )));
    }

    if let Some(total) = o
        .total_if_licensed_active
        .filter(|_| !o.inactive_licensed.is_empty())
    {
        let line = match assessment.next_tier() {
            Some(next) => loc.f(
                "outlook.if_all_active_next",
                &[
                    ("total", &thousands(total)),
                    ("tier", &tier_name(loc, &next.tier)),
                    ("need", &thousands(next.entitlements.need)),
                ],
            ),
            None => loc.f("outlook.if_all_active", &[("total", &thousands(total))]),
        };
        tail.push(OutlookLine::Item(line));
    }

    tail.push(OutlookLine::Heading(
        loc.t("outlook.one_exam_heading").to_string(),
    ));
    if o.one_exam_away.is_empty() {
        tail.push(OutlookLine::Note(
            loc.t("outlook.one_exam_none").to_string(),
        ));
    }
    for &j in &o.one_exam_away {
        let missing = assessment
            .staff
            .get(j)
            .and_then(|p| p.progress.iter().find(|r| r.missing.len() == 1))
            .and_then(|r| r.missing.first())
            .map(|id| item_name(loc, id))
            .unwrap_or_default();
        tail.push(OutlookLine::Item(loc.f(
            "outlook.one_exam_line",
            &[("name", &person_name(profile, j)), ("exam", &missing)],
        )));
    }
    OutlookText {
        heading,
        margins,
        details: head,
        tail,
    }
}

/// "Silver holds by 103 today; in 7 days, if none of these users is active again, it is
/// 217 short."
pub(crate) fn tier_sentence(loc: &Locale, tier: &TierOutlook) -> String {
    let name = tier_name(loc, &tier.tier);
    let today = if tier.margin >= 0 {
        loc.f(
            "outlook.today_holds",
            &[
                ("tier", &name),
                ("n", &thousands(tier.margin.unsigned_abs())),
            ],
        )
    } else {
        loc.f(
            "outlook.today_short",
            &[
                ("tier", &name),
                ("n", &thousands(tier.margin.unsigned_abs())),
            ],
        )
    };
    match tier.margin_in_7_days {
        None => loc.f("outlook.week_unknown", &[("today", &today)]),
        Some(m) => loc.f(
            if m >= 0 {
                "outlook.week_holds"
            } else {
                "outlook.week_short"
            },
            &[("today", &today), ("n", &thousands(m.unsigned_abs()))],
        ),
    }
}

/// "Silver hangs on: Fabrikam, Contoso", or that no single customer matters; None for a
/// tier not met.
fn hangs_on_sentence(
    loc: &Locale,
    profile: &Profile,
    assessment: &Assessment,
    tier: &TierOutlook,
) -> Option<String> {
    let met = assessment.tier(&tier.tier).is_some_and(|t| t.met);
    if !met {
        return None;
    }
    let name = tier_name(loc, &tier.tier);
    if tier.hangs_on.is_empty() {
        return Some(loc.f("outlook.hangs_on_none", &[("tier", &name)]));
    }
    let names: Vec<String> = tier
        .hangs_on
        .iter()
        .map(|&i| customer_name(profile, i))
        .collect();
    Some(loc.f(
        "outlook.hangs_on",
        &[("tier", &name), ("names", &listed(loc, names))],
    ))
}

/// Names joined, at most `LIST_LIMIT` of them, then "and N more".
fn listed(loc: &Locale, names: Vec<String>) -> String {
    let extra = names.len().saturating_sub(LIST_LIMIT);
    let mut text = names
        .into_iter()
        .take(LIST_LIMIT)
        .collect::<Vec<_>>()
        .join(loc.t("outlook.list_separator"));
    if extra > 0 {
        text.push_str(&loc.f("outlook.and_more", &[("n", &thousands(extra as u64))]));
    }
    text
}

fn customer_name(profile: &Profile, i: usize) -> String {
    visible(profile.customers.get(i).map_or("", |c| c.name.trim())).into_owned()
}

fn person_name(profile: &Profile, j: usize) -> String {
    visible(profile.staff.get(j).map_or("", |p| p.name.trim())).into_owned()
}
