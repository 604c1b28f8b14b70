//! `update`: the one way into the model. Each message is routed to the screen it concerns,
//! and what the screen asks for comes back as effects for the loop to carry out.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::effect::Effect;
use super::keys::{self, Action};
use super::model::{Mode, Model};
use super::msg::Msg;
use super::note::{DraftNote, Note};
use super::screen::Screen;
use super::screens::import;
use super::screens::{changed_on_disk, customers, market, review, staff, start};
use super::widgets::text_field::{EditOp, clean_paste};
use crate::store::StoreError;

/// Changes the model for one message and says what the loop must do.
pub fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    let effects = handle(model, msg);
    settle_history(model);
    effects
}

/// A change that is complete (no field typed in, no list open) becomes one undo step.
fn settle_history(model: &mut Model) {
    let settled = !matches!(model.mode(), Mode::Editing | Mode::Picker);
    if let Some(draft) = &mut model.draft
        && settled
    {
        draft.history.settle(&draft.profile, draft.revision);
    }
}

fn handle(model: &mut Model, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(key) => on_key(model, key),
        Msg::Paste(text) => {
            let text = clean_paste(&text);
            if text.is_empty() || model.help {
                return Vec::new();
            }
            match model.mode() {
                Mode::Editing => edit(model, EditOp::Insert(text)),
                Mode::Normal if model.import.is_none() => paste_on_cell(model, text),
                _ => Vec::new(),
            }
        }
        Msg::Click { column, row } => on_click(model, column, row),
        Msg::Scroll { down } => {
            if model.help || model.mode() != Mode::Normal {
                return Vec::new();
            }
            on_action(model, if down { Action::Down } else { Action::Up })
        }
        Msg::Resize { width, height } => {
            model.width = width;
            model.height = height;
            customers::keep_selection_visible(model);
            staff::keep_selection_visible(model);
            Vec::new()
        }
        Msg::Opened {
            path,
            profile,
            read_only,
        } => {
            model.note = None;
            model.start.prompt = None;
            model.changed_on_disk = None;
            model.open(path, profile);
            if let Some(d) = &mut model.draft {
                d.read_only = read_only;
            }
            Vec::new()
        }
        Msg::Locked { path, error } => {
            start::ask_locked(model, path, error);
            Vec::new()
        }
        Msg::LoadFailed { path, error } => {
            start::show_broken(model, path, error);
            Vec::new()
        }
        Msg::DraftsChanged(note) => start::drafts_changed(model, note),
        Msg::DraftsFolder { read_only } => {
            model.start.folder_read_only = read_only;
            Vec::new()
        }
        Msg::DraftsListed(list) => {
            start::set_drafts(model, list);
            Vec::new()
        }
        Msg::Opening(path) => {
            start::opening(model, path);
            Vec::new()
        }
        Msg::OpeningSlow => {
            start::opening_is_slow(model);
            Vec::new()
        }
        Msg::DraftsReading {
            drafts,
            read,
            total,
        } => {
            start::set_drafts_so_far(model, drafts, read, total);
            Vec::new()
        }
        Msg::Compared(comparison) => {
            super::screens::compare::show(model, *comparison);
            Vec::new()
        }
        Msg::Told(note) => {
            match &note {
                Note::Exported(_) => model.review.report_written = true,
                Note::CsvExported { .. } => model.review.csv_written = true,
                _ => {}
            }
            model.note = Some(note);
            Vec::new()
        }
        Msg::DraftClosed => {
            // Back on the list, the draft just left is selected (once the list is read).
            model.start.select_path = model.draft.take().map(|d| d.path);
            model.import = None;
            model.screen = Screen::Start;
            vec![Effect::ListDrafts]
        }
        Msg::QuitRefused => {
            model.note = Some(Note::QuitUnsaved);
            Vec::new()
        }
        Msg::Saved => Vec::new(),
        Msg::SaveFailed(e) => {
            if model.draft.is_none() && model.import.is_some() {
                // The new draft of an import from the Start screen could not be made.
                return import::on_create_failed(model, e);
            }
            if let StoreError::ChangedOnDisk { path } = &*e
                && model.draft.is_some()
            {
                changed_on_disk::found(model, path.clone());
            }
            model.note = Some(Note::SaveFailed(e));
            Vec::new()
        }
        Msg::CsvRead { path, bytes } => import::on_read(model, path, &bytes),
        Msg::CsvUnreadable { path, error } => import::on_unreadable(model, path, error),
        Msg::ImportProgress(progress) => import::on_progress(model, progress),
        Msg::ImportFinished {
            paths,
            customer,
            finished,
        } => import::on_finished(model, paths, customer, finished),
    }
}

