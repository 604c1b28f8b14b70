//! The Start screen's drafts and the wizard's side of locking, driven with key sequences:
//! rename, duplicate and delete; a draft open elsewhere (read-only); a draft that cannot be
//! read (never overwritten, a fresh start beside it). State and files on disk checked after.

use std::path::{Path, PathBuf};

use crate::wizard_common::*;
use cpc_wizard::i18n::Lang;
use cpc_wizard::profile::Profile;
use cpc_wizard::store::{self, Store, StoreError};
use cpc_wizard::tui::DraftNote;
use cpc_wizard::tui::screens::start::{NameFor, Prompt};
use cpc_wizard::tui::{App, Screen};
use cpc_wizard::tui::{Mode, Note};
use ratatui::crossterm::event::KeyCode;

/// A drafts folder with the Contoso draft (as `contoso.json`), and the Start screen on it
/// with that draft selected.
fn start_on_contoso() -> (tempfile::TempDir, PathBuf, App) {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("contoso.json");
    store::save(&path, &contoso()).expect("save");
    let mut app = App::start(Store::new(dir.path()), Lang::En);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.model.start.selected, 1);
    (dir, path, app)
}

fn names_on_disk(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = Store::new(dir)
        .list()
        .expect("list")
        .into_iter()
        .map(|e| e.profile.expect("loads").name)
        .collect();
    names.sort();
    names
}

fn selected_name(app: &App) -> String {
    let s = &app.model.start;
    s.drafts[s.selected - 1].name.clone()
}

#[test]
fn rename_moves_the_draft_to_its_new_safe_file_name() {
    let (dir, old, mut app) = start_on_contoso();
    press(&mut app, KeyCode::Char('r'));
    assert_eq!(app.model.mode(), Mode::Editing);
    app.handle(ctrl('u'));
    typ(&mut app, "台北/../FY18");
    press(&mut app, KeyCode::Enter);
    assert!(app.model.start.prompt.is_none());
    assert!(!old.exists(), "the old file is gone");
    let new = dir.path().join("台北_.._FY18.json");
    assert_eq!(load(&new).name, "台北/../FY18", "stored as typed");
    assert_eq!(
        selected_name(&app),
        "台北/../FY18",
        "the renamed draft stays selected"
    );
    assert!(matches!(
        app.model.note,
        Some(Note::Drafts(DraftNote::Renamed { .. }))
    ));
    assert!(render(&app, 80, 24).contains("台北/../FY18"));
}

#[test]
fn rename_wants_a_name_and_esc_cancels() {
    let (dir, _old, mut app) = start_on_contoso();
    press(&mut app, KeyCode::Char('r'));
    app.handle(ctrl('u'));
    press(&mut app, KeyCode::Enter);
    assert!(matches!(
        app.model.start.prompt,
        Some(Prompt::Name {
            purpose: NameFor::Rename,
            missing: true,
            ..
        })
    ));
    press(&mut app, KeyCode::Esc);
    assert!(app.model.start.prompt.is_none());
    assert_eq!(names_on_disk(dir.path()), vec!["Contoso MSP FY18"]);
}

#[test]
fn rename_onto_another_drafts_file_is_refused() {
    let (dir, _old, _) = start_on_contoso();
    store::save(&dir.path().join("Other.json"), &Profile::new("Other")).expect("save");
    let mut app = App::start(Store::new(dir.path()), Lang::En);
    let contoso_row = app
        .model
        .start
        .drafts
        .iter()
        .position(|d| d.name == "Contoso MSP FY18")
        .expect("listed");
    app.model.start.selected = contoso_row + 1;
    press(&mut app, KeyCode::Char('r'));
    app.handle(ctrl('u'));
    typ(&mut app, "Other");
    press(&mut app, KeyCode::Enter);
    assert!(matches!(
        app.model.note,
        Some(Note::Drafts(DraftNote::Failed(ref e))) if matches!(**e, StoreError::NameTaken { .. })
    ));
    assert_eq!(names_on_disk(dir.path()), vec!["Contoso MSP FY18", "Other"]);
}

