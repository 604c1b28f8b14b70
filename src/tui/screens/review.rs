//! Review: each tier met or not, the gap in words, warnings, the excluded customers and
//! why, and export of the Markdown report to a file beside the draft; with `o`, the
//! outlook (what each tier hangs on, next week, what is within reach) in its place.

use std::path::PathBuf;

use crate::tui::canvas::Canvas;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

use super::super::keys::Action;
use super::super::theme::Theme;
use super::super::widgets::gauges::{MET_MARK, NOT_MET_MARK};
use super::super::widgets::outlook_panel::{chart_rows, outlook_lines};
use super::super::widgets::table::fit;
use super::super::widgets::wrap::wrap_indented;
use crate::i18n::{Locale, thousands};
use crate::report::phrases::{
    edition_name, exclusion_reason, gap, market_name, person_status, tier_name, tier_status,
    verdict, warning,
};
use crate::report::readings::{other_readings, reading_result, reading_used, readings_summary};
use crate::text::visible;
use crate::tui::context::{Ctx, Go, ViewCtx};
use crate::tui::draft::Draft;
use crate::tui::effect::Effect;
use crate::tui::effect::ExportKind;
use crate::tui::note::Note;
use crate::tui::screen::Screen;
use crate::tui::widgets::scroll_hint::{out_of_sight, scroll_text};

mod export;
use crate::tui::widgets::put_line::PutLine;
pub(crate) use export::{Prompt, ask_replace};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    pub scroll: usize,
    /// The Outlook view (`o`) is shown instead of the result.
    pub outlook: bool,
    /// The report / the customers CSV written this session: only then is its file named.
    pub(crate) report_file: Option<PathBuf>,
    pub(crate) csv_file: Option<PathBuf>,
    /// An export being asked for: its path, or whether to replace the file there.
    pub(crate) export: Option<Prompt>,
}

/// Rows kept at the bottom of the body for the export lines: two files and a hint.
const EXPORT_ROWS: u16 = 3;

/// How keys are read: typed into the export's path, a yes/no, or as Review's keys.
pub(crate) fn mode(s: &State) -> crate::tui::Mode {
    s.export
        .as_ref()
        .map_or(crate::tui::Mode::Normal, export::mode)
}

/// The key table of the export prompt, while one is open.
pub(crate) fn prompt_key_table(s: &State) -> Option<&'static [crate::tui::keys::Binding]> {
    s.export.as_ref().map(export::key_table)
}

pub(crate) fn edit(s: &mut State, op: &super::super::widgets::text_field::EditOp) -> Vec<Effect> {
    export::edit(&mut s.export, op);
    Vec::new()
}

pub(crate) fn on_action(s: &mut State, cx: &mut Ctx, action: Action) -> Vec<Effect> {
    let Some(d) = cx.draft.as_ref() else {
        return Vec::new();
    };
    if s.export.is_some() {
        return export::on_action(&mut s.export, action);
    }
    let total = line_count(s, d, cx.loc, &cx.theme, cx.body);
    let rows = usize::from(cx.body.height.saturating_sub(EXPORT_ROWS));
    if scroll_text(&mut s.scroll, action, total, rows) {
        return Vec::new();
    }
    match action {
        Action::Export => s.export = Some(export::ask(ExportKind::Report, d)),
        Action::ExportCsv => s.export = Some(export::ask(ExportKind::CustomersCsv, d)),
        Action::ToggleOutlook => {
            s.outlook = !s.outlook;
            s.scroll = 0;
        }
        // Esc leaves the Outlook view first, as it leaves any view it opened.
        Action::Cancel if s.outlook => {
            s.outlook = false;
            s.scroll = 0;
        }
        Action::Cancel => cx.go(Go::To(Screen::Staff)),
        _ => {}
    }
    Vec::new()
}

/// A file written: from then on its path is shown (the path written, whatever was typed).
pub(crate) fn told(s: &mut State, note: &Note) {
    match note {
        Note::Exported(path) => s.report_file = Some(path.clone()),
        Note::CsvExported { path, .. } => s.csv_file = Some(path.clone()),
        _ => {}
    }
}

