//! The wizard's screens and the order of its steps.

use super::keys::{self, Binding};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Start,
    Market,
    Customers,
    Staff,
    Review,
}

impl Screen {
    /// The steps of the step bar, in order.
    pub(crate) const STEPS: [Screen; 4] = [
        Screen::Market,
        Screen::Customers,
        Screen::Staff,
        Screen::Review,
    ];

    pub(crate) fn title_key(self) -> &'static str {
        match self {
            Screen::Start => "wizard.steps.start",
            Screen::Market => "wizard.steps.market",
            Screen::Customers => "wizard.steps.customers",
            Screen::Staff => "wizard.steps.staff",
            Screen::Review => "wizard.steps.review",
        }
    }

    pub(crate) fn keys(self) -> &'static [Binding] {
        match self {
            Screen::Start => keys::START,
            Screen::Market => keys::MARKET,
            Screen::Customers => keys::CUSTOMERS,
            Screen::Staff => keys::STAFF,
            Screen::Review => keys::REVIEW,
        }
    }

    fn step_index(self) -> Option<usize> {
        Self::STEPS.iter().position(|s| *s == self)
    }

    pub(crate) fn next(self) -> Screen {
        match self.step_index() {
            Some(i) if i + 1 < Self::STEPS.len() => Self::STEPS[i + 1],
            _ => self,
        }
    }

    pub(crate) fn prev(self) -> Option<Screen> {
        match self.step_index() {
            Some(0) | None => None,
            Some(i) => Some(Self::STEPS[i - 1]),
        }
    }
}
