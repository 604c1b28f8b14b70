//! The customers that make up the total, as a waterfall of bars: largest first, each bar
//! starting where the one above ended, with the next tier's threshold as a column `┃`
//! through every row. Each row carries its number and the running total, so the chart
//! never depends on colour. Lines of any width, down to none.

use ratatui::text::{Line, Span};

use super::super::theme::Theme;
use super::table::fit;
use crate::text::{pad_left, pad_right, width};

/// One bar: a customer and what it counts.
#[derive(Debug, Clone)]
pub(crate) struct Bar {
    pub(crate) label: String,
    pub(crate) value: u64,
}

/// What the chart shows: the bars (largest first), what the rows left out add up to, and
/// the threshold to mark.
pub(crate) struct Chart<'a> {
    pub(crate) bars: &'a [Bar],
    /// Customers not drawn, and their sum.
    pub(crate) rest: Option<(usize, u64)>,
    pub(crate) threshold: u64,
    /// "┃ = Gold threshold, 4,000": what the marked column means.
    pub(crate) legend: String,
    /// Numbers beside a bar: its value and the running total.
    pub(crate) row_numbers: &'a dyn Fn(u64, u64) -> String,
    /// The "+ N more: users" label.
    pub(crate) rest_label: &'a dyn Fn(usize, u64) -> String,
}

const MARK: char = '┃';
const FULL: char = '█';

/// Widest name column, so the bars keep most of the room.
const MAX_LABEL: usize = 18;
/// Narrower than this, bars say nothing: rows show names and numbers only.
const MIN_BAR: usize = 4;

pub(crate) fn chart_lines(chart: &Chart, columns: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(fit(&chart.legend, columns), theme.dim)];
    let total: u64 = chart
        .bars
        .iter()
        .map(|b| b.value)
        .chain(chart.rest.map(|(_, users)| users))
        .fold(0, u64::saturating_add);
    let scale = total.max(chart.threshold).max(1);
    // Rows: (label, value, numbers).
    let mut rows: Vec<(String, u64, String)> = Vec::with_capacity(chart.bars.len() + 1);
    let mut running = 0u64;
    for bar in chart.bars {
        running = running.saturating_add(bar.value);
        rows.push((
            bar.label.clone(),
            bar.value,
            (chart.row_numbers)(bar.value, running),
        ));
    }
    if let Some((n, users)) = chart.rest {
        running = running.saturating_add(users);
        rows.push((
            (chart.rest_label)(n, users),
            users,
            (chart.row_numbers)(users, running),
        ));
    }
    let label_w = rows
        .iter()
        .map(|(l, _, _)| width(l))
        .max()
        .unwrap_or(0)
        .min(MAX_LABEL)
        .min(columns / 4);
    let numbers_w = rows.iter().map(|(_, _, n)| width(n)).max().unwrap_or(0);
    let bar_w = columns.saturating_sub(label_w + numbers_w + 2);
    let marker = column_of(chart.threshold, scale, bar_w).min(bar_w.saturating_sub(1));
    let mut start = 0u64;
    for (label, value, numbers) in rows {
        let label = pad_right(&fit(&label, label_w), label_w);
        let numbers = pad_left(&numbers, numbers_w);
        if bar_w < MIN_BAR {
            let text = format!("{label} {numbers}");
            lines.push(Line::styled(fit(&text, columns), theme.plain));
            continue;
        }
        let end = start.saturating_add(value);
        let from = column_of(start, scale, bar_w);
        // A customer that counts at all gets a cell, however small beside the total.
        let to = column_of(end, scale, bar_w).max(from + usize::from(value > 0));
        start = end;
        let before: String = (0..bar_w)
            .map(|x| {
                if x == marker {
                    MARK
                } else if (from..to).contains(&x) {
                    FULL
                } else {
                    ' '
                }
            })
            .collect();
        lines.push(Line::from(vec![
            Span::styled(label, theme.plain),
            Span::raw(" "),
            Span::styled(before, theme.bar_full),
            Span::raw(" "),
            Span::styled(numbers, theme.plain),
        ]));
    }
    lines
}

/// The column where `value` falls on a bar of `bar_w` columns standing for `scale`.
fn column_of(value: u64, scale: u64, bar_w: usize) -> usize {
    let column = u128::from(value) * bar_w as u128 / u128::from(scale.max(1));
    usize::try_from(column).unwrap_or(bar_w).min(bar_w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    fn sample(bars: &[Bar], rest: Option<(usize, u64)>, columns: usize) -> Vec<String> {
        let numbers = |v: u64, r: u64| format!("{v} Σ {r}");
        let rest_label = |n: usize, _| format!("+{n}");
        let chart = Chart {
            bars,
            rest,
            threshold: 2_000,
            legend: "┃ = Silver, 2,000".into(),
            row_numbers: &numbers,
            rest_label: &rest_label,
        };
        text(&chart_lines(&chart, columns, &Theme::new(false)))
    }

    fn bars() -> Vec<Bar> {
        [("Big", 1_000), ("Mid", 500), ("Small", 100)]
            .map(|(l, v)| Bar {
                label: l.into(),
                value: v,
            })
            .to_vec()
    }

    #[test]
    fn a_waterfall_with_the_threshold_marked_in_every_row() {
        // Names 5 columns, numbers 11, two spaces: 20 bar columns for 2,000 (the threshold,
        // above the total of 1,800), 100 a column; the threshold in the last column.
        let bar = |from: usize, to: usize| -> String {
            (0..20)
                .map(|x| match x {
                    19 => '┃',
                    x if (from..to).contains(&x) => '█',
                    _ => ' ',
                })
                .collect()
        };
        let rows = sample(&bars(), Some((2, 200)), 38);
        assert_eq!(rows[0], "┃ = Silver, 2,000");
        assert_eq!(rows[1], format!("Big   {} 1000 Σ 1000", bar(0, 10)));
        assert_eq!(rows[2], format!("Mid   {}  500 Σ 1500", bar(10, 15)));
        assert_eq!(rows[3], format!("Small {}  100 Σ 1600", bar(15, 16)));
        assert_eq!(rows[4], format!("+2    {}  200 Σ 1800", bar(16, 18)));
        assert_eq!(rows.len(), 5);
    }

    #[test]
    fn any_width_down_to_none_draws_without_panicking() {
        for columns in 0..50 {
            for line in sample(&bars(), Some((1, 5)), columns) {
                assert!(width(&line) <= columns, "{columns}: {line:?}");
            }
        }
        assert_eq!(sample(&[], None, 30).len(), 1);
    }
}
