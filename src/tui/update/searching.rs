//! The `/` search over the screen shown: its rows, lent to the search with the search
//! line and the last query kept.

use super::*;

/// The searchable rows of the screen shown, with what else of the model the search needs.
pub(super) fn with_rows(
    model: &mut Model,
    body: ratatui::layout::Rect,
    f: impl FnOnce(&mut SearchParts, &mut dyn Searchable) -> Vec<Effect>,
) -> Vec<Effect> {
    let mut parts = SearchParts {
        search: model.search.take(),
        last: model.last_search.take(),
    };
    let effects = match model.screen {
        Screen::Start => f(
            &mut parts,
            &mut start::Rows {
                state: &mut model.start,
                body,
            },
        ),
        Screen::Customers => f(
            &mut parts,
            &mut customers::Rows {
                state: &mut model.customers,
                draft: &model.draft,
                body,
            },
        ),
        Screen::Staff => f(
            &mut parts,
            &mut staff::Rows {
                state: &mut model.staff,
                draft: &model.draft,
                body,
            },
        ),
        _ => Vec::new(),
    };
    model.search = parts.search;
    model.last_search = parts.last;
    effects
}

/// The search line and the last query kept, lent to a search while the rows are borrowed.
pub(super) struct SearchParts {
    pub(super) search: Option<search::Search>,
    pub(super) last: Option<String>,
}
