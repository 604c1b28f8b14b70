//! `update`: the one way into the model. Each message is routed to the screen or panel it
//! concerns, which gets its own state and a small context (`Ctx`); what it asks for comes
//! back as effects for the loop to carry out, and a screen change (`Go`) is carried out
//! here, in one place.

mod searching;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::context::{Ctx, Go};
use super::effect::Effect;
use super::keys::{self, Action};
use super::mode::Mode;
use super::model::Model;
use super::msg::Msg;
use super::note::{DraftNote, Note};
use super::screen::Screen;
use super::screens::search::{self, Searchable};
use super::screens::{changed_on_disk, compare, customers, import, market, review, staff, start};
use super::widgets::text_field::{EditOp, clean_paste};
use crate::store::StoreError;
use searching::with_rows;

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

/// Runs `f` on the screen state it picks from the model, with the context every screen
/// gets; then goes where the screen asked to.
macro_rules! on_screen {
    ($model:ident, $state:ident, |$s:ident, $cx:ident| $body:expr) => {{
        let (loc, body, theme) = ($model.loc(), $model.areas().body, $model.theme());
        let mut cx = Ctx::new(&mut $model.draft, &mut $model.note, loc, body, theme);
        let effects = {
            let $s = &mut $model.$state;
            let $cx = &mut cx;
            $body
        };
        let went = cx.went();
        follow($model, effects, went)
    }};
}

mod clicks;
use clicks::on_click;

/// Carries out the screen change a screen asked for, after its effects.
fn follow(model: &mut Model, mut effects: Vec<Effect>, went: Option<Go>) -> Vec<Effect> {
    match went {
        Some(Go::To(screen)) => effects.extend(model.go_to(screen)),
        Some(Go::CloseDraft) => effects.extend(close_draft(model)),
        Some(Go::Import) => model.import = Some(import::opened()),
        None => {}
    }
    effects
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
            let action = if down { Action::Down } else { Action::Up };
            if model.comparison.is_some() {
                return on_comparison(model, action);
            }
            on_action(model, action)
        }
        Msg::Resize { width, height } => {
            model.width = width;
            model.height = height;
            keep_selections_visible(model);
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
            model.screen = Screen::Start;
            let body = model.areas().body;
            start::ask_locked(&mut model.start, path, error, body);
            Vec::new()
        }
        Msg::LoadFailed { path, error } => {
            model.screen = Screen::Start;
            let body = model.areas().body;
            start::show_broken(&mut model.start, path, error, body);
            Vec::new()
        }
        Msg::DraftsChanged(note) => {
            on_screen!(model, start, |s, cx| start::drafts_changed(s, cx, note))
        }
        Msg::DraftsFolder { read_only } => {
            model.start.folder_read_only = read_only;
            Vec::new()
        }
        Msg::DraftsListed(list) => {
            let body = model.areas().body;
            start::set_drafts(&mut model.start, list, body);
            Vec::new()
        }
        Msg::Opening(path) => {
            start::opening(&mut model.start, path);
            Vec::new()
        }
        Msg::OpeningSlow => {
            start::opening_is_slow(&mut model.start);
            Vec::new()
        }
        Msg::DraftsReading {
            drafts,
            read,
            total,
        } => {
            let body = model.areas().body;
            start::set_drafts_so_far(&mut model.start, drafts, read, total, body);
            Vec::new()
        }
        Msg::Compared(comparison) => {
            model.note = None;
            model.comparison = Some(compare::shown(comparison));
            Vec::new()
        }
        Msg::Told(note) => {
            review::told(&mut model.review, &note);
            model.note = Some(note);
            Vec::new()
        }
        Msg::ExportExists { path, kind } => {
            review::ask_replace(&mut model.review.export, path, kind);
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
        Msg::SaveFailed(e) => {
            if model.draft.is_none() && model.import.is_some() {
                // The new draft of an import from the Start screen could not be made.
                return import::on_create_failed(&mut model.import, e);
            }
            if let StoreError::ChangedOnDisk { path } = &*e
                && model.draft.is_some()
            {
                model.changed_on_disk = Some(changed_on_disk::found(path.clone()));
            }
            model.note = Some(Note::SaveFailed(e));
            Vec::new()
        }
        Msg::CsvRead { path, bytes } => {
            on_screen!(model, import, |s, cx| import::on_read(s, cx, path, &bytes))
        }
        Msg::CsvUnreadable { path, error } => import::on_unreadable(&mut model.import, path, error),
        Msg::ImportProgress(progress) => import::on_progress(&mut model.import, progress),
        Msg::ImportFinished {
            paths,
            customer,
            finished,
        } => {
            let effects = on_screen!(model, import, |s, cx| import::on_finished(
                s, cx, paths, customer, finished
            ));
            // Rows came in (or were updated): the selection stays in the table.
            keep_selections_visible(model);
            effects
        }
    }
}

