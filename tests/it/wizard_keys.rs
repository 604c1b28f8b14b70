//! Keys as real keyboards send them: Enter moves a wizard on, full-width keys from an input
//! method act as their ASCII keys, undo and redo, search. State checked after key events.

use crate::wizard_common::*;
use cpc_wizard::i18n::Lang;
use cpc_wizard::profile::{Market, Profile};
use cpc_wizard::tui::Screen;
use ratatui::crossterm::event::KeyCode;

#[test]
fn enter_on_market_chooses_the_highlighted_market_and_goes_on_to_customers() {
    let (_dir, _path, mut app) = app_on_disk(Profile::new("Empty"), Lang::En);
    assert_eq!(app.model.screen, Screen::Market);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.model.screen, Screen::Customers);
    assert_eq!(profile(&app).market, Some(Market::ALL[1]));
}

#[test]
fn space_on_market_chooses_and_stays_and_down_reaches_every_field() {
    let (_dir, _path, mut app) = app_on_disk(Profile::new("Empty"), Lang::En);
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(app.model.screen, Screen::Market);
    assert_eq!(profile(&app).market, Some(Market::ALL[0]));
    for _ in 0..20 {
        press(&mut app, KeyCode::Down);
    }
    assert_eq!(
        app.model.market.focus,
        cpc_wizard::tui::screens::market::Focus::Counting
    );
}

#[test]
fn every_step_says_how_to_go_on_and_f7_f8_are_in_the_footer() {
    let (_dir, _path, mut app) = app_on_disk(contoso(), Lang::En);
    for screen in [
        Screen::Market,
        Screen::Customers,
        Screen::Staff,
        Screen::Review,
    ] {
        app.model.go_to(screen);
        let text = render(&app, 100, 24);
        assert!(text.contains("[/F7"), "{screen:?}:\n{text}");
        if screen != Screen::Review {
            assert!(text.contains("]/F8: next step"), "{screen:?}:\n{text}");
        }
    }
    app.model.go_to(Screen::Market);
    press(&mut app, KeyCode::F(8));
    assert_eq!(app.model.screen, Screen::Customers);
    press(&mut app, KeyCode::F(7));
    assert_eq!(app.model.screen, Screen::Market);
}

#[test]
fn full_width_keys_from_an_input_method_act_as_their_ascii_keys() {
    let (_dir, _path, mut app) = app_on_disk(contoso(), Lang::ZhTw);
    app.model.go_to(Screen::Customers);
    press(&mut app, KeyCode::Char('」'));
    assert_eq!(app.model.screen, Screen::Staff);
    press(&mut app, KeyCode::Char('［'));
    assert_eq!(app.model.screen, Screen::Customers);
    press(&mut app, KeyCode::Char('？'));
    assert!(app.model.help);
    press(&mut app, KeyCode::Esc);
    let before = profile(&app).customers.len();
    press(&mut app, KeyCode::Char('ａ'));
    press(&mut app, KeyCode::Esc);
    assert!(profile(&app).customers.len() <= before + 1);
}

#[test]
fn full_width_digits_start_and_fill_a_number_cell() {
    let (_dir, _path, mut app) = app_on_disk(contoso(), Lang::En);
    app.model.go_to(Screen::Customers);
    press(&mut app, KeyCode::End);
    press(&mut app, KeyCode::Home);
    // To the first workload column.
    while cpc_wizard::tui::screens::customers::workload(app.model.customers.col).is_none() {
        press(&mut app, KeyCode::Tab);
    }
    typ(&mut app, "１２３");
    press(&mut app, KeyCode::Enter);
    let w = cpc_wizard::tui::screens::customers::workload(app.model.customers.col)
        .expect("a workload column");
    let row = app.model.customers.row;
    assert_eq!(profile(&app).customers[row].active_users.get(w).get(), 123);
}

#[test]
fn a_character_typed_on_a_name_cell_starts_editing_it() {
    let (_dir, _path, mut app) = app_on_disk(contoso(), Lang::En);
    app.model.go_to(Screen::Customers);
    typ(&mut app, "Zeta");
    press(&mut app, KeyCode::Enter);
    assert_eq!(profile(&app).customers[0].name, "Zeta");
    app.model.go_to(Screen::Staff);
    typ(&mut app, "台北");
    press(&mut app, KeyCode::Enter);
    assert_eq!(profile(&app).staff[0].name, "台北");
}

