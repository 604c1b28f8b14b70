//! The wizard's update, driven with key sequences; state (and files on disk) checked after.

use std::time::{Duration, Instant};

use crate::wizard_common::*;
use cpc_wizard::i18n::Lang;
use cpc_wizard::profile::{Association, Count, Market, Profile, Workload};
use cpc_wizard::rules::{RuleSet, evaluate};
use cpc_wizard::store::Store;
use cpc_wizard::tui::app::SAVE_DELAY;
use cpc_wizard::tui::{App, Model, Screen};
use cpc_wizard::tui::{Effect, Mode, Msg, update};
use ratatui::crossterm::event::{
    Event, KeyCode, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

fn gauges_match_evaluate(app: &App) {
    let draft = app.model.draft.as_ref().expect("a draft is open");
    let rules = RuleSet::by_edition(&draft.profile.edition).expect("edition");
    assert_eq!(draft.assessment, evaluate(&draft.profile, rules));
}

fn customer_count(app: &App, row: usize, w: Workload) -> u32 {
    profile(app).customers[row].active_users.get(w).get()
}

fn empty_draft_app() -> (tempfile::TempDir, std::path::PathBuf, App) {
    // No market yet: opens on the Market step.
    app_on_disk(Profile::new("Empty"), Lang::En)
}

#[test]
fn start_creates_a_named_draft_and_opens_market() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = App::start(Store::new(dir.path()), Lang::En);
    assert_eq!(app.model.screen, Screen::Start);
    press(&mut app, KeyCode::Enter); // "New assessment" is selected first
    assert_eq!(app.model.mode(), Mode::Editing);
    press(&mut app, KeyCode::Enter);
    assert!(app.model.start.name_missing, "an empty name is refused");
    typ(&mut app, "台北 MSP");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.model.screen, Screen::Market);
    let path = dir.path().join("台北 MSP.json");
    assert_eq!(load(&path).name, "台北 MSP");
}

#[test]
fn start_lists_drafts_and_opens_one_on_its_first_unfinished_step() {
    let (dir, _path, _) = app_on_disk(contoso(), Lang::En);
    let mut app = App::start(Store::new(dir.path()), Lang::En);
    assert_eq!(app.model.start.drafts.len(), 1);
    assert_eq!(app.model.start.drafts[0].name, "Contoso MSP FY18");
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.model.screen, Screen::Review);
    // Esc from the first step goes back to the list, saving on the way.
    app.handle(key(KeyCode::Char('[')));
    app.handle(key(KeyCode::Char('[')));
    app.handle(key(KeyCode::Char('[')));
    assert_eq!(app.model.screen, Screen::Market);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.model.screen, Screen::Start);
    assert!(app.model.draft.is_none());
    press(&mut app, KeyCode::Esc);
    assert!(app.should_quit());
}

#[test]
fn first_unfinished_step() {
    let mut p = Profile::new("x");
    assert_eq!(
        Model::with_draft(Lang::En, "x.json".into(), p.clone()).screen,
        Screen::Market
    );
    p.market = Some(Market::Developing);
    assert_eq!(
        Model::with_draft(Lang::En, "x.json".into(), p.clone()).screen,
        Screen::Customers
    );
    p.customers.push(cpc_wizard::profile::Customer::new("c"));
    assert_eq!(
        Model::with_draft(Lang::En, "x.json".into(), p.clone()).screen,
        Screen::Staff
    );
    p.staff.push(cpc_wizard::profile::Person::new("p"));
    assert_eq!(
        Model::with_draft(Lang::En, "x.json".into(), p).screen,
        Screen::Review
    );
}

#[test]
fn market_and_edition_are_chosen_and_gauges_follow() {
    let (_dir, path, mut app) = app_on_disk(Profile::new("M"), Lang::En);
    assert_eq!(app.model.screen, Screen::Market);
    let draft = app.model.draft.as_ref().expect("draft");
    assert_eq!(draft.assessment.tiers[0].entitlements.need, 2000);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char(' '));
    let draft = app.model.draft.as_ref().expect("draft");
    assert_eq!(draft.profile.market, Some(Market::Developing));
    assert_eq!(draft.assessment.tiers[0].entitlements.need, 1000);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(profile(&app).edition, "2017-07");
    gauges_match_evaluate(&app);
    app.handle(ctrl('s'));
    assert_eq!(load(&path).edition, "2017-07");
    // Enter chose the edition and went on, as a wizard does.
    assert_eq!(app.model.screen, Screen::Customers);
}