#[test]
fn duplicate_makes_a_what_if_copy_beside_the_original() {
    let (dir, original, mut app) = start_on_contoso();
    let before = std::fs::read(&original).expect("read");
    press(&mut app, KeyCode::Char('c'));
    match &app.model.start.prompt {
        Some(Prompt::Name {
            purpose: NameFor::Copy,
            field,
            ..
        }) => {
            assert_eq!(field.text(), "Contoso MSP FY18 (what if)")
        }
        other => panic!("expected the copy's name to be asked, got {other:?}"),
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        names_on_disk(dir.path()),
        vec!["Contoso MSP FY18", "Contoso MSP FY18 (what if)"]
    );
    let copy = load(&dir.path().join("Contoso MSP FY18 (what if).json"));
    let mut expected = contoso();
    expected.name = "Contoso MSP FY18 (what if)".into();
    assert_eq!(copy, expected);
    assert_eq!(
        std::fs::read(&original).expect("read"),
        before,
        "original untouched"
    );
    assert_eq!(selected_name(&app), "Contoso MSP FY18 (what if)");
}

/// A name with an escape sequence (from a file) is kept in the draft, stored under a safe
/// file name, and shown with visible stand-ins, never sent to the terminal.
#[test]
fn a_name_with_control_characters_is_stored_safely_and_shown_visibly() {
    let dir = tempfile::tempdir().expect("dir");
    let name = "Northwind\u{1b}[31m 台北";
    store::save(&dir.path().join("n.json"), &Profile::new(name)).expect("save");
    let mut app = App::start(Store::new(dir.path()), Lang::En);
    press(&mut app, KeyCode::Down);
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Northwind␛[31m 台北"), "{screen}");
    assert!(!screen.contains('\u{1b}'));
    press(&mut app, KeyCode::Char('c'));
    assert!(render(&app, 80, 24).contains("Northwind␛[31m 台北 (what if)"));
    press(&mut app, KeyCode::Enter);
    let copy = dir.path().join("Northwind_[31m 台北 (what if).json");
    assert_eq!(load(&copy).name, format!("{name} (what if)"));
}

#[test]
fn delete_asks_first_and_removes_only_on_yes() {
    let (dir, path, mut app) = start_on_contoso();
    press(&mut app, KeyCode::Char('d'));
    assert_eq!(app.model.mode(), Mode::Confirm);
    assert!(render(&app, 80, 24).contains("Delete the draft \"Contoso MSP FY18\"?"));
    press(&mut app, KeyCode::Char('n'));
    assert!(path.exists(), "n keeps it");
    assert_eq!(app.model.mode(), Mode::Normal);
    press(&mut app, KeyCode::Delete);
    press(&mut app, KeyCode::Char('y'));
    assert!(!path.exists());
    assert!(app.model.start.drafts.is_empty());
    assert!(names_on_disk(dir.path()).is_empty());
    assert!(matches!(
        app.model.note,
        Some(Note::Drafts(DraftNote::Deleted { .. }))
    ));
}

#[test]
fn rename_duplicate_and_delete_do_nothing_on_the_new_assessment_line() {
    let (dir, _path, mut app) = start_on_contoso();
    press(&mut app, KeyCode::Up);
    for c in ['r', 'c', 'd'] {
        press(&mut app, KeyCode::Char(c));
        assert!(app.model.start.prompt.is_none());
    }
    assert_eq!(names_on_disk(dir.path()), vec!["Contoso MSP FY18"]);
}

#[test]
fn a_draft_open_elsewhere_is_offered_read_only_and_never_written() {
    let (_dir, path, mut app) = start_on_contoso();
    let before = std::fs::read(&path).expect("read");
    let elsewhere = store::lock(&path).expect("lock"); // another program has it open
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.model.screen, Screen::Start);
    assert!(matches!(
        app.model.start.prompt,
        Some(Prompt::Locked { .. })
    ));
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Open elsewhere"), "{screen}");
    assert!(
        screen.contains(&std::process::id().to_string()),
        "who holds it"
    );
    assert!(
        screen.contains("r open read-only"),
        "footer from the LOCKED table"
    );

    press(&mut app, KeyCode::Char('r'));
    let draft = app.model.draft.as_ref().expect("opened");
    assert!(draft.read_only);
    assert!(render(&app, 80, 24).contains("READ-ONLY"));
    // Every kind of change is refused with a message; looking around is not.
    app.model.go_to(Screen::Customers);
    for code in [
        KeyCode::Enter,
        KeyCode::Char('a'),
        KeyCode::Char('d'),
        KeyCode::Char(' '),
        KeyCode::Char('5'),
    ] {
        press(&mut app, code);
        assert!(
            matches!(
                app.model.note,
                Some(Note::Drafts(DraftNote::ReadOnlyRefused))
            ),
            "{code:?} refused"
        );
        assert_eq!(app.model.mode(), Mode::Normal);
    }
    press(&mut app, KeyCode::Down);
    assert_eq!(app.model.customers.row, 1, "moving is fine");
    app.model.go_to(Screen::Market);
    press(&mut app, KeyCode::Char(' '));
    app.handle(ctrl('s'));
    assert!(matches!(
        app.model.note,
        Some(Note::Drafts(DraftNote::ReadOnlyRefused))
    ));
    assert_eq!(app.model.draft.as_ref().expect("draft").revision, 0);
    press(&mut app, KeyCode::Char('q'));
    assert!(app.should_quit(), "nothing unsaved holds the quit");
    app.save_now();
    drop(app);
    assert_eq!(std::fs::read(&path).expect("read"), before, "never written");
    drop(elsewhere);
}

