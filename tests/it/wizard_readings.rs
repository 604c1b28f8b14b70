//! The wizard's side of the three readings and of "counted once": the reading chosen on the
//! Market screen and saved, and names that would repeat a customer or a person refused.

use crate::wizard_common::*;
use cpc_wizard::i18n::Lang;
use cpc_wizard::profile::{Counting, Person};
use cpc_wizard::rules::{RuleSet, evaluate};
use cpc_wizard::tui::Mode;
use cpc_wizard::tui::{App, Screen};
use ratatui::crossterm::event::KeyCode;

fn assessment_matches_evaluate(app: &App) {
    let draft = app.model.draft.as_ref().expect("a draft is open");
    let rules = RuleSet::by_edition(&draft.profile.edition).expect("edition");
    assert_eq!(draft.assessment, evaluate(&draft.profile, rules));
}

#[test]
fn the_reading_is_chosen_on_the_market_screen_with_tab_or_the_arrows_and_saved() {
    let (_dir, path, mut app) = app_on_disk(contoso(), Lang::En);
    app.model.go_to(Screen::Market);
    // Tab twice: market, edition, reading.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(profile(&app).counting, Counting::SumOfWorkloads);
    let draft = app.model.draft.as_ref().expect("draft");
    // Fabrikam 1,200+800+300 and 台北 450+120: the others are excluded.
    assert_eq!(draft.assessment.active_entitlements, 2_870);
    assessment_matches_evaluate(&app);
    app.handle(ctrl('s'));
    assert_eq!(load(&path).counting, Counting::SumOfWorkloads);

    // From the top with ↓ alone: 2 markets, 2 editions, then the readings.
    app.model.go_to(Screen::Customers);
    app.model.go_to(Screen::Market);
    app.model.market = cpc_wizard::tui::screens::market::State::default();
    for _ in 0..6 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(profile(&app).counting, Counting::BestWorkload);
    // ↓ past the last reading stays there; ↑ goes back through the groups.
    press(&mut app, KeyCode::Down);
    assert_eq!(app.model.market.counting_cursor, 2);
    for _ in 0..3 {
        press(&mut app, KeyCode::Up);
    }
    assert_eq!(app.model.market.edition_cursor, 1);
    assessment_matches_evaluate(&app);
}

#[test]
fn renaming_a_customer_into_one_that_exists_is_refused_until_changed_or_taken_back() {
    let (_dir, _path, mut app) = app_on_disk(contoso(), Lang::En);
    app.model.go_to(Screen::Customers);
    press(&mut app, KeyCode::Down); // 台北資訊股份有限公司
    press(&mut app, KeyCode::Enter);
    app.handle(ctrl('u'));
    typ(&mut app, " fabrikam");
    assert_eq!(app.model.customers.repeats, Some(0));
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("! \"Fabrikam\" is already in the list (row 1)"),
        "{screen}"
    );
    // Enter and Tab are refused: still editing, the message stays.
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.model.mode(), Mode::Editing);
    assert_eq!(app.model.customers.col, 0);
    // Meanwhile the repeat counts once, as in any draft that lists a tenant twice.
    assessment_matches_evaluate(&app);
    // One more letter makes it another tenant: accepted.
    typ(&mut app, " EU");
    assert_eq!(app.model.customers.repeats, None);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.model.mode(), Mode::Normal);
    assert_eq!(profile(&app).customers[1].name, " fabrikam EU");
    // Esc takes a refused name back.
    press(&mut app, KeyCode::Enter);
    app.handle(ctrl('u'));
    typ(&mut app, "TAILSPIN TOYS");
    assert_eq!(app.model.customers.repeats, Some(2));
    press(&mut app, KeyCode::Esc);
    assert_eq!(profile(&app).customers[1].name, " fabrikam EU");
    assert_eq!(app.model.customers.repeats, None);
    assessment_matches_evaluate(&app);
}

#[test]
fn adding_a_customer_under_an_existing_name_is_refused_in_chinese_too() {
    let (_dir, _path, mut app) = app_on_disk(contoso(), Lang::ZhTw);
    app.model.go_to(Screen::Customers);
    let before = profile(&app).customers.len();
    press(&mut app, KeyCode::Char('a'));
    typ(&mut app, "台北資訊股份有限公司");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.model.mode(), Mode::Editing);
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("「台北資訊股份有限公司」已在清單中（第 2 列）"),
        "{screen}"
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(profile(&app).customers.len(), before);
    assessment_matches_evaluate(&app);
}

#[test]
fn adding_or_renaming_a_person_into_one_that_exists_is_refused() {
    let mut draft = contoso();
    draft.staff.push(Person {
        email: Some("sam@contoso.com".into()),
        ..Person::new("Sam Ortiz")
    });
    let (_dir, _path, mut app) = app_on_disk(draft, Lang::En);
    app.model.go_to(Screen::Staff);
    press(&mut app, KeyCode::Char('a'));
    typ(&mut app, " mei lin ");
    assert_eq!(app.model.staff.repeats, Some(0));
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("! \"Mei Lin\" is already in the list (row 1)"),
        "{screen}"
    );
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.model.mode(), Mode::Editing);
    // Both without email, another name: a new person.
    app.handle(ctrl('u'));
    typ(&mut app, "Mei Lin-Chen");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.model.mode(), Mode::Normal);
    assert_eq!(profile(&app).staff.len(), 5);
    // Renaming Ray to Sam Ortiz: Ray has no email, so the names decide.
    press(&mut app, KeyCode::Home);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    app.handle(ctrl('u'));
    typ(&mut app, "sam ortiz");
    assert_eq!(app.model.staff.repeats, Some(3));
    press(&mut app, KeyCode::Esc);
    assert_eq!(profile(&app).staff[1].name, "Ray");
    assessment_matches_evaluate(&app);
}

#[test]
fn the_gauges_and_review_name_the_reading_in_both_languages() {
    for (lang, used, other) in [
        (
            Lang::En,
            "Reading: largest workload",
            "sum of workloads: 2,870 active entitlements, Silver",
        ),
        (
            Lang::ZhTw,
            "解讀：最大工作負載",
            "工作負載加總：使用中合約權利 2,870，銀級",
        ),
    ] {
        let (_dir, _path, mut app) = app_on_disk(contoso(), lang);
        app.model.go_to(Screen::Review);
        let screen = render(&app, 120, 40);
        assert!(screen.contains(used), "{screen}");
        assert!(screen.contains(other), "{screen}");
    }
}
