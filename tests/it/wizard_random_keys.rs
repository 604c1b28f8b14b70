//! Random key sequences, pastes, clicks and resizes, on random drafts — empty ones, small
//! ones with odd and Chinese names and counts up to the limit, and huge ones (thousands of
//! customers) — never panic, and after every step:
//! - the draft's cached assessment equals `evaluate` on the draft as it stands, and
//! - the gauges drawn on screen show exactly that assessment's have/need numbers.

use crate::wizard_common::*;
use cpc_wizard::i18n::Lang;
use cpc_wizard::profile::{Association, Count, Customer, Market, Person, Profile, Workload};
use cpc_wizard::rules::{Assessment, RuleSet, evaluate};
use cpc_wizard::sample;
use cpc_wizard::tui::{App, Screen};
use proptest::prelude::*;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

fn key_event() -> impl Strategy<Value = Event> {
    let keys = prop::sample::select(vec![
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::F(7),
        KeyCode::F(8),
        KeyCode::Char(' '),
        KeyCode::Char('a'),
        KeyCode::Char('d'),
        KeyCode::Char('y'),
        KeyCode::Char('n'),
        KeyCode::Char('e'),
        KeyCode::Char('j'),
        KeyCode::Char('k'),
        KeyCode::Char('h'),
        KeyCode::Char('l'),
        KeyCode::Char('g'),
        KeyCode::Char('G'),
        KeyCode::Char('m'),
        KeyCode::Char('['),
        KeyCode::Char(']'),
        KeyCode::Char('?'),
        KeyCode::Char('L'),
        KeyCode::Char('1'),
        KeyCode::Char('9'),
        KeyCode::Char('0'),
        KeyCode::Char('台'),
        KeyCode::Char('x'),
    ]);
    let mods = prop::sample::select(vec![
        KeyModifiers::NONE,
        KeyModifiers::NONE,
        KeyModifiers::NONE,
        KeyModifiers::SHIFT,
        KeyModifiers::ALT,
    ]);
    prop_oneof![
        20 => (keys, mods).prop_map(|(k, m)| Event::Key(KeyEvent::new(k, m))),
        // Ctrl-U clears a field, Ctrl-S saves (in memory: nothing written).
        1 => prop::sample::select(vec!['u', 's'])
            .prop_map(|c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))),
        // Quitting ends the run early; rare so that runs stay long.
        1 => Just(Event::Key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE))),
    ]
}

fn event() -> impl Strategy<Value = Event> {
    prop_oneof![
        30 => key_event(),
        2 => "[a-z0-9,台北資訊 \\n\\t\\u{1b}\\[]{0,24}".prop_map(Event::Paste),
        // A pasted number larger than any count.
        1 => Just(Event::Paste("99,999,999,999".into())),
        2 => (0u16..130, 0u16..45).prop_map(|(column, row)| Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })),
        1 => any::<bool>().prop_map(|down| Event::Mouse(MouseEvent {
            kind: if down { MouseEventKind::ScrollDown } else { MouseEventKind::ScrollUp },
            column: 10,
            row: 10,
            modifiers: KeyModifiers::NONE,
        })),
        // Mostly usable sizes, sometimes below the minimum, down to 1x1.
        2 => (20u16..130, 8u16..45).prop_map(|(w, h)| Event::Resize(w, h)),
        1 => (1u16..80, 1u16..24).prop_map(|(w, h)| Event::Resize(w, h)),
    ]
}

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z][A-Za-z0-9 .&-]{0,20}",
        "[台北資訊股份有限公司新竹高雄雲端]{1,12}",
        // Control characters and escape sequences, as a hand-edited file may hold.
        "[a-z\\u{1b}\\u{7}\\t\\[0-9m]{0,12}",
    ]
}

fn count() -> impl Strategy<Value = Count> {
    prop_oneof![
        3 => 0u64..5_000,
        1 => Just(0u64),
        1 => Just(10_000_000u64),
        1 => 0u64..=10_000_000,
    ]
    .prop_map(|n| Count::new(n).unwrap_or(Count::ZERO))
}