/// The sentences above the excluded customers, each with its style (there are a handful).
fn head_sentences(d: &Draft, loc: &Locale, theme: &Theme) -> Vec<(String, Style)> {
    let a = &d.assessment;
    let mut lines = vec![
        (verdict(loc, a), theme.title),
        (
            loc.f(
                "report.rules_line",
                &[
                    ("edition", &edition_name(loc, &a.edition)),
                    ("market", &market_name(loc, a.market)),
                ],
            ),
            theme.dim,
        ),
        (reading_used(loc, a.counting), theme.dim),
        (String::new(), theme.plain),
    ];
    for tier in &a.tiers {
        let (mark, style) = if tier.met {
            (MET_MARK, theme.met)
        } else {
            (NOT_MET_MARK, theme.not_met)
        };
        let status = format!("{mark} {}", tier_status(loc, tier));
        lines.push((
            loc.f(
                "wizard.review.tier",
                &[("tier", &tier_name(loc, &tier.tier)), ("status", &status)],
            ),
            style,
        ));
        // On a line of its own, under its tier: the sentence the partner came for.
        if let Some(gap) = gap(loc, tier) {
            lines.push((loc.f("wizard.review.gap", &[("gap", &gap)]), theme.plain));
        }
    }
    // How the result hangs on the reading: the other two beside it.
    lines.push((loc.t("readings.review_heading").to_string(), theme.heading));
    for reading in other_readings(a) {
        lines.push((
            loc.f(
                "wizard.review.gap",
                &[("gap", &reading_result(loc, reading))],
            ),
            theme.plain,
        ));
    }
    for summary in readings_summary(loc, a) {
        lines.push((
            loc.f("wizard.review.gap", &[("gap", &summary)]),
            theme.plain,
        ));
    }
    lines.push((
        loc.f(
            "report.staff_heading",
            &[
                ("qualified", &thousands(u64::from(a.qualified_people))),
                ("count", &thousands(d.profile.staff.len() as u64)),
            ],
        ),
        theme.plain,
    ));
    // Who does not qualify yet, each with what they still lack (staff lists are short).
    for (person, result) in d.profile.staff.iter().zip(&a.staff) {
        if result.qualifies || result.duplicate_of.is_some() {
            continue;
        }
        lines.push((
            loc.f(
                "review_people.not_qualified",
                &[
                    ("name", &visible(person.name.trim())),
                    ("status", &person_status(loc, d.rules(), result)),
                ],
            ),
            theme.plain,
        ));
    }
    for w in &a.warnings {
        lines.push((format!("! {}", visible(&warning(loc, w))), theme.warning));
    }
    // Usage reports of different ages: the older ones count a window long gone.
    for stale in crate::import::stale_customers(&d.profile) {
        let text = crate::report::import_words::stale_warning(loc, &stale);
        lines.push((format!("! {}", visible(&text)), theme.warning));
    }
    lines.push((String::new(), theme.plain));
    lines.push((
        loc.f(
            "wizard.review.excluded_heading",
            &[("n", &thousands(d.excluded_rows.len() as u64))],
        ),
        theme.heading,
    ));
    if d.excluded_rows.is_empty() {
        lines.push((loc.t("wizard.review.none_excluded").to_string(), theme.dim));
    }
    lines
}

/// The head as screen lines of at most `columns`: nothing is cut, long sentences wrap.
fn head_lines(d: &Draft, loc: &Locale, theme: &Theme, columns: usize) -> Vec<Line<'static>> {
    head_sentences(d, loc, theme)
        .into_iter()
        .flat_map(|(text, style)| {
            let wrapped = wrap_indented(&text, columns);
            if wrapped.is_empty() {
                vec![Line::default()]
            } else {
                wrapped
                    .into_iter()
                    .map(|line| Line::styled(line, style))
                    .collect()
            }
        })
        .collect()
}

/// The columns the screen's text has in the body.
fn text_columns(body: Rect) -> usize {
    usize::from(body.width.saturating_sub(2))
}

/// Every line of the screen above the export lines: the head (a handful, counted by
/// building them) and one per excluded customer; or the Outlook view's lines.
fn line_count(s: &State, d: &Draft, loc: &'static Locale, theme: &Theme, body: Rect) -> usize {
    let columns = text_columns(body);
    if s.outlook {
        return outlook_view(d, loc, theme, body).len();
    }
    head_lines(d, loc, theme, columns).len() + d.excluded_rows.len()
}