#[test]
fn a_locked_draft_can_be_left_alone() {
    let (_dir, path, mut app) = start_on_contoso();
    let _elsewhere = store::lock(&path).expect("lock");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    assert!(app.model.start.prompt.is_none());
    assert!(app.model.draft.is_none());
    assert_eq!(app.model.screen, Screen::Start);
}

#[test]
fn a_read_only_draft_offers_only_the_keys_that_look_around() {
    let (dir, path, mut app) = start_on_contoso();
    let elsewhere = store::lock(&path).expect("lock");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('r'));
    app.model.go_to(Screen::Customers);
    let screen = render(&app, 80, 24);
    let footer = screen.lines().last().expect("footer");
    for refused in ["edit", "add", "import", "delete"] {
        assert!(!footer.contains(refused), "{refused} offered: {footer}");
    }
    assert!(footer.contains("next step"), "{footer}");
    press(&mut app, KeyCode::Char('?'));
    let help = render(&app, 80, 24);
    assert!(help.contains("next step"), "{help}");
    for refused in [" add", " delete", "import CSV"] {
        assert!(!help.contains(refused), "{refused} in help: {help}");
    }
    press(&mut app, KeyCode::Esc);

    // Exports write beside the draft and leave it alone, so they stay on offer.
    app.model.go_to(Screen::Review);
    let footer = render(&app, 80, 24);
    assert!(footer.contains("c export CSV"), "{footer}");
    press(&mut app, KeyCode::Char('c'));
    press(&mut app, KeyCode::Enter);
    let csv = dir.path().join("contoso.csv");
    assert!(csv.exists(), "the customers CSV is written");
    assert!(!matches!(
        app.model.note,
        Some(Note::Drafts(DraftNote::ReadOnlyRefused))
    ));
    drop(elsewhere);
}

#[test]
fn edit_of_a_draft_open_elsewhere_lands_on_the_question() {
    let (dir, path, _) = start_on_contoso();
    let _elsewhere = store::lock(&path).expect("lock");
    let app = App::open_path(Store::new(dir.path()), path, Lang::ZhTw);
    assert!(matches!(
        app.model.start.prompt,
        Some(Prompt::Locked { .. })
    ));
    assert!(render(&app, 80, 24).contains("已在其他地方開啟"));
}

#[test]
fn an_open_draft_holds_its_lock_until_it_is_closed() {
    let (_dir, path, mut app) = start_on_contoso();
    press(&mut app, KeyCode::Enter);
    assert!(app.model.draft.is_some());
    assert!(matches!(store::lock(&path), Err(StoreError::Locked { .. })));
    // Back to the list: the lock is let go.
    for _ in 0..3 {
        press(&mut app, KeyCode::Char('['));
    }
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.model.screen, Screen::Start);
    assert!(store::lock(&path).is_ok());
}

#[test]
fn a_new_assessment_is_created_locked() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = App::start(Store::new(dir.path()), Lang::En);
    press(&mut app, KeyCode::Char('n'));
    typ(&mut app, "Fresh");
    press(&mut app, KeyCode::Enter);
    let path = dir.path().join("Fresh.json");
    assert_eq!(load(&path).name, "Fresh");
    assert!(matches!(store::lock(&path), Err(StoreError::Locked { .. })));
    press(&mut app, KeyCode::Char(' ')); // a market: saved through the lock
    app.save_now();
    assert!(load(&path).market.is_some());
}

