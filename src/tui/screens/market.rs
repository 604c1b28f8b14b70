//! Market: developed or developing, each with the thresholds it implies (read from the rule
//! set), how Microsoft decides which applies, the rules edition, and the reading of how
//! workloads combine (SPEC.md §2, decision 2).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::super::keys::Action;
use super::super::theme::Theme;
use super::super::widgets::table::fit;
use crate::i18n::thousands;
use crate::profile::{Counting, Market};
use crate::report::phrases::{edition_name, market_name, tier_name, warning};
use crate::report::readings::{reading_explanation, reading_name};
use crate::rules::{RuleSet, Warning};
use crate::tui::context::{Ctx, Go, ViewCtx};
use crate::tui::{Effect, Screen};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    Market,
    Edition,
    Counting,
}

impl Focus {
    const ORDER: [Focus; 3] = [Focus::Market, Focus::Edition, Focus::Counting];

    fn next(self) -> Focus {
        let i = Self::ORDER.iter().position(|f| *f == self).unwrap_or(0);
        Self::ORDER[(i + 1) % Self::ORDER.len()]
    }

    fn prev(self) -> Focus {
        let i = Self::ORDER.iter().position(|f| *f == self).unwrap_or(0);
        Self::ORDER[(i + Self::ORDER.len() - 1) % Self::ORDER.len()]
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    pub focus: Focus,
    pub(crate) market_cursor: usize,
    pub edition_cursor: usize,
    pub counting_cursor: usize,
}

impl State {
    /// Cursors on the market and edition the draft already has.
    pub(crate) fn for_profile(profile: &crate::profile::Profile) -> State {
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
            counting_cursor: Counting::ALL
                .iter()
                .position(|c| *c == profile.counting)
                .unwrap_or(0),
        }
    }
}

pub(crate) fn on_action(s: &mut State, cx: &mut Ctx, action: Action) -> Vec<Effect> {
    let count = |focus: Focus| match focus {
        Focus::Market => Market::ALL.len(),
        Focus::Edition => RuleSet::all().len(),
        Focus::Counting => Counting::ALL.len(),
    };
    match action {
        // Past a group's last option, ↓ goes on to the next group (↑ likewise back), so
        // every group is reachable with the arrows as well as with Tab.
        Action::Up => {
            let at = *s.cursor();
            if at > 0 {
                *s.cursor() = at - 1;
            } else if s.focus != Focus::Market {
                s.focus = s.focus.prev();
                *s.cursor() = count(s.focus) - 1;
            }
        }
        Action::Down => {
            if *s.cursor() + 1 < count(s.focus) {
                *s.cursor() += 1;
            } else if s.focus != Focus::Counting {
                s.focus = s.focus.next();
                *s.cursor() = 0;
            }
        }
        Action::NextField => s.focus = s.focus.next(),
        Action::PrevField => s.focus = s.focus.prev(),
        Action::Toggle => choose(s, cx),
        // Enter chooses and moves on, as in any wizard; Space chooses and stays.
        Action::Activate => {
            choose(s, cx);
            cx.go(Go::To(Screen::Customers));
        }
        Action::Cancel => cx.go(Go::CloseDraft),
        _ => {}
    }
    Vec::new()
}

impl State {
    fn cursor(&mut self) -> &mut usize {
        match self.focus {
            Focus::Market => &mut self.market_cursor,
            Focus::Edition => &mut self.edition_cursor,
            Focus::Counting => &mut self.counting_cursor,
        }
    }
}

