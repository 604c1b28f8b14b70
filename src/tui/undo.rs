//! Undo and redo of the open draft, for the session. One step is one change as the user
//! thinks of it (a cell edit, a toggle, an added, deleted or imported row, the market, the
//! edition, the reading): the draft is recorded when a change has settled (no field or list
//! still open), never per keystroke, so a step costs one copy of the profile.

use crate::profile::Profile;

/// How many steps are kept; the oldest go first.
const LIMIT: usize = 100;

/// What a step changed, as the status line names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Market,
    Edition,
    Reading,
    Added,
    Imported,
    Deleted,
    Cell,
}

impl Change {
    /// The change from `before` to `after`, told apart by what differs.
    fn between(before: &Profile, after: &Profile) -> Change {
        let rows = |p: &Profile| p.customers.len() + p.staff.len();
        if before.market != after.market {
            Change::Market
        } else if before.edition != after.edition {
            Change::Edition
        } else if before.counting != after.counting {
            Change::Reading
        } else if rows(after) == rows(before) + 1 {
            Change::Added
        } else if rows(after) > rows(before) {
            Change::Imported
        } else if rows(after) < rows(before) {
            Change::Deleted
        } else {
            Change::Cell
        }
    }

    /// Locale key of the change's name.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Change::Market => "keyboard.change.market",
            Change::Edition => "keyboard.change.edition",
            Change::Reading => "keyboard.change.reading",
            Change::Added => "keyboard.change.added",
            Change::Imported => "keyboard.change.imported",
            Change::Deleted => "keyboard.change.deleted",
            Change::Cell => "keyboard.change.cell",
        }
    }
}

/// The draft's past and (after an undo) future states.
#[derive(Debug, Clone)]
pub(crate) struct History {
    /// The profile as of the last settled step (None until `keep_baseline`), and the
    /// draft revision it was taken at.
    settled: Option<Profile>,
    settled_revision: u64,
    undo: Vec<(Change, Profile)>,
    redo: Vec<(Change, Profile)>,
}

impl History {
    /// A history of a draft opened at `revision`. The copy its first step is made from
    /// is taken by `keep_baseline`, not here: opening a draft (before the wizard's first
    /// frame) costs no copy of it.
    pub(crate) fn new(revision: u64) -> History {
        History {
            settled: None,
            settled_revision: revision,
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }

    /// Keeps `profile`, the draft as opened, for the first step to be made from, unless
    /// kept already. The wizard's loop calls it when it first wakes after a frame, and
    /// every change calls it before it changes anything.
    pub(crate) fn keep_baseline(&mut self, profile: &Profile) {
        if self.settled.is_none() {
            self.settled = Some(profile.clone());
        }
    }

    #[cfg(test)]
    pub(crate) fn has_baseline(&self) -> bool {
        self.settled.is_some()
    }

    /// Called when nothing is being typed or chosen: a change since the last step becomes
    /// a step of its own (and the redo steps are dropped, as in every editor).
    pub(crate) fn settle(&mut self, profile: &Profile, revision: u64) {
        if revision == self.settled_revision {
            return;
        }
        self.settled_revision = revision;
        let Some(settled) = &mut self.settled else {
            // Changed without a baseline kept (no change does): nothing to step back to.
            self.settled = Some(profile.clone());
            return;
        };
        if profile == settled {
            return;
        }
        let before = std::mem::replace(settled, profile.clone());
        let change = Change::between(&before, profile);
        self.undo.push((change, before));
        if self.undo.len() > LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// The profile before the last step, and what that step was; `current` is kept to redo.
    pub(crate) fn undo(&mut self, current: &Profile) -> Option<(Change, Profile)> {
        let (change, before) = self.undo.pop()?;
        self.redo.push((change, current.clone()));
        self.settled = Some(before.clone());
        Some((change, before))
    }

    /// The profile after the last undone step, and what that step was.
    pub(crate) fn redo(&mut self, current: &Profile) -> Option<(Change, Profile)> {
        let (change, after) = self.redo.pop()?;
        self.undo.push((change, current.clone()));
        self.settled = Some(after.clone());
        Some((change, after))
    }

    /// The draft revision the restored profile got: it is settled as it stands.
    pub(crate) fn restored_at(&mut self, revision: u64) {
        self.settled_revision = revision;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::{Customer, Market};

    #[test]
    fn steps_undo_and_redo_in_order_and_a_new_change_drops_redo() {
        let mut p = Profile::new("D");
        let mut h = History::new(0);
        h.keep_baseline(&p);
        p.market = Some(Market::Developed);
        h.settle(&p, 1);
        p.customers.push(Customer::new("a"));
        h.settle(&p, 2);
        let (change, back) = h.undo(&p).expect("a step");
        assert_eq!(change, Change::Added);
        assert!(back.customers.is_empty());
        let (change, forward) = h.redo(&back).expect("a redo");
        assert_eq!(change, Change::Added);
        assert_eq!(forward.customers.len(), 1);
        let (_, back) = h.undo(&forward).expect("a step");
        h.restored_at(3);
        let mut p = back;
        p.customers.push(Customer::new("b"));
        h.settle(&p, 4);
        assert!(h.redo(&p).is_none());
        assert_eq!(h.undo(&p).map(|s| s.0), Some(Change::Added));
        assert_eq!(h.undo(&p).map(|s| s.0), Some(Change::Market));
        assert!(h.undo(&p).is_none());
    }

    #[test]
    fn a_change_taken_back_by_hand_is_no_step() {
        let mut p = Profile::new("D");
        let mut h = History::new(0);
        h.keep_baseline(&p);
        p.customers.push(Customer::new("a"));
        p.customers.pop();
        h.settle(&p, 2);
        assert!(h.undo(&p).is_none());
    }
}