#[test]
fn undo_takes_back_each_change_across_screens_and_redo_makes_it_again() {
    let (_dir, path, mut app) = app_on_disk(Profile::new("Empty"), Lang::En);
    // The market (Enter goes on to Customers).
    press(&mut app, KeyCode::Enter);
    assert_eq!(profile(&app).market, Some(Market::ALL[0]));
    // An added row with its name: one step.
    press(&mut app, KeyCode::Char('a'));
    typ(&mut app, "Fabrikam");
    press(&mut app, KeyCode::Enter);
    assert_eq!(profile(&app).customers.len(), 1);
    // A cell typed over: one step, however many keys.
    typ(&mut app, "Zeta");
    press(&mut app, KeyCode::Enter);
    assert_eq!(profile(&app).customers[0].name, "Zeta");

    press(&mut app, KeyCode::Char('u'));
    assert_eq!(profile(&app).customers[0].name, "Fabrikam");
    assert!(render(&app, 80, 24).contains("Undone: a change to a cell"));
    app.handle(ctrl('z'));
    assert!(profile(&app).customers.is_empty());
    // Across screens: the market was chosen on another step.
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(app.model.screen, Screen::Staff);
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(profile(&app).market, None);
    press(&mut app, KeyCode::Char('u'));
    assert!(render(&app, 80, 24).contains("Nothing to undo"));

    app.handle(ctrl('r'));
    assert_eq!(profile(&app).market, Some(Market::ALL[0]));
    app.handle(ctrl('y'));
    assert_eq!(profile(&app).customers.len(), 1);
    assert!(render(&app, 80, 24).contains("Redone: an added row"));
    // Saved like any other change.
    app.handle(ctrl('s'));
    assert_eq!(load(&path).customers.len(), 1);
    assert_eq!(load(&path).market, Some(Market::ALL[0]));
}

#[test]
fn undo_takes_back_a_toggle_and_a_deleted_row() {
    let (_dir, _path, mut app) = app_on_disk(contoso(), Lang::ZhTw);
    app.model.go_to(Screen::Staff);
    let before = profile(&app).clone();
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char(' '));
    assert_ne!(profile(&app).staff, before.staff);
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(profile(&app).staff, before.staff);
    app.model.go_to(Screen::Customers);
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(profile(&app).customers.len(), before.customers.len() - 1);
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(profile(&app).customers, before.customers);
    assert!(render(&app, 80, 24).contains("已復原"));
}

#[test]
fn l_says_which_language_it_switched_to_and_l_again_switches_back() {
    let (_dir, _path, mut app) = app_on_disk(contoso(), Lang::En);
    app.model.go_to(Screen::Review);
    press(&mut app, KeyCode::Char('L'));
    assert_eq!(app.model.lang, Lang::ZhTw);
    assert!(render(&app, 80, 24).contains("再按 L"));
    press(&mut app, KeyCode::Char('Ｌ'));
    assert_eq!(app.model.lang, Lang::En);
    assert!(render(&app, 80, 24).contains("Press L again"));
}

#[test]
fn slash_finds_customers_by_name_as_typed_and_esc_returns() {
    let (_dir, _path, mut app) = app_on_disk(contoso(), Lang::En);
    app.model.go_to(Screen::Customers);
    press(&mut app, KeyCode::Char('/'));
    // Case and width do not matter.
    typ(&mut app, "ＴＡＩ");
    // "台北…" does not hold "tai"; "Tailspin Toys" (row 2) does.
    assert_eq!(app.model.customers.row, 2);
    assert!(render(&app, 80, 24).contains("Find /"));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.model.customers.row, 0);
    assert!(app.model.search.is_none());
}

#[test]
fn down_and_ctrl_n_go_to_the_next_match_and_n_repeats_after_enter() {
    let (_dir, _path, mut app) = app_on_disk(contoso(), Lang::En);
    app.model.go_to(Screen::Customers);
    press(&mut app, KeyCode::Char('/'));
    typ(&mut app, "r");
    // Fabrikam (0) holds an r.
    assert_eq!(app.model.customers.row, 0);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.model.customers.row, 3); // Northwind
    app.handle(ctrl('n'));
    assert_eq!(app.model.customers.row, 4); // Adventure Works
    app.handle(ctrl('p'));
    assert_eq!(app.model.customers.row, 3);
    press(&mut app, KeyCode::Enter);
    assert!(app.model.search.is_none());
    assert_eq!(app.model.customers.row, 3);
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.model.customers.row, 4);
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.model.customers.row, 0);
    press(&mut app, KeyCode::Char('N'));
    assert_eq!(app.model.customers.row, 4);
}

#[test]
fn slash_finds_people_and_drafts_and_n_on_start_still_makes_a_new_one() {
    let (dir, _path, mut app) = app_on_disk(contoso(), Lang::ZhTw);
    app.model.go_to(Screen::Staff);
    press(&mut app, KeyCode::Char('/'));
    typ(&mut app, "陳");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.model.staff.row, 2);

    let mut start =
        cpc_wizard::tui::App::start(cpc_wizard::store::Store::new(dir.path()), Lang::En);
    press(&mut start, KeyCode::Char('/'));
    typ(&mut start, "contoso");
    press(&mut start, KeyCode::Enter);
    assert_eq!(start.model.start.selected, 1);
    press(&mut start, KeyCode::Char('n'));
    assert!(start.model.start.naming.is_some());
}

