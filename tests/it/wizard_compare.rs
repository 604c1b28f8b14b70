//! The comparison over the Start screen (`=` on two drafts) scrolls when it is longer than
//! the screen, saying how many lines are out of sight, and closes with Esc, q or Enter.

use cpc_wizard::i18n::Lang;
use cpc_wizard::profile::Customer;
use cpc_wizard::store::Store;
use cpc_wizard::tui::App;
use ratatui::crossterm::event::KeyCode;

use crate::wizard_common::*;

/// A Start screen over two drafts whose 60 customers count differently, the two compared.
fn comparing(lang: Lang) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("temp dir");
    // The list is newest first: "Before" is given the later time, so that it is the first
    // draft marked, whatever order the two files were written in within one second.
    for (file, name, users, changed) in [
        ("a.json", "Before", 100, 1_500_000_100),
        ("b.json", "After", 200, 1_500_000_000),
    ] {
        let mut profile = contoso();
        profile.name = name.into();
        for i in 1..=60 {
            let mut customer = Customer::new(format!("Customer {i:02}"));
            customer.active_users.exchange_online =
                cpc_wizard::profile::Count::new(users + i).expect("a count");
            profile.customers.push(customer);
        }
        let path = write(dir.path(), file, &cpc_wizard::profile::to_json(&profile));
        std::fs::File::options()
            .write(true)
            .open(&path)
            .and_then(|f| {
                f.set_modified(std::time::UNIX_EPOCH + std::time::Duration::from_secs(changed))
            })
            .expect("set the time of the last change");
    }
    let mut app = App::start(Store::new(dir.path()), lang);
    resize(&mut app, 80, 24);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('='));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('='));
    assert!(app.model.comparison.is_some());
    (dir, app)
}

#[test]
fn a_long_comparison_scrolls_to_its_last_line_and_back() {
    let (_dir, mut app) = comparing(Lang::En);
    let screen = render(&app, 80, 24);
    assert!(screen.contains("more lines below"), "{screen}");
    assert!(!screen.contains("Customer 60"), "{screen}");
    assert!(!screen.contains("above"), "{screen}");

    press(&mut app, KeyCode::End);
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Customer 60"), "{screen}");
    assert!(screen.contains("more lines above"), "{screen}");
    assert!(!screen.contains("below"), "{screen}");
    insta::assert_snapshot!("compare_scrolled_to_end_80x24", screen);

    // Down at the end stays there; a page up shows what was above it.
    press(&mut app, KeyCode::Down);
    assert_eq!(render(&app, 80, 24), screen);
    press(&mut app, KeyCode::PageUp);
    let up = render(&app, 80, 24);
    assert!(!up.contains("Customer 60"), "{up}");
    assert!(up.contains("more lines below"), "{up}");

    press(&mut app, KeyCode::Home);
    assert!(!render(&app, 80, 24).contains("above"));
    // Every customer is reached line by line.
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..80 {
        let screen = render(&app, 80, 24);
        for i in 1..=60 {
            if screen.contains(&format!("Customer {i:02}")) {
                seen.insert(i);
            }
        }
        press(&mut app, KeyCode::Char('j'));
    }
    assert_eq!(seen.len(), 60);
}

#[test]
fn the_footer_says_how_to_scroll_and_close_and_q_closes() {
    for (lang, close) in [(Lang::En, "Esc/q close"), (Lang::ZhTw, "Esc/q 關閉")] {
        let (_dir, mut app) = comparing(lang);
        let screen = render(&app, 80, 24);
        let footer = screen.lines().last().unwrap_or_default();
        assert!(footer.contains("PgDn"), "{footer}");
        assert!(footer.contains(close), "{footer}");
        insta::assert_snapshot!(
            format!(
                "compare_top_{}_80x24",
                if lang == Lang::En { "en" } else { "zh" }
            ),
            screen
        );
        press(&mut app, KeyCode::Char('q'));
        assert!(app.model.comparison.is_none());
        assert!(!app.should_quit(), "q closed the comparison only");
    }
}
