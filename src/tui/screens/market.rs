//! Market: developed or developing, each with the thresholds it implies (read from the rule
//! set), how Microsoft decides which applies, the rules edition, and the reading of how
//! workloads combine (SPEC.md §2, decision 2).

mod draw;

pub(crate) use draw::draw;
use draw::{counting_label_width, detail_room, market_detail, market_label_width};

use crate::tui::canvas::Canvas;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::super::keys::Action;
use super::super::theme::Theme;
use super::super::widgets::table::fit;
use super::super::widgets::wrap::wrap;
use crate::i18n::Locale;
use crate::i18n::thousands;
use crate::profile::{Counting, Market};
use crate::report::phrases::{edition_name, market_name, tier_name, warning};
use crate::report::readings::{reading_explanation, reading_name};
use crate::rules::{RuleSet, Warning};
use crate::tui::context::{Ctx, Go, ViewCtx};
use crate::tui::draft::Draft;
use crate::tui::effect::Effect;
use crate::tui::screen::Screen;

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
    /// Compact layout only: the other groups' choices, on one line.
    others: Rect,
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
        others: at(body.height, 0),
        explanation: at(explanation_top, body.height.saturating_sub(explanation_top)),
    }
}

/// Where the three groups leave too little room for the explanation (a short terminal),
/// only the focused group is listed, the others' choices on one line under it (↓ and Tab
/// still reach them), so that the explanation and warning below are read in full.
fn compact_geometry(body: Rect, focus: Focus, explanation_rows: usize) -> Geometry {
    let x = body.x + 1;
    let w = body.width.saturating_sub(2);
    let bottom = body.bottom();
    let at = |dy: u16, h: u16| {
        let y = (body.y + dy).min(bottom);
        Rect::new(x, y, w, h.min(bottom - y))
    };
    let hidden = at(body.height, 0);
    let options = match focus {
        Focus::Market => Market::ALL.len(),
        Focus::Edition => RuleSet::all().len(),
        Focus::Counting => Counting::ALL.len(),
    } as u16;
    let people_rows = u16::from(focus == Focus::Market);
    let others_top = 1 + options + people_rows;
    // A blank line before the explanation only when it still fits whole.
    let left = usize::from(body.height.saturating_sub(others_top + 1));
    let gap = u16::from(left > explanation_rows);
    let explanation_top = others_top + 1 + gap;
    let mut g = Geometry {
        heading: hidden,
        markets: hidden,
        people: hidden,
        edition_heading: hidden,
        editions: hidden,
        counting_heading: hidden,
        readings: hidden,
        others: at(others_top, 1),
        explanation: at(explanation_top, body.height.saturating_sub(explanation_top)),
    };
    let (heading, group) = (at(0, 1), at(1, options));
    match focus {
        Focus::Market => {
            (g.heading, g.markets) = (heading, group);
            g.people = at(1 + options, people_rows);
        }
        Focus::Edition => (g.edition_heading, g.editions) = (heading, group),
        Focus::Counting => (g.counting_heading, g.readings) = (heading, group),
    }
    g
}

/// The layout for this body, and the explanation's lines (text, and whether a warning):
/// all three groups when the explanation fits under them, else the compact one.
fn layout(s: &State, draft: &Draft, loc: &Locale, body: Rect) -> (Geometry, Vec<(String, bool)>) {
    let full = geometry(body);
    let lines = explanation_lines(s, draft, loc, full.explanation.width);
    if lines.len() <= usize::from(full.explanation.height) {
        return (full, lines);
    }
    (compact_geometry(body, s.focus, lines.len()), lines)
}

/// The focused option's words when its row has no room for them whole.
fn focused_detail_if_cut(s: &State, draft: &Draft, loc: &Locale, columns: u16) -> Option<String> {
    let (detail, label_width) = match s.focus {
        Focus::Market => {
            let market = Market::ALL[s.market_cursor.min(Market::ALL.len() - 1)];
            (
                market_detail(loc, draft.rules(), market),
                market_label_width(loc),
            )
        }
        Focus::Edition => {
            let edition = RuleSet::all().get(s.edition_cursor)?;
            (
                loc.t(&format!("wizard.market.edition_note.{}", edition.edition))
                    .to_string(),
                crate::text::width(&edition_name(loc, &edition.edition)),
            )
        }
        Focus::Counting => {
            let counting = Counting::ALL[s.counting_cursor.min(Counting::ALL.len() - 1)];
            (
                loc.t(&format!("readings.note.{}", counting.id()))
                    .to_string(),
                counting_label_width(loc),
            )
        }
    };
    (crate::text::width(&detail) > detail_room(columns, label_width)).then_some(detail)
}

/// The lines under the options, wrapped to `columns`: the warning first (it matters more
/// than the explanation when the room is short), the focused option's words when its row
/// cuts them, then what the focused reading means, or how Microsoft decides the market.
fn explanation_lines(s: &State, draft: &Draft, loc: &Locale, columns: u16) -> Vec<(String, bool)> {
    let mut sentences = Vec::new();
    if draft.profile.market.is_none() {
        sentences.push((format!("! {}", warning(loc, &Warning::NoMarket)), true));
    }
    if let Some(detail) = focused_detail_if_cut(s, draft, loc, columns) {
        sentences.push((detail, false));
    }
    let explanation = if s.focus == Focus::Counting {
        let counting = Counting::ALL[s.counting_cursor.min(Counting::ALL.len() - 1)];
        reading_explanation(loc, counting).to_string()
    } else {
        loc.t("wizard.market.how_decided").to_string()
    };
    sentences.push((explanation, false));
    sentences
        .into_iter()
        .flat_map(|(text, is_warning)| {
            wrap(&text, usize::from(columns))
                .into_iter()
                .map(move |line| (line, is_warning))
        })
        .collect()
}

pub(crate) fn on_click(s: &mut State, cx: &mut Ctx, _column: u16, row: u16) -> Vec<Effect> {
    let Some(draft) = cx.draft.as_ref() else {
        return Vec::new();
    };
    let (g, _) = layout(s, draft, cx.loc, cx.body);
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
