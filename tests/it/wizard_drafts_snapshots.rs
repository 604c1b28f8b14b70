//! The Start screen's draft questions drawn at 80x24 in English and zh-TW: rename, the
//! "what if" copy, delete, a draft open elsewhere, a draft that cannot be read, the help of
//! the list; and the read-only mark in the header.

use std::path::PathBuf;
use std::sync::Arc;

use crate::wizard_common::*;
use cpc_wizard::i18n::Lang;
use cpc_wizard::profile::from_json;
use cpc_wizard::store::StoreError;
use cpc_wizard::tui::{App, Model, Screen};
use cpc_wizard::tui::{DraftSummary, Msg, update};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

fn lang_id(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::ZhTw => "zh",
    }
}

fn broken_error() -> StoreError {
    match from_json("{\n  \"format\": \"cpc-wizard/profile\",\n  oops\n}") {
        Err(error) => StoreError::Parse {
            path: "/home/mei/.local/share/cpc-wizard/broken.json".into(),
            error: Box::new(error),
        },
        Ok(_) => panic!("the broken text parsed"),
    }
}

/// The list with Contoso selected.
fn start_model(lang: Lang) -> Model {
    let mut model = Model::new(lang, PathBuf::from("/home/mei/.local/share/cpc-wizard"));
    let drafts = vec![
        DraftSummary {
            path: "/home/mei/.local/share/cpc-wizard/Contoso MSP FY18.json".into(),
            name: "Contoso MSP FY18".into(),
            changed: "2017-06-30 17:45".into(),
            status: Ok(Some("silver".into())),
        },
        DraftSummary {
            path: "/home/mei/.local/share/cpc-wizard/台北資訊 2017.json".into(),
            name: "台北資訊 2017".into(),
            changed: "2017-06-28 09:02".into(),
            status: Ok(None),
        },
        DraftSummary {
            path: "/home/mei/.local/share/cpc-wizard/broken.json".into(),
            name: "broken".into(),
            changed: "2017-06-01 08:00".into(),
            status: Err(Arc::new(broken_error())),
        },
    ];
    update(&mut model, Msg::DraftsListed(drafts));
    keys(&mut model, &[KeyCode::Down]);
    model
}

fn keys(model: &mut Model, codes: &[KeyCode]) {
    for code in codes {
        update(model, Msg::Key(KeyEvent::from(*code)));
    }
}

#[test]
fn start_screen_draft_states() {
    for lang in Lang::ALL {
        let shot = |state: &str, model: &Model| {
            insta::assert_snapshot!(
                format!("drafts_{state}_{}", lang_id(lang)),
                render_model(model, 80, 24)
            );
        };
        let mut model = start_model(lang);
        keys(&mut model, &[KeyCode::Char('r')]);
        shot("rename", &model);

        let mut model = start_model(lang);
        keys(&mut model, &[KeyCode::Char('c')]);
        shot("duplicate", &model);

        let mut model = start_model(lang);
        keys(&mut model, &[KeyCode::Char('d')]);
        shot("delete", &model);

        let mut model = start_model(lang);
        let path = model.start.drafts[0].path.clone();
        update(
            &mut model,
            Msg::Locked {
                error: Arc::new(StoreError::Locked {
                    path: path.clone(),
                    holder: None,
                }),
                path,
            },
        );
        shot("locked", &model);

        let mut model = start_model(lang);
        let path = model.start.drafts[2].path.clone();
        update(
            &mut model,
            Msg::LoadFailed {
                path,
                error: Arc::new(broken_error()),
            },
        );
        shot("broken", &model);

        let mut model = start_model(lang);
        keys(&mut model, &[KeyCode::Char('?')]);
        shot("help", &model);
    }
}

#[test]
fn read_only_shows_in_the_header() {
    for lang in Lang::ALL {
        let mut app = App::with_profile(contoso(), lang);
        if let Some(d) = &mut app.model.draft {
            d.read_only = true;
        }
        app.model.go_to(Screen::Market);
        press(&mut app, KeyCode::Char(' '));
        insta::assert_snapshot!(
            format!("drafts_read_only_{}", lang_id(lang)),
            render(&app, 80, 24)
        );
    }
}

/// The question when the open draft's file was changed outside cpc-wizard, at the usual
/// size and the smallest, in both languages.
#[test]
fn changed_outside_asks_whose_version_to_keep() {
    for lang in Lang::ALL {
        let mut app = App::with_profile(contoso(), lang);
        app.model.go_to(Screen::Customers);
        update(
            &mut app.model,
            Msg::SaveFailed(Arc::new(StoreError::ChangedOnDisk {
                path: "/home/mei/.local/share/cpc-wizard/Contoso MSP FY18.json".into(),
            })),
        );
        for (w, h) in [(80, 24), (70, 18)] {
            insta::assert_snapshot!(
                format!("drafts_changed_outside_{w}x{h}_{}", lang_id(lang)),
                render(&app, w, h)
            );
        }
    }
}
