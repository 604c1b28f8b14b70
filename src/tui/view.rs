//! `view`: the whole frame from the model. Reads, never changes, the model.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::canvas::{Canvas, draw_on_frame};
use super::context::ViewCtx;
use super::keys::{self, Binding};
use super::layout::{MIN_HEIGHT, MIN_WIDTH};
use super::mode::Mode;
use super::model::Model;
use super::screen::Screen;
use super::screens::{
    changed_on_disk, compare, customers, import, market, review, search, staff, start,
};
use super::theme::Theme;
use super::widgets::gauges;
use super::widgets::table::fit;
use super::widgets::wrap::wrap;
use super::words::note_text;
use crate::i18n::Locale;
use crate::text::{visible, width};
use crate::tui::widgets::put_line::PutLine;

pub fn view(model: &Model, frame: &mut Frame) {
    draw_on_frame(frame, |canvas| view_on(model, canvas));
}

/// `view`, on a canvas: the loop's, or one over a ratatui frame.
pub(crate) fn view_on(model: &Model, frame: &mut Canvas) {
    let theme = Theme::new(model.no_color);
    let loc = model.loc();
    // From the frame, not the model's last known size: every area then lies in the buffer.
    let size = frame.area();
    let areas = model.areas_in(size.width, size.height);
    if areas.too_small {
        draw_too_small(loc, frame);
        return;
    }
    draw_header(model, &theme, frame, areas.header);
    if let (Some(steps), Some(draft)) = (areas.steps, &model.draft) {
        draw_steps(model, &theme, frame, steps);
        if let Some(g) = areas.gauges {
            let inner = Rect::new(g.x + 1, g.y, g.width.saturating_sub(2), g.height);
            gauges::draw(&draft.assessment, loc, &theme, inner, frame.buffer_mut());
        }
    }
    let cx = ViewCtx {
        draft: &model.draft,
        loc,
        theme: &theme,
    };
    match model.screen {
        Screen::Start => start::draw(&model.start, &cx, frame, areas.body),
        Screen::Market => market::draw(&model.market, &cx, frame, areas.body),
        Screen::Customers => customers::draw(&model.customers, &cx, frame, areas.body),
        Screen::Staff => staff::draw(&model.staff, &cx, frame, areas.body),
        Screen::Review => review::draw(&model.review, &cx, frame, areas.body),
    }
    // The panels, over the screen when open.
    import::draw(&model.import, &cx, frame, areas.body);
    changed_on_disk::draw(&model.changed_on_disk, &cx, frame, areas.body);
    draw_note(model, &theme, frame, areas.note);
    search::draw(&model.search, &cx, frame, areas.note);
    draw_footer(model, &theme, frame, areas.footer);
    compare::draw(&model.comparison, &cx, frame);
    if model.help {
        draw_help(model, &theme, frame);
    }
}

fn draw_too_small(loc: &Locale, frame: &mut Canvas) {
    let area = frame.area();
    let text = loc.f(
        "wizard.too_small",
        &[
            ("width", &MIN_WIDTH),
            ("height", &MIN_HEIGHT),
            ("now_width", &area.width),
            ("now_height", &area.height),
        ],
    );
    // Narrower than two wide characters, centring a wrapped Chinese line writes past the
    // buffer's edge in ratatui: nothing readable fits anyway.
    if area.width < 4 {
        return;
    }
    let lines = 3.min(area.height);
    let y = area.y + area.height.saturating_sub(lines) / 2;
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .alignment(ratatui::layout::Alignment::Center),
        Rect::new(area.x, y, area.width, area.height - (y - area.y)),
    );
}

fn draw_header(model: &Model, theme: &Theme, frame: &mut Canvas, area: Rect) {
    let loc = model.loc();
    let mut spans = vec![
        Span::styled(format!(" {}", loc.t("app.name")), theme.title),
        Span::raw(" · "),
        Span::raw(loc.t("app.title")),
    ];
    let mut right = String::new();
    if let Some(d) = &model.draft {
        spans.push(Span::raw(" · "));
        // Read-only shows in words, where "saved" would be: nothing of it is ever written.
        right = if d.read_only {
            loc.t("wizard.drafts.read_only_mark").to_string()
        } else if d.is_saved() {
            loc.t("wizard.header.saved").to_string()
        } else {
            loc.t("wizard.header.unsaved").to_string()
        };
        right.push_str(&format!("  {} ", loc.t("wizard.header.language")));
        // A long name is cut with "…" so the saved mark and language stay in view.
        let used: usize = spans.iter().map(|s| width(&s.content)).sum();
        let room = usize::from(area.width).saturating_sub(used + width(&right) + 1);
        spans.push(Span::styled(
            fit(&visible(&d.profile.name), room),
            theme.heading,
        ));
    } else {
        right.push_str(&format!("  {} ", loc.t("wizard.header.language")));
    }
    let right_width = width(&right) as u16;
    let buf = frame.buffer_mut();
    buf.put_line(
        area.x,
        area.y,
        &Line::from(spans),
        area.width.saturating_sub(right_width + 1),
    );
    buf.set_string(
        area.right().saturating_sub(right_width),
        area.y,
        right,
        if model.draft.as_ref().is_some_and(|d| d.read_only) {
            theme.error
        } else {
            theme.dim
        },
    );
}

