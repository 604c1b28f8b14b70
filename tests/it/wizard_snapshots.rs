//! Every screen drawn on a test backend at 80x24 and 120x40, in English and zh-TW, on a
//! realistic draft (Chinese names, a name with an escape sequence, every exclusion reason,
//! an unknown exam id).

use std::path::PathBuf;
use std::sync::Arc;

use crate::wizard_common::*;
use cpc_wizard::i18n::Lang;
use cpc_wizard::store::StoreError;
use cpc_wizard::tui::{App, Model, Screen};
use cpc_wizard::tui::{DraftSummary, Msg, update};
use ratatui::crossterm::event::KeyCode;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

const IMPORT_GOOD: &str = "Customer,Association,Trial,Exchange Online\n\
宏碁電腦,DAP,no,2500\n\
華碩電腦,DPOR,yes,300\n\
fabrikam,Transacting Partner,no,1300\n";

const IMPORT_BAD: &str = "name,exchange_online,trial\n甲,12x,maybe\n乙,-3,no\n丙,10000001,yes\n";

fn lang_id(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::ZhTw => "zh",
    }
}

fn start_model(lang: Lang) -> Model {
    let mut model = Model::new(lang, PathBuf::from("/home/mei/.local/share/cpc-wizard"));
    let drafts = vec![
        DraftSummary {
            path: "/d/contoso.json".into(),
            name: "Contoso MSP FY18".into(),
            changed: "2017-06-30 17:45".into(),
            status: Ok(Some("silver".into())),
        },
        DraftSummary {
            path: "/d/taipei.json".into(),
            name: "台北資訊 2017".into(),
            changed: "2017-06-28 09:02".into(),
            status: Ok(None),
        },
        DraftSummary {
            path: "/d/broken.json".into(),
            name: "broken".into(),
            changed: "2017-06-01 08:00".into(),
            status: Err(Arc::new(StoreError::NotUtf8 {
                path: "/d/broken.json".into(),
                line: 3,
            })),
        },
    ];
    update(&mut model, Msg::DraftsListed(drafts));
    model
}

fn on_screen(lang: Lang, screen: Screen) -> App {
    let mut app = App::with_profile(contoso(), lang);
    // The draft in the in-memory app lives in the temp folder; name it plainly instead.
    if let Some(d) = &mut app.model.draft {
        d.path = PathBuf::from("/home/mei/.local/share/cpc-wizard/Contoso MSP FY18.json");
    }
    app.model.go_to(screen);
    app
}

#[test]
fn every_screen_at_both_sizes_in_both_languages() {
    for lang in Lang::ALL {
        for (w, h) in SIZES {
            let name = |screen: &str| format!("{screen}_{}_{w}x{h}", lang_id(lang));
            insta::assert_snapshot!(name("start"), render_model(&start_model(lang), w, h));
            for (screen, id) in [
                (Screen::Market, "market"),
                (Screen::Customers, "customers"),
                (Screen::Staff, "staff"),
                (Screen::Review, "review"),
            ] {
                let app = on_screen(lang, screen);
                insta::assert_snapshot!(name(id), render(&app, w, h));
            }
        }
    }
}