fn customer() -> impl Strategy<Value = Customer> {
    (
        name(),
        prop::sample::select(Association::ALL.to_vec()),
        prop::bool::weighted(0.1),
        prop::collection::vec(count(), 5),
    )
        .prop_map(|(name, association, trial, counts)| {
            let mut c = Customer::new(name);
            c.association = association;
            c.trial = trial;
            for (w, n) in Workload::ALL.into_iter().zip(counts) {
                c.active_users.set(w, n);
            }
            c
        })
}

fn person() -> impl Strategy<Value = Person> {
    let ids = |all: Vec<&'static str>| {
        prop::sample::subsequence(all.clone(), 0..=all.len())
            .prop_map(|v| v.into_iter().map(String::from).collect::<Vec<_>>())
    };
    (
        name(),
        ids(vec!["70-346", "70-347", "70-533"]),
        ids(vec!["mcsa-office-365", "mcse-productivity"]),
    )
        .prop_map(|(name, exams, certifications)| Person {
            exams,
            certifications,
            ..Person::new(name)
        })
}

fn header() -> impl Strategy<Value = Profile> {
    (
        name(),
        prop::sample::select(vec!["2017-06", "2017-07"]),
        prop::option::of(prop::sample::select(Market::ALL.to_vec())),
    )
        .prop_map(|(name, edition, market)| {
            let mut p = Profile::new(name);
            p.edition = edition.to_string();
            p.market = market;
            p
        })
}

/// Empty drafts, and small drafts with random customers and people.
fn small_draft() -> impl Strategy<Value = Profile> {
    prop_oneof![
        1 => header(),
        4 => (
            header(),
            prop::collection::vec(customer(), 0..25),
            prop::collection::vec(person(), 0..8),
        )
            .prop_map(|(mut p, customers, staff)| {
                p.customers = customers;
                p.staff = staff;
                p
            }),
    ]
}

/// Thousands of customers (the deterministic sample generator, so that building the draft
/// costs little), with Chinese names on some of them and a random header.
fn huge_draft() -> impl Strategy<Value = Profile> {
    (
        header(),
        2_000usize..6_000,
        prop::collection::vec(person(), 0..5),
    )
        .prop_map(|(mut p, n, staff)| {
            p.customers = (0..n).map(sample::customer).collect();
            for c in p.customers.iter_mut().step_by(7) {
                c.name = format!("台北資訊 {}", c.name);
            }
            p.staff = staff;
            p
        })
}

/// A number as the gauges show it: whole ("1,650"), or shortened in a larger unit when the
/// column is narrow ("1.6k", "4.7M", "469萬"), as the value and the step of its last digit.
#[derive(Debug, Clone, Copy)]
struct Shown {
    value: f64,
    step: f64,
}

impl Shown {
    /// Whether `n` is what this shows: exact when whole, within one last-digit step when
    /// shortened (rounded or cut).
    fn shows(self, n: u64) -> bool {
        if self.step <= 1.0 {
            self.value == n as f64
        } else {
            (self.value - n as f64).abs() < self.step
        }
    }
}