#[test]
fn customers_add_edit_numbers_and_refuse_bad_values() {
    let (_dir, path, mut app) = empty_draft_app();
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(app.model.screen, Screen::Customers);
    press(&mut app, KeyCode::Char('a'));
    assert_eq!(app.model.mode(), Mode::Editing);
    typ(&mut app, "Fabrikam");
    press(&mut app, KeyCode::Tab); // confirm, next cell (association)
    press(&mut app, KeyCode::Tab); // trial
    press(&mut app, KeyCode::Tab); // Exchange Online
    press(&mut app, KeyCode::Enter);
    app.handle(ctrl('u'));
    typ(&mut app, "1500");
    assert_eq!(customer_count(&app, 0, Workload::ExchangeOnline), 1500);
    // Gauges follow every keystroke.
    assert_eq!(
        app.model
            .draft
            .as_ref()
            .expect("d")
            .assessment
            .active_entitlements,
        1500
    );
    // A refused keystroke shows in the field with a message; the draft holds the old
    // value (0, before this edit) until the text is a count again.
    typ(&mut app, "x");
    assert!(app.model.customers.problem.is_some(), "a letter is refused");
    assert_eq!(customer_count(&app, 0, Workload::ExchangeOnline), 0);
    press(&mut app, KeyCode::Backspace);
    assert!(app.model.customers.problem.is_none());
    assert_eq!(customer_count(&app, 0, Workload::ExchangeOnline), 1500);
    // 15,000 … 1,500,000 are taken; the fourth zero (15,000,000) is refused.
    typ(&mut app, "000");
    assert_eq!(customer_count(&app, 0, Workload::ExchangeOnline), 1_500_000);
    typ(&mut app, "0");
    assert!(
        app.model.customers.problem.is_some(),
        "15,000,000 is refused"
    );
    assert_eq!(customer_count(&app, 0, Workload::ExchangeOnline), 0);
    for _ in 0..4 {
        press(&mut app, KeyCode::Backspace);
    }
    assert!(app.model.customers.problem.is_none());
    assert_eq!(customer_count(&app, 0, Workload::ExchangeOnline), 1500);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.model.mode(), Mode::Normal);
    assert!(app.model.customers.problem.is_none());
    gauges_match_evaluate(&app);

    // Esc cancels an edit and puts the old value back.
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "9");
    assert_eq!(customer_count(&app, 0, Workload::ExchangeOnline), 9);
    press(&mut app, KeyCode::Esc);
    assert_eq!(customer_count(&app, 0, Workload::ExchangeOnline), 1500);

    // Digits typed on a number cell start an edit that replaces the value.
    press(&mut app, KeyCode::Char('l')); // SharePoint Online
    typ(&mut app, "42");
    press(&mut app, KeyCode::Enter);
    assert_eq!(customer_count(&app, 0, Workload::SharepointOnline), 42);

    app.handle(ctrl('c'));
    assert!(app.should_quit());
    let saved = load(&path);
    assert_eq!(saved.customers[0].name, "Fabrikam");
    assert_eq!(saved.customers[0].active_users.exchange_online.get(), 1500);
    assert_eq!(saved.customers[0].active_users.sharepoint_online.get(), 42);
}

/// Fabrikam's Exchange Online (5,000 here), selected on the Customers screen.
fn app_on_a_count_of_5000(lang: Lang) -> (tempfile::TempDir, App) {
    let mut draft = contoso();
    draft.customers[0]
        .active_users
        .set(Workload::ExchangeOnline, Count::new(5000).expect("count"));
    let (dir, _path, mut app) = app_on_disk(draft, lang);
    app.model.go_to(Screen::Customers);
    for _ in 0..3 {
        press(&mut app, KeyCode::Right);
    }
    (dir, app)
}