#[test]
fn states_within_screens() {
    for lang in Lang::ALL {
        let id = lang_id(lang);
        // Naming a new assessment, with the caret after Chinese text.
        let mut model = start_model(lang);
        update(
            &mut model,
            Msg::Key(ratatui::crossterm::event::KeyEvent::from(KeyCode::Char(
                'n',
            ))),
        );
        for c in "台北 MSP".chars() {
            update(
                &mut model,
                Msg::Key(ratatui::crossterm::event::KeyEvent::from(KeyCode::Char(c))),
            );
        }
        insta::assert_snapshot!(format!("start_naming_{id}"), render_model(&model, 80, 24));

        // A refused number, with the message under the cell.
        let mut app = on_screen(lang, Screen::Customers);
        resize(&mut app, 80, 24);
        for _ in 0..3 {
            press(&mut app, KeyCode::Right);
        }
        press(&mut app, KeyCode::Enter);
        typ(&mut app, "9x");
        insta::assert_snapshot!(format!("customers_refused_{id}"), render(&app, 80, 24));

        // The association list.
        let mut app = on_screen(lang, Screen::Customers);
        press(&mut app, KeyCode::Down);
        press(&mut app, KeyCode::Right);
        press(&mut app, KeyCode::Enter);
        insta::assert_snapshot!(format!("customers_picker_{id}"), render(&app, 80, 24));

        // Delete asks first.
        let mut app = on_screen(lang, Screen::Staff);
        press(&mut app, KeyCode::Char('d'));
        insta::assert_snapshot!(format!("staff_confirm_{id}"), render(&app, 80, 24));

        // Help lists every key of the screen.
        let mut app = on_screen(lang, Screen::Customers);
        press(&mut app, KeyCode::Char('?'));
        insta::assert_snapshot!(format!("customers_help_{id}"), render(&app, 80, 24));

        // Importing customers from CSV: the path field, then the result of a good file and
        // of a bad one (every bad row listed).
        let mut app = on_screen(lang, Screen::Customers);
        press(&mut app, KeyCode::Char('i'));
        typ(&mut app, "~/匯出/customers.csv");
        insta::assert_snapshot!(format!("customers_import_path_{id}"), render(&app, 80, 24));
        let mut app = on_screen(lang, Screen::Customers);
        app.send(Msg::CsvRead {
            path: "/home/mei/匯出/customers.csv".into(),
            bytes: IMPORT_GOOD.as_bytes().to_vec(),
        });
        insta::assert_snapshot!(format!("customers_import_done_{id}"), render(&app, 80, 24));
        let mut app = on_screen(lang, Screen::Customers);
        app.send(Msg::CsvRead {
            path: "/home/mei/匯出/customers.csv".into(),
            bytes: IMPORT_BAD.as_bytes().to_vec(),
        });
        insta::assert_snapshot!(
            format!("customers_import_refused_{id}"),
            render(&app, 80, 24)
        );

        // Too small: a message instead of a broken layout.
        let app = on_screen(lang, Screen::Customers);
        insta::assert_snapshot!(format!("too_small_{id}"), render(&app, 50, 12));
    }
}

#[test]
fn the_caret_sits_after_wide_characters() {
    let mut model = start_model(Lang::ZhTw);
    update(
        &mut model,
        Msg::Key(ratatui::crossterm::event::KeyEvent::from(KeyCode::Char(
            'n',
        ))),
    );
    for c in "台北".chars() {
        update(
            &mut model,
            Msg::Key(ratatui::crossterm::event::KeyEvent::from(KeyCode::Char(c))),
        );
    }
    update(
        &mut model,
        Msg::Resize {
            width: 80,
            height: 24,
        },
    );
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).expect("terminal");
    terminal
        .draw(|f| cpc_wizard::tui::view::view(&model, f))
        .expect("draw");
    // The label "› 新評估的名稱：" ends at column 18 on row 4 (body starts at row 2, line 2);
    // two wide characters later the caret is 4 columns on.
    let screen = screen_text(terminal.backend().buffer());
    let row: &str = screen.lines().nth(4).expect("row 4");
    assert!(row.starts_with(" › 新評估的名稱：台北"), "{row}");
    assert!(terminal.backend().cursor_position().y == 4);
    let label_columns = cpc_wizard::text::width(" › 新評估的名稱：") as u16;
    assert_eq!(terminal.backend().cursor_position().x, label_columns + 4);
}

#[test]
fn readings_on_market_and_review_at_both_sizes_in_both_languages() {
    for lang in Lang::ALL {
        for (w, h) in SIZES {
            let name = |screen: &str| format!("{screen}_readings_{}_{w}x{h}", lang_id(lang));
            // The reading group focused on "sum of workloads": its sentence shows below.
            let mut app = on_screen(lang, Screen::Market);
            resize(&mut app, w, h);
            press(&mut app, KeyCode::Tab);
            press(&mut app, KeyCode::Tab);
            press(&mut app, KeyCode::Down);
            press(&mut app, KeyCode::Enter);
            insta::assert_snapshot!(name("market"), render(&app, w, h));
            // Review under that reading, with a tenant listed twice.
            let mut app = on_screen(lang, Screen::Review);
            if let Some(d) = &mut app.model.draft {
                d.edit(|p| {
                    p.counting = cpc_wizard::profile::Counting::SumOfWorkloads;
                    let mut again = p.customers[0].clone();
                    again.name = "FABRIKAM ".into();
                    p.customers.push(again);
                });
            }
            insta::assert_snapshot!(name("review"), render(&app, w, h));
        }
    }
}