fn quit(model: &Model) -> Vec<Effect> {
    if model.draft.is_some() {
        vec![Effect::Save, Effect::Quit]
    } else {
        vec![Effect::Quit]
    }
}

fn on_key(model: &mut Model, typed: KeyEvent) -> Vec<Effect> {
    // Full-width keys from an input method act as their ASCII keys, on every screen.
    let key = keys::normalise(typed);
    if key.kind == ratatui::crossterm::event::KeyEventKind::Release {
        return Vec::new();
    }
    // Ctrl-C leaves from anywhere, saving first.
    if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
        return quit(model);
    }
    if model.help {
        model.help = false;
        return Vec::new();
    }
    if model.comparison.take().is_some() {
        return Vec::new();
    }
    if model.changed_on_disk.as_ref().is_some_and(|c| c.asking) {
        let action = keys::lookup(&model.key_tables(), &key);
        return action.map_or_else(Vec::new, |a| changed_on_disk::on_action(model, a));
    }
    let mode = model.mode();
    let action = keys::lookup(&model.key_tables(), &key);
    if mode == Mode::Editing {
        return match action {
            Some(Action::Save) => vec![Effect::Save],
            Some(Action::ClearField) => edit(model, EditOp::Clear),
            Some(action) => on_action(model, action),
            // Typed text keeps its own characters, except full-width digits, which are
            // read as digits (a count typed with an input method on).
            None => match edit_op(
                if matches!(key.code, KeyCode::Char(c) if c.is_ascii_digit()) {
                    &key
                } else {
                    &typed
                },
            ) {
                Some(op) => edit(model, op),
                None => Vec::new(),
            },
        };
    }
    // Any other key clears the last message; it has been seen.
    model.note = None;
    if refused_read_only(model, action) {
        model.note = Some(Note::Drafts(DraftNote::ReadOnlyRefused));
        return Vec::new();
    }
    match action {
        Some(action) => on_action(model, action),
        None => match model.screen {
            // A character starts editing the selected cell with it, as in a spreadsheet.
            Screen::Customers => customers::on_unbound_key(model, &key),
            Screen::Staff => staff::on_unbound_key(model, &key),
            _ => Vec::new(),
        },
    }
}

/// On a read-only draft only keys that look around are taken; anything that would change
/// the draft (choose, edit, add, delete, type) is refused with a message.
fn refused_read_only(model: &Model, action: Option<Action>) -> bool {
    if !model.read_only_screen() {
        return false;
    }
    match action {
        Some(action) => !action.only_looks(),
        // Unbound keys change something only on the tables (a character edits a cell).
        None => matches!(model.screen, Screen::Customers | Screen::Staff),
    }
}

/// A paste outside a field lands in the selected table cell, where it can (a name, a count).
fn paste_on_cell(model: &mut Model, text: String) -> Vec<Effect> {
    if !matches!(model.screen, Screen::Customers | Screen::Staff) {
        return Vec::new();
    }
    if model.read_only_screen() {
        model.note = Some(Note::Drafts(DraftNote::ReadOnlyRefused));
        return Vec::new();
    }
    model.note = None;
    match model.screen {
        Screen::Customers => customers::on_paste(model, text),
        _ => staff::on_paste(model, text),
    }
}

fn edit_op(key: &KeyEvent) -> Option<EditOp> {
    if key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return None;
    }
    Some(match key.code {
        KeyCode::Char(c) if !c.is_control() => EditOp::Insert(c.to_string()),
        KeyCode::Backspace => EditOp::Backspace,
        KeyCode::Delete => EditOp::Delete,
        KeyCode::Left => EditOp::Left,
        KeyCode::Right => EditOp::Right,
        KeyCode::Home => EditOp::Home,
        KeyCode::End => EditOp::End,
        _ => return None,
    })
}