#[test]
fn a_keystroke_past_the_limit_leaves_the_old_value_on_enter() {
    for lang in [Lang::En, Lang::ZhTw] {
        // Typed over the selected cell, and after Enter: one behaviour.
        for enter_first in [false, true] {
            let (_dir, mut app) = app_on_a_count_of_5000(lang);
            if enter_first {
                press(&mut app, KeyCode::Enter);
            }
            typ(&mut app, "1234567");
            assert_eq!(customer_count(&app, 0, Workload::ExchangeOnline), 1_234_567);
            typ(&mut app, "8");
            let problem = app.model.customers.problem.as_ref().expect("refused");
            let message = cpc_wizard::messages::problem(app.model.loc(), problem);
            let want = match lang {
                Lang::En => "12,345,678 is above the limit of 10,000,000",
                _ => "12,345,678 超過上限 10,000,000",
            };
            assert_eq!(message, want);
            assert!(render(&app, 80, 24).contains(want), "shown under the cell");
            press(&mut app, KeyCode::Enter);
            assert_eq!(app.model.mode(), Mode::Normal);
            assert_eq!(
                customer_count(&app, 0, Workload::ExchangeOnline),
                5000,
                "the old value stays (Enter first: {enter_first})"
            );
        }
    }
}

#[test]
fn enter_and_typing_open_a_number_cell_the_same_way() {
    let typed = |enter_first: bool, keys: &[KeyCode]| {
        let (_dir, mut app) = app_on_a_count_of_5000(Lang::En);
        if enter_first {
            press(&mut app, KeyCode::Enter);
        }
        for k in keys {
            press(&mut app, *k);
        }
        press(&mut app, KeyCode::Enter);
        customer_count(&app, 0, Workload::ExchangeOnline)
    };
    // The first digit replaces the value, by either way in.
    let digits = [KeyCode::Char('4'), KeyCode::Char('2')];
    assert_eq!(typed(false, &digits), 42);
    assert_eq!(typed(true, &digits), 42);
    // After Enter, an arrow keeps the value to change it.
    assert_eq!(
        typed(true, &[KeyCode::End, KeyCode::Char('1')]),
        50_001,
        "End then a digit appends"
    );
    assert_eq!(typed(true, &[KeyCode::Backspace]), 0, "Backspace clears it");
    // A paste replaces it too.
    let (_dir, mut app) = app_on_a_count_of_5000(Lang::En);
    app.handle(Event::Paste("1,200".into()));
    press(&mut app, KeyCode::Enter);
    assert_eq!(customer_count(&app, 0, Workload::ExchangeOnline), 1200);
}

#[test]
fn customers_association_trial_and_delete() {
    let (_dir, _path, mut app) = app_on_disk(contoso(), Lang::En);
    app.handle(key(KeyCode::Char('[')));
    app.handle(key(KeyCode::Char('[')));
    assert_eq!(app.model.screen, Screen::Customers);
    // Row 0 (Fabrikam), association column: pick "none" from the list.
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.model.mode(), Mode::Picker);
    for _ in 0..4 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    let d = app.model.draft.as_ref().expect("d");
    assert_eq!(d.profile.customers[0].association, Association::None);
    assert_eq!(d.assessment.customers[0].counted, 0);
    gauges_match_evaluate(&app);
    // Trial toggles with Space.
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Char(' '));
    assert!(profile(&app).customers[0].trial);
    // Delete asks first; n keeps, y deletes.
    press(&mut app, KeyCode::Char('d'));
    assert_eq!(app.model.mode(), Mode::Confirm);
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(profile(&app).customers.len(), 5);
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('y'));
    let d = app.model.draft.as_ref().expect("d");
    assert_eq!(d.profile.customers.len(), 4);
    assert_eq!(d.profile.customers[0].name, "台北資訊股份有限公司");
    gauges_match_evaluate(&app);
}