fn keep_selections_visible(model: &mut Model) {
    let body = model.areas().body;
    customers::keep_selection_visible(&mut model.customers, &model.draft, body);
    staff::keep_selection_visible(&mut model.staff, &model.draft, body);
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
    if key.kind == KeyEventKind::Release {
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
    let action = keys::lookup(&model.key_tables(), &key);
    if model.comparison.is_some() {
        return action.map_or_else(Vec::new, |a| on_comparison(model, a));
    }
    if let Some(asking) = model.changed_on_disk.as_mut().filter(|c| c.asking) {
        return action.map_or_else(Vec::new, |a| changed_on_disk::on_action(asking, a));
    }
    if model.mode() == Mode::Editing {
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
        // A character starts editing the selected cell with it, as in a spreadsheet.
        None => match model.screen {
            Screen::Customers => {
                on_screen!(model, customers, |s, cx| customers::on_unbound_key(
                    s, cx, &key
                ))
            }
            Screen::Staff => on_screen!(model, staff, |s, cx| staff::on_unbound_key(s, cx, &key)),
            _ => Vec::new(),
        },
    }
}

/// A key on the comparison shown over the Start screen: it scrolls or closes.
fn on_comparison(model: &mut Model, action: Action) -> Vec<Effect> {
    let (loc, frame) = (
        model.loc(),
        ratatui::layout::Rect::new(0, 0, model.width, model.height),
    );
    compare::on_action(&mut model.comparison, action, loc, frame);
    Vec::new()
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
        Screen::Customers => on_screen!(model, customers, |s, cx| customers::on_paste(s, cx, text)),
        _ => on_screen!(model, staff, |s, cx| staff::on_paste(s, cx, text)),
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

/// A keystroke in the field that has the keys: the search line, the import panel's, or
/// the screen's.
fn edit(model: &mut Model, op: EditOp) -> Vec<Effect> {
    if model.search.is_some() {
        let body = model.areas().body;
        return with_rows(model, body, |parts, rows| {
            search::edit(&mut parts.search, rows, op)
        });
    }
    if model.import.is_some() {
        return import::edit(&mut model.import, op);
    }
    match model.screen {
        Screen::Start => start::edit(&mut model.start, op),
        Screen::Customers => on_screen!(model, customers, |s, cx| customers::edit(s, cx, op)),
        Screen::Staff => on_screen!(model, staff, |s, cx| staff::edit(s, cx, op)),
        Screen::Review => review::edit(&mut model.review, &op),
        _ => Vec::new(),
    }
}

/// Actions every screen shares; the rest go to the panel that is open, or the screen.
pub(crate) fn on_action(model: &mut Model, action: Action) -> Vec<Effect> {
    let body = model.areas().body;
    if model.search.is_some() {
        return with_rows(model, body, |parts, rows| {
            search::on_action(&mut parts.search, &mut parts.last, rows, action)
        });
    }
    match action {
        Action::Search => {
            let searchable = search::offered(model.screen)
                && model.draft.is_some() == (model.screen != Screen::Start);
            if searchable {
                with_rows(model, body, |parts, rows| {
                    parts.search = Some(search::open(rows));
                    Vec::new()
                });
            }
            return Vec::new();
        }
        Action::SearchNext | Action::SearchPrev => {
            let forward = action == Action::SearchNext;
            return with_rows(model, body, |parts, rows| {
                search::repeat(&parts.last, rows, forward)
            });
        }
        Action::Compare => {
            if model.screen != Screen::Start {
                return Vec::new();
            }
            return compare::mark(
                &mut model.compare_mark,
                start::selected_draft(&model.start),
                &mut model.note,
            );
        }
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
        return on_screen!(model, import, |s, cx| import::on_action(s, cx, action));
    }
    match model.screen {
        Screen::Start => on_screen!(model, start, |s, cx| start::on_action(s, cx, action)),
        Screen::Market => on_screen!(model, market, |s, cx| market::on_action(s, cx, action)),
        Screen::Customers => {
            on_screen!(model, customers, |s, cx| customers::on_action(
                s, cx, action
            ))
        }
        Screen::Staff => on_screen!(model, staff, |s, cx| staff::on_action(s, cx, action)),
        Screen::Review => on_screen!(model, review, |s, cx| review::on_action(s, cx, action)),
    }
}

/// Esc or Back from the first step: save and return to the Start screen.
fn close_draft(model: &mut Model) -> Vec<Effect> {
    if model.draft.is_none() {
        return Vec::new();
    }
    vec![Effect::CloseDraft]
}
