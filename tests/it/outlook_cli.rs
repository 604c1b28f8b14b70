//! The outlook as `cpc-wizard assess` prints it (SPEC.md §8): the JSON fields exactly, and
//! the sentences of the text and Markdown reports in both languages.

use std::path::PathBuf;

use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::{Value, json};
use tempfile::TempDir;

/// The draft of tests/outlook.rs: Fabrikam and Contoso from usage reports, Northwind typed.
/// Today 1,200 + 853 + 50 = 2,103; in 7 days 900 + 833 + 50 = 1,783.
const FROM_REPORTS: &str = r#"{
  "format": "cpc-wizard/profile",
  "version": 1,
  "name": "Outlook",
  "market": "developed",
  "customers": [
    { "name": "Fabrikam", "association": "delegated_admin",
      "active_users": { "exchange_online": 1200, "sharepoint_online": 800 },
      "active_users_in_7_days": { "exchange_online": 900 },
      "licensed_users": { "exchange_online": 1500, "sharepoint_online": 800 } },
    { "name": "Contoso", "association": "delegated_admin",
      "active_users": { "exchange_online": 853, "proplus": 300 },
      "active_users_in_7_days": { "exchange_online": 833, "proplus": 100 },
      "licensed_users": { "exchange_online": 1153, "proplus": 420 } },
    { "name": "Northwind", "association": "delegated_admin",
      "active_users": { "yammer": 50 } }
  ],
  "staff": [
    { "name": "Ann", "exams": [], "certifications": ["mcsa-office-365"] },
    { "name": "Bob", "exams": ["70-346"], "certifications": [] }
  ]
}
"#;

/// The same customers typed by hand: no report figures at all.
const TYPED: &str = r#"{
  "format": "cpc-wizard/profile",
  "version": 1,
  "name": "Typed",
  "market": "developed",
  "customers": [
    { "name": "Fabrikam", "association": "delegated_admin",
      "active_users": { "exchange_online": 2000 } }
  ],
  "staff": [ { "name": "Ann", "exams": [], "certifications": ["mcsa-office-365"] } ]
}
"#;

fn draft(text: &str) -> (TempDir, PathBuf) {
    let dir = TempDir::new().expect("temp dir");
    let path = dir.path().join("draft.json");
    std::fs::write(&path, text).expect("write draft");
    (dir, path)
}

fn assess(text: &str, args: &[&str]) -> String {
    let (dir, path) = draft(text);
    let out = cargo_bin_cmd!("cpc-wizard")
        .env("CPC_WIZARD_HOME", dir.path())
        .arg("assess")
        .arg(&path)
        .args(args)
        .output()
        .expect("run");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn json_outlook_has_the_fields_of_spec_8() {
    let report: Value =
        serde_json::from_str(&assess(FROM_REPORTS, &["--format", "json"])).expect("json");
    assert_eq!(
        report["outlook"],
        json!({
            "total_in_7_days": 1783,
            "tiers": [
                { "tier": "silver", "margin": 103, "margin_in_7_days": -217,
                  "hangs_on": ["Fabrikam", "Contoso"], "people_hang_on": ["Ann"] },
                { "tier": "gold", "margin": -1897, "margin_in_7_days": -2217,
                  "hangs_on": [], "people_hang_on": [] }
            ],
            "inactive_licensed": [
                { "name": "Contoso", "workload": "exchange_online", "users": 300 },
                { "name": "Fabrikam", "workload": "exchange_online", "users": 300 },
                { "name": "Contoso", "workload": "proplus", "users": 120 }
            ],
            "one_exam_away": ["Bob"]
        })
    );
}

#[test]
fn json_outlook_of_a_typed_draft_has_nulls_not_zeros() {
    let report: Value = serde_json::from_str(&assess(TYPED, &["--format", "json"])).expect("json");
    let outlook = &report["outlook"];
    assert_eq!(outlook["total_in_7_days"], Value::Null);
    assert_eq!(outlook["tiers"][0]["margin"], 0);
    assert_eq!(outlook["tiers"][0]["margin_in_7_days"], Value::Null);
    assert_eq!(outlook["tiers"][0]["hangs_on"], json!(["Fabrikam"]));
    assert_eq!(outlook["inactive_licensed"], json!([]));
    assert_eq!(outlook["one_exam_away"], json!([]));
}

#[test]
fn text_and_markdown_say_what_next_week_brings_in_both_languages() {
    let en = assess(FROM_REPORTS, &["--lang", "en"]);
    assert!(
        en.contains(
            "Silver holds by 103 today; in 7 days, if none of these users is active again, \
             it is 217 short."
        ),
        "{en}"
    );
    assert!(en.contains("Silver hangs on: Fabrikam, Contoso"), "{en}");
    assert!(
        en.contains("Contoso, Exchange Online: 300 licensed users not active (would add 300)"),
        "{en}"
    );
    assert!(en.contains("Bob: needs 70-347"), "{en}");
    // 1,500 + 1,153 + 50 with every licensed user active.
    assert!(
        en.contains("If all of them were active: 2,703 active entitlements; Gold needs 4,000."),
        "{en}"
    );
    let zh = assess(FROM_REPORTS, &["--lang", "zh-TW"]);
    assert!(
        zh.contains("銀級目前超出門檻 103；7 天後，若這些使用者都不再使用，將差 217。"),
        "{zh}"
    );
    assert!(zh.contains("銀級取決於：Fabrikam、Contoso"), "{zh}");
    let md = assess(FROM_REPORTS, &["--format", "markdown"]);
    assert!(md.contains("## Outlook"), "{md}");
    assert!(md.contains("- Silver holds by 103 today;"), "{md}");
}

#[test]
fn a_typed_draft_says_next_week_is_not_known_rather_than_zero() {
    for (lang, unknown) in [("en", "In 7 days: not known."), ("zh-TW", "7 天後：未知。")] {
        let text = assess(TYPED, &["--lang", lang]);
        assert!(text.contains(unknown), "{text}");
        assert!(!text.contains("in 7 days, if none"), "{text}");
    }
}
