//! Where each part of the screen goes. Both `view` (to draw) and `update` (to read mouse
//! clicks) use this one function, so a click always lands on what was drawn there.

use ratatui::layout::Rect;

/// Below this size the wizard draws only a message asking for a larger terminal.
pub(crate) const MIN_WIDTH: u16 = 70;
pub(crate) const MIN_HEIGHT: u16 = 18;

/// Rows of the tier gauges panel: the tier line, entitlements, people, a blank line.
pub(crate) const GAUGE_ROWS: u16 = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub too_small: bool,
    pub(crate) header: Rect,
    /// The step bar, when a draft is open.
    pub(crate) steps: Option<Rect>,
    /// The tier gauges, when a draft is open.
    pub(crate) gauges: Option<Rect>,
    pub(crate) body: Rect,
    pub(crate) note: Rect,
    pub(crate) footer: Rect,
}

impl Areas {
    pub(crate) fn new(width: u16, height: u16, with_draft: bool) -> Areas {
        let full = Rect::new(0, 0, width, height);
        let too_small = width < MIN_WIDTH || height < MIN_HEIGHT;
        let row =
            |y: u16, h: u16| Rect::new(0, y.min(height), width, h.min(height.saturating_sub(y)));
        let header = row(0, 1);
        let (steps, gauges, body_top) = if with_draft {
            (Some(row(1, 1)), Some(row(2, GAUGE_ROWS)), 2 + GAUGE_ROWS)
        } else {
            (None, None, 2)
        };
        let bottom = height.saturating_sub(2);
        Areas {
            too_small,
            header,
            steps,
            gauges,
            body: row(body_top, bottom.saturating_sub(body_top)),
            note: row(bottom, 1),
            footer: row(bottom + 1, 1).intersection(full),
        }
    }
}
