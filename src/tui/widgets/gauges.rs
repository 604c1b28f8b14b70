//! The tier gauges: for each tier, a line saying met or not met (in words and a mark), an
//! entitlements bar and a people bar, each labelled `have / need` and a percentage. The
//! numbers come from the cached assessment; nothing is computed here.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::super::theme::Theme;
use crate::i18n::Locale;
use crate::report::phrases::{have_need, tier_name, tier_status};
use crate::report::readings::reading_name;
use crate::rules::{Assessment, Requirement};
use crate::text::width;
use crate::tui::widgets::put_line::PutLine;

pub(crate) const MET_MARK: &str = "✓";
pub(crate) const NOT_MET_MARK: &str = "✗";
const BAR_FULL: &str = "▰";
const BAR_EMPTY: &str = "▱";
/// The fewest cells a bar is drawn in.
const MIN_BAR: usize = 3;
/// Columns a shortened number takes at most.
const SHORT_NUMBER: usize = 6;

pub(crate) fn draw(
    assessment: &Assessment,
    loc: &Locale,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let tiers = &assessment.tiers;
    // Only what lies in the buffer is drawn, whatever area a caller passes.
    let area = area.intersection(buf.area);
    if tiers.is_empty() || area.height < 3 {
        return;
    }
    let gap = 2u16;
    let n = tiers.len() as u16;
    let column_width = area.width.saturating_sub(gap * (n - 1)) / n;
    let full_labels = [loc.t("wizard.gauges.users"), loc.t("wizard.gauges.people")];
    let short_labels = [loc.t("gauges_short.users"), loc.t("gauges_short.people")];
    let labels_width = |labels: &[&str; 2]| labels.iter().map(|l| width(l)).max().unwrap_or(0);
    // One width for the numbers across all tiers, so the bars line up. When whole numbers
    // would leave no room for a bar, they are shortened (`2.5M`, `246.9萬`), and then the
    // labels too: the bar, the percentage and the mark matter more than the last digits.
    let widest = |numbers: &dyn Fn(Requirement) -> String| {
        tiers
            .iter()
            .flat_map(|t| [t.entitlements, t.people])
            .map(|r| width(&numbers(r)))
            .max()
            .unwrap_or(0)
    };
    // What a line takes besides its numbers: label ␣ bar ␣ … ␣ percent ␣ mark, and a margin.
    let besides_numbers = |label_width: usize| label_width + MIN_BAR + 9;
    let room_for_bar = |label_width: usize, numbers_width: usize| {
        usize::from(column_width) >= besides_numbers(label_width) + numbers_width
    };
    let exact = |r: Requirement| have_need(r.have, r.need);
    let short_for = |label_width: usize| {
        // Each of "have / need" in what is left, between 4 columns ("1.2K") and 6.
        let per_number =
            (usize::from(column_width).saturating_sub(besides_numbers(label_width) + 3) / 2)
                .clamp(4, SHORT_NUMBER);
        move |r: Requirement| {
            format!(
                "{} / {}",
                loc.compact_count(r.have, per_number),
                loc.compact_count(r.need, per_number)
            )
        }
    };
    let full_width = labels_width(&full_labels);
    let short_full = short_for(full_width);
    let short_width = labels_width(&short_labels);
    let short_short = short_for(short_width);
    let (labels, label_width, numbers): (_, _, &dyn Fn(Requirement) -> String) =
        if room_for_bar(full_width, widest(&exact)) {
            (full_labels, full_width, &exact)
        } else if room_for_bar(full_width, widest(&short_full)) {
            (full_labels, full_width, &short_full)
        } else {
            (short_labels, short_width, &short_short)
        };
    let numbers_width = widest(numbers);
    for (i, tier) in tiers.iter().enumerate() {
        let x = area.x + i as u16 * (column_width + gap);
        let column = Rect::new(x, area.y, column_width, area.height);
        let (mark, style) = if tier.met {
            (MET_MARK, theme.met)
        } else {
            (NOT_MET_MARK, theme.not_met)
        };
        let title = Line::from(vec![
            Span::styled(tier_name(loc, &tier.tier), theme.heading),
            Span::raw("  "),
            Span::styled(format!("{mark} {}", tier_status(loc, tier)), style),
        ]);
        buf.put_line(column.x, column.y, &title, column.width);
        for (row, (label, req)) in labels
            .iter()
            .zip([tier.entitlements, tier.people])
            .enumerate()
        {
            let line = requirement_line(
                label,
                label_width,
                (numbers(req), numbers_width),
                req,
                column.width,
                theme,
            );
            buf.put_line(column.x, column.y + 1 + row as u16, &line, column.width);
        }
    }
    draw_reading(assessment, loc, theme, area, buf);
}

/// The reading the gauges follow, dim and to the right on the panel's spare line below
/// the bars: every result names its reading.
fn draw_reading(
    assessment: &Assessment,
    loc: &Locale,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    if area.height < 4 {
        return;
    }
    let label = loc.f(
        "readings.gauge_label",
        &[("reading", &reading_name(loc, assessment.counting))],
    );
    let label_width = width(&label).min(usize::from(area.width)) as u16;
    buf.put_line(
        area.right() - label_width,
        area.y + 3,
        &Line::styled(label, theme.dim),
        label_width,
    );
}

fn requirement_line<'a>(
    label: &'a str,
    label_width: usize,
    (numbers, numbers_width): (String, usize),
    req: Requirement,
    total: u16,
    theme: &Theme,
) -> Line<'a> {
    let percent = format!("{:>3}%", req.percent());
    let mark = if req.met() { MET_MARK } else { NOT_MET_MARK };
    // label ␣ [bar ␣] numbers ␣ percent ␣ mark: the bar takes what is left, if anything.
    let fixed = label_width + 1 + numbers_width + 1 + 4 + 1 + 1;
    let bar_width = usize::from(total).saturating_sub(fixed + 1);
    let mut spans = vec![
        Span::raw(crate::text::pad_right(label, label_width)),
        Span::raw(" "),
    ];
    if bar_width >= MIN_BAR {
        let full = bar_width * usize::from(req.percent()) / 100;
        spans.push(Span::styled(BAR_FULL.repeat(full), theme.bar_full));
        spans.push(Span::styled(
            BAR_EMPTY.repeat(bar_width - full),
            theme.bar_empty,
        ));
        spans.push(Span::raw(" "));
    }
    spans.push(Span::raw(crate::text::pad_left(&numbers, numbers_width)));
    spans.push(Span::raw(" "));
    spans.push(Span::raw(percent));
    spans.push(Span::raw(" "));
    spans.push(Span::styled(
        mark,
        if req.met() { theme.met } else { theme.not_met },
    ));
    Line::from(spans)
}