#[test]
fn paste_goes_into_the_field_being_edited_without_control_characters() {
    let (_dir, _path, mut app) = empty_draft_app();
    press(&mut app, KeyCode::Char(']'));
    press(&mut app, KeyCode::Char('a'));
    app.handle(Event::Paste("Contoso\r\nEast\u{1b}[2J".into()));
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Enter);
    app.handle(ctrl('u'));
    app.handle(Event::Paste("1,234".into()));
    press(&mut app, KeyCode::Enter);
    let d = app.model.draft.as_ref().expect("d");
    assert_eq!(d.profile.customers[0].name, "Contoso East[2J");
    assert_eq!(customer_count(&app, 0, Workload::ExchangeOnline), 1234);
    // Pasting words into a number cell is refused, the value kept.
    press(&mut app, KeyCode::Enter);
    app.handle(Event::Paste("twelve".into()));
    assert!(app.model.customers.problem.is_some());
    assert_eq!(customer_count(&app, 0, Workload::ExchangeOnline), 1234);
}

#[test]
fn a_paste_on_a_selected_cell_opens_its_edit_with_the_text() {
    let (_dir, _path, mut app) = app_on_disk(contoso(), Lang::En);
    app.model.go_to(Screen::Customers);
    let before = profile(&app).clone();
    // On a count: the edit opens with the paste, Enter keeps it.
    for _ in 0..3 {
        press(&mut app, KeyCode::Right);
    }
    app.handle(Event::Paste("12,345".into()));
    assert_eq!(app.model.mode(), Mode::Editing);
    assert_eq!(customer_count(&app, 0, Workload::ExchangeOnline), 12_345);
    gauges_match_evaluate(&app);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.model.mode(), Mode::Normal);
    assert_eq!(customer_count(&app, 0, Workload::ExchangeOnline), 12_345);
    // On a name: Esc takes the paste back.
    for _ in 0..3 {
        press(&mut app, KeyCode::Left);
    }
    app.handle(Event::Paste("qd]".into()));
    assert_eq!(app.model.mode(), Mode::Editing);
    press(&mut app, KeyCode::Esc);
    let d = app.model.draft.as_ref().expect("d");
    assert_eq!(d.profile.customers[0].name, before.customers[0].name);
    assert_eq!(
        d.profile.customers.len(),
        before.customers.len(),
        "no key taken"
    );
    // On the association or trial cell there is nothing to paste into.
    press(&mut app, KeyCode::Right);
    app.handle(Event::Paste("none".into()));
    assert_eq!(app.model.mode(), Mode::Normal);
    // Staff: a paste on a name replaces it.
    app.model.go_to(Screen::Staff);
    app.handle(Event::Paste("Mei-Ling Lin".into()));
    press(&mut app, KeyCode::Enter);
    let d = app.model.draft.as_ref().expect("d");
    assert_eq!(d.profile.staff[0].name, "Mei-Ling Lin");
    // Help open: a paste does nothing.
    press(&mut app, KeyCode::Char('?'));
    app.handle(Event::Paste("x".into()));
    assert!(app.model.help);
    assert_eq!(app.model.mode(), Mode::Normal);
}

#[test]
fn next_and_back_keep_what_was_typed() {
    let (_dir, _path, mut app) = empty_draft_app();
    press(&mut app, KeyCode::Char(']'));
    press(&mut app, KeyCode::Char('a'));
    typ(&mut app, "Half typ");
    // A click on another step while typing keeps the text.
    let steps_row = 1;
    app.handle(Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 3,
        row: steps_row,
        modifiers: KeyModifiers::NONE,
    }));
    assert_eq!(
        app.model.screen,
        Screen::Customers,
        "no step change while typing"
    );
    press(&mut app, KeyCode::Enter);
    app.handle(Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 3,
        row: steps_row,
        modifiers: KeyModifiers::NONE,
    }));
    assert_eq!(app.model.screen, Screen::Market);
    press(&mut app, KeyCode::Char(']'));
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(app.model.screen, Screen::Staff);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.model.screen, Screen::Customers);
    let d = app.model.draft.as_ref().expect("d");
    assert_eq!(d.profile.customers[0].name, "Half typ");
}

