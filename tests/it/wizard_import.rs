//! Customers in from CSV on the Customers screen, and the customers out to CSV from the
//! Review screen: key sequences in; state, files on disk and the screen checked after.

use crate::wizard_common::*;
use cpc_wizard::i18n::Lang;
use cpc_wizard::import::import_csv;
use cpc_wizard::profile::{Association, Profile, Workload};
use cpc_wizard::rules::{RuleSet, evaluate};
use cpc_wizard::tui::screens::import::{Import, Outcome};
use cpc_wizard::tui::{App, Screen};
use cpc_wizard::tui::{Mode, Msg, Note};
use ratatui::crossterm::event::KeyCode;

fn on_customers(lang: Lang) -> (tempfile::TempDir, std::path::PathBuf, App) {
    let (dir, path, mut app) = app_on_disk(contoso(), lang);
    app.model.go_to(Screen::Customers);
    (dir, path, app)
}

#[test]
fn a_good_file_is_imported_saved_and_summarised() {
    let (dir, draft_path, mut app) = on_customers(Lang::En);
    let csv = write(dir.path(), "customers.csv", CSV_GOOD);
    import_via_keys(&mut app, &csv);

    let Outcome::Imported(summary) = outcome(&app) else {
        panic!("refused: {:?}", outcome(&app));
    };
    let summary = only_csv(summary);
    assert_eq!(
        (summary.rows_read, summary.added, summary.updated),
        (3, 2, 1)
    );
    assert_eq!(
        app.model.mode(),
        Mode::Picker,
        "the result is shown until closed"
    );

    // In the draft, and already on disk: a successful import is saved at once.
    let customers = &profile(&app).customers;
    assert_eq!(customers.len(), 7);
    let fabrikam = &customers[0];
    assert_eq!(fabrikam.name, "Fabrikam", "updated in place, name kept");
    assert_eq!(fabrikam.association, Association::DigitalPartnerOfRecord);
    assert!(fabrikam.trial);
    assert_eq!(
        fabrikam.active_users.get(Workload::ExchangeOnline).get(),
        300
    );
    assert_eq!(customers[5].name, "宏碁電腦");
    assert_eq!(load(&draft_path).customers, *customers);
    assert!(app.model.draft.as_ref().expect("draft").is_saved());
    let rules = RuleSet::by_edition(&profile(&app).edition).expect("edition");
    assert_eq!(
        app.model.draft.as_ref().expect("draft").assessment,
        evaluate(profile(&app), rules)
    );

    // The summary is on screen, through the shared wording.
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Read 3 customer rows."), "{screen}");
    assert!(
        screen.contains("Customers added: 2; updated: 1."),
        "{screen}"
    );

    press(&mut app, KeyCode::Esc);
    assert_eq!(app.model.mode(), Mode::Normal);
    assert!(app.model.import.is_none());
}

#[test]
fn a_bad_file_changes_nothing_and_every_bad_row_is_listed() {
    let (dir, draft_path, mut app) = on_customers(Lang::En);
    let before = load(&draft_path);
    let csv = write(dir.path(), "bad.csv", CSV_BAD);
    import_via_keys(&mut app, &csv);

    let Outcome::Refused(_) = outcome(&app) else {
        panic!("imported a bad file");
    };
    assert_eq!(*profile(&app), before, "all or nothing");
    assert_eq!(load(&draft_path), before);
    assert!(app.model.draft.as_ref().expect("draft").is_saved());

    let screen = render(&app, 120, 40);
    for expected in [
        "line 2, column \"exchange_online\": 12x is not a whole number",
        "line 2, column \"trial\": \"maybe\" is not yes or no",
        "line 3, column \"exchange_online\": -3 is below 0",
        "line 4, column \"exchange_online\": 10,000,001 is above the limit of 10,000,000",
    ] {
        assert!(
            screen.contains(expected),
            "{expected:?} missing from\n{screen}"
        );
    }
}

