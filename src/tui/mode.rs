//! How keys are read at a moment: which key table applies. Every screen says which mode it
//! is in; the model asks the one shown.

/// How keys are read at this moment: which table applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    /// A text field has the keys; printable keys are typed.
    Editing,
    /// A list of choices is open.
    Picker,
    /// A yes/no question is asked.
    Confirm,
}