/// The Outlook view's lines for this body, built when the draft, the size or the language
/// changed since the last frame.
fn outlook_view(
    d: &Draft,
    loc: &'static Locale,
    theme: &Theme,
    body: Rect,
) -> std::sync::Arc<Vec<Line<'static>>> {
    let columns = text_columns(body);
    let bars = chart_rows(body.height.saturating_sub(EXPORT_ROWS));
    let key = (d.revision, columns, bars, loc.lang);
    d.outlook_lines.get_or_build(key, || {
        outlook_lines(
            loc,
            &d.profile,
            d.rules(),
            &d.assessment,
            theme,
            columns,
            bars,
        )
    })
}

pub(crate) fn draw(s: &State, cx: &ViewCtx, frame: &mut Canvas, body: Rect) {
    let Some(d) = cx.draft else {
        return;
    };
    let (loc, theme) = (cx.loc, cx.theme);
    let x = body.x + 1;
    let w = body.width.saturating_sub(2);
    let rows = body.height.saturating_sub(EXPORT_ROWS);
    // The Outlook view stands in for the head, with no excluded rows after it.
    let outlook;
    let result;
    let (head, tail_rows): (&[Line], &[usize]) = if s.outlook {
        outlook = outlook_view(d, loc, theme, body);
        (&outlook[..], &[])
    } else {
        result = head_lines(d, loc, theme, text_columns(body));
        (&result[..], &d.excluded_rows[..])
    };
    let scroll = s.scroll;
    let total = head.len() + tail_rows.len();
    let buf = frame.buffer_mut();
    for i in 0..rows {
        let n = scroll + usize::from(i);
        let y = body.y + i;
        if let Some(text) = out_of_sight(loc, i, rows, scroll, total) {
            buf.put_line(
                x,
                y,
                &Line::styled(fit(&text, usize::from(w)), theme.dim),
                w,
            );
        } else if let Some(line) = head.get(n) {
            buf.put_line(x, y, line, w);
        } else if let Some(&c) = tail_rows.get(n - head.len()) {
            let customer = &d.profile.customers[c];
            let result = &d.assessment.customers[c];
            let reason = match result.duplicate_of {
                Some(first) => loc.f(
                    "counted_once.reason",
                    &[
                        (
                            "first",
                            &visible(d.profile.customers.get(first).map_or("", |f| f.name.trim())),
                        ),
                        ("row", &(first + 1)),
                    ],
                ),
                None => result
                    .excluded
                    .map(|r| exclusion_reason(loc, r).to_string())
                    .unwrap_or_default(),
            };
            let text = loc.f(
                "wizard.review.excluded_line",
                &[("name", &visible(&customer.name)), ("reason", &reason)],
            );
            buf.put_line(x, y, &Line::raw(fit(&text, usize::from(w))), w);
        } else {
            break;
        }
    }
    let y = body.bottom().saturating_sub(EXPORT_ROWS);
    if let Some(prompt) = &s.export {
        let area = Rect::new(x, y, w, EXPORT_ROWS.min(body.height));
        if let Some(cursor) = export::draw(prompt, loc, theme, buf, area) {
            frame.set_cursor_position(cursor);
        }
        return;
    }
    // The files written this session, by the path they were written to.
    let path_line = s.report_file.as_ref().map(|path| {
        let path = path.display().to_string();
        loc.f("wizard.review.report_path", &[("path", &visible(&path))])
    });
    let csv_line = s.csv_file.as_ref().map(|csv| {
        let csv = csv.display().to_string();
        loc.f("wizard.csv_export.path", &[("path", &visible(&csv))])
    });
    for (i, line) in [path_line, csv_line].iter().enumerate() {
        let Some(line) = line else { continue };
        buf.put_line(
            x,
            y + i as u16,
            &Line::styled(fit(line, usize::from(w)), theme.plain),
            w,
        );
    }
    buf.put_line(
        x,
        y + 2,
        &Line::styled(
            fit(loc.t("wizard.csv_export.hint"), usize::from(w)),
            theme.dim,
        ),
        w,
    );
}