#[test]
fn staff_toggle_items_and_keep_unknown_ids() {
    let (_dir, path, mut app) = app_on_disk(contoso(), Lang::En);
    press(&mut app, KeyCode::Char('['));
    assert_eq!(app.model.screen, Screen::Staff);
    // 陳志明 (row 2) has 70-346 and an unknown 70-999: add 70-347.
    press(&mut app, KeyCode::Char('G'));
    press(&mut app, KeyCode::Char('l'));
    press(&mut app, KeyCode::Char('l'));
    press(&mut app, KeyCode::Char(' '));
    let d = app.model.draft.as_ref().expect("d");
    assert!(d.assessment.staff[2].qualifies);
    assert_eq!(d.assessment.qualified_people, 3);
    assert_eq!(d.profile.staff[2].exams, ["70-346", "70-999", "70-347"]);
    // Add a person by MCSA.
    press(&mut app, KeyCode::Char('a'));
    typ(&mut app, "Ana");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Enter);
    let d = app.model.draft.as_ref().expect("d");
    assert_eq!(d.profile.staff[3].name, "Ana");
    assert_eq!(d.profile.staff[3].certifications, ["mcsa-office-365"]);
    gauges_match_evaluate(&app);
    // Delete with confirmation.
    press(&mut app, KeyCode::Delete);
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(profile(&app).staff.len(), 3);
    press(&mut app, KeyCode::Char('q'));
    assert!(app.should_quit());
    assert_eq!(load(&path).staff[2].exams, ["70-346", "70-999", "70-347"]);
}

#[test]
fn review_exports_the_markdown_report_beside_the_draft() {
    let (dir, _path, mut app) = app_on_disk(contoso(), Lang::ZhTw);
    assert_eq!(app.model.screen, Screen::Review);
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Enter);
    let report = dir.path().join("contoso.md");
    let text = std::fs::read_to_string(&report).expect("report written");
    assert!(text.contains("Contoso MSP FY18"));
    assert!(text.contains("金級"));
    assert!(matches!(
        app.model.note,
        Some(cpc_wizard::tui::Note::Exported(_))
    ));
}

#[test]
fn changes_are_saved_after_a_short_delay_not_on_every_keystroke() {
    let (_dir, path, mut app) = empty_draft_app();
    let t0 = Instant::now();
    app.handle_at(key(KeyCode::Char(']')), t0);
    app.handle_at(key(KeyCode::Char('a')), t0);
    for c in "Contoso".chars() {
        app.handle_at(key(KeyCode::Char(c)), t0);
    }
    assert!(load(&path).customers.is_empty(), "not yet on disk");
    let due = app.next_deadline().expect("a save is pending");
    assert!(due <= t0 + SAVE_DELAY && SAVE_DELAY <= Duration::from_secs(1));
    assert!(!app.tick(t0));
    assert!(app.tick(due));
    assert_eq!(load(&path).customers[0].name, "Contoso");
    assert!(app.next_deadline().is_none());
}

#[test]
fn language_help_and_mouse_keys() {
    let mut app = App::with_profile(contoso(), Lang::En);
    press(&mut app, KeyCode::Char('L'));
    assert_eq!(app.model.lang, Lang::ZhTw);
    press(&mut app, KeyCode::Char('?'));
    assert!(app.model.help);
    press(&mut app, KeyCode::Char('x'));
    assert!(!app.model.help);
    press(&mut app, KeyCode::Char('m'));
    assert!(!app.model.mouse_capture);
    assert_eq!(
        app.take_requests(),
        [cpc_wizard::tui::app::TerminalRequest::MouseCapture(false)]
    );
}

#[test]
fn clicks_select_rows() {
    let mut app = App::with_profile(contoso(), Lang::En);
    resize(&mut app, 80, 24);
    press(&mut app, KeyCode::Char('['));
    press(&mut app, KeyCode::Char('['));
    assert_eq!(app.model.screen, Screen::Customers);
    // Header at row 6 (header, steps, 4 gauge rows); customers from row 7.
    app.handle(Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 3,
        row: 9,
        modifiers: KeyModifiers::NONE,
    }));
    assert_eq!(app.model.customers.row, 2);
    assert_eq!(app.model.customers.col, 0);
}