fn choose(s: &State, cx: &mut Ctx) {
    let Some(draft) = &mut cx.draft else {
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
        Focus::Counting => {
            if let Some(&counting) = Counting::ALL.get(s.counting_cursor)
                && draft.profile.counting != counting
            {
                draft.edit(|p| p.counting = counting);
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
    counting_heading: Rect,
    readings: Rect,
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
    let readings = Counting::ALL.len() as u16;
    // Three groups of options: a blank line between them when there is room, the people
    // line when there is a little; the options themselves always come first.
    let gap = u16::from(body.height >= 20);
    let people_rows = u16::from(body.height >= 13);
    let edition_top = 3 + people_rows + gap;
    let counting_top = edition_top + 1 + editions + gap;
    let explanation_top = counting_top + 1 + readings + 1;
    Geometry {
        heading: at(0, 1),
        markets: at(1, 2),
        people: at(3, people_rows),
        edition_heading: at(edition_top, 1),
        editions: at(edition_top + 1, editions),
        counting_heading: at(counting_top, 1),
        readings: at(counting_top + 1, readings),
        explanation: at(explanation_top, body.height.saturating_sub(explanation_top)),
    }
}

pub(crate) fn on_click(s: &mut State, cx: &mut Ctx, _column: u16, row: u16) -> Vec<Effect> {
    let g = geometry(cx.body);
    if row >= g.markets.y && row < g.markets.bottom() {
        s.focus = Focus::Market;
        s.market_cursor = usize::from(row - g.markets.y);
        choose(s, cx);
    } else if row >= g.editions.y && row < g.editions.bottom() {
        s.focus = Focus::Edition;
        s.edition_cursor = usize::from(row - g.editions.y);
        choose(s, cx);
    } else if row >= g.readings.y && row < g.readings.bottom() {
        s.focus = Focus::Counting;
        s.counting_cursor = usize::from(row - g.readings.y);
        choose(s, cx);
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

pub(crate) fn draw(s: &State, cx: &ViewCtx, frame: &mut Frame, body: Rect) {
    let theme = cx.theme;
    let Some(draft) = cx.draft else {
        return;
    };
    let loc = cx.loc;
    let rules = draft.rules();
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
    if g.people.height > 0 {
        buf.set_line(
            g.people.x + 6,
            g.people.y,
            &Line::styled(
                loc.f("wizard.market.people", &[("list", &people.join(" · "))]),
                theme.dim,
            ),
            g.people.width.saturating_sub(6),
        );
    }

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

    buf.set_line(
        g.counting_heading.x,
        g.counting_heading.y,
        &Line::styled(loc.t("readings.question"), theme.heading),
        g.counting_heading.width,
    );
    let label_width = Counting::ALL
        .iter()
        .map(|c| crate::text::width(reading_name(loc, *c)))
        .max()
        .unwrap_or(0);
    for (i, counting) in Counting::ALL.into_iter().enumerate() {
        if i as u16 >= g.readings.height {
            break;
        }
        let room = usize::from(g.readings.width).saturating_sub(label_width + 8);
        let line = option_line(
            s.focus == Focus::Counting && s.counting_cursor == i,
            draft.profile.counting == counting,
            reading_name(loc, counting).to_string(),
            label_width,
            fit(loc.t(&format!("readings.note.{}", counting.id())), room),
            theme,
        );
        buf.set_line(
            g.readings.x,
            g.readings.y + i as u16,
            &line,
            g.readings.width,
        );
    }

    // What the reading under the cursor means, in full, while that group has the focus;
    // otherwise how Microsoft decides the market.
    let mut lines = Vec::new();
    // First: the warning matters more than the explanation when the room is short.
    if draft.profile.market.is_none() {
        lines.push(Line::styled(
            format!("! {}", warning(loc, &Warning::NoMarket)),
            theme.warning,
        ));
    }
    if s.focus == Focus::Counting {
        let counting = Counting::ALL[s.counting_cursor.min(Counting::ALL.len() - 1)];
        lines.push(Line::styled(
            reading_explanation(loc, counting).to_string(),
            theme.plain,
        ));
    } else {
        lines.push(Line::styled(
            loc.t("wizard.market.how_decided"),
            theme.plain,
        ));
    }
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }),
        g.explanation,
    );
}
