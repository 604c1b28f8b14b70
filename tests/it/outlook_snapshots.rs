//! Review's Outlook view (`o`): its panel and chart drawn at 80x24 and 120x40 (and the
//! smallest supported 70x18), in English and zh-TW, for a draft with usage-report figures
//! and for one typed by hand; and the key that opens and closes it.

use std::path::PathBuf;

use crate::wizard_common::*;
use cpc_wizard::i18n::Lang;
use cpc_wizard::profile::{Count, Profile, Workload};
use cpc_wizard::tui::{App, Screen};
use ratatui::crossterm::event::KeyCode;

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (70, 18)];

fn lang_id(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::ZhTw => "zh",
    }
}

fn n(value: u64) -> Count {
    Count::new(value).expect("in range")
}

/// The Contoso fixture with figures from usage reports on its first two customers, and
/// 400 more Exchange users at Fabrikam: Silver holds today (2,050) and hangs on both.
fn with_reports() -> Profile {
    let mut p = contoso();
    if let Some(c) = p.customers.get_mut(0) {
        c.active_users.set(Workload::ExchangeOnline, n(1_600));
        c.active_users_in_7_days
            .set(Workload::ExchangeOnline, Some(n(1_100)));
        c.licensed_users
            .set(Workload::ExchangeOnline, Some(n(1_800)));
        c.licensed_users
            .set(Workload::SharepointOnline, Some(n(900)));
    }
    if let Some(c) = p.customers.get_mut(1) {
        c.active_users_in_7_days
            .set(Workload::ExchangeOnline, Some(n(300)));
        c.licensed_users.set(Workload::ExchangeOnline, Some(n(650)));
    }
    p
}

fn on_outlook(profile: Profile, lang: Lang) -> App {
    let mut app = App::with_profile(profile, lang);
    if let Some(d) = &mut app.model.draft {
        d.path = PathBuf::from("/home/mei/.local/share/cpc-wizard/Contoso MSP FY18.json");
    }
    app.model.go_to(Screen::Review);
    press(&mut app, KeyCode::Char('o'));
    app
}

#[test]
fn the_outlook_view_at_every_size_in_both_languages() {
    for lang in Lang::ALL {
        for (w, h) in SIZES {
            let id = lang_id(lang);
            let app = on_outlook(with_reports(), lang);
            insta::assert_snapshot!(format!("outlook_{id}_{w}x{h}"), render(&app, w, h));
            let app = on_outlook(contoso(), lang);
            insta::assert_snapshot!(format!("outlook_typed_{id}_{w}x{h}"), render(&app, w, h));
        }
    }
}

#[test]
fn the_outlook_scrolled_to_its_end() {
    let mut app = on_outlook(with_reports(), Lang::En);
    resize(&mut app, 80, 24);
    press(&mut app, KeyCode::End);
    insta::assert_snapshot!("outlook_en_80x24_end", render(&app, 80, 24));
}

#[test]
fn o_opens_the_outlook_and_o_or_esc_closes_it() {
    let mut app = on_outlook(with_reports(), Lang::En);
    resize(&mut app, 80, 24);
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Outlook"), "{screen}");
    assert!(
        screen.contains("o outlook"),
        "the footer names the key: {screen}"
    );
    press(&mut app, KeyCode::Char('o'));
    assert!(!app.model.review.outlook);
    press(&mut app, KeyCode::Char('o'));
    assert!(app.model.review.outlook);
    press(&mut app, KeyCode::Esc);
    assert!(!app.model.review.outlook);
    assert_eq!(app.model.screen, Screen::Review);
    // Help lists it.
    press(&mut app, KeyCode::Char('?'));
    let help = render(&app, 80, 24);
    assert!(help.contains("outlook"), "{help}");
}

#[test]
fn any_size_down_to_one_cell_draws() {
    for lang in Lang::ALL {
        let app = on_outlook(with_reports(), lang);
        for (w, h) in [
            (1, 1),
            (2, 1),
            (1, 2),
            (10, 3),
            (40, 10),
            (69, 17),
            (70, 18),
        ] {
            let _ = render(&app, w, h);
        }
        for w in 70..=130 {
            let _ = render(&app, w, 18);
        }
    }
}

/// The view's lines are kept between frames, and built again after the draft changes, the
/// window is resized or the language switched: never a stale number on screen.
#[test]
fn the_outlook_view_follows_every_change() {
    let mut app = on_outlook(with_reports(), Lang::En);
    let before = render(&app, 80, 24);
    assert!(before.contains("2,050"), "{before}");
    assert_eq!(render(&app, 80, 24), before, "drawn again alike");
    if let Some(d) = &mut app.model.draft {
        d.edit_customer(0, |c| {
            c.active_users.set(Workload::ExchangeOnline, n(1_700))
        });
    }
    let after = render(&app, 80, 24);
    assert!(
        after.contains("2,150") && !after.contains("2,050"),
        "{after}"
    );
    let wide = render(&app, 120, 40);
    assert!(wide.contains("2,150"), "{wide}");
    app.model.lang = Lang::ZhTw;
    let chinese = render(&app, 80, 24);
    assert!(chinese.contains("展望"), "{chinese}");
}
