//! At 80x24 and 70x18, in both languages, what matters stays on screen: `/` (search) in
//! the footer where it works, a seven-digit number whole while it is typed, Market's
//! explanations and warning readable in full.

use cpc_wizard::i18n::{Lang, Locale};
use cpc_wizard::profile::Count;
use cpc_wizard::store::Store;
use cpc_wizard::tui::{App, Mode, Screen};
use ratatui::crossterm::event::KeyCode;

use crate::wizard_common::*;

const SIZES: [(u16, u16); 2] = [(80, 24), (70, 18)];
const LANGS: [Lang; 2] = [Lang::En, Lang::ZhTw];

fn footer(screen: &str) -> &str {
    screen.lines().last().unwrap_or_default()
}

#[test]
fn search_is_in_the_footer_where_it_works() {
    for lang in LANGS {
        let search = format!("/ {}", Locale::get(lang).t("search.key"));
        for (w, h) in SIZES {
            for screen in [Screen::Customers, Screen::Staff] {
                let mut app = App::with_profile(contoso(), lang);
                app.model.go_to(screen);
                let shown = render(&app, w, h);
                assert!(
                    footer(&shown).contains(&search),
                    "{screen:?} {lang:?} {w}x{h}:\n{shown}"
                );
            }
            let (dir, _path, _) = app_on_disk(contoso(), lang);
            let app = App::start(Store::new(dir.path()), lang);
            let shown = render(&app, w, h);
            assert!(
                footer(&shown).contains(&search),
                "Start {lang:?} {w}x{h}:\n{shown}"
            );
            // At 80 columns search does not push out quit.
            if w == 80 {
                let quit = format!("q {}", Locale::get(lang).t("wizard.keys.quit"));
                assert!(footer(&shown).contains(&quit), "{shown}");
            }
        }
    }
}

#[test]
fn a_seven_digit_number_shows_whole_while_it_is_typed() {
    for lang in LANGS {
        for (w, h) in SIZES {
            let mut profile = contoso();
            profile.customers[0].active_users.exchange_online =
                Count::new(2_345_678).expect("a count");
            let mut app = App::with_profile(profile, lang);
            resize(&mut app, w, h);
            app.model.go_to(Screen::Customers);
            press(&mut app, KeyCode::Home);
            // Name, association, trial, then Exchange.
            for _ in 0..3 {
                press(&mut app, KeyCode::Right);
            }
            press(&mut app, KeyCode::Enter);
            assert_eq!(app.model.mode(), Mode::Editing);
            let shown = render(&app, w, h);
            assert!(shown.contains("2345678"), "{lang:?} {w}x{h}:\n{shown}");
            app.handle(ctrl('u'));
            typ(&mut app, "9876543");
            let shown = render(&app, w, h);
            assert!(shown.contains("9876543"), "{lang:?} {w}x{h}:\n{shown}");
            press(&mut app, KeyCode::Enter);
            assert_eq!(
                profile_of(&app).customers[0]
                    .active_users
                    .exchange_online
                    .get(),
                9_876_543
            );
        }
    }
}

fn profile_of(app: &App) -> &cpc_wizard::profile::Profile {
    profile(app)
}

/// The screen's lines, trimmed and joined as the text they wrap (words with a space in
/// English, characters without one in Chinese).
fn joined(screen: &str, lang: Lang) -> String {
    let sep = if lang == Lang::En { " " } else { "" };
    screen
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(sep)
}

#[test]
fn markets_explanations_and_warning_are_read_in_full_at_70x18() {
    for lang in LANGS {
        let loc = Locale::get(lang);
        let mut profile = contoso();
        profile.market = None;
        let mut app = App::with_profile(profile, lang);
        resize(&mut app, 70, 18);
        app.model.go_to(Screen::Market);
        press(&mut app, KeyCode::Home);
        let how_decided = loc.t("wizard.market.how_decided");
        let no_market = loc.t("warning.no_market");
        // Every option in turn, with ↓: the warning, and what the focused group means.
        for step in 0..7 {
            let shown = render(&app, 70, 18);
            if step == 0 || step == 5 {
                let lang_id = if lang == Lang::En { "en" } else { "zh" };
                insta::assert_snapshot!(format!("market_short_{lang_id}_step{step}_70x18"), shown);
            }
            let text = joined(&shown, lang);
            assert!(text.contains(no_market), "{lang:?} step {step}:\n{shown}");
            let explanation = match step {
                0..=3 => how_decided,
                4 => loc.t("report.counting_rule"),
                5 => loc.t("readings.explain.sum_of_workloads"),
                _ => loc.t("readings.explain.best_workload"),
            };
            assert!(
                text.contains(explanation),
                "{lang:?} step {step}: {explanation}\n{shown}"
            );
            // The focused option's own words, cut on its row, are given in full.
            let detail = match step {
                0 => loc.f(
                    "wizard.market.needs",
                    &[(
                        "list",
                        &if lang == Lang::En {
                            "Silver 2,000 · Gold 4,000"
                        } else {
                            "銀級 2,000 · 金級 4,000"
                        },
                    )],
                ),
                4 => loc.t("readings.note.largest_workload").to_string(),
                5 => loc.t("readings.note.sum_of_workloads").to_string(),
                6 => loc.t("readings.note.best_workload").to_string(),
                _ => String::new(),
            };
            assert!(
                text.contains(&detail),
                "{lang:?} step {step}: {detail}\n{shown}"
            );
            press(&mut app, KeyCode::Down);
        }
    }
}