/// Each step's label and where it sits on the step bar; `view` and mouse clicks share it.
/// The current step is bracketed, the others padded to the same width.
fn step_labels(loc: &Locale, area: Rect, current: Option<usize>) -> Vec<(String, u16, u16)> {
    let mut x = area.x + 1;
    Screen::STEPS
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let name = format!("{} {}", i + 1, loc.t(s.title_key()));
            let label = if Some(i) == current {
                format!("[{name}]")
            } else {
                format!(" {name} ")
            };
            let w = width(&label) as u16;
            let at = x;
            x += w + 3;
            (label, at, w)
        })
        .collect()
}

/// The step under screen column `x` of the step bar.
pub(crate) fn step_at(loc: &Locale, area: Rect, x: u16) -> Option<usize> {
    step_labels(loc, area, None)
        .iter()
        .position(|(_, at, w)| x >= *at && x < at + w)
}

fn draw_steps(model: &Model, theme: &Theme, frame: &mut Canvas, area: Rect) {
    let loc = model.loc();
    let buf = frame.buffer_mut();
    let current = Screen::STEPS.iter().position(|s| *s == model.screen);
    let labels = step_labels(loc, area, current);
    let count = labels.len();
    for (i, (label, x, w)) in labels.into_iter().enumerate() {
        if x >= area.right() {
            break;
        }
        // Reversed as well as bracketed, so the current step shows without colour.
        let style = if Some(i) == current {
            theme.selected.patch(theme.heading)
        } else {
            theme.plain
        };
        buf.set_stringn(x, area.y, &label, usize::from(area.right() - x), style);
        if i + 1 < count && x + w + 2 < area.right() {
            buf.set_string(x + w + 1, area.y, "›", theme.dim);
        }
    }
}

fn draw_note(model: &Model, theme: &Theme, frame: &mut Canvas, area: Rect) {
    let Some(note) = &model.note else {
        if let Some(hint) = moving_on_hint(model) {
            frame.buffer_mut().put_line(
                area.x,
                area.y,
                &Line::styled(fit(&format!(" {hint}"), usize::from(area.width)), theme.dim),
                area.width,
            );
        }
        return;
    };
    let loc = model.loc();
    let (prefix, style) = if note.is_error() {
        ("! ", theme.error)
    } else {
        ("", theme.plain)
    };
    let text = format!(" {prefix}{}", visible(&note_text(loc, note)));
    frame.buffer_mut().put_line(
        area.x,
        area.y,
        &Line::styled(fit(&text, usize::from(area.width)), style),
        area.width,
    );
}

/// On a step with nothing else to say, the status line says how to go on: the keys come
/// from the screen's table, so the hint never names a key that does not work.
fn moving_on_hint(model: &Model) -> Option<String> {
    if model.screen == Screen::Start
        || model.draft.is_none()
        || model.help
        || model.import.is_some()
        || model.mode() != Mode::Normal
    {
        return None;
    }
    let loc = model.loc();
    let caps = |action: keys::Action| {
        model
            .screen
            .keys()
            .iter()
            .find(|b| b.action == action)
            .map(|b| b.caps)
    };
    let back = caps(keys::Action::PrevStep)?;
    Some(match (model.screen, caps(keys::Action::NextStep)) {
        (Screen::Market, Some(next)) => {
            loc.f("moving_on.hint_market", &[("next", &next), ("back", &back)])
        }
        (_, Some(next)) => loc.f("moving_on.hint", &[("next", &next), ("back", &back)]),
        (_, None) => loc.f("moving_on.hint_last", &[("back", &back)]),
    })
}

fn footer_bindings(model: &Model) -> Vec<&'static Binding> {
    let tables = model.key_tables();
    tables
        .iter()
        .flat_map(|t| t.iter())
        .filter(|b| b.footer && model.offers(b))
        .collect()
}

fn draw_footer(model: &Model, theme: &Theme, frame: &mut Canvas, area: Rect) {
    let loc = model.loc();
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1usize;
    let bindings = footer_bindings(model);
    // "? help" is always shown: keep room for it.
    let help = bindings
        .iter()
        .find(|b| b.action == keys::Action::Help)
        .copied();
    let reserve = help.map_or(0, |b| {
        width(b.caps) + 1 + width(loc.t(model.label_of(b))) + 2
    });
    for b in bindings.iter().filter(|b| b.action != keys::Action::Help) {
        let w = width(b.caps) + 1 + width(loc.t(model.label_of(b))) + 2;
        if used + w + reserve > usize::from(area.width) {
            break;
        }
        spans.push(Span::styled(b.caps, theme.key));
        spans.push(Span::raw(format!(" {}  ", loc.t(model.label_of(b)))));
        used += w;
    }
    if let Some(b) = help {
        spans.push(Span::styled(b.caps, theme.key));
        spans.push(Span::raw(format!(" {}", loc.t(model.label_of(b)))));
    }
    frame
        .buffer_mut()
        .put_line(area.x, area.y, &Line::from(spans), area.width);
}