/// Every `have / need` pair on a line, left to right ("1,650 / 4,000" → (1650, 4000)).
fn have_need_pairs(line: &str) -> Vec<(Shown, Shown)> {
    let is_number = |c: char| c.is_ascii_digit() || c == ',' || c == '.';
    let parse = |digits: &str, unit: Option<char>| -> Option<Shown> {
        let digits: String = digits.chars().filter(|c| *c != ',').collect();
        let value: f64 = digits.parse().ok()?;
        let decimals = digits.split('.').nth(1).map_or(0, str::len) as i32;
        let mult = match unit {
            None => 1.0,
            Some('k') => 1e3,
            Some('M') => 1e6,
            Some('萬') => 1e4,
            Some(_) => return None,
        };
        Some(Shown {
            value: value * mult,
            step: if unit.is_none() {
                1.0
            } else {
                mult * 10f64.powi(-decimals)
            },
        })
    };
    let unit_of = |c: Option<char>| c.filter(|c| matches!(c, 'k' | 'M' | '萬'));
    let parts: Vec<&str> = line.split(" / ").collect();
    parts
        .windows(2)
        .filter_map(|w| {
            // The end of the left part: "… 1.6k" or "… 1,650".
            let left = w[0].trim_end();
            let last = left.chars().last();
            let unit = unit_of(last);
            let left = if unit.is_some() {
                &left[..left.len() - last.map_or(0, char::len_utf8)]
            } else {
                left
            };
            let have = parse(left.rsplit(|c: char| !is_number(c)).next()?, unit)?;
            let right = w[1];
            let end = right.find(|c: char| !is_number(c)).unwrap_or(right.len());
            let unit = unit_of(right[end..].chars().next());
            let need = parse(&right[..end], unit)?;
            Some((have, need))
        })
        .collect()
}

fn pairs_show(shown: &[(Shown, Shown)], want: &[(u64, u64)]) -> bool {
    shown.len() == want.len()
        && shown
            .iter()
            .zip(want)
            .all(|((h, n), (wh, wn))| h.shows(*wh) && n.shows(*wn))
}

/// The gauges as drawn (rows 3 and 4 of the screen) against the assessment.
fn check_drawn_gauges(screen: &str, assessment: &Assessment) -> Result<(), TestCaseError> {
    let lines: Vec<&str> = screen.lines().collect();
    let users = have_need_pairs(lines.get(3).copied().unwrap_or_default());
    let people = have_need_pairs(lines.get(4).copied().unwrap_or_default());
    let want_users: Vec<(u64, u64)> = assessment
        .tiers
        .iter()
        .map(|t| (t.entitlements.have, t.entitlements.need))
        .collect();
    let want_people: Vec<(u64, u64)> = assessment
        .tiers
        .iter()
        .map(|t| (t.people.have, t.people.need))
        .collect();
    prop_assert!(
        pairs_show(&users, &want_users),
        "users gauges {:?} for {:?} in:\n{}",
        users,
        want_users,
        screen
    );
    prop_assert!(
        pairs_show(&people, &want_people),
        "people gauges {:?} for {:?} in:\n{}",
        people,
        want_people,
        screen
    );
    Ok(())
}

fn run(profile: Profile, events: Vec<Event>, zh: bool) -> Result<(), TestCaseError> {
    run_sized(profile, events, zh, (1, 1))
}

