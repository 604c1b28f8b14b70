//! Chinese text on every screen, in every state with a box over it, at 70x18, 80x24 and
//! 120x40: no wide character is cut at the right edge, and none has the cell it spills
//! into taken by something else (which a terminal would draw as a broken character or a
//! missing border).

use crate::wizard_common::*;
use cpc_wizard::i18n::Lang;
use cpc_wizard::tui::Msg;
use cpc_wizard::tui::{App, Screen, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

const BAD: &str = "name,exchange_online,trial\n台北資訊股份有限公司,12x,maybe\n高雄港務,-3,no\n";

fn draw(app: &App, width: u16, height: u16) -> Buffer {
    let mut model = app.model.clone();
    cpc_wizard::tui::update(&mut model, Msg::Resize { width, height });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    // The frame as drawn, not the backend's copy: the backend gets only the cells a terminal
    // would draw, and so hides exactly the covered cells looked for here.
    let frame = terminal.draw(|f| view::view(&model, f)).expect("draw");
    frame.buffer.clone()
}

/// Every wide character is followed by the blank cell it covers, inside the screen.
fn broken_wide_characters(buf: &Buffer) -> Vec<String> {
    let mut broken = Vec::new();
    let area = buf.area;
    for y in 0..area.height {
        for x in 0..area.width {
            let symbol = buf[(x, y)].symbol();
            if symbol.width() < 2 {
                continue;
            }
            let next = (x + 1 < area.width).then(|| buf[(x + 1, y)].symbol());
            if !matches!(next, Some(" ") | Some("")) {
                broken.push(format!("({x},{y}) {symbol:?} then {next:?}"));
            }
        }
    }
    broken
}

fn states(lang: Lang) -> Vec<(String, App)> {
    let on = |screen: Screen| {
        let mut app = App::with_profile(contoso(), lang);
        app.model.go_to(screen);
        app
    };
    let mut out = Vec::new();
    for (name, screen) in [
        ("market", Screen::Market),
        ("customers", Screen::Customers),
        ("staff", Screen::Staff),
        ("review", Screen::Review),
    ] {
        out.push((name.to_string(), on(screen)));
        let mut help = on(screen);
        press(&mut help, KeyCode::Char('?'));
        out.push((format!("{name} help"), help));
    }
    let mut picker = on(Screen::Customers);
    press(&mut picker, KeyCode::Down);
    press(&mut picker, KeyCode::Right);
    press(&mut picker, KeyCode::Enter);
    out.push(("picker".into(), picker));
    let mut editing = on(Screen::Customers);
    press(&mut editing, KeyCode::Down);
    press(&mut editing, KeyCode::Enter);
    typ(&mut editing, "新竹分公司");
    out.push(("editing a name".into(), editing));
    let mut path = on(Screen::Customers);
    press(&mut path, KeyCode::Char('i'));
    typ(&mut path, "~/匯出的客戶清單/台北資訊股份有限公司.csv");
    out.push(("import path".into(), path));
    let mut refused = on(Screen::Customers);
    refused.send(Msg::CsvRead {
        path: "/home/mei/匯出的客戶清單/台北資訊股份有限公司.csv".into(),
        bytes: BAD.as_bytes().to_vec(),
    });
    out.push(("import refused".into(), refused));
    out
}

#[test]
fn no_wide_character_is_cut_or_covered() {
    for lang in Lang::ALL {
        for (name, app) in states(lang) {
            for (w, h) in [(70, 18), (80, 24), (120, 40)] {
                let buf = draw(&app, w, h);
                let broken = broken_wide_characters(&buf);
                assert!(
                    broken.is_empty(),
                    "{lang:?} {name} at {w}x{h}: {broken:?}\n{}",
                    screen_text(&buf)
                );
            }
        }
    }
}

/// Names holding characters terminals draw each their own way.
const ODD_NAMES: [&str; 16] = [
    "line\u{2028}break",
    "para\u{2029}graph",
    "\u{378}unassigned",
    "non\u{FFFE}char",
    "last\u{10FFFF}",
    "🇹🇼 Taiwan Ltd",
    "👨\u{200D}👩\u{200D}👧 family",
    "❤\u{FE0F} love",
    "\u{301}accent first",
    "e\u{301}t\u{E9} café",
    "👍\u{1F3FD} thumbs",
    "\u{644}\u{627} lam-alef",
    "soft\u{AD}hyphen",
    "\u{200B}zero width",
    "tag\u{E0041}\u{E007F}",
    "👩\u{200D}💻 coder",
];

/// Whether a terminal draws the cell's text over exactly the columns ratatui gave it, as
/// the sum of its characters' widths (what a terminal advances by), with nothing whose
/// width terminals disagree on.
fn terminal_safe(symbol: &str) -> Result<(), String> {
    use unicode_general_category::{GeneralCategory as G, get_general_category};
    for (i, c) in symbol.chars().enumerate() {
        let category = get_general_category(c);
        let odd = matches!(
            category,
            G::Unassigned | G::Format | G::LineSeparator | G::ParagraphSeparator
        ) || matches!(c, '\u{1F1E6}'..='\u{1F1FF}' | '\u{FE00}'..='\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}')
            || (i == 0 && matches!(category, G::NonspacingMark | G::EnclosingMark));
        if odd {
            return Err(format!("{c:?} ({category:?}) in {symbol:?}"));
        }
    }
    let by_chars: usize = symbol.chars().map(|c| c.width().unwrap_or(0)).sum();
    if by_chars != symbol.width() {
        return Err(format!(
            "{symbol:?}: {by_chars} columns by its characters, {} by ratatui",
            symbol.width()
        ));
    }
    Ok(())
}

#[test]
fn odd_characters_in_names_keep_every_column_in_place() {
    use cpc_wizard::profile::{Association, Customer};
    for lang in Lang::ALL {
        let mut profile = contoso();
        profile.customers = ODD_NAMES
            .iter()
            .map(|n| {
                let mut c = Customer::new(*n);
                c.association = Association::None;
                c
            })
            .collect();
        let mut app = App::with_profile(profile, lang);
        app.model.go_to(Screen::Customers);
        for (w, h) in [(80, 24), (120, 40)] {
            let buf = draw(&app, w, h);
            let text = screen_text(&buf);
            for y in 0..buf.area.height {
                for x in 0..buf.area.width {
                    if let Err(why) = terminal_safe(buf[(x, y)].symbol()) {
                        panic!("{lang:?} {w}x{h} ({x},{y}): {why}\n{text}");
                    }
                }
            }
            // Each name's row: the association column ("None" / "無") starts under its
            // header, the name column fitted to its width whatever the name holds.
            let header_y = (0..buf.area.height)
                .find(|&y| {
                    text.lines()
                        .nth(usize::from(y))
                        .is_some_and(|l| l.contains("Trial") || l.contains("試用"))
                })
                .expect("table header");
            let rows: Vec<&str> = text
                .lines()
                .skip(usize::from(header_y) + 1)
                .take(ODD_NAMES.len())
                .collect();
            // Measured as a terminal advances: character by character.
            let lined_up: Vec<usize> = rows
                .iter()
                .filter_map(|row| {
                    let at = row.find(if lang == Lang::En { "None" } else { "無" })?;
                    Some(row[..at].chars().map(|c| c.width().unwrap_or(0)).sum())
                })
                .collect();
            assert!(
                lined_up.len() >= 10 && lined_up.iter().all(|x| *x == lined_up[0]),
                "{lang:?} {w}x{h}: association at columns {lined_up:?}\n{text}"
            );
        }
    }
}
