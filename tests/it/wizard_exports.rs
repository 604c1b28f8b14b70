//! Review's exports (`e` the Markdown report, `c` the customers CSV) ask for the path, the
//! default beside the draft filled in, and ask before replacing a file already there.

use std::path::PathBuf;

use crate::wizard_common::*;
use cpc_wizard::i18n::Lang;
use cpc_wizard::tui::{App, ExportKind, Mode, Msg, Note, Screen};
use ratatui::crossterm::event::KeyCode;

/// The app on the Review screen of a draft in a fresh folder.
fn on_review() -> (tempfile::TempDir, PathBuf, App) {
    let (dir, path, mut app) = app_on_disk(contoso(), Lang::En);
    app.model.go_to(Screen::Review);
    (dir, path, app)
}

#[test]
fn the_default_path_is_offered_and_enter_writes_there() {
    let (dir, _path, mut app) = on_review();
    press(&mut app, KeyCode::Char('e'));
    assert_eq!(app.model.mode(), Mode::Editing, "the path field is open");
    let report = dir.path().join("contoso.md");
    assert!(!report.exists(), "nothing is written before Enter");
    let screen = render(&app, 200, 24);
    assert!(screen.contains("Write the Markdown report to"), "{screen}");
    assert!(screen.contains(&report.display().to_string()), "{screen}");

    press(&mut app, KeyCode::Enter);
    let text = std::fs::read_to_string(&report).expect("report written");
    assert!(text.contains("Contoso MSP FY18"));
    assert!(matches!(&app.model.note, Some(Note::Exported(p)) if *p == report));
    assert_eq!(app.model.mode(), Mode::Normal, "the field closed");
    assert!(render(&app, 80, 24).contains("Report file:"));
}

#[test]
fn a_typed_path_replaces_the_selected_default() {
    let (dir, _path, mut app) = on_review();
    press(&mut app, KeyCode::Char('c'));
    let mine = dir.path().join("mine.csv");
    typ(&mut app, &mine.display().to_string());
    press(&mut app, KeyCode::Enter);
    assert!(mine.exists(), "written where typed");
    assert!(
        !dir.path().join("contoso.csv").exists(),
        "not at the default"
    );
    assert!(
        matches!(&app.model.note, Some(Note::CsvExported { path, customers: 5 }) if *path == mine)
    );
    // The file named on Review is the one written.
    let screen = render(&app, 200, 24);
    assert!(
        screen.contains(&format!("Customers CSV: {}", mine.display())),
        "{screen}"
    );
}

#[test]
fn a_folder_typed_gets_the_default_file_name() {
    let (dir, _path, mut app) = on_review();
    let folder = dir.path().join("reports");
    std::fs::create_dir(&folder).expect("folder");
    press(&mut app, KeyCode::Char('e'));
    typ(&mut app, &format!("{}/", folder.display()));
    press(&mut app, KeyCode::Enter);
    assert!(folder.join("contoso.md").exists());
    // A folder that exists is a folder without its separator too: the CSV goes in it.
    press(&mut app, KeyCode::Char('c'));
    typ(&mut app, &folder.display().to_string());
    press(&mut app, KeyCode::Enter);
    assert!(folder.join("contoso.csv").is_file());
    assert!(
        matches!(&app.model.note, Some(Note::CsvExported { path, .. }) if *path == folder.join("contoso.csv"))
    );
}

#[test]
fn esc_cancels_and_writes_nothing() {
    let (dir, _path, mut app) = on_review();
    press(&mut app, KeyCode::Char('e'));
    typ(&mut app, "x");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.model.mode(), Mode::Normal);
    assert_eq!(
        app.model.screen,
        Screen::Review,
        "Esc closed the field only"
    );
    assert!(app.model.note.is_none());
    let written: Vec<_> = std::fs::read_dir(dir.path())
        .expect("folder")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .filter(|n| n != "contoso.json" && !n.to_string_lossy().starts_with('.'))
        .collect();
    assert!(written.is_empty(), "{written:?}");
}

#[test]
fn an_existing_file_is_replaced_only_after_y() {
    let (dir, _path, mut app) = on_review();
    let report = write(dir.path(), "contoso.md", "my notes\n");
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        std::fs::read_to_string(&report).expect("file"),
        "my notes\n"
    );
    assert_eq!(app.model.mode(), Mode::Confirm, "asked whether to replace");
    let screen = render(&app, 200, 24);
    assert!(screen.contains("A file is already there"), "{screen}");
    assert!(screen.contains(&report.display().to_string()), "{screen}");

    press(&mut app, KeyCode::Char('y'));
    let text = std::fs::read_to_string(&report).expect("file");
    assert!(text.contains("Contoso MSP FY18"), "replaced: {text}");
    assert!(matches!(&app.model.note, Some(Note::Exported(p)) if *p == report));
    assert_eq!(app.model.mode(), Mode::Normal);
}

#[test]
fn an_existing_file_is_kept_on_n_and_another_path_can_be_typed() {
    let (dir, _path, mut app) = on_review();
    let csv = write(dir.path(), "contoso.csv", "keep me\n");
    press(&mut app, KeyCode::Char('c'));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.model.mode(), Mode::Confirm);
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(std::fs::read_to_string(&csv).expect("file"), "keep me\n");
    assert_eq!(app.model.mode(), Mode::Editing, "back to the path");
    // The path is there to change: its file name replaced by another.
    for _ in 0.."contoso.csv".len() {
        press(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "other.csv");
    press(&mut app, KeyCode::Enter);
    assert!(dir.path().join("other.csv").exists());
    assert_eq!(std::fs::read_to_string(&csv).expect("file"), "keep me\n");

    // And Esc from the question, then from the field, leaves everything as it was.
    press(&mut app, KeyCode::Char('c'));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.model.mode(), Mode::Normal);
    assert_eq!(std::fs::read_to_string(&csv).expect("file"), "keep me\n");
}

#[test]
fn full_width_y_replaces_as_y_does() {
    let (dir, _path, mut app) = on_review();
    let report = write(dir.path(), "contoso.md", "old\n");
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('ｙ'));
    assert_ne!(std::fs::read_to_string(&report).expect("file"), "old\n");
}

/// The prompts at 80x24 in both languages, the draft in a plainly named folder.
#[test]
fn the_prompts_at_80x24_in_both_languages() {
    for (lang, id) in [(Lang::En, "en"), (Lang::ZhTw, "zh")] {
        let mut app = App::with_profile(contoso(), lang);
        if let Some(d) = &mut app.model.draft {
            d.path = PathBuf::from("/home/mei/.local/share/cpc-wizard/Contoso MSP FY18.json");
        }
        app.model.go_to(Screen::Review);
        press(&mut app, KeyCode::Char('e'));
        insta::assert_snapshot!(format!("export_path_{id}_80x24"), render(&app, 80, 24));
        app.send(Msg::ExportExists {
            path: PathBuf::from("/home/mei/.local/share/cpc-wizard/Contoso MSP FY18.md"),
            kind: ExportKind::Report,
        });
        insta::assert_snapshot!(format!("export_replace_{id}_80x24"), render(&app, 80, 24));
    }
}
