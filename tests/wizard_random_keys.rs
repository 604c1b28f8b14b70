//! Random key sequences, pastes, clicks and resizes never panic, and after each one the
//! gauges are the assessment of the draft as it stands. (A smoke test; the full property
//! test with random drafts belongs to the "proof under load" issue.)

mod wizard_common;

use cpc_wizard::i18n::Lang;
use cpc_wizard::rules::{RuleSet, evaluate};
use cpc_wizard::tui::App;
use proptest::prelude::*;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use wizard_common::*;

fn event() -> impl Strategy<Value = Event> {
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
        KeyCode::Char(' '),
        KeyCode::Char('a'),
        KeyCode::Char('d'),
        KeyCode::Char('y'),
        KeyCode::Char('n'),
        KeyCode::Char('e'),
        KeyCode::Char('j'),
        KeyCode::Char('l'),
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
    prop_oneof![
        10 => keys.prop_map(|k| Event::Key(KeyEvent::new(k, KeyModifiers::NONE))),
        1 => "[a-z0-9,台\\n\\u{1b}]{0,12}".prop_map(Event::Paste),
        1 => (0u16..130, 0u16..45).prop_map(|(column, row)| Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })),
        1 => (20u16..130, 8u16..45).prop_map(|(w, h)| Event::Resize(w, h)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]
    #[test]
    fn random_events_never_panic_and_gauges_follow(
        events in prop::collection::vec(event(), 1..120),
        zh in any::<bool>(),
    ) {
        let lang = if zh { Lang::ZhTw } else { Lang::En };
        let mut app = App::with_profile(contoso(), lang);
        for ev in events {
            let size = match &ev {
                Event::Resize(w, h) => Some((*w, *h)),
                _ => None,
            };
            app.handle(ev);
            if app.should_quit() {
                break;
            }
            let (w, h) = size.unwrap_or((app.model.width, app.model.height));
            let _ = render(&app, w, h);
            // Esc from the first step leaves the draft for the Start screen.
            let Some(draft) = app.model.draft.as_ref() else {
                continue;
            };
            let rules = RuleSet::by_edition(&draft.profile.edition).expect("edition");
            prop_assert_eq!(&draft.assessment, &evaluate(&draft.profile, rules));
        }
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