fn edit(model: &mut Model, op: EditOp) -> Vec<Effect> {
    if model.search.is_some() {
        return super::screens::search::edit(model, op);
    }
    if model.import.is_some() {
        return import::edit(model, op);
    }
    match model.screen {
        Screen::Start => start::edit(model, op),
        Screen::Customers => customers::edit(model, op),
        Screen::Staff => staff::edit(model, op),
        _ => Vec::new(),
    }
}

/// Actions every screen shares; the rest go to the screen.
pub fn on_action(model: &mut Model, action: Action) -> Vec<Effect> {
    if model.search.is_some() {
        return super::screens::search::on_action(model, action);
    }
    match action {
        Action::Search => return super::screens::search::open(model),
        Action::SearchNext => return super::screens::search::repeat(model, true),
        Action::SearchPrev => return super::screens::search::repeat(model, false),
        Action::Compare => return super::screens::compare::mark(model),
        Action::Quit => return quit(model),
        Action::Help => {
            model.help = true;
            return Vec::new();
        }
        Action::SwitchLanguage => {
            model.lang = model.lang.next();
            // Said aloud, with the way back: `L` is one stray letter from someone typing.
            model.note = Some(Note::LanguageSwitched);
            return vec![Effect::RememberLanguage(model.lang)];
        }
        Action::ToggleMouse => {
            model.mouse_capture = !model.mouse_capture;
            model.note = Some(if model.mouse_capture {
                Note::MouseOn
            } else {
                Note::MouseOff
            });
            return vec![Effect::SetMouseCapture(model.mouse_capture)];
        }
        Action::Save if model.mode() != Mode::Editing => {
            if model.draft.as_ref().is_some_and(|d| d.read_only) {
                model.note = Some(Note::Drafts(DraftNote::ReadOnlyRefused));
                return Vec::new();
            }
            return if model.draft.is_some() {
                model.note = Some(Note::Saved);
                vec![Effect::Save]
            } else {
                Vec::new()
            };
        }
        Action::Undo | Action::Redo => {
            let undo = action == Action::Undo;
            let Some(draft) = &mut model.draft else {
                return Vec::new();
            };
            model.note = Some(match draft.step(undo) {
                Some(what) => Note::Undo { undone: undo, what },
                None => Note::NothingToUndo(undo),
            });
            return Vec::new();
        }
        Action::NextStep if model.mode() == Mode::Normal => {
            let next = model.screen.next();
            return model.go_to(next);
        }
        Action::PrevStep if model.mode() == Mode::Normal => {
            return match model.screen.prev() {
                Some(prev) => model.go_to(prev),
                None => close_draft(model),
            };
        }
        _ => {}
    }
    if model.import.is_some() {
        return import::on_action(model, action);
    }
    match model.screen {
        Screen::Start => start::on_action(model, action),
        Screen::Market => market::on_action(model, action),
        Screen::Customers => customers::on_action(model, action),
        Screen::Staff => staff::on_action(model, action),
        Screen::Review => review::on_action(model, action),
    }
}

/// Esc or Back from the first step: save and return to the Start screen.
pub fn close_draft(model: &mut Model) -> Vec<Effect> {
    if model.draft.is_none() {
        return Vec::new();
    }
    vec![Effect::CloseDraft]
}

fn on_click(model: &mut Model, column: u16, row: u16) -> Vec<Effect> {
    if model.help {
        model.help = false;
        return Vec::new();
    }
    // The import panel is over the screen: nothing under it is clicked.
    if model.import.is_some() {
        return Vec::new();
    }
    // A click on a market chooses it: a change, refused on a read-only draft (clicks on the
    // tables only select).
    if model.screen == Screen::Market && model.draft.as_ref().is_some_and(|d| d.read_only) {
        model.note = Some(Note::Drafts(DraftNote::ReadOnlyRefused));
        return Vec::new();
    }
    let areas = model.areas();
    if let Some(steps) = areas.steps
        && row == steps.y
    {
        if model.mode() != Mode::Normal {
            return Vec::new();
        }
        let loc = model.loc();
        if let Some(i) = super::view::step_at(loc, steps, column) {
            return model.go_to(Screen::STEPS[i]);
        }
        return Vec::new();
    }
    match model.screen {
        Screen::Start => start::on_click(model, column, row),
        Screen::Market => market::on_click(model, column, row),
        Screen::Customers => customers::on_click(model, column, row),
        Screen::Staff => staff::on_click(model, column, row),
        Screen::Review => Vec::new(),
    }
}

