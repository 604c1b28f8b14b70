//! Market drawn: the markets with their thresholds, the rule editions and the readings,
//! the warning and the explanation under them; on a short terminal only the group with
//! the cursor, the others on one line.

use super::*;
use crate::tui::widgets::put_line::PutLine;

/// The columns an option's words get on its row, after the marker, the radio button and
/// the labels (padded to the widest).
pub(super) fn detail_room(columns: u16, label_width: usize) -> usize {
    usize::from(columns).saturating_sub(label_width + 8)
}

pub(super) fn market_label_width(loc: &Locale) -> usize {
    Market::ALL
        .iter()
        .map(|m| crate::text::width(market_name(loc, Some(*m))))
        .max()
        .unwrap_or(0)
}

pub(super) fn counting_label_width(loc: &Locale) -> usize {
    Counting::ALL
        .iter()
        .map(|c| crate::text::width(reading_name(loc, *c)))
        .max()
        .unwrap_or(0)
}

/// What a market needs: each tier's active users.
pub(super) fn market_detail(loc: &Locale, rules: &RuleSet, market: Market) -> String {
    let list: Vec<String> = rules
        .tiers
        .iter()
        .map(|t| {
            loc.f(
                "wizard.market.tier_number",
                &[
                    ("tier", &tier_name(loc, &t.id)),
                    ("n", &thousands(t.entitlements_needed(market))),
                ],
            )
        })
        .collect();
    loc.f("wizard.market.needs", &[("list", &list.join(" · "))])
}

/// The compact layout's line of the groups not listed: "Rules: June 2017 edition · …".
fn others_line(s: &State, draft: &Draft, loc: &Locale) -> String {
    let mut parts = Vec::new();
    if s.focus != Focus::Market {
        parts.push(loc.f(
            "market_compact.other",
            &[
                ("group", &loc.t("market_compact.market")),
                ("choice", &market_name(loc, draft.profile.market)),
            ],
        ));
    }
    if s.focus != Focus::Edition {
        parts.push(loc.f(
            "market_compact.other",
            &[
                ("group", &loc.t("market_compact.edition")),
                ("choice", &edition_name(loc, &draft.profile.edition)),
            ],
        ));
    }
    if s.focus != Focus::Counting {
        parts.push(loc.f(
            "market_compact.other",
            &[
                ("group", &loc.t("market_compact.counting")),
                ("choice", &reading_name(loc, draft.profile.counting)),
            ],
        ));
    }
    parts.join(" · ")
}

fn option_line<'a>(
    focused: bool,
    chosen: bool,
    label: String,
    label_width: usize,
    detail: String,
    theme: &Theme,
) -> Line<'a> {
    let marker = if focused { "› " } else { "  " };
    let radio = if chosen { "(*) " } else { "( ) " };
    let style = if focused { theme.selected } else { theme.plain };
    Line::from(vec![
        Span::styled(format!("{marker}{radio}"), style),
        Span::styled(
            crate::text::pad_right(&label, label_width),
            style.patch(theme.heading),
        ),
        Span::raw("  "),
        Span::styled(detail, theme.plain),
    ])
}

pub(crate) fn draw(s: &State, cx: &ViewCtx, frame: &mut Canvas, body: Rect) {
    let theme = cx.theme;
    let Some(draft) = cx.draft else {
        return;
    };
    let loc = cx.loc;
    let rules = draft.rules();
    let (g, explanation) = layout(s, draft, loc, body);
    let buf = frame.buffer_mut();
    let heading = |buf: &mut Buffer, area: Rect, key: &str| {
        if area.height > 0 {
            buf.put_line(
                area.x,
                area.y,
                &Line::styled(loc.t(key), theme.heading),
                area.width,
            );
        }
    };
    heading(buf, g.heading, "wizard.market.question");
    let label_width = market_label_width(loc);
    for (i, market) in Market::ALL.into_iter().enumerate() {
        if i as u16 >= g.markets.height {
            break;
        }
        let detail = market_detail(loc, rules, market);
        // Whole numbers or an ellipsis, never a number cut short.
        let room = detail_room(g.markets.width, label_width);
        let line = option_line(
            s.focus == Focus::Market && s.market_cursor == i,
            draft.profile.market == Some(market),
            market_name(loc, Some(market)).to_string(),
            label_width,
            fit(&detail, room),
            theme,
        );
        buf.put_line(g.markets.x, g.markets.y + i as u16, &line, g.markets.width);
    }
    let people: Vec<String> = rules
        .tiers
        .iter()
        .map(|t| {
            loc.f(
                "wizard.market.tier_number",
                &[("tier", &tier_name(loc, &t.id)), ("n", &t.people)],
            )
        })
        .collect();
    if g.people.height > 0 {
        buf.put_line(
            g.people.x + 6,
            g.people.y,
            &Line::styled(
                loc.f("wizard.market.people", &[("list", &people.join(" · "))]),
                theme.dim,
            ),
            g.people.width.saturating_sub(6),
        );
    }

    heading(buf, g.edition_heading, "wizard.market.edition_question");
    for (i, edition) in RuleSet::all().iter().enumerate() {
        if i as u16 >= g.editions.height {
            break;
        }
        let line = option_line(
            s.focus == Focus::Edition && s.edition_cursor == i,
            draft.profile.edition == edition.edition,
            edition_name(loc, &edition.edition),
            0,
            loc.t(&format!("wizard.market.edition_note.{}", edition.edition))
                .to_string(),
            theme,
        );
        buf.put_line(
            g.editions.x,
            g.editions.y + i as u16,
            &line,
            g.editions.width,
        );
    }

    heading(buf, g.counting_heading, "readings.question");
    let label_width = counting_label_width(loc);
    for (i, counting) in Counting::ALL.into_iter().enumerate() {
        if i as u16 >= g.readings.height {
            break;
        }
        let room = detail_room(g.readings.width, label_width);
        let line = option_line(
            s.focus == Focus::Counting && s.counting_cursor == i,
            draft.profile.counting == counting,
            reading_name(loc, counting).to_string(),
            label_width,
            fit(loc.t(&format!("readings.note.{}", counting.id())), room),
            theme,
        );
        buf.put_line(
            g.readings.x,
            g.readings.y + i as u16,
            &line,
            g.readings.width,
        );
    }

    if g.others.height > 0 {
        let others = others_line(s, draft, loc);
        buf.put_line(
            g.others.x,
            g.others.y,
            &Line::styled(fit(&others, usize::from(g.others.width)), theme.dim),
            g.others.width,
        );
    }
    // What the reading under the cursor means, in full, while that group has the focus;
    // otherwise how Microsoft decides the market.
    for (i, (text, is_warning)) in explanation.iter().enumerate() {
        if i as u16 >= g.explanation.height {
            break;
        }
        let style = if *is_warning {
            theme.warning
        } else {
            theme.plain
        };
        buf.put_line(
            g.explanation.x,
            g.explanation.y + i as u16,
            &Line::styled(text.as_str(), style),
            g.explanation.width,
        );
    }
}