#[test]
fn ctrl_c_quits_from_a_text_field_saving_first() {
    let (_dir, path, mut app) = empty_draft_app();
    let mut model = app.model.clone();
    let effects = update(
        &mut model,
        Msg::Key(ratatui::crossterm::event::KeyEvent::new(
            KeyCode::Char('c'),
            KeyModifiers::CONTROL,
        )),
    );
    assert_eq!(effects, [Effect::Save, Effect::Quit]);
    press(&mut app, KeyCode::Char(']'));
    press(&mut app, KeyCode::Char('a'));
    typ(&mut app, "Typed then quit");
    app.handle(ctrl('c'));
    assert!(app.should_quit());
    assert_eq!(load(&path).customers[0].name, "Typed then quit");
}

#[test]
fn ten_thousand_customers_scroll_and_draw() {
    let mut p = contoso();
    let base = p.customers[0].clone();
    p.customers = (0..10_000)
        .map(|i| {
            let mut c = base.clone();
            c.name = format!("Tenant {i}");
            c
        })
        .collect();
    let mut app = App::with_profile(p, Lang::En);
    resize(&mut app, 120, 40);
    press(&mut app, KeyCode::Char('['));
    press(&mut app, KeyCode::Char('['));
    press(&mut app, KeyCode::End);
    assert_eq!(app.model.customers.row, 9_999);
    let screen = render(&app, 120, 40);
    assert!(screen.contains("Tenant 9999"));
    assert!(screen.contains("12,000,000"), "total from the assessment");
    press(&mut app, KeyCode::PageUp);
    assert!(app.model.customers.row < 9_999);
    gauges_match_evaluate(&app);
}

#[test]
fn a_quit_whose_save_fails_asks_again_before_leaving() {
    let (_dir, path, mut app) = app_on_disk(Profile::new("X"), Lang::En);
    // Someone breaks the file while it is open: it is kept, so the save is refused.
    std::fs::write(&path, "{ broken").expect("write");
    press(&mut app, KeyCode::Char(' ')); // choose a market: a change to save
    press(&mut app, KeyCode::Char('q'));
    assert!(!app.should_quit(), "the change would be lost");
    assert!(matches!(
        app.model.note,
        Some(cpc_wizard::tui::Note::QuitUnsaved)
    ));
    press(&mut app, KeyCode::Char('q'));
    assert!(app.should_quit());
    assert_eq!(std::fs::read_to_string(&path).expect("read"), "{ broken");
}

#[test]
fn the_language_chosen_in_the_wizard_is_remembered() {
    let (dir, _path, mut app) = app_on_disk(contoso(), Lang::En);
    press(&mut app, KeyCode::Char('L'));
    let settings = cpc_wizard::settings::Settings::load(dir.path());
    assert_eq!(settings.lang, Some(Lang::ZhTw));
}

#[test]
fn every_input_event_asks_for_a_redraw_and_a_mouse_move_does_not() {
    let mut app = App::with_profile(contoso(), Lang::En);
    resize(&mut app, 80, 24);
    // A frame costs a fraction of a millisecond: every key is answered with one, even an
    // unbound key or scrolling up at the top, rather than guessing what changed.
    assert!(app.handle(key(KeyCode::Char('z'))));
    assert!(app.handle(key(KeyCode::Up)));
    assert!(app.handle(key(KeyCode::Char('?'))));
    assert!(app.handle(key(KeyCode::Esc)));
    assert!(app.handle(Event::Resize(100, 30)));
    let moved = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Moved,
        column: 1,
        row: 1,
        modifiers: KeyModifiers::NONE,
    });
    assert!(!app.handle(moved));
}

#[test]
fn esc_on_a_row_just_added_takes_it_away() {
    let (_dir, _path, mut app) = empty_draft_app();
    press(&mut app, KeyCode::Char(']'));
    press(&mut app, KeyCode::Char('a'));
    typ(&mut app, "Oops");
    press(&mut app, KeyCode::Esc);
    assert!(profile(&app).customers.is_empty());
    press(&mut app, KeyCode::Char(']'));
    press(&mut app, KeyCode::Char('a'));
    press(&mut app, KeyCode::Esc);
    assert!(profile(&app).staff.is_empty());
    gauges_match_evaluate(&app);
}