#[test]
fn equals_on_a_draft_then_on_another_shows_the_two_side_by_side() {
    let (dir, _path, _) = app_on_disk(contoso(), Lang::En);
    let mut copy = contoso();
    copy.name = "Contoso what if".into();
    copy.staff.clear();
    let text = cpc_wizard::profile::to_json(&copy);
    write(dir.path(), "what-if.json", &text);
    let mut app = cpc_wizard::tui::App::start(cpc_wizard::store::Store::new(dir.path()), Lang::En);
    assert_eq!(app.model.start.drafts.len(), 2);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('='));
    assert!(render(&app, 80, 24).contains("press = on another draft"));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('='));
    let screen = render(&app, 80, 24);
    assert!(app.model.comparison.is_some(), "{screen}");
    assert!(
        screen.contains("People whose qualification differs"),
        "{screen}"
    );
    assert!(screen.contains("Mei Lin"), "{screen}");
    // A stray key does nothing; Esc closes it and the list is as it was.
    press(&mut app, KeyCode::Char('x'));
    assert!(app.model.comparison.is_some());
    press(&mut app, KeyCode::Esc);
    assert!(app.model.comparison.is_none());
    assert_eq!(app.model.start.selected, 2);
}

#[test]
fn a_long_draft_name_is_cut_with_an_ellipsis_and_esc_to_start_selects_the_draft_left() {
    let mut long = contoso();
    long.name = "Contoso Managed Services Partner Fiscal Year 2018 what if Gold".into();
    let (dir, _path, _) = app_on_disk(contoso(), Lang::En);
    write(
        dir.path(),
        "long.json",
        &cpc_wizard::profile::to_json(&long),
    );
    let mut app = cpc_wizard::tui::App::start(cpc_wizard::store::Store::new(dir.path()), Lang::En);
    let at = app
        .model
        .start
        .drafts
        .iter()
        .position(|d| d.name == long.name)
        .expect("listed");
    for _ in 0..=at {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    let screen = render(&app, 70, 18);
    let header = screen.lines().next().unwrap_or_default().to_string();
    assert!(header.contains('…'), "{header}");
    assert!(header.contains("EN"), "{header}");
    // Opened straight (`edit DRAFT`), Esc back to Start selects the draft just left.
    drop(app);
    let mut app = cpc_wizard::tui::App::open_path(
        cpc_wizard::store::Store::new(dir.path()),
        dir.path().join("long.json"),
        Lang::En,
    );
    app.model.go_to(Screen::Market);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.model.screen, Screen::Start);
    assert_eq!(app.model.start.selected, at + 1);
}

#[test]
fn gauges_keep_bar_percentage_and_mark_with_seven_digit_totals_at_70_and_80_columns() {
    let mut big = contoso();
    for c in &mut big.customers {
        c.active_users.set(
            cpc_wizard::profile::Workload::ExchangeOnline,
            cpc_wizard::profile::Count::new(2_345_678).expect("a count"),
        );
    }
    for lang in [Lang::En, Lang::ZhTw] {
        let (_dir, _path, mut app) = app_on_disk(big.clone(), lang);
        app.model.go_to(Screen::Customers);
        for (w, h) in [(70, 18), (80, 24)] {
            let screen = render(&app, w, h);
            let gauge_lines: Vec<&str> = screen.lines().skip(3).take(2).collect();
            for line in &gauge_lines {
                assert!(line.contains('▰'), "{lang:?} {w}x{h}: {line}\n{screen}");
                assert!(line.contains('%'), "{lang:?} {w}x{h}: {line}");
                assert!(
                    line.contains('✓') || line.contains('✗'),
                    "{lang:?} {w}x{h}: {line}"
                );
            }
            insta::assert_snapshot!(format!("gauges_7_digits_{lang:?}_{w}x{h}"), screen);
        }
    }
}

#[test]
fn customers_say_how_many_rows_are_above_and_below_the_view() {
    let mut many = contoso();
    for i in 0..40 {
        many.customers
            .push(cpc_wizard::profile::Customer::new(format!(
                "Customer {i:02}"
            )));
    }
    let (_dir, _path, mut app) = app_on_disk(many, Lang::En);
    app.model.go_to(Screen::Customers);
    resize(&mut app, 80, 24);
    let screen = render(&app, 80, 24);
    assert!(screen.contains(" ↓"), "{screen}");
    assert!(!screen.contains(" ↑"), "{screen}");
    press(&mut app, KeyCode::PageDown);
    press(&mut app, KeyCode::PageDown);
    let screen = render(&app, 80, 24);
    assert!(screen.contains(" ↑"), "{screen}");
    insta::assert_snapshot!("customers_rows_out_of_view_80x24", screen);
}

#[test]
fn review_names_the_report_file_only_once_it_is_written() {
    let (_dir, path, mut app) = app_on_disk(contoso(), Lang::En);
    app.model.go_to(Screen::Review);
    assert!(!render(&app, 80, 24).contains("Report file:"));
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Enter);
    assert!(path.with_extension("md").exists());
    assert!(render(&app, 80, 24).contains("Report file:"));
}
