//! What a native zh-TW reader asked for, checked where the words are shown: lists joined
//! with 、, the seed's terms, keys that say what they do, one term for Tab, Big5 named
//! for a file that is not UTF-8, "nothing imported" said once, no space after ：, and no
//! "save and quit" offered on a read-only draft.

use crate::wizard_common::*;
use cpc_wizard::i18n::{Lang, Locale};
use cpc_wizard::import::import_csv;
use cpc_wizard::profile::{Association, Customer, Person, Profile};
use cpc_wizard::report::import_words as words;
use cpc_wizard::report::phrases::unknown_ids;
use cpc_wizard::rules::{RuleSet, evaluate};
use cpc_wizard::tui::Msg;
use cpc_wizard::tui::{App, Screen};
use ratatui::crossterm::event::KeyCode;

fn zh() -> &'static Locale {
    Locale::get(Lang::ZhTw)
}

#[test]
fn lists_are_joined_with_the_ideographic_comma() {
    let mut profile = Profile::new("p");
    let mut person = Person::new("Mei");
    person.exams = vec!["99-998".into(), "99-999".into()];
    profile.staff.push(person);
    let assessment = evaluate(&profile, RuleSet::default_edition());
    assert_eq!(
        unknown_ids(zh(), &assessment.staff[0]).as_deref(),
        Some("不計入：99-998、99-999")
    );
    assert_eq!(
        unknown_ids(Locale::get(Lang::En), &assessment.staff[0]).as_deref(),
        Some("not counted: 99-998, 99-999")
    );
}

#[test]
fn the_seed_terms_and_the_reviewed_words() {
    for (key, want) in [
        (
            "association.transacting_partner",
            "有記錄可查的交易合作夥伴",
        ),
        (
            "exclusion.association_not_counted",
            "此規則版本不計入此關聯",
        ),
        ("wizard.drafts.key_new_beside", "另建新草稿"),
        ("wizard.keys.new_assessment", "新的評估"),
        ("wizard.start_import.key", "從 CSV 建立"),
        ("wizard.keys.next_field", "下一格"),
        ("wizard.keys.confirm_next", "下一格"),
    ] {
        assert_eq!(zh().t(key), want, "{key}");
    }
    assert_eq!(
        zh().f("wizard.drafts.copy_name", &[("name", &"Contoso")]),
        "Contoso（試算）"
    );
    assert!(
        zh().t("wizard.drafts.broken_choices")
            .contains("另建新草稿")
    );
}

/// Cut to the column's width, the two long association names looked alike; short names
/// are shown where the full one does not fit, and no two are alike.
#[test]
fn associations_in_a_narrow_column_are_told_apart() {
    for (w, h) in [(70, 18), (80, 24), (120, 40)] {
        for lang in [Lang::En, Lang::ZhTw] {
            let mut profile = contoso();
            profile.customers = Association::ALL
                .iter()
                .map(|a| {
                    let mut c = Customer::new(format!("c {}", a.id()));
                    c.association = *a;
                    c
                })
                .collect();
            let mut app = App::with_profile(profile, lang);
            app.model.go_to(Screen::Customers);
            let screen = render(&app, w, h);
            let cells: Vec<String> = screen
                .lines()
                .filter_map(|l| l.split_once(" c ").map(|(_, rest)| rest.to_string()))
                .map(|rest| {
                    // After the name's id and its padding: the association cell.
                    let rest = rest.split_once(' ').map_or("", |r| r.1).trim_start();
                    rest.split("  ").next().unwrap_or("").trim().to_string()
                })
                .collect();
            assert_eq!(
                cells.len(),
                Association::ALL.len(),
                "{lang:?} {w}x{h}\n{screen}"
            );
            let mut unique = cells.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(
                unique.len(),
                cells.len(),
                "{lang:?} {w}x{h}: {cells:?}\n{screen}"
            );
        }
    }
}

#[test]
fn a_file_that_is_not_utf8_names_big5() {
    // "台北" in Big5.
    let bytes = b"name,exchange_online\n\xA5\x78\xA5\x5F,5\n";
    let mut profile = Profile::new("p");
    let error = import_csv(bytes, &mut profile).expect_err("not UTF-8");
    for lang in [Lang::En, Lang::ZhTw] {
        let lines = words::error_lines(Locale::get(lang), &error);
        assert!(lines.join(" ").contains("Big5"), "{lang:?}: {lines:?}");
    }
}

#[test]
fn a_refused_import_says_nothing_was_imported_once() {
    for (lang, words) in [
        (Lang::ZhTw, "匯入任何資料"),
        (Lang::En, "othing was imported"),
    ] {
        let mut app = App::with_profile(contoso(), lang);
        app.model.go_to(Screen::Customers);
        app.send(Msg::CsvRead {
            path: "/tmp/customers.csv".into(),
            bytes: b"name,exchange_online\na,12x\nb,-3\n".to_vec(),
        });
        let screen = render(&app, 100, 30);
        assert_eq!(screen.matches(words).count(), 1, "{lang:?}\n{screen}");
    }
}

#[test]
fn no_space_after_a_full_width_colon() {
    let mut app = App::with_profile(Profile::new("x"), Lang::ZhTw);
    app.model.go_to(Screen::Start);
    press(&mut app, KeyCode::Char('n'));
    typ(&mut app, "台北");
    let screen = render(&app, 80, 24);
    assert!(screen.contains("新評估的名稱：台北"), "{screen}");
}

#[test]
fn help_on_a_read_only_draft_does_not_offer_save_and_quit() {
    for (lang, save_and_quit, quit) in [
        (Lang::En, "save and quit", "quit, from anywhere"),
        (Lang::ZhTw, "儲存並結束", "結束（任何畫面皆可）"),
    ] {
        let mut app = App::with_profile(contoso(), lang);
        app.model.go_to(Screen::Customers);
        if let Some(d) = app.model.draft.as_mut() {
            d.read_only = true;
        }
        press(&mut app, KeyCode::Char('?'));
        let help = render(&app, 100, 40);
        assert!(!help.contains(save_and_quit), "{lang:?}\n{help}");
        assert!(help.contains(quit), "{lang:?}\n{help}");
    }
}