fn draw_help(model: &Model, theme: &Theme, frame: &mut Canvas) {
    let loc = model.loc();
    let full = frame.area();
    // The keys of what was in force before help opened.
    let tables = model.key_tables_under_help();
    let mut rows: Vec<(&str, String)> = tables
        .iter()
        .flat_map(|t| t.iter())
        .filter(|b| model.offers(b))
        .map(|b| (b.caps, loc.t(model.label_of(b)).to_string()))
        .collect();
    let caps_width = rows.iter().map(|(c, _)| width(c)).max().unwrap_or(0);
    let width_wanted = rows
        .iter()
        .map(|(_, l)| caps_width + 2 + width(l))
        .max()
        .unwrap_or(20) as u16
        + 4;
    // Two columns when one would not fit the height.
    let max_inner = usize::from(full.height.saturating_sub(4));
    let two = rows.len() + 2 > max_inner;
    let columns = if two { 2 } else { 1 };
    let col_width = if two {
        // As wide as the screen allows: the columns share it by what they hold (below).
        full.width.saturating_sub(4) / 2
    } else {
        width_wanted.max(40).min(full.width.saturating_sub(2))
    };
    let w = (col_width * columns + 2).min(full.width.saturating_sub(2));
    if model.mode() == Mode::Normal {
        rows.push(("", String::new()));
        let room = usize::from(w.saturating_sub(4))
            .saturating_sub(caps_width + 2)
            .max(10);
        if two {
            // Under both columns, across the whole box.
            rows.push(("\n", loc.t("wizard.help.mouse").to_string()));
        } else {
            for line in wrap(loc.t("wizard.help.mouse"), room) {
                rows.push(("", line));
            }
        }
    }
    let (key_rows, notes): (Vec<_>, Vec<_>) = rows.into_iter().partition(|(c, _)| *c != "\n");
    let per_column = key_rows.len().div_ceil(usize::from(columns));
    let note_lines: Vec<String> = notes
        .iter()
        .flat_map(|(_, text)| wrap(text, usize::from(w.saturating_sub(4))))
        .collect();
    let h = ((per_column + note_lines.len()) as u16 + 2).min(full.height.saturating_sub(1));
    let area = Rect::new(
        full.x + (full.width - w) / 2,
        full.y + (full.height - h) / 2,
        w,
        h,
    );
    super::widgets::overlay::clear(area, frame.buffer_mut());
    let title = loc.f(
        "wizard.help.title",
        &[("screen", &loc.t(model.screen.title_key()))],
    );
    let block = Block::bordered().title(Span::styled(format!(" {title} "), theme.heading));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    // Each column as wide as its longest row, so that long labels in one column borrow
    // room from short ones in the other; a label that still does not fit ends in "…".
    let per = per_column.max(1);
    let row_width = |(_, label): &(&str, String)| 1 + caps_width + 2 + width(label) + 1;
    let first_width = key_rows.iter().take(per).map(row_width).max().unwrap_or(0) as u16;
    let second_width = key_rows.iter().skip(per).map(row_width).max().unwrap_or(0) as u16;
    let spans = if columns == 2 && first_width + second_width <= inner.width {
        [(0, first_width), (first_width, inner.width - first_width)]
    } else {
        [
            (0, col_width),
            (col_width, inner.width.saturating_sub(col_width)),
        ]
    };
    let buf = frame.buffer_mut();
    for (i, (caps, label)) in key_rows.iter().enumerate() {
        let column = i / per;
        let row = (i % per) as u16;
        if row >= inner.height {
            continue;
        }
        let (dx, cw) = spans[column.min(1)];
        let x = inner.x + dx;
        let room = usize::from(cw).saturating_sub(1 + caps_width + 2);
        let line = Line::from(vec![
            Span::raw(" "),
            Span::styled(crate::text::pad_right(caps, caps_width), theme.key),
            Span::raw("  "),
            Span::raw(fit(label, room)),
        ]);
        buf.put_line(x, inner.y + row, &line, cw.min(inner.right() - x));
    }
    for (i, text) in note_lines.iter().enumerate() {
        let y = inner.y + per_column as u16 + i as u16;
        if y >= inner.bottom() {
            break;
        }
        buf.put_line(
            inner.x + 1,
            y,
            &Line::raw(text.as_str()),
            inner.width.saturating_sub(1),
        );
    }
}