#[test]
fn a_draft_that_cannot_be_read_is_shown_kept_and_a_fresh_start_made_beside_it() {
    let dir = tempfile::tempdir().expect("dir");
    let broken = dir.path().join("broken.json");
    let text = "{\n  \"format\": \"cpc-wizard/profile\",\n  oops\n}";
    std::fs::write(&broken, text).expect("write");
    let mut app = App::start(Store::new(dir.path()), Lang::En);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert!(app.model.draft.is_none());
    assert!(matches!(
        app.model.start.prompt,
        Some(Prompt::Broken { .. })
    ));
    let screen = render(&app, 80, 24);
    assert!(screen.contains("broken.json"), "the file: {screen}");
    assert!(screen.contains("line 3"), "the line: {screen}");
    assert!(screen.contains("n new draft beside it"));

    press(&mut app, KeyCode::Char('n'));
    assert_eq!(
        app.model
            .start
            .naming
            .as_ref()
            .map(|f| f.text().to_string()),
        Some("broken".to_string())
    );
    press(&mut app, KeyCode::Enter);
    let fresh = dir.path().join("broken (2).json");
    assert_eq!(load(&fresh).name, "broken");
    assert_eq!(app.model.screen, Screen::Market);
    press(&mut app, KeyCode::Char(' '));
    app.save_now();
    assert_eq!(std::fs::read_to_string(&broken).expect("read"), text);
}

#[test]
fn a_draft_of_a_newer_version_is_not_opened_and_kept() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("future.json");
    let text = cpc_wizard::profile::to_json(&contoso()).replace("\"version\": 1", "\"version\": 2");
    std::fs::write(&path, &text).expect("write");
    let app = App::open_path(Store::new(dir.path()), path.clone(), Lang::En);
    assert!(app.model.draft.is_none());
    assert!(render(&app, 80, 24).contains("version 2"));
    drop(app);
    assert_eq!(std::fs::read_to_string(&path).expect("read"), text);
}

/// In the terminal autosaves run on the saver thread: the change is written while keys go
/// on being taken, and the header learns it is saved on a later tick.
#[test]
fn background_autosave_writes_while_keys_are_taken() {
    use std::time::{Duration, Instant};
    let (_dir, path, mut app) = app_on_disk(Profile::new("Background"), Lang::En);
    app.save_in_background(true);
    let t0 = Instant::now();
    press(&mut app, KeyCode::Char(' ')); // a market
    let due = app.next_deadline().expect("a save is due");
    assert!(due <= t0 + cpc_wizard::tui::app::SAVE_DELAY + Duration::from_millis(50));
    app.tick(due);
    press(&mut app, KeyCode::Down); // taken while the write may be under way
    let deadline = Instant::now() + Duration::from_secs(30);
    while !app.model.draft.as_ref().expect("draft").is_saved() && Instant::now() < deadline {
        app.tick(Instant::now());
        std::thread::yield_now();
    }
    assert!(app.model.draft.as_ref().expect("draft").is_saved());
    assert!(load(&path).market.is_some());
}

#[test]
fn fields_added_by_hand_survive_editing_in_the_wizard() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("by-hand.json");
    std::fs::write(
        &path,
        r#"{ "format": "cpc-wizard/profile", "version": 1, "name": "By hand",
  "crm_account": "ACC-17",
  "customers": [ { "name": "Fabrikam", "tenant_id": "fab-01",
                   "active_users": { "exchange_online": 10 } } ],
  "staff": [ { "name": "Mei", "email": "mei@example.com" } ] }"#,
    )
    .expect("write");
    let mut app = App::open_path(Store::new(dir.path()), path.clone(), Lang::En);
    assert!(app.model.draft.is_some(), "opened");
    app.model.go_to(Screen::Market);
    press(&mut app, KeyCode::Enter); // developed market: a change to save
    app.model.go_to(Screen::Customers);
    typ(&mut app, "a");
    typ(&mut app, "Contoso");
    press(&mut app, KeyCode::Enter);
    app.save_now();
    let saved = load(&path);
    assert!(saved.market.is_some(), "the change is on disk");
    assert_eq!(saved.customers.len(), 2);
    assert_eq!(saved.other["crm_account"], "ACC-17");
    assert_eq!(saved.customers[0].other["tenant_id"], "fab-01");
    // A person's email is a field of its own now (SPEC.md §3), kept all the same.
    assert_eq!(saved.staff[0].email.as_deref(), Some("mei@example.com"));
}