#[test]
fn a_long_result_scrolls_and_names_the_lines_shown() {
    let (dir, _draft_path, mut app) = on_customers(Lang::En);
    resize(&mut app, 80, 24);
    let mut text = String::from("name,exchange_online\n");
    for i in 0..40 {
        text.push_str(&format!("c{i},x{i}\n"));
    }
    let csv = write(dir.path(), "many.csv", &text);
    import_via_keys(&mut app, &csv);
    let screen = render(&app, 80, 24);
    assert!(screen.contains("line 2, column"), "{screen}");
    assert!(!screen.contains("line 41, column"), "{screen}");
    assert!(screen.contains("lines 1–"), "position shown: {screen}");

    press(&mut app, KeyCode::End);
    let screen = render(&app, 80, 24);
    assert!(screen.contains("line 41, column"), "{screen}");
    assert!(!screen.contains("line 2, column"), "{screen}");
    press(&mut app, KeyCode::Home);
    press(&mut app, KeyCode::Char('j'));
    match &app.model.import {
        Some(Import::Result { scroll, .. }) => assert_eq!(*scroll, 1),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_missing_file_is_reported_and_esc_or_an_empty_path_do_nothing() {
    let (dir, draft_path, mut app) = on_customers(Lang::ZhTw);
    let before = load(&draft_path);

    press(&mut app, KeyCode::Char('i'));
    press(&mut app, KeyCode::Enter);
    assert!(
        matches!(app.model.import, Some(Import::Path(_))),
        "an empty path is not read"
    );
    typ(&mut app, "abc");
    press(&mut app, KeyCode::Esc);
    assert!(app.model.import.is_none());
    assert_eq!(app.model.mode(), Mode::Normal);

    import_via_keys(&mut app, &dir.path().join("沒有這個檔案.csv"));
    assert!(matches!(outcome(&app), Outcome::Unreadable(_)));
    let screen = render(&app, 80, 24);
    assert!(screen.contains("未從"), "{screen}");
    assert!(screen.contains("沒有這個檔案.csv"), "{screen}");
    assert_eq!(load(&draft_path), before);
}

#[test]
fn pasted_paths_go_into_the_field_and_leaving_the_step_closes_it() {
    let (dir, _draft_path, mut app) = on_customers(Lang::En);
    let csv = write(dir.path(), "good.csv", CSV_GOOD);
    press(&mut app, KeyCode::Char('i'));
    app.handle(ratatui::crossterm::event::Event::Paste(format!(
        "{}\n",
        csv.display()
    )));
    press(&mut app, KeyCode::Enter);
    assert!(matches!(outcome(&app), Outcome::Imported(_)));
    app.model.go_to(Screen::Staff);
    assert!(app.model.import.is_none());
}

#[test]
fn review_writes_the_customers_csv_beside_the_draft_and_it_imports_back_equal() {
    let (dir, draft_path, mut app) = app_on_disk(contoso(), Lang::En);
    app.model.go_to(Screen::Review);
    // The path field opens on the default beside the draft; Enter writes there.
    press(&mut app, KeyCode::Char('c'));
    press(&mut app, KeyCode::Enter);
    let csv = dir.path().join("contoso.csv");
    match &app.model.note {
        Some(Note::CsvExported { path, customers }) => {
            assert_eq!(*path, csv);
            assert_eq!(*customers, 5);
        }
        other => panic!("no export note: {other:?}"),
    }
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Wrote 5 customers to"), "{screen}");
    assert!(screen.contains("Customers CSV: "), "{screen}");

    // Round trip: the file imports into an empty draft as the same customers.
    let bytes = std::fs::read(&csv).expect("csv written");
    let mut fresh = Profile::new("copy");
    import_csv(&bytes, &mut fresh).expect("imports");
    assert_eq!(fresh.customers, load(&draft_path).customers);
}

#[test]
fn the_result_is_reworded_when_the_language_switches() {
    let mut app = App::with_profile(contoso(), Lang::En);
    app.model.go_to(Screen::Customers);
    app.send(Msg::CsvRead {
        path: "/data/customers.csv".into(),
        bytes: CSV_BAD.as_bytes().to_vec(),
    });
    assert!(render(&app, 80, 24).contains("Nothing was imported"));
    app.model.lang = Lang::ZhTw;
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("未從 /data/customers.csv 匯入任何資料"),
        "{screen}"
    );
}

/// The wizard's exports go beside the draft; when that folder is gone they say so and do
/// not make it again.
#[test]
fn exports_to_a_folder_that_is_gone_say_so() {
    let (dir, _draft_path, mut app) = app_on_disk(contoso(), Lang::En);
    let gone = dir.path().join("gone");
    if let Some(d) = &mut app.model.draft {
        d.path = gone.join("contoso.json");
    }
    app.model.go_to(Screen::Review);
    press(&mut app, KeyCode::Char('c'));
    press(&mut app, KeyCode::Enter);
    assert!(
        matches!(&app.model.note, Some(Note::CsvExportFailed(e))
            if matches!(**e, cpc_wizard::store::StoreError::NoSuchFolder { .. })),
        "{:?}",
        app.model.note
    );
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Enter);
    assert!(matches!(&app.model.note, Some(Note::ExportFailed(_))));
    assert!(render(&app, 80, 24).contains("does not exist"));
    assert!(!gone.exists(), "the folder was not made");
}
