//! `cpc-wizard compare A B`: the built binary on two drafts in a temporary drafts folder.

use assert_cmd::cargo::cargo_bin_cmd;

const BASE: &str = r#"{
  "format": "cpc-wizard/profile", "version": 1, "name": "Contoso FY18",
  "edition": "2017-06", "market": "developed",
  "customers": [
    { "name": "Fabrikam", "association": "delegated_admin", "active_users": { "exchange_online": 1450 } },
    { "name": "Northwind Traders", "association": "transacting_partner", "active_users": { "exchange_online": 450 } }
  ],
  "staff": [
    { "name": "Mei Lin", "exams": ["70-346", "70-347"], "certifications": [] },
    { "name": "Ray", "exams": ["70-346"], "certifications": [] }
  ]
}
"#;

/// The "what if" copy: Northwind grows (named differently), Litware is new, Ray passes.
const WHAT_IF: &str = r#"{
  "format": "cpc-wizard/profile", "version": 1, "name": "Contoso FY18 what if",
  "edition": "2017-06", "market": "developed",
  "customers": [
    { "name": "Fabrikam", "association": "delegated_admin", "active_users": { "exchange_online": 1450 } },
    { "name": "northwind  traders", "association": "transacting_partner", "active_users": { "exchange_online": 1200 } },
    { "name": "Litware", "association": "fast_track_partner", "active_users": { "exchange_online": 300 } }
  ],
  "staff": [
    { "name": "Mei Lin", "exams": ["70-346", "70-347"], "certifications": [] },
    { "name": "RAY", "exams": ["70-346", "70-347"], "certifications": [] }
  ]
}
"#;

fn run(args: &[&str], lang: &str) -> (i32, String) {
    let home = tempfile::tempdir().expect("home");
    std::fs::write(home.path().join("base.json"), BASE).expect("write");
    std::fs::write(home.path().join("what-if.json"), WHAT_IF).expect("write");
    let out = cargo_bin_cmd!("cpc-wizard")
        .env("CPC_WIZARD_HOME", home.path())
        .args(["--lang", lang, "compare"])
        .arg(home.path().join("base.json"))
        .arg(home.path().join("what-if.json"))
        .args(args)
        .output()
        .expect("run");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn text_shows_totals_side_by_side_and_only_the_rows_that_differ() {
    let (code, text) = run(&[], "en");
    assert_eq!(code, 0);
    assert!(text.contains("Northwind Traders"), "{text}");
    assert!(text.contains("Litware"), "{text}");
    assert!(text.contains("Ray"), "{text}");
    assert!(!text.contains("Fabrikam"), "the same in both: {text}");
    assert!(!text.contains("Mei Lin"), "the same in both: {text}");
    insta::assert_snapshot!("compare_text_en", text);
}

#[test]
fn markdown_in_chinese_and_json() {
    let (code, md) = run(&["--format", "markdown"], "zh-TW");
    assert_eq!(code, 0);
    insta::assert_snapshot!("compare_markdown_zh", md);
    let (code, json) = run(&["--format", "json"], "en");
    assert_eq!(code, 0);
    let value: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(value["a"]["active_entitlements"], 1900);
    assert_eq!(value["b"]["active_entitlements"], 2650);
    assert_eq!(value["customers"].as_array().map(Vec::len), Some(2));
    assert_eq!(value["people"][0]["a"], false);
    assert_eq!(value["people"][0]["b"], true);
}

#[test]
fn a_missing_draft_is_bad_input() {
    let home = tempfile::tempdir().expect("home");
    let out = cargo_bin_cmd!("cpc-wizard")
        .env("CPC_WIZARD_HOME", home.path())
        .args(["compare", "nope", "nope2"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
}