#[test]
fn an_opened_draft_leaves_the_start_list_until_it_is_closed() {
    let (dir, path, _) = start_on_contoso();
    store::save(&dir.path().join("other.json"), &Profile::new("Other")).expect("save");
    let mut app = App::open_path(Store::new(dir.path()), path.clone(), Lang::En);
    assert!(app.model.draft.is_some());
    assert!(
        !app.after_first_frame(),
        "no folder read after the first frame: nothing shows it"
    );
    assert!(app.model.start.drafts.is_empty());
    // Back on the Start screen, the list is read then.
    app.model.go_to(Screen::Market);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.model.screen, Screen::Start);
    assert_eq!(app.model.start.drafts.len(), 2);

    // A draft that does not open shows the Start screen at once: listed after its frame.
    let _elsewhere = store::lock(&path).expect("lock");
    let mut app = App::open_path(Store::new(dir.path()), path, Lang::En);
    assert!(app.model.draft.is_none());
    assert!(app.after_first_frame());
    assert_eq!(app.model.start.drafts.len(), 2);
}

/// A hand edit of the open draft's file, a moment after the wizard read it: another valid
/// draft, with one customer named `customer`.
fn edit_by_hand(path: &Path, customer: &str) -> String {
    let mut edited = load(path);
    edited.customers = vec![cpc_wizard::profile::Customer::new(customer)];
    let text = cpc_wizard::profile::to_json(&edited);
    std::fs::write(path, &text).expect("write");
    std::fs::File::options()
        .write(true)
        .open(path)
        .expect("open")
        .set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(5))
        .expect("mtime");
    text
}

/// The wizard's change: a new customer typed on the Customers screen.
fn add_customer(app: &mut App, name: &str) {
    app.model.go_to(Screen::Customers);
    typ(app, "a");
    typ(app, name);
    press(app, KeyCode::Enter);
}

#[test]
fn a_change_made_outside_stops_saving_and_asks_whose_to_keep() {
    let (dir, path, mut app) = app_on_disk(contoso(), Lang::En);
    let by_hand = edit_by_hand(&path, "Made by hand");
    add_customer(&mut app, "Typed here");
    app.save_now();
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        by_hand,
        "the hand edit is not overwritten"
    );
    assert!(app.model.changed_on_disk.as_ref().is_some_and(|c| c.asking));
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Changed outside cpc-wizard"), "{screen}");
    assert!(screen.contains("keep mine as a copy"), "{screen}");

    // c: what is here becomes a new draft; the hand-edited file stays as it is.
    press(&mut app, KeyCode::Char('c'));
    assert!(app.model.changed_on_disk.is_none());
    let copy = app.model.draft.as_ref().expect("draft").path.clone();
    assert_ne!(copy, path);
    let kept = load(&copy);
    assert_eq!(kept.name, "Contoso MSP FY18 (mine)");
    assert!(kept.customers.iter().any(|c| c.name == "Typed here"));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), by_hand);
    assert_eq!(
        names_on_disk(dir.path()),
        vec!["Contoso MSP FY18", "Contoso MSP FY18 (mine)"]
    );
    // The copy is open for editing: its changes are saved.
    add_customer(&mut app, "After the copy");
    app.save_now();
    assert!(
        load(&copy)
            .customers
            .iter()
            .any(|c| c.name == "After the copy")
    );
}

#[test]
fn a_change_made_outside_can_be_reloaded() {
    let (_dir, path, mut app) = app_on_disk(contoso(), Lang::ZhTw);
    edit_by_hand(&path, "Made by hand");
    add_customer(&mut app, "Typed here");
    app.save_now();
    assert!(render(&app, 70, 18).contains("已在 cpc-wizard 以外修改"));
    // Esc: decide later; nothing is saved meanwhile.
    press(&mut app, KeyCode::Esc);
    assert!(
        app.model
            .changed_on_disk
            .as_ref()
            .is_some_and(|c| !c.asking)
    );
    app.save_now();
    assert_eq!(load(&path).customers[0].name, "Made by hand");
    // Asked again at the failed save; r reloads the file as it is now.
    assert!(app.model.changed_on_disk.as_ref().is_some_and(|c| c.asking));
    press(&mut app, KeyCode::Char('r'));
    assert!(app.model.changed_on_disk.is_none());
    let draft = app.model.draft.as_ref().expect("draft");
    assert_eq!(draft.profile.customers.len(), 1);
    assert_eq!(draft.profile.customers[0].name, "Made by hand");
    add_customer(&mut app, "After reload");
    app.save_now();
    assert_eq!(load(&path).customers.len(), 2);
}

