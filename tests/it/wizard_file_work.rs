//! File work in the terminal loop (autosaves on) runs off the thread that reads keys: a
//! rename, a copy, a comparison and an export are handed to a thread of their own, and
//! their outcome arrives through `tick`, as the loop calls it every frame.

use std::time::{Duration, Instant};

use crate::wizard_common::*;
use cpc_wizard::i18n::Lang;
use cpc_wizard::store::{self, Store};
use cpc_wizard::tui::{App, DraftNote, Note};
use ratatui::crossterm::event::KeyCode;

/// Ticks the app, as the loop does, until `done` holds (at most a minute).
fn tick_until(app: &mut App, done: impl Fn(&App) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !done(app) && Instant::now() < deadline {
        app.tick(Instant::now());
        std::thread::sleep(Duration::from_millis(2));
    }
    assert!(done(app), "the file work finished within a minute");
}

#[test]
fn a_rename_from_the_list_arrives_through_the_loop() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("contoso.json");
    store::save(&path, &contoso()).expect("save");
    let mut app = App::start(Store::new(dir.path()), Lang::En);
    app.save_in_background(true);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('r'));
    app.handle(ctrl('u'));
    typ(&mut app, "Renamed");
    press(&mut app, KeyCode::Enter);
    assert!(
        app.next_deadline().is_some(),
        "the loop looks again for the rename's outcome"
    );
    tick_until(&mut app, |app| {
        matches!(
            app.model.note,
            Some(Note::Drafts(DraftNote::Renamed { .. }))
        )
    });
    assert!(!path.exists());
    assert_eq!(load(&dir.path().join("Renamed.json")).name, "Renamed");
    // The list is read again and the renamed draft is selected in it.
    tick_until(&mut app, |app| {
        app.model.start.drafts.iter().any(|d| d.name == "Renamed")
    });
}

#[test]
fn a_comparison_arrives_through_the_loop() {
    let dir = tempfile::tempdir().expect("dir");
    store::save(&dir.path().join("a.json"), &contoso()).expect("save");
    let mut copy = contoso();
    copy.name = "What if".into();
    copy.customers.truncate(2);
    store::save(&dir.path().join("b.json"), &copy).expect("save");
    let mut app = App::start(Store::new(dir.path()), Lang::En);
    app.save_in_background(true);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('='));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('='));
    tick_until(&mut app, |app| app.model.comparison.is_some());
}

#[test]
fn an_export_arrives_through_the_loop() {
    let (dir, _path, mut app) = app_on_disk(contoso(), Lang::En);
    app.save_in_background(true);
    press(&mut app, KeyCode::Char('e'));
    // The path asked for, with the default (beside the draft) filled in.
    press(&mut app, KeyCode::Enter);
    tick_until(&mut app, |app| {
        matches!(app.model.note, Some(Note::Exported(_)))
    });
    let text = std::fs::read_to_string(dir.path().join("contoso.md")).expect("report");
    assert!(text.contains("Contoso MSP FY18"));
}

/// Listed on its own thread after the first frame, the Start screen has nothing new to show
/// until the list comes (the first frame already says it is reading): no frame is asked for
/// in between, and the list arrives through `tick`.
#[test]
fn a_start_screen_listed_on_a_thread_asks_for_no_frame_until_the_list_comes() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("contoso.json");
    store::save(&path, &contoso()).expect("save");
    // Open elsewhere: `edit` shows the Start screen, listed after its first frame.
    let _elsewhere = store::lock(&path).expect("lock");
    let mut app = App::open_path(Store::new(dir.path()), path, Lang::En);
    app.save_in_background(true);
    assert!(
        app.model.start.listing,
        "the first frame says it is reading"
    );
    assert!(!app.after_first_frame(), "nothing new to draw yet");
    tick_until(&mut app, |app| !app.model.start.drafts.is_empty());
    assert!(!app.model.start.listing);
}
