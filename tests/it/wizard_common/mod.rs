//! Helpers shared by the wizard tests: a realistic draft, key events, drawing on a test
//! backend, CSV files to import.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use cpc_wizard::i18n::Lang;
use cpc_wizard::profile::{Profile, from_json};
use cpc_wizard::store::Store;
use cpc_wizard::tui::Mode;
use cpc_wizard::tui::screens::import::{Import, Outcome};
use cpc_wizard::tui::{App, Model, Msg, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

pub fn contoso() -> Profile {
    let text = include_str!("../../fixtures/contoso.json");
    match from_json(text) {
        Ok(p) => p,
        Err(e) => panic!("fixture does not parse: {e}"),
    }
}

/// An app on a copy of the Contoso draft in a fresh drafts folder.
pub fn app_on_disk(profile: Profile, lang: Lang) -> (tempfile::TempDir, PathBuf, App) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("contoso.json");
    cpc_wizard::store::save(&path, &profile).expect("save fixture");
    let app = App::open_path(Store::new(dir.path()), path.clone(), lang);
    (dir, path, app)
}

pub fn load(path: &Path) -> Profile {
    cpc_wizard::store::load(path).expect("draft loads")
}

pub fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub fn ctrl(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

pub fn shift_tab() -> Event {
    Event::Key(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT))
}

/// Sends each character as a key press (letters, digits, `]`…).
pub fn typ(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle(key(KeyCode::Char(c)));
    }
}

pub fn press(app: &mut App, code: KeyCode) {
    app.handle(key(code));
}

pub fn resize(app: &mut App, width: u16, height: u16) {
    app.handle(Event::Resize(width, height));
}

pub fn render_model(model: &Model, width: u16, height: u16) -> String {
    let mut model = model.clone();
    cpc_wizard::tui::update(&mut model, Msg::Resize { width, height });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| view::view(&model, frame))
        .expect("draw");
    screen_text(terminal.backend().buffer())
}

/// The screen as text, one line per row, wide characters once (no filler cells).
pub fn screen_text(buffer: &ratatui::buffer::Buffer) -> String {
    let mut out = String::new();
    let area = buffer.area;
    for y in 0..area.height {
        let mut skip = 0;
        let mut line = String::new();
        for x in 0..area.width {
            let cell = &buffer[(x, y)];
            if skip > 0 {
                skip -= 1;
                continue;
            }
            line.push_str(cell.symbol());
            skip = unicode_width::UnicodeWidthStr::width(cell.symbol()).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The frame drawn into a buffer of `width` x `height` with the model as it is (its own idea
/// of the size may differ, as after a resize not yet read): only that it fits is checked.
pub fn draw_as_is(model: &Model, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| view::view(model, frame))
        .expect("draw");
    screen_text(terminal.backend().buffer())
}

pub fn render(app: &App, width: u16, height: u16) -> String {
    render_model(&app.model, width, height)
}

/// A good customers CSV as spreadsheets write it: BOM, CRLF, a quoted comma, Chinese.
pub const CSV_GOOD: &str = "\u{feff}Customer,Association,Trial,Exchange Online,SharePoint Online\r\n\
宏碁電腦,DAP,no,2500,100\r\n\
\"Contoso, Ltd\",none,0,10,0\r\n\
fabrikam,DPOR,yes,300,0\r\n";

/// Three bad rows, each with its own problem.
pub const CSV_BAD: &str = "name,exchange_online,trial\n甲,12x,maybe\n乙,-3,no\n丙,10000001,yes\n";

pub fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write csv");
    path
}

/// `i`, the file's path typed, Enter: an import as a user starts it.
pub fn import_via_keys(app: &mut App, path: &Path) {
    press(app, KeyCode::Char('i'));
    assert_eq!(app.model.mode(), Mode::Editing, "the path field is open");
    typ(app, &path.display().to_string());
    press(app, KeyCode::Enter);
}

/// The import's result on screen.
pub fn outcome(app: &App) -> &Outcome {
    match &app.model.import {
        Some(Import::Result { outcome, .. }) => outcome,
        other => panic!("no import result shown: {other:?}"),
    }
}

/// The open draft's profile.
pub fn profile(app: &App) -> &Profile {
    &app.model.draft.as_ref().expect("a draft is open").profile
}

/// The summary of a run that read one customers CSV.
pub fn only_csv(summary: &cpc_wizard::import::RunSummary) -> &cpc_wizard::import::ImportSummary {
    match summary.files.as_slice() {
        [file] => match &file.detail {
            cpc_wizard::import::FileDetail::Customers(csv) => csv,
            other => panic!("not a customers CSV: {other:?}"),
        },
        other => panic!("not one file: {other:?}"),
    }
}