#[cfg(unix)]
#[test]
fn a_read_only_file_opens_read_only_saying_why() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("contoso.json");
    store::save(&path, &contoso()).expect("save");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let before = std::fs::read(&path).expect("read");
    let mut app = App::open_path(Store::new(dir.path()), path.clone(), Lang::En);
    assert!(app.model.draft.as_ref().is_some_and(|d| d.read_only));
    assert!(matches!(app.model.note, Some(Note::OpenedReadOnly(_))));
    assert!(render(&app, 80, 24).contains("read-only file"));
    add_customer(&mut app, "Typed here");
    app.save_now();
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

#[test]
fn a_new_assessment_with_a_taken_name_says_so() {
    let (dir, _path, mut app) = start_on_contoso();
    press(&mut app, KeyCode::Home);
    press(&mut app, KeyCode::Char('n'));
    typ(&mut app, "  contoso msp fy18 ");
    press(&mut app, KeyCode::Enter);
    assert!(app.model.draft.is_none(), "nothing opened");
    assert!(render(&app, 80, 24).contains("already exists"));
    assert_eq!(names_on_disk(dir.path()), vec!["Contoso MSP FY18"]);
}

/// In a drafts folder that cannot be written in, drafts open read-only and nothing that
/// would write there is offered (root included: the permissions are read, not tried).
#[cfg(unix)]
#[test]
fn a_read_only_folder_offers_no_new_draft_and_opens_read_only() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, path, _) = start_on_contoso();
    let before = std::fs::read(&path).expect("read");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).expect("chmod");
    let mut app = App::start(Store::new(dir.path()), Lang::En);
    let screen = render(&app, 80, 24);
    let footer = screen.lines().last().unwrap_or_default().to_string();
    let offered_new = footer.contains("new") || footer.contains("import");
    press(&mut app, KeyCode::Char('n'));
    let refused_new =
        app.model.start.naming.is_none() && matches!(app.model.note, Some(Note::FolderReadOnly(_)));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    let read_only = app.model.draft.as_ref().is_some_and(|d| d.read_only);
    add_customer(&mut app, "Typed here");
    app.save_now();
    let after = std::fs::read(&path).expect("read");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700)).expect("chmod");
    assert!(screen.contains("no new drafts here"), "{screen}");
    assert!(!offered_new, "{footer}");
    assert!(refused_new);
    assert!(read_only, "opened read-only");
    assert_eq!(after, before, "nothing written");
}

#[test]
fn the_list_of_drafts_pages_with_pgup_and_pgdn() {
    let dir = tempfile::tempdir().expect("dir");
    for i in 0..40 {
        store::save(
            &dir.path().join(format!("d{i:02}.json")),
            &Profile::new(format!("Draft {i:02}")),
        )
        .expect("save");
    }
    let mut app = App::start(Store::new(dir.path()), Lang::En);
    resize(&mut app, 80, 24);
    assert_eq!(app.model.start.drafts.len(), 40);
    press(&mut app, KeyCode::PageDown);
    let page = app.model.start.selected;
    assert!(page > 5, "a page is more than one row: {page}");
    press(&mut app, KeyCode::PageDown);
    assert_eq!(app.model.start.selected, 2 * page);
    assert!(
        render(&app, 80, 24).contains(&selected_name(&app)),
        "the selected draft is in view"
    );
    press(&mut app, KeyCode::PageUp);
    assert_eq!(app.model.start.selected, page);
    press(&mut app, KeyCode::End);
    assert_eq!(app.model.start.selected, 40);
    press(&mut app, KeyCode::PageDown);
    assert_eq!(app.model.start.selected, 40, "the last stays the last");
    press(&mut app, KeyCode::Char('?'));
    assert!(render(&app, 80, 24).contains("PgDn"), "help lists it");
}
