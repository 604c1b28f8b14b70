//! Market: developed or developing, each with the thresholds it implies (read from the rule
//! set), how Microsoft decides which applies, and the rules edition.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::super::app::{Effect, Model, close_draft};
use super::super::keys::Action;
use super::super::theme::Theme;
use super::super::widgets::table::fit;
use crate::i18n::thousands;
use crate::profile::Market;
use crate::report::phrases::{edition_name, market_name, tier_name, warning};
use crate::rules::{RuleSet, Warning};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    Market,
    Edition,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    pub focus: Focus,
    pub market_cursor: usize,
    pub edition_cursor: usize,
}

impl State {
    /// Cursors on the market and edition the draft already has.
    pub fn for_profile(profile: &crate::profile::Profile) -> State {
        State {
            focus: Focus::Market,
            market_cursor: profile
                .market
                .and_then(|m| Market::ALL.iter().position(|x| *x == m))
                .unwrap_or(0),
            edition_cursor: RuleSet::all()
                .iter()
                .position(|r| r.edition == profile.edition)
                .unwrap_or(0),
        }
    }
}

pub fn on_action(model: &mut Model, action: Action) -> Vec<Effect> {
    let editions = RuleSet::all().len();
    let s = &mut model.market;
    let (cursor, count) = match s.focus {
        Focus::Market => (&mut s.market_cursor, Market::ALL.len()),
        Focus::Edition => (&mut s.edition_cursor, editions),
    };
    match action {
        Action::Up => *cursor = cursor.saturating_sub(1),
        Action::Down => *cursor = (*cursor + 1).min(count - 1),
        Action::NextField | Action::PrevField => {
            s.focus = match s.focus {
                Focus::Market => Focus::Edition,
                Focus::Edition => Focus::Market,
            }
        }
        Action::Toggle | Action::Activate => choose(model),
        Action::Cancel => return close_draft(model),
        _ => {}
    }
    Vec::new()
}

fn choose(model: &mut Model) {
    let s = model.market.clone();
    let Some(draft) = &mut model.draft else {
        return;
    };
    match s.focus {
        Focus::Market => {
            let market = Market::ALL[s.market_cursor.min(Market::ALL.len() - 1)];
            if draft.profile.market != Some(market) {
                draft.edit(|p| p.market = Some(market));
            }
        }
        Focus::Edition => {
            if let Some(rules) = RuleSet::all().get(s.edition_cursor)
                && draft.profile.edition != rules.edition
            {
                draft.edit(|p| p.edition = rules.edition.clone());
            }
        }
    }
}

struct Geometry {
    heading: Rect,
    markets: Rect,
    people: Rect,
    edition_heading: Rect,
    editions: Rect,
    explanation: Rect,
}

fn geometry(body: Rect) -> Geometry {
    let x = body.x + 1;
    let w = body.width.saturating_sub(2);
    let bottom = body.bottom();
    let at = |dy: u16, h: u16| {
        let y = (body.y + dy).min(bottom);
        Rect::new(x, y, w, h.min(bottom - y))
    };
    let editions = RuleSet::all().len() as u16;
    Geometry {
        heading: at(0, 1),
        markets: at(1, 2),
        people: at(3, 1),
        edition_heading: at(5, 1),
        editions: at(6, editions),
        explanation: at(7 + editions, body.height.saturating_sub(7 + editions)),
    }
}

pub fn on_click(model: &mut Model, _column: u16, row: u16) -> Vec<Effect> {
    let g = geometry(model.areas().body);
    if row >= g.markets.y && row < g.markets.bottom() {
        model.market.focus = Focus::Market;
        model.market.market_cursor = usize::from(row - g.markets.y);
        choose(model);
    } else if row >= g.editions.y && row < g.editions.bottom() {
        model.market.focus = Focus::Edition;
        model.market.edition_cursor = usize::from(row - g.editions.y);
        choose(model);
    }
    Vec::new()
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

pub fn draw(model: &Model, theme: &Theme, frame: &mut Frame, body: Rect) {
    let Some(draft) = &model.draft else {
        return;
    };
    let loc = model.loc();
    let rules = draft.rules();
    let s = &model.market;
    let g = geometry(body);
    let buf = frame.buffer_mut();
    buf.set_line(
        g.heading.x,
        g.heading.y,
        &Line::styled(loc.t("wizard.market.question"), theme.heading),
        g.heading.width,
    );
    let label_width = Market::ALL
        .iter()
        .map(|m| crate::text::width(market_name(loc, Some(*m))))
        .max()
        .unwrap_or(0);
    for (i, market) in Market::ALL.into_iter().enumerate() {
        if i as u16 >= g.markets.height {
            break;
        }
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
        let detail = loc.f("wizard.market.needs", &[("list", &list.join(" · "))]);
        // Whole numbers or an ellipsis, never a number cut short.
        let room = usize::from(g.markets.width).saturating_sub(label_width + 8);
        let line = option_line(
            s.focus == Focus::Market && s.market_cursor == i,
            draft.profile.market == Some(market),
            market_name(loc, Some(market)).to_string(),
            label_width,
            fit(&detail, room),
            theme,
        );
        buf.set_line(g.markets.x, g.markets.y + i as u16, &line, g.markets.width);
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
    buf.set_line(
        g.people.x + 6,
        g.people.y,
        &Line::styled(
            loc.f("wizard.market.people", &[("list", &people.join(" · "))]),
            theme.dim,
        ),
        g.people.width.saturating_sub(6),
    );

    buf.set_line(
        g.edition_heading.x,
        g.edition_heading.y,
        &Line::styled(loc.t("wizard.market.edition_question"), theme.heading),
        g.edition_heading.width,
    );
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
        buf.set_line(
            g.editions.x,
            g.editions.y + i as u16,
            &line,
            g.editions.width,
        );
    }

    let mut lines = vec![Line::styled(
        loc.t("wizard.market.how_decided"),
        theme.plain,
    )];
    if draft.profile.market.is_none() {
        lines.push(Line::styled(
            format!("! {}", warning(loc, &Warning::NoMarket)),
            theme.warning,
        ));
    }
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }),
        g.explanation,
    );
}
