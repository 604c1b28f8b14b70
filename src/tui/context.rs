//! What a screen is given besides its own state, so that no screen needs the whole model:
//! the open draft, the status line, the language and the body's area; and what it gives
//! back besides its effects: the screen to go to, which `update` alone carries out.

use ratatui::layout::Rect;

use super::draft::Draft;
use super::note::Note;
use super::screen::Screen;
use super::theme::Theme;
use crate::i18n::Locale;

/// For a screen's update.
pub(crate) struct Ctx<'a> {
    pub(crate) draft: &'a mut Option<Draft>,
    /// The status line.
    pub(crate) note: &'a mut Option<Note>,
    pub(crate) loc: &'static Locale,
    /// Where the screen is drawn: page sizes and clicks are worked out from it.
    pub(crate) body: Rect,
    /// As the screen is drawn (lines built ahead of a frame are kept for it).
    pub(crate) theme: Theme,
    go: Option<Go>,
}

/// Where a screen asks to go; `update` goes there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Go {
    /// Another step of the wizard.
    To(Screen),
    /// Back to the Start screen, the draft saved and put away.
    CloseDraft,
    /// The import panel, over the screen.
    Import,
}

impl<'a> Ctx<'a> {
    pub(crate) fn new(
        draft: &'a mut Option<Draft>,
        note: &'a mut Option<Note>,
        loc: &'static Locale,
        body: Rect,
        theme: Theme,
    ) -> Ctx<'a> {
        Ctx {
            draft,
            note,
            loc,
            body,
            theme,
            go: None,
        }
    }

    pub(crate) fn go(&mut self, go: Go) {
        self.go = Some(go);
    }

    pub(crate) fn went(&self) -> Option<Go> {
        self.go
    }

    /// Says something on the status line.
    pub(crate) fn tell(&mut self, note: Note) {
        *self.note = Some(note);
    }
}

/// For a screen's draw: what it may read.
pub(crate) struct ViewCtx<'a> {
    pub(crate) draft: &'a Option<Draft>,
    pub(crate) loc: &'static Locale,
    pub(crate) theme: &'a Theme,
}
