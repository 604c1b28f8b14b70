//! Styles. With `NO_COLOR` set (and not empty) no colour is used at all, only bold,
//! reverse and underline; meaning never rests on colour alone in either case.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub(crate) struct Theme {
    pub(crate) plain: Style,
    pub(crate) title: Style,
    pub(crate) selected: Style,
    pub(crate) cell: Style,
    pub(crate) heading: Style,
    pub(crate) met: Style,
    pub(crate) not_met: Style,
    pub(crate) warning: Style,
    pub(crate) error: Style,
    pub(crate) dim: Style,
    pub(crate) key: Style,
    pub(crate) field: Style,
    pub(crate) bar_full: Style,
    pub(crate) bar_empty: Style,
}

impl Theme {
    pub(crate) fn new(no_color: bool) -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let reverse = Style::new().add_modifier(Modifier::REVERSED);
        if no_color {
            return Theme {
                plain: Style::new(),
                title: bold,
                selected: reverse,
                cell: bold.add_modifier(Modifier::UNDERLINED),
                heading: bold,
                met: bold,
                not_met: Style::new(),
                warning: bold,
                error: bold,
                dim: Style::new(),
                key: bold,
                field: Style::new().add_modifier(Modifier::UNDERLINED),
                bar_full: bold,
                bar_empty: Style::new(),
            };
        }
        Theme {
            plain: Style::new(),
            title: bold.fg(Color::Cyan),
            selected: reverse,
            cell: bold.add_modifier(Modifier::UNDERLINED).fg(Color::Yellow),
            heading: bold,
            met: bold.fg(Color::Green),
            not_met: Style::new().fg(Color::Red),
            warning: bold.fg(Color::Yellow),
            error: bold.fg(Color::Red),
            dim: Style::new().fg(Color::DarkGray),
            key: bold.fg(Color::Cyan),
            field: Style::new().add_modifier(Modifier::UNDERLINED),
            bar_full: Style::new().fg(Color::Green),
            bar_empty: Style::new().fg(Color::DarkGray),
        }
    }

    /// Whether the environment asks for no colour: `NO_COLOR` set and not empty.
    pub(crate) fn no_color_from_env() -> bool {
        std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
    }
}
