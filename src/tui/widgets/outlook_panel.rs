//! Review's Outlook view as screen lines: margins, next week and what each tier hangs on,
//! the chart of the customers that make up the total, then what is within reach and who is
//! one exam away. Long sentences wrap; nothing is cut.

use ratatui::text::Line;

use super::super::theme::Theme;
use super::bar_chart::{Bar, Chart, chart_lines};
use super::wrap::wrap_indented;
use crate::i18n::{Locale, thousands};
use crate::profile::Profile;
use crate::report::outlook::{LIST_LIMIT, OutlookLine, outlook_text};
use crate::report::phrases::tier_name;
use crate::rules::{Assessment, RuleSet, outlook_top};
use crate::text::visible;

/// Bars the chart draws for a body of `body_rows` rows: a third of it, at least three.
pub(crate) fn chart_rows(body_rows: u16) -> usize {
    usize::from(body_rows / 3).max(3)
}

pub(crate) fn outlook_lines(
    loc: &Locale,
    profile: &Profile,
    rules: &RuleSet,
    assessment: &Assessment,
    theme: &Theme,
    columns: usize,
    bars: usize,
) -> Vec<Line<'static>> {
    let o = outlook_top(profile, rules, assessment, LIST_LIMIT);
    let text = outlook_text(loc, profile, assessment, &o);
    let mut lines = Vec::new();
    // The margins and the chart first, so they show without scrolling at 80x24.
    push_text(&mut lines, &[text.heading], theme, columns);
    push_text(&mut lines, &text.margins, theme, columns);
    lines.push(Line::default());
    lines.push(Line::styled(
        super::table::fit(loc.t("outlook.chart_heading"), columns),
        theme.heading,
    ));
    lines.extend(chart(loc, profile, assessment, theme, columns, bars));
    lines.push(Line::default());
    push_text(&mut lines, &text.details, theme, columns);
    lines.push(Line::default());
    push_text(&mut lines, &text.tail, theme, columns);
    lines
}

fn push_text(lines: &mut Vec<Line<'static>>, text: &[OutlookLine], theme: &Theme, columns: usize) {
    for (i, line) in text.iter().enumerate() {
        let (text, style, indent) = match line {
            OutlookLine::Heading(t) => (t, theme.heading, ""),
            OutlookLine::Item(t) => (t, theme.plain, "  "),
            OutlookLine::Note(t) => (t, theme.dim, "  "),
        };
        if i > 0 && matches!(line, OutlookLine::Heading(_)) {
            lines.push(Line::default());
        }
        for row in wrap_indented(&format!("{indent}{text}"), columns) {
            lines.push(Line::styled(row, style));
        }
    }
}

/// The counted customers, largest first, against the next tier's threshold (the highest
/// tier's once every tier is met).
fn chart(
    loc: &Locale,
    profile: &Profile,
    assessment: &Assessment,
    theme: &Theme,
    columns: usize,
    bars: usize,
) -> Vec<Line<'static>> {
    let mut counted: Vec<(usize, u64)> = assessment
        .customers
        .iter()
        .enumerate()
        .filter(|(_, r)| r.excluded.is_none() && r.counted > 0)
        .map(|(i, r)| (i, r.counted))
        .collect();
    if counted.is_empty() {
        return vec![Line::styled(
            super::table::fit(&format!("  {}", loc.t("outlook.chart_none")), columns),
            theme.dim,
        )];
    }
    // One row goes to "+ N more" when not every customer has its own.
    let shown = if counted.len() > bars {
        bars.saturating_sub(1)
    } else {
        counted.len()
    };
    let largest_first = |&(i, n): &(usize, u64)| (std::cmp::Reverse(n), i);
    if shown < counted.len() {
        // The largest `shown`, without sorting a large draft's every customer.
        counted.select_nth_unstable_by_key(shown, largest_first);
    }
    counted[..shown].sort_by_key(largest_first);
    let rest = (counted.len() > shown).then(|| {
        let users = counted[shown..]
            .iter()
            .map(|&(_, n)| n)
            .fold(0, u64::saturating_add);
        (counted.len() - shown, users)
    });
    let drawn: Vec<Bar> = counted[..shown]
        .iter()
        .map(|&(i, n)| Bar {
            label: visible(profile.customers.get(i).map_or("", |c| c.name.trim())).into_owned(),
            value: n,
        })
        .collect();
    let (tier, need) = match assessment.next_tier().or(assessment.tiers.last()) {
        Some(t) => (tier_name(loc, &t.tier), t.entitlements.need),
        None => (String::new(), 0),
    };
    let numbers = |value: u64, running: u64| {
        loc.f(
            "outlook.chart_row",
            &[
                ("value", &thousands(value)),
                ("running", &thousands(running)),
            ],
        )
    };
    let rest_label =
        |n: usize, _users: u64| loc.f("outlook.chart_more", &[("n", &thousands(n as u64))]);
    let chart = Chart {
        bars: &drawn,
        rest,
        threshold: need,
        legend: loc.f(
            "outlook.chart_threshold",
            &[("tier", &tier), ("need", &thousands(need))],
        ),
        row_numbers: &numbers,
        rest_label: &rest_label,
    };
    chart_lines(&chart, columns, theme)
}

/// What the Outlook view's lines were built for: the draft's revision, the text width, the
/// chart's rows and the language (the theme is fixed for a run).
type LinesKey = (u64, usize, usize, crate::i18n::Lang);

/// The Outlook view's lines, built once per draft change, size and language: building them
/// walks and sorts every customer, and a scroll or a repaint should cost what it shows. One
/// per open draft (a draft read again is a new one, with an empty cache).
#[derive(Default)]
pub(crate) struct LinesCache(
    std::cell::RefCell<Option<(LinesKey, std::sync::Arc<Vec<Line<'static>>>)>>,
);

impl LinesCache {
    pub(crate) fn get_or_build(
        &self,
        key: LinesKey,
        build: impl FnOnce() -> Vec<Line<'static>>,
    ) -> std::sync::Arc<Vec<Line<'static>>> {
        let mut slot = self.0.borrow_mut();
        match &*slot {
            Some((built_for, lines)) if *built_for == key => lines.clone(),
            _ => {
                let lines = std::sync::Arc::new(build());
                *slot = Some((key, lines.clone()));
                lines
            }
        }
    }
}

/// A copy of a draft starts with nothing cached.
impl Clone for LinesCache {
    fn clone(&self) -> Self {
        LinesCache::default()
    }
}

impl std::fmt::Debug for LinesCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LinesCache")
    }
}