#[test]
fn a_count_shortened_in_its_cell_is_given_in_full_under_the_table() {
    let mut p = Profile::new("Big");
    let mut big = cpc_wizard::profile::Customer::new("Big One");
    big.active_users.set(
        Workload::SharepointOnline,
        cpc_wizard::profile::Count::new(1_234_567).expect("in range"),
    );
    p.customers.push(big);
    for lang in Lang::ALL {
        let (_dir, _path, mut app) = app_on_disk(p.clone(), lang);
        app.model.go_to(Screen::Customers);
        let full = if lang == Lang::En {
            "SharePoint Online: 1,234,567 · Big One"
        } else {
            "SharePoint Online：1,234,567 · Big One"
        };
        let short = if lang == Lang::En { "1.2M" } else { "123.5萬" };
        let screen = render(&app, 80, 24);
        assert!(screen.contains(short), "{screen}");
        assert!(!screen.contains(full), "only on its cell: {screen}");
        for _ in 0..4 {
            press(&mut app, KeyCode::Right); // name → association → trial → Exch. → SharePt
        }
        let screen = render(&app, 80, 24);
        assert!(screen.contains(full), "{screen}");
        // A count that fits its cell is not repeated.
        press(&mut app, KeyCode::Left);
        assert!(!render(&app, 80, 24).contains(full));
    }
}

#[test]
fn review_pages_through_every_excluded_customer_and_says_what_is_out_of_sight() {
    let mut p = Profile::new("Trials");
    for i in 1..=40 {
        let mut c = cpc_wizard::profile::Customer::new(format!("Trial {i:02}"));
        c.trial = true;
        p.customers.push(c);
    }
    let (_dir, _path, mut app) = app_on_disk(p, Lang::En);
    resize(&mut app, 80, 24);
    app.model.go_to(Screen::Review);
    let first = render(&app, 80, 24);
    assert!(first.contains("more lines below (↓ PgDn End)"), "{first}");
    assert!(!first.contains("more lines above"), "{first}");
    // Nothing of the head is cut at 80 columns: long sentences wrap.
    assert!(
        first.contains("2,000 more active users and 1 more qualified person for Silver"),
        "{first}"
    );
    // Page by page to the end, every customer is seen at least once.
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..10 {
        let screen = render(&app, 80, 24);
        for i in 1..=40 {
            if screen.contains(&format!("Trial {i:02} — trial subscription")) {
                seen.insert(i);
            }
        }
        press(&mut app, KeyCode::PageDown);
    }
    assert_eq!(
        seen.len(),
        40,
        "never shown: {:?}",
        (1..=40).filter(|i| !seen.contains(i)).collect::<Vec<_>>()
    );
    let last = render(&app, 80, 24);
    assert!(last.contains("Trial 40"), "{last}");
    assert!(!last.contains("more lines below"), "{last}");
    assert!(last.contains("more lines above (↑ PgUp Home)"), "{last}");
    // Home and End (g and G) are Review keys too.
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(app.model.review.scroll, 0);
    press(&mut app, KeyCode::Char('G'));
    assert!(render(&app, 80, 24).contains("Trial 40"));
    press(&mut app, KeyCode::Home);
    assert_eq!(app.model.review.scroll, 0);
}

#[test]
fn a_customer_with_no_active_users_says_so_in_the_wide_table() {
    let mut p = Profile::new("Zero");
    p.customers
        .push(cpc_wizard::profile::Customer::new("Empty Tenant"));
    let (_dir, _path, mut app) = app_on_disk(p, Lang::En);
    app.model.go_to(Screen::Customers);
    let screen = render(&app, 120, 40);
    let row = screen
        .lines()
        .find(|l| l.contains("Empty Tenant"))
        .expect("the row");
    assert!(row.trim_end().ends_with("no active users"), "{row}");
}
