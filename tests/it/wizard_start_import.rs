//! A new assessment from a CSV file, from the Start screen (key `i`): key sequences in; the
//! new draft (its file, its lock, its customers), the screen shown and the files on disk
//! checked after.

use std::path::{Path, PathBuf};

use crate::wizard_common::*;
use cpc_wizard::i18n::Lang;
use cpc_wizard::profile::Profile;
use cpc_wizard::store::{self, OpenDraft, Store, StoreError};
use cpc_wizard::tui::screens::import::Outcome;
use cpc_wizard::tui::{App, Model, Msg, Screen};
use cpc_wizard::tui::{Mode, update};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A drafts folder (`drafts/`, with the CSV files beside it, not in it) and the Start
/// screen on it.
fn start(lang: Lang) -> (tempfile::TempDir, PathBuf, App) {
    let dir = tempfile::tempdir().expect("temp dir");
    let drafts = dir.path().join("drafts");
    let app = App::start(Store::new(&drafts), lang);
    (dir, drafts, app)
}

/// The draft files in the folder (none when the folder was never made).
fn drafts_on_disk(drafts: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(drafts)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                // Hidden files (locks, the summaries kept beside the drafts) are no drafts.
                .filter(|p| {
                    p.extension().is_some_and(|x| x == "json")
                        && !p
                            .file_name()
                            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

#[test]
fn a_good_file_creates_and_opens_a_draft_named_after_it() {
    let (dir, drafts, mut app) = start(Lang::En);
    let csv = write(dir.path(), "customers.csv", CSV_GOOD);
    import_via_keys(&mut app, &csv);

    // Open on its first unfinished step (no market yet), the summary over it.
    assert_eq!(app.model.screen, Screen::Market);
    let Outcome::Imported(summary) = outcome(&app) else {
        panic!("refused: {:?}", outcome(&app));
    };
    let summary = only_csv(summary);
    assert_eq!(
        (summary.rows_read, summary.added, summary.updated),
        (3, 3, 0)
    );
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Read 3 customer rows."), "{screen}");
    assert!(screen.contains("customers"), "{screen}");

    // Named after the file, with the customers in file order, and already on disk.
    let draft = app.model.draft.as_ref().expect("draft");
    assert_eq!(draft.profile.name, "customers");
    assert!(!draft.read_only);
    assert_eq!(draft.path, drafts.join("customers.json"));
    let names: Vec<&str> = profile(&app)
        .customers
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["宏碁電腦", "Contoso, Ltd", "fabrikam"]);
    assert_eq!(load(&draft.path), *profile(&app));
    assert_eq!(drafts_on_disk(&drafts), [drafts.join("customers.json")]);

    // Created like a new assessment: the lock is taken.
    assert!(matches!(
        OpenDraft::open(&draft.path),
        Err(StoreError::Locked { .. })
    ));

    // Closing the summary leaves the draft open on Market.
    press(&mut app, KeyCode::Enter);
    assert!(app.model.import.is_none());
    assert_eq!(app.model.mode(), Mode::Normal);
    assert_eq!(app.model.screen, Screen::Market);
}

#[test]
fn a_taken_name_is_numbered() {
    let (dir, drafts, mut app) = start(Lang::En);
    store::save(&drafts.join("customers.json"), &Profile::new("customers")).expect("save");
    let csv = write(dir.path(), "customers.csv", CSV_GOOD);
    import_via_keys(&mut app, &csv);

    let draft = app.model.draft.as_ref().expect("draft");
    assert_ne!(draft.path, drafts.join("customers.json"));
    // Names are unique: the new draft's name gets the number too.
    assert_eq!(draft.profile.name, "customers (2)");
    assert_eq!(draft.profile.customers.len(), 3);
    assert_eq!(load(&draft.path).customers.len(), 3);
    // The draft that was there is untouched.
    assert!(load(&drafts.join("customers.json")).customers.is_empty());
    assert_eq!(drafts_on_disk(&drafts).len(), 2);
}

#[test]
fn a_bad_file_creates_nothing_and_every_bad_row_is_listed() {
    let (dir, drafts, mut app) = start(Lang::En);
    let csv = write(dir.path(), "bad.csv", CSV_BAD);
    import_via_keys(&mut app, &csv);

    assert!(matches!(outcome(&app), Outcome::Refused(_)));
    assert!(app.model.draft.is_none());
    assert_eq!(app.model.screen, Screen::Start);
    assert!(drafts_on_disk(&drafts).is_empty(), "no draft file");

    let screen = render(&app, 100, 30);
    assert!(screen.contains("no draft was created"), "{screen}");
    for line in ["line 2", "line 3", "line 4"] {
        assert!(screen.contains(line), "{line} missing:\n{screen}");
    }

    // Closed, the Start screen is as it was.
    press(&mut app, KeyCode::Esc);
    assert!(app.model.import.is_none());
    assert_eq!(app.model.mode(), Mode::Normal);
    assert_eq!(app.model.screen, Screen::Start);
}

#[test]
fn a_missing_file_creates_nothing() {
    let (dir, drafts, mut app) = start(Lang::ZhTw);
    import_via_keys(&mut app, &dir.path().join("nowhere.csv"));

    assert!(matches!(outcome(&app), Outcome::Unreadable(_)));
    assert!(app.model.draft.is_none());
    assert!(drafts_on_disk(&drafts).is_empty());
    let screen = render(&app, 80, 24);
    assert!(screen.contains("未建立任何草稿"), "{screen}");
}

#[test]
fn a_draft_that_cannot_be_made_is_reported_in_the_panel() {
    let (dir, _drafts, _app) = start(Lang::En);
    // The drafts "folder" is a file: nothing can be created in it.
    let not_a_folder = write(dir.path(), "drafts-file", "");
    let mut app = App::start(Store::new(&not_a_folder), Lang::En);
    let csv = write(dir.path(), "customers.csv", CSV_GOOD);
    import_via_keys(&mut app, &csv);

    assert!(app.model.draft.is_none());
    assert_eq!(app.model.screen, Screen::Start);
    assert!(matches!(outcome(&app), Outcome::Unreadable(_)));
    let screen = render(&app, 100, 30);
    assert!(screen.contains("no draft was created"), "{screen}");
}

#[test]
fn esc_cancels_the_path_field() {
    let (dir, drafts, mut app) = start(Lang::En);
    let csv = write(dir.path(), "customers.csv", CSV_GOOD);
    press(&mut app, KeyCode::Char('i'));
    typ(&mut app, &csv.display().to_string());
    press(&mut app, KeyCode::Esc);

    assert!(app.model.import.is_none());
    assert_eq!(app.model.mode(), Mode::Normal);
    assert_eq!(app.model.screen, Screen::Start);
    assert!(app.model.draft.is_none());
    assert!(drafts_on_disk(&drafts).is_empty());
    // Keys go back to the list: `n` starts a new assessment, not typed into a field.
    press(&mut app, KeyCode::Char('n'));
    assert!(app.model.start.naming.is_some());
}

#[test]
fn the_key_is_in_the_footer_and_in_help() {
    let (_dir, _drafts, mut app) = start(Lang::En);
    let screen = render(&app, 100, 30);
    assert!(screen.contains("i import"), "{screen}");
    press(&mut app, KeyCode::Char('?'));
    let help = render(&app, 100, 30);
    assert!(
        help.lines()
            .any(|l| l.contains("i ") && l.contains("import"))
    );
}

/// On a Start screen of a fixed folder with no drafts, so that snapshots are stable.
fn start_model(lang: Lang) -> Model {
    let mut model = Model::new(lang, PathBuf::from("/home/mei/.local/share/cpc-wizard"));
    update(&mut model, Msg::DraftsListed(Vec::new()));
    model
}

fn send_key(model: &mut Model, code: KeyCode) {
    update(model, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

#[test]
fn path_field_and_failure_panel_snapshots() {
    for (lang, id) in [(Lang::En, "en"), (Lang::ZhTw, "zh")] {
        let mut model = start_model(lang);
        send_key(&mut model, KeyCode::Char('i'));
        for c in "~/匯出/customers.csv".chars() {
            send_key(&mut model, KeyCode::Char(c));
        }
        insta::assert_snapshot!(
            format!("start_import_path_{id}"),
            render_model(&model, 80, 24)
        );

        let mut model = start_model(lang);
        send_key(&mut model, KeyCode::Char('i'));
        let effects = update(
            &mut model,
            Msg::CsvRead {
                path: "/home/mei/匯出/customers.csv".into(),
                bytes: CSV_BAD.as_bytes().to_vec(),
            },
        );
        assert!(effects.is_empty(), "nothing is created: {effects:?}");
        insta::assert_snapshot!(
            format!("start_import_refused_{id}"),
            render_model(&model, 80, 24)
        );
    }
}