fn run_sized(
    profile: Profile,
    events: Vec<Event>,
    zh: bool,
    stale: (u16, u16),
) -> Result<(), TestCaseError> {
    let lang = if zh { Lang::ZhTw } else { Lang::En };
    let mut app = App::with_profile(profile, lang);
    app.handle(Event::Resize(120, 40));
    for ev in events {
        app.handle(ev);
        if app.should_quit() {
            break;
        }
        let (w, h) = (app.model.width, app.model.height);
        let screen = render(&app, w, h);
        // A resize the model has not heard of yet (the terminal changed again between the
        // event and the draw): the frame must still fit the buffer it is given.
        draw_as_is(&app.model, stale.0, stale.1);
        draw_as_is(&app.model, w.saturating_sub(stale.0).max(1), h / 2 + 1);
        // Esc from the first step leaves the draft for the Start screen.
        let Some(draft) = app.model.draft.as_ref() else {
            continue;
        };
        let rules =
            RuleSet::by_edition(&draft.profile.edition).unwrap_or(RuleSet::default_edition());
        let fresh = evaluate(&draft.profile, rules);
        prop_assert_eq!(&draft.assessment, &fresh);
        let excluded: Vec<usize> = fresh
            .customers
            .iter()
            .enumerate()
            .filter(|(_, c)| c.excluded.is_some())
            .map(|(i, _)| i)
            .collect();
        prop_assert_eq!(&draft.excluded_rows, &excluded);
        let gauges_shown =
            app.model.screen != Screen::Start && !app.model.help && !app.model.areas().too_small;
        if gauges_shown {
            check_drawn_gauges(&screen, &fresh)?;
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]
    #[test]
    fn random_events_on_small_and_empty_drafts(
        profile in small_draft(),
        events in prop::collection::vec(event(), 1..300),
        zh in any::<bool>(),
        stale in (1u16..140, 1u16..50),
    ) {
        run_sized(profile, events, zh, stale)?;
    }
}

/// Every screen and overlay drawn into every small buffer, the model believing in another
/// size: nothing is drawn outside the buffer (a panic in ratatui) at any size from 1x1.
#[test]
fn every_screen_fits_every_buffer_from_1x1() {
    let keys: [&[KeyCode]; 8] = [
        &[],
        &[KeyCode::Char('?')],
        &[KeyCode::Char(']')],
        &[KeyCode::Char(']'), KeyCode::Char('?')],
        &[KeyCode::Char(']'), KeyCode::Char(']')],
        &[KeyCode::Char(']'), KeyCode::Char(']'), KeyCode::Char(']')],
        &[KeyCode::Char(']'), KeyCode::Char(']'), KeyCode::Enter],
        &[KeyCode::Char('i')],
    ];
    for lang in [Lang::En, Lang::ZhTw] {
        for steps in keys {
            for (mw, mh) in [(120, 40), (70, 18)] {
                let mut app = App::with_profile(contoso(), lang);
                resize(&mut app, mw, mh);
                for k in steps {
                    press(&mut app, *k);
                }
                for w in 1..=90 {
                    for h in (1..=30).step_by(if w % 10 == 0 { 1 } else { 7 }) {
                        draw_as_is(&app.model, w, h);
                    }
                }
            }
        }
    }
}

proptest! {
    // Each step on a huge draft re-evaluates thousands of customers (in a debug build):
    // few cases, long runs.
    #![proptest_config(ProptestConfig { cases: 4, max_shrink_iters: 32, ..ProptestConfig::default() })]
    #[test]
    fn random_events_on_huge_drafts(
        profile in huge_draft(),
        events in prop::collection::vec(event(), 100..250),
        zh in any::<bool>(),
    ) {
        run(profile, events, zh)?;
    }
}

// The Contoso draft (the snapshots' draft), as before: a fixed, realistic start.
proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]
    #[test]
    fn random_events_on_the_contoso_draft(
        events in prop::collection::vec(event(), 1..200),
        zh in any::<bool>(),
    ) {
        run(contoso(), events, zh)?;
    }
}

#[test]
fn drawn_gauges_show_the_assessment_after_edits() {
    let mut app = App::with_profile(contoso(), Lang::En);
    resize(&mut app, 120, 40);
    press(&mut app, KeyCode::Char('['));
    press(&mut app, KeyCode::Char('['));
    // Fabrikam's Exchange Online: 1,200 → 3,000.
    for _ in 0..3 {
        press(&mut app, KeyCode::Right);
    }
    typ(&mut app, "3000");
    press(&mut app, KeyCode::Enter);
    let draft = app.model.draft.as_ref().expect("draft");
    let rules = RuleSet::by_edition(&draft.profile.edition).expect("edition");
    let fresh = evaluate(&draft.profile, rules);
    assert_eq!(fresh.active_entitlements, 3450);
    let screen = render(&app, 120, 40);
    let gauges: Vec<&str> = screen.lines().skip(2).take(3).collect();
    for tier in &fresh.tiers {
        let users = format!(
            "{} / {}",
            cpc_wizard::i18n::thousands(tier.entitlements.have),
            cpc_wizard::i18n::thousands(tier.entitlements.need)
        );
        assert!(gauges[1].contains(&users), "{users} in {}", gauges[1]);
        assert!(gauges[1].contains(&format!("{}%", tier.entitlements.percent())));
    }
    assert!(gauges[0].contains("Silver  ✓ met"), "{}", gauges[0]);
    assert!(gauges[0].contains("Gold  ✗ not met"), "{}", gauges[0]);
}
