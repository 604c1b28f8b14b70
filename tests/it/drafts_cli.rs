//! `cpc-wizard drafts` as a user runs it: one line per draft, newest first, unreadable
//! drafts listed with the reason, exit 0, names made safe for the terminal.

use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

use assert_cmd::Command;
use cpc_wizard::profile::{Association, Count, Customer, Market, Person, Profile};
use cpc_wizard::store::{self, OpenDraft, Store};

fn set_age(path: &Path, hours: u64) {
    fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(SystemTime::now() - Duration::from_secs(hours * 3600))
        .unwrap();
}

fn silver(name: &str) -> Profile {
    let mut p = Profile::new(name);
    p.market = Some(Market::Developing);
    let mut c = Customer::new("Fabrikam");
    c.association = Association::DelegatedAdmin;
    c.active_users.yammer = Count::new(1_000).unwrap();
    p.customers.push(c);
    let mut person = Person::new("Ray");
    person.certifications.push("mcsa-office-365".into());
    p.staff.push(person);
    p
}

fn drafts(home: &Path, lang: &str) -> (String, i32) {
    let out = Command::cargo_bin("cpc-wizard")
        .unwrap()
        .env("CPC_WIZARD_HOME", home)
        .args(["--lang", lang, "drafts"])
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn lists_newest_first_with_tier_and_unreadable_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let oldest = OpenDraft::create(&store, silver("Contoso 2016")).unwrap();
    set_age(oldest.path(), 48);
    let plain = OpenDraft::create(&store, Profile::new("台北資訊 FY18")).unwrap();
    set_age(plain.path(), 24);
    let evil = OpenDraft::create(&store, Profile::new("evil\u{1b}[2J\u{7}name")).unwrap();
    set_age(evil.path(), 12);
    let broken = dir.path().join("broken.json");
    fs::write(
        &broken,
        "{\"format\": \"cpc-wizard/profile\",\n\"version\": 1,\n\"name\": \"b\",\n\"market\": \"moon\"}",
    )
    .unwrap();
    let newer = dir.path().join("from the future.json");
    fs::write(
        &newer,
        r#"{"format": "cpc-wizard/profile", "version": 9, "name": "f"}"#,
    )
    .unwrap();
    set_age(&newer, 1);
    let broken_bytes = fs::read(&broken).unwrap();

    let (out, code) = drafts(dir.path(), "en");
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 6, "header and one line per draft:\n{out}");
    assert!(lines[0].starts_with("Draft"));
    let order: Vec<&str> = [
        "broken",
        "from the future",
        "evil",
        "台北資訊 FY18",
        "Contoso 2016",
    ]
    .into_iter()
    .collect();
    for (line, name) in lines[1..].iter().zip(order) {
        assert!(
            line.starts_with(name),
            "{name:?} expected in {line:?}\n{out}"
        );
    }
    assert!(lines[1].contains("broken.json") && lines[1].contains("line 4"));
    assert!(lines[1].contains("market") && lines[1].contains("moon"));
    assert!(lines[2].contains("version 9"));
    assert!(
        lines[3].contains("evil\u{241b}[2J\u{2407}name"),
        "{}",
        lines[3]
    );
    assert!(lines[4].contains("no tier yet"));
    assert!(lines[5].contains("Silver"));
    assert_eq!(
        fs::read(&broken).unwrap(),
        broken_bytes,
        "listing never writes"
    );

    let (zh, code) = drafts(dir.path(), "zh-TW");
    assert_eq!(code, 0);
    assert!(zh.contains("無法讀取") && zh.contains("銀級"), "{zh}");
}

#[test]
fn an_empty_or_missing_folder_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let (out, code) = drafts(&dir.path().join("not yet"), "en");
    assert_eq!(code, 0);
    assert!(out.starts_with("No drafts yet"), "{out}");
    // The lock and temporary files of a draft being edited are not drafts.
    let draft = OpenDraft::create(&Store::new(dir.path()), Profile::new("Only")).unwrap();
    fs::write(dir.path().join(".cpc-wizard-abc.tmp"), b"{").unwrap();
    assert!(store::lock_path_for(draft.path()).exists());
    let (out, _) = drafts(dir.path(), "en");
    assert_eq!(out.lines().count(), 2, "{out}");
}

/// One huge name is cut with `…`; it does not pad every other line.
#[test]
fn a_huge_name_is_cut_and_pads_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    OpenDraft::create(&store, Profile::new("x".repeat(100_000))).unwrap();
    OpenDraft::create(&store, Profile::new("Short")).unwrap();
    let (out, code) = drafts(dir.path(), "en");
    assert_eq!(code, 0);
    assert!(out.len() < 1_000, "{} bytes", out.len());
    assert!(out.contains('…'));
    for line in out.lines() {
        assert!(cpc_wizard::text::width(line) < 100, "{line}");
    }
}

#[test]
fn drafts_as_json_for_scripts() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let silver_path = OpenDraft::create(&store, silver("Contoso 2016"))
        .unwrap()
        .path()
        .to_path_buf();
    set_age(&silver_path, 48);
    OpenDraft::create(&store, Profile::new("台北資訊 FY18")).unwrap();
    fs::write(dir.path().join("broken.json"), "{").unwrap();
    let out = Command::cargo_bin("cpc-wizard")
        .unwrap()
        .env("CPC_WIZARD_HOME", dir.path())
        .args(["--lang", "en", "drafts", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.ends_with("}\n"));
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let list = value["drafts"].as_array().unwrap();
    assert_eq!(list.len(), 3);
    for entry in list {
        let keys: Vec<&str> = entry
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, ["name", "file", "changed", "highest_tier", "error"]);
    }
    let contoso = list.iter().find(|e| e["name"] == "Contoso 2016").unwrap();
    assert_eq!(contoso["highest_tier"], "silver");
    assert_eq!(contoso["file"], silver_path.display().to_string());
    assert!(contoso["changed"].as_str().unwrap().ends_with('Z'));
    assert!(contoso["error"].is_null());
    let broken = list.iter().find(|e| e["name"].is_null()).unwrap();
    assert!(broken["error"].as_str().unwrap().contains("broken.json"));
    assert!(broken["highest_tier"].is_null());
}
