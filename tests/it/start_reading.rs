//! The Start screen while the drafts folder is still being read: the drafts read so far are
//! listed and can be chosen, and a line says how far the reading is. In the terminal the
//! folder is read on a thread of its own, so keys are answered before the list is complete.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::support::pty::PtySession;
use crate::wizard_common::*;
use cpc_wizard::i18n::Lang;
use cpc_wizard::tui::Model;
use cpc_wizard::tui::{DraftSummary, Msg, update};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn reading_model(lang: Lang) -> Model {
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
    ];
    update(
        &mut model,
        Msg::DraftsReading {
            drafts,
            read: 2,
            total: 7,
        },
    );
    model
}

#[test]
fn the_start_screen_says_it_is_still_reading() {
    for (lang, id) in [(Lang::En, "en"), (Lang::ZhTw, "zh")] {
        for (w, h) in [(80, 24), (70, 18)] {
            insta::assert_snapshot!(
                format!("start_reading_{id}_{w}x{h}"),
                render_model(&reading_model(lang), w, h)
            );
        }
    }
}

#[test]
fn the_draft_chosen_while_reading_stays_chosen_as_the_list_fills_in() {
    let mut model = reading_model(Lang::En);
    // Down: the first draft, Contoso.
    update(
        &mut model,
        Msg::Key(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE)),
    );
    assert_eq!(model.start.selected, 1);
    let newer = DraftSummary {
        path: "/d/newer.json".into(),
        name: "Newer".into(),
        changed: "2017-07-01 08:00".into(),
        status: Ok(None),
    };
    let mut drafts = vec![newer];
    drafts.extend(reading_model(Lang::En).start.drafts);
    update(&mut model, Msg::DraftsListed(drafts));
    assert!(!model.start.listing);
    assert_eq!(model.start.selected, 2, "still Contoso, now second");
    let text = render_model(&model, 80, 24);
    assert!(text.contains("Drafts folder (3 drafts)"), "{text}");
}

/// Drafts large enough that reading them all takes far longer than answering a key.
fn folder_of_large_drafts(dir: &Path) {
    let mut profile = cpc_wizard::sample::profile(60_000);
    for i in 0..6 {
        profile.name = format!("Large {i}");
        cpc_wizard::store::save(&dir.join(format!("large-{i}.json")), &profile).expect("write");
    }
}

#[test]
fn a_key_is_answered_before_a_slow_folder_is_read() {
    let dir = tempfile::tempdir().expect("dir");
    folder_of_large_drafts(dir.path());
    let home = dir.path().to_string_lossy().into_owned();
    let mut session = PtySession::spawn(
        Path::new(env!("CARGO_BIN_EXE_cpc-wizard")),
        &["--lang", "en"],
        &[("CPC_WIZARD_HOME", home.as_str()), ("LANG", "C.UTF-8")],
        80,
        24,
    );
    assert!(
        session.wait_for("Reading", Duration::from_secs(30)),
        "{}",
        session.screen()
    );
    session.send("n");
    assert!(
        session.wait_for("Name of the new assessment", Duration::from_secs(30)),
        "{}",
        session.screen()
    );
    let screen = session.screen();
    assert!(
        screen.contains("Reading"),
        "the key was answered only after the folder was read:\n{screen}"
    );
    // The list still arrives.
    assert!(
        session.wait_for("Drafts folder (6 drafts)", Duration::from_secs(300)),
        "{}",
        session.screen()
    );
    // Esc and q apart: sent together they read as Alt-q.
    session.send("\u{1b}");
    assert!(
        session.wait_until(Duration::from_secs(30), |s| !s
            .contains("Name of the new assessment")),
        "{}",
        session.screen()
    );
    session.send("q");
    assert_eq!(session.wait_exit(Duration::from_secs(30)), Some(0));
}

/// A draft large enough that opening it takes more than a moment shows a line saying so,
/// and Esc leaves it for the Start screen; the draft is let go (its lock freed).
#[test]
fn a_large_draft_opens_behind_a_line_that_esc_leaves() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("huge.json");
    let mut profile = cpc_wizard::sample::profile(300_000);
    profile.name = "Huge".into();
    cpc_wizard::store::save(&path, &profile).expect("write");
    let home = dir.path().to_string_lossy().into_owned();
    let file = path.to_string_lossy().into_owned();
    let mut session = PtySession::spawn(
        Path::new(env!("CARGO_BIN_EXE_cpc-wizard")),
        &["--lang", "en", "edit", &file],
        &[("CPC_WIZARD_HOME", home.as_str()), ("LANG", "C.UTF-8")],
        80,
        24,
    );
    assert!(
        session.wait_for("Opening \"huge\"", Duration::from_secs(30)),
        "{}",
        session.screen()
    );
    session.send("\u{1b}");
    assert!(
        session.wait_until(Duration::from_secs(300), |s| !s.contains("Opening")
            && s.contains("Drafts folder (1 draft)")),
        "{}",
        session.screen()
    );
    assert!(session.screen().contains("New assessment"));
    session.send("q");
    assert_eq!(session.wait_exit(Duration::from_secs(60)), Some(0));
    // Let go: it opens for editing again. (Named by its file until the list is read.)
    assert!(cpc_wizard::store::OpenDraft::open(&path).is_ok());
}
