//! `cpc-wizard assess` driven as a user would: the built binary, drafts in a temporary
//! `CPC_WIZARD_HOME`, output read back as text, Markdown and JSON.

use std::path::{Path, PathBuf};

use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::Value;
use tempfile::TempDir;

/// A partner that reaches Silver and is short of Gold on both requirements; every kind of
/// customer and person the report explains.
const CONTOSO: &str = r#"{
  "format": "cpc-wizard/profile",
  "version": 1,
  "name": "Contoso MSP FY18",
  "edition": "2017-06",
  "market": "developed",
  "customers": [
    { "name": "Fabrikam", "association": "delegated_admin", "trial": false,
      "active_users": { "exchange_online": 1450, "sharepoint_online": 800, "proplus": 300 } },
    { "name": "Northwind Traders", "association": "transacting_partner",
      "active_users": { "exchange_online": 450, "skype_for_business": 520 } },
    { "name": "Tailspin Toys", "association": "delegated_admin", "trial": true,
      "active_users": { "exchange_online": 900 } },
    { "name": "Litware", "association": "fast_track_partner",
      "active_users": { "exchange_online": 640 } },
    { "name": "台北資訊服務", "association": "digital_partner_of_record",
      "active_users": { "yammer": 75, "sharepoint_online": 160 } },
    { "name": "Adventure Works", "association": "none",
      "active_users": { "exchange_online": 300 } }
  ],
  "staff": [
    { "name": "Mei Lin", "exams": ["70-346", "70-347"], "certifications": ["mcsa-office-365"] },
    { "name": "陳志明", "exams": ["70-346"], "certifications": [] },
    { "name": "Sam Ortiz", "exams": ["70-533"], "certifications": [] }
  ]
}
"#;

/// A temporary drafts folder, with helpers to place drafts in it or beside it.
struct Home {
    dir: TempDir,
}

impl Home {
    fn new() -> Home {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir(dir.path().join("drafts")).expect("drafts folder");
        Home { dir }
    }

    fn drafts(&self) -> PathBuf {
        self.dir.path().join("drafts")
    }

    /// Writes a draft into the drafts folder under `file_name`.
    fn draft(&self, file_name: &str, text: &str) -> PathBuf {
        let path = self.drafts().join(file_name);
        std::fs::write(&path, text).expect("write draft");
        path
    }

    /// Writes a file outside the drafts folder: a draft given by path.
    fn outside(&self, file_name: &str, text: &[u8]) -> PathBuf {
        let path = self.dir.path().join(file_name);
        std::fs::write(&path, text).expect("write file");
        path
    }

    /// `cpc-wizard` with this drafts folder and no language from the environment.
    fn cmd(&self) -> assert_cmd::Command {
        let mut cmd = cargo_bin_cmd!("cpc-wizard");
        cmd.env("CPC_WIZARD_HOME", self.drafts())
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .env_remove("LANGUAGE");
        cmd
    }

    fn assess(&self, args: &[&str]) -> std::process::Output {
        self.cmd().arg("assess").args(args).output().expect("runs")
    }
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

fn code(out: &std::process::Output) -> i32 {
    out.status.code().expect("exited")
}

fn json_of(out: &std::process::Output) -> Value {
    serde_json::from_slice(&out.stdout).expect("stdout is one JSON document")
}

// ---------------------------------------------------------------- finding the draft

#[test]
fn a_draft_by_name_by_file_name_and_by_path() {
    let home = Home::new();
    // The file name differs from the profile name: the name is found by reading drafts.
    home.draft("q3-review.json", CONTOSO);
    let elsewhere = home.outside("contoso copy.json", CONTOSO.as_bytes());
    for draft in [
        "Contoso MSP FY18",
        "contoso msp fy18",
        "q3-review.json",
        elsewhere.to_str().expect("utf-8 path"),
    ] {
        let out = home.assess(&[draft, "--format", "json"]);
        assert_eq!(code(&out), 0, "{draft}: {}", stderr(&out));
        assert_eq!(json_of(&out)["profile"], "Contoso MSP FY18", "{draft}");
        assert!(out.stderr.is_empty(), "{draft}");
    }
}

#[test]
fn an_unknown_draft_name_exits_2_naming_it() {
    let home = Home::new();
    home.draft("contoso.json", CONTOSO);
    let out = home.assess(&["Wingtip"]);
    assert_eq!(code(&out), 2);
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("\"Wingtip\""), "{err}");
    assert!(
        err.contains(home.drafts().to_str().expect("utf-8")),
        "{err}"
    );
    assert!(err.contains("cpc-wizard drafts"), "what to do next: {err}");
}

// ---------------------------------------------------------------- formats

#[test]
fn json_has_the_spec_fields_with_the_right_numbers() {
    let home = Home::new();
    home.draft("contoso.json", CONTOSO);
    let out = home.assess(&["Contoso MSP FY18", "--format", "json"]);
    assert_eq!(code(&out), 0);
    let j = json_of(&out);
    assert_eq!(j["profile"], "Contoso MSP FY18");
    assert_eq!(j["edition"], "2017-06");
    assert_eq!(j["market"], "developed");
    // 1,450 + 520 + 0 (trial) + 0 (fast track, June) + 160 + 0 (no association).
    assert_eq!(j["active_entitlements"], 2_130);
    // Mei Lin (both routes, once); 陳志明 lacks 70-347; Sam's exam is not one of ours.
    assert_eq!(j["qualified_people"], 1);
    assert_eq!(j["highest_tier"], "silver");
    let tiers = j["tiers"].as_array().expect("tiers");
    assert_eq!(tiers.len(), 2);
    let expected = [("silver", true, 2_000, 1), ("gold", false, 4_000, 2)];
    for (t, (tier, met, need_users, need_people)) in tiers.iter().zip(expected) {
        assert_eq!(t["tier"], tier);
        assert_eq!(t["met"], met);
        assert_eq!(t["entitlements"]["have"], 2_130);
        assert_eq!(t["entitlements"]["need"], need_users);
        assert_eq!(t["people"]["have"], 1);
        assert_eq!(t["people"]["need"], need_people);
    }
    let customers: Vec<(String, u64, Value)> = j["customers"]
        .as_array()
        .expect("customers")
        .iter()
        .map(|c| {
            (
                c["name"].as_str().expect("name").to_string(),
                c["counted"].as_u64().expect("counted"),
                c["excluded"].clone(),
            )
        })
        .collect();
    assert_eq!(
        customers,
        [
            ("Fabrikam".into(), 1_450, Value::Null),
            ("Northwind Traders".into(), 520, Value::Null),
            ("Tailspin Toys".into(), 0, "trial".into()),
            ("Litware".into(), 0, "association_not_counted".into()),
            ("台北資訊服務".into(), 160, Value::Null),
            ("Adventure Works".into(), 0, "no_association".into()),
        ]
    );
    assert_eq!(j["warnings"], Value::Array(vec![]));
}

#[test]
fn json_warns_when_no_market_is_chosen() {
    let home = Home::new();
    let text = CONTOSO.replace("\"market\": \"developed\",", "");
    let path = home.outside("no-market.json", text.as_bytes());
    let out = home.assess(&[path.to_str().expect("utf-8"), "--format", "json"]);
    let j = json_of(&out);
    assert_eq!(j["market"], Value::Null);
    assert_eq!(j["tiers"][0]["entitlements"]["need"], 2_000);
    let warnings = j["warnings"].as_array().expect("warnings");
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0]["id"], "no_market");
}

#[test]
fn text_report_snapshot() {
    let home = Home::new();
    home.draft("contoso.json", CONTOSO);
    let out = home.assess(&["Contoso MSP FY18"]);
    assert_eq!(code(&out), 0);
    insta::assert_snapshot!("assess_text_en", stdout(&out));
}

#[test]
fn json_report_snapshot() {
    let home = Home::new();
    home.draft("contoso.json", CONTOSO);
    let out = home.assess(&["Contoso MSP FY18", "--format", "json"]);
    assert_eq!(code(&out), 0);
    insta::assert_snapshot!("assess_json", stdout(&out));
}

#[test]
fn text_report_under_each_other_reading_snapshot() {
    let home = Home::new();
    home.draft("contoso.json", CONTOSO);
    for counting in ["sum_of_workloads", "best_workload"] {
        let out = home.assess(&["Contoso MSP FY18", "--counting", counting]);
        assert_eq!(code(&out), 0);
        insta::assert_snapshot!(format!("assess_text_en_{counting}"), stdout(&out));
    }
}

#[test]
fn text_is_the_default_format() {
    let home = Home::new();
    home.draft("contoso.json", CONTOSO);
    let default = home.assess(&["Contoso MSP FY18"]);
    let text = home.assess(&["Contoso MSP FY18", "--format", "text"]);
    assert_eq!(default.stdout, text.stdout);
}

#[test]
fn markdown_report_snapshot() {
    let home = Home::new();
    home.draft("contoso.json", CONTOSO);
    let out = home.assess(&["Contoso MSP FY18", "--format", "markdown"]);
    assert_eq!(code(&out), 0);
    insta::assert_snapshot!("assess_markdown_en", stdout(&out));
}

#[test]
fn chinese_reports_snapshots() {
    let home = Home::new();
    home.draft("contoso.json", CONTOSO);
    let text = home.assess(&["Contoso MSP FY18", "--lang", "zh-TW"]);
    assert_eq!(code(&text), 0);
    insta::assert_snapshot!("assess_text_zh_tw", stdout(&text));
    let md = home.assess(&[
        "Contoso MSP FY18",
        "--format",
        "markdown",
        "--lang",
        "zh-TW",
    ]);
    insta::assert_snapshot!("assess_markdown_zh_tw", stdout(&md));
}

#[test]
fn the_language_follows_lang_and_lc_all_wins() {
    let home = Home::new();
    home.draft("contoso.json", CONTOSO);
    let by_flag = home.assess(&["Contoso MSP FY18", "--lang", "zh-TW"]);
    let by_env = home
        .cmd()
        .env("LANG", "zh_TW.UTF-8")
        .args(["assess", "Contoso MSP FY18"])
        .output()
        .expect("runs");
    assert_eq!(stdout(&by_env), stdout(&by_flag));
    assert!(stdout(&by_env).contains("已達到的最高等級：銀級。"));
    assert!(stdout(&by_env).contains("金級還需要 1,870 個使用中使用者和 1 位合格人員"));

    let lc_all = home
        .cmd()
        .env("LANG", "zh_TW.UTF-8")
        .env("LC_ALL", "en_US.UTF-8")
        .args(["assess", "Contoso MSP FY18"])
        .output()
        .expect("runs");
    assert!(stdout(&lc_all).contains("Highest tier reached: Silver."));

    // The flag wins over the environment; JSON has no words to translate.
    let flag_over_env = home
        .cmd()
        .env("LANG", "zh_TW.UTF-8")
        .args(["assess", "Contoso MSP FY18", "--lang", "en"])
        .output()
        .expect("runs");
    assert!(stdout(&flag_over_env).contains("Highest tier reached: Silver."));
    let json_zh = home.assess(&["Contoso MSP FY18", "--format", "json", "--lang", "zh-TW"]);
    let json_en = home.assess(&["Contoso MSP FY18", "--format", "json"]);
    assert_eq!(json_zh.stdout, json_en.stdout);
}

#[test]
fn errors_are_in_chinese_too() {
    let home = Home::new();
    home.draft(
        "bad.json",
        &CONTOSO.replace("\"developed\"", "\"emerging\""),
    );
    let out = home
        .cmd()
        .env("LANG", "zh_TW.UTF-8")
        .args(["assess", "bad.json"])
        .output()
        .expect("runs");
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(
        err.contains("market") && err.contains("不是下列之一"),
        "{err}"
    );
}

// ---------------------------------------------------------------- --require

#[test]
fn require_exits_0_when_met_and_1_when_not() {
    let home = Home::new();
    home.draft("contoso.json", CONTOSO);
    let silver = home.assess(&["Contoso MSP FY18", "--require", "silver"]);
    assert_eq!(code(&silver), 0);
    let gold = home.assess(&["Contoso MSP FY18", "--require", "gold"]);
    assert_eq!(code(&gold), 1);
    // The report is printed either way, so a script can keep it.
    assert_eq!(gold.stdout, silver.stdout);
    assert!(gold.stderr.is_empty());

    let gold_json = home.assess(&["Contoso MSP FY18", "--require", "gold", "--format", "json"]);
    assert_eq!(code(&gold_json), 1);
    assert_eq!(json_of(&gold_json)["highest_tier"], "silver");
}

#[test]
fn require_gold_is_met_by_a_gold_draft() {
    let home = Home::new();
    let gold = CONTOSO
        .replace("\"exchange_online\": 1450", "\"exchange_online\": 3400")
        .replace(
            "\"exams\": [\"70-346\"]",
            "\"exams\": [\"70-346\", \"70-347\"]",
        );
    home.draft("gold.json", &gold);
    assert_eq!(code(&home.assess(&["gold.json", "--require", "gold"])), 0);
    assert_eq!(code(&home.assess(&["gold.json", "--require", "silver"])), 0);
}

#[test]
fn an_unknown_tier_exits_2() {
    let home = Home::new();
    home.draft("contoso.json", CONTOSO);
    let out = home.assess(&["Contoso MSP FY18", "--require", "platinum"]);
    assert_eq!(code(&out), 2);
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert!(
        err.contains("platinum") && err.contains("silver, gold"),
        "{err}"
    );
}

#[test]
fn an_unknown_format_exits_2() {
    let home = Home::new();
    home.draft("contoso.json", CONTOSO);
    let out = home.assess(&["Contoso MSP FY18", "--format", "pdf"]);
    assert_eq!(code(&out), 2);
    assert!(out.stdout.is_empty());
}

// ---------------------------------------------------------------- bad files

/// (file name, contents, what stderr must name besides the file)
fn bad_files() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    vec![
        (
            "not-json.json",
            b"Name,Association\nFabrikam,delegated_admin\n".to_vec(),
            "line 1",
        ),
        ("empty.json", Vec::new(), "empty"),
        (
            "wrong-type.json",
            CONTOSO
                .replace("\"trial\": true", "\"trial\": \"yes\"")
                .into_bytes(),
            "customers[2].trial",
        ),
        (
            "negative.json",
            CONTOSO
                .replace("\"yammer\": 75", "\"yammer\": -75")
                .into_bytes(),
            "customers[4].active_users.yammer",
        ),
        (
            "too-large.json",
            CONTOSO
                .replace("\"exchange_online\": 640", "\"exchange_online\": 10000001")
                .into_bytes(),
            "customers[3].active_users.exchange_online: 10,000,001 is above the limit of 10,000,000",
        ),
        (
            "fraction.json",
            CONTOSO
                .replace("\"proplus\": 300", "\"proplus\": 300.5")
                .into_bytes(),
            "customers[0].active_users.proplus",
        ),
        (
            "market.json",
            CONTOSO
                .replace("\"developed\"", "\"emerging\"")
                .into_bytes(),
            "market: \"emerging\" is not one of: developed, developing",
        ),
        (
            "association.json",
            CONTOSO.replace("\"none\"", "\"reseller\"").into_bytes(),
            "customers[5].association",
        ),
        (
            "workload.json",
            CONTOSO
                .replace("\"yammer\": 75", "\"teams\": 75")
                .into_bytes(),
            "customers[4].active_users.teams",
        ),
        (
            "edition.json",
            CONTOSO.replace("\"2017-06\"", "\"2019-01\"").into_bytes(),
            "edition: \"2019-01\" is not one of: 2017-06, 2017-07",
        ),
        (
            "newer.json",
            CONTOSO
                .replace("\"version\": 1", "\"version\": 3")
                .into_bytes(),
            "version 3, newer than version 1",
        ),
        ("latin1.json", b"{\"name\": \"Caf\xe9\"}".to_vec(), "UTF-8"),
    ]
}

#[test]
fn each_bad_file_exits_2_with_one_message_naming_file_and_field_and_is_left_unchanged() {
    let home = Home::new();
    for (name, bytes, field) in bad_files() {
        // Once in the drafts folder (by name), once outside it (by path).
        let inside = home.drafts().join(name);
        std::fs::write(&inside, &bytes).expect("write");
        let outside = home.outside(name, &bytes);
        for (arg, path) in [(name.to_string(), &inside), (path_arg(&outside), &outside)] {
            for format in ["text", "json", "markdown"] {
                let out = home.assess(&[&arg, "--format", format]);
                assert_eq!(code(&out), 2, "{name} {format}");
                assert!(out.stdout.is_empty(), "{name} {format}: stdout not empty");
                let err = stderr(&out);
                assert_eq!(err.lines().count(), 1, "{name}: one message, got {err}");
                assert!(err.contains(path.to_str().expect("utf-8")), "{name}: {err}");
                assert!(err.contains(field), "{name}: {field:?} not in {err}");
                assert_eq!(std::fs::read(path).expect("still there"), bytes, "{name}");
            }
        }
    }
    // Nothing was added to the drafts folder either (no temporary or rewritten files).
    let mut names: Vec<String> = std::fs::read_dir(home.drafts())
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut expected: Vec<String> = bad_files().iter().map(|(n, _, _)| n.to_string()).collect();
    expected.sort();
    assert_eq!(names, expected);
}

fn path_arg(path: &Path) -> String {
    path.to_str().expect("utf-8 path").to_string()
}

#[test]
fn a_bad_line_is_named_in_the_message() {
    let home = Home::new();
    let text = CONTOSO.replace("\"yammer\": 75", "\"yammer\": -75");
    let line = text.lines().position(|l| l.contains("-75")).expect("line") + 1;
    home.draft("negative.json", &text);
    let err = stderr(&home.assess(&["negative.json"]));
    assert!(err.contains(&format!("line {line}")), "{err}");
    assert!(err.contains("-75 is below 0"), "{err}");
}

// ---------------------------------------------------------------- hostile names

#[test]
fn control_characters_in_names_never_reach_stdout_raw() {
    let home = Home::new();
    let hostile = CONTOSO
        .replace("Contoso MSP FY18", "Contoso\\u001b]0;pwned\\u0007 MSP")
        .replace("Fabrikam", "Fab\\u001b[2J\\rrikam\\u009b31m")
        .replace("Northwind Traders", "Northwind\\u202egnp.exe")
        .replace("Mei Lin", "Mei\\u0000\\u007fLin\\n| injected |");
    home.draft("hostile.json", &hostile);
    for format in ["text", "markdown", "json"] {
        for lang in ["en", "zh-TW"] {
            let out = home.assess(&["hostile.json", "--format", format, "--lang", lang]);
            assert_eq!(code(&out), 0, "{format}: {}", stderr(&out));
            let text = stdout(&out);
            let raw: Vec<char> = text
                .chars()
                .filter(|&c| {
                    (c.is_control() && c != '\n')
                        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
                })
                .collect();
            assert!(raw.is_empty(), "{format} {lang}: raw controls {raw:?}");
        }
    }
    // JSON keeps the names exactly, escaped.
    let j = json_of(&home.assess(&["hostile.json", "--format", "json"]));
    assert_eq!(j["profile"], "Contoso\u{1b}]0;pwned\u{7} MSP");
    assert_eq!(j["customers"][0]["name"], "Fab\u{1b}[2J\rrikam\u{9b}31m");
    assert_eq!(j["customers"][1]["name"], "Northwind\u{202e}gnp.exe");
    // Markdown keeps one table row per person: the newline and pipes cannot break out.
    let md = stdout(&home.assess(&["hostile.json", "--format", "markdown"]));
    let row = md.lines().find(|l| l.contains("Mei")).expect("row");
    assert!(row.contains("\\| injected \\|"), "{row}");
}

#[test]
fn control_characters_in_a_bad_draft_name_do_not_reach_stderr_raw() {
    let home = Home::new();
    let out = home.assess(&["no\u{1b}[31msuch"]);
    assert_eq!(code(&out), 2);
    assert!(!stderr(&out).contains('\u{1b}'), "{}", stderr(&out));
}

#[test]
fn a_chinese_draft_by_its_chinese_name() {
    let home = Home::new();
    let text = CONTOSO.replace("Contoso MSP FY18", "台北資訊服務 FY18");
    // Saved under the file name the program would give it, and found by the name alone.
    let stem = cpc_wizard::store::file_stem_for("台北資訊服務 FY18");
    assert_eq!(stem, "台北資訊服務 FY18");
    home.draft(&format!("{stem}.json"), &text);
    let out = home.assess(&["台北資訊服務 FY18", "--lang", "zh-TW"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let report = stdout(&out);
    assert!(
        report.starts_with("雲端生產力專長認證：台北資訊服務 FY18\n"),
        "{report}"
    );
    assert!(report.contains("人員：3 人中 1 人合格"), "{report}");
}

// ---------------------------------------------------------------- readings, counted once

#[test]
fn json_names_the_reading_and_carries_all_three() {
    let home = Home::new();
    home.draft("contoso.json", CONTOSO);
    let j = json_of(&home.assess(&["Contoso MSP FY18", "--format", "json"]));
    assert_eq!(j["counting"], "largest_workload");
    assert_eq!(j["as_of"], Value::Null);
    // largest: 1,450 + 520 + 160 = 2,130. sum: (1,450+800+300) + (450+520) + (75+160) =
    // 3,755. best: Exchange 1,450+450 = 1,900 beats SharePoint 960, Skype 520, ProPlus 300.
    let readings: Vec<(String, u64, Value)> = j["readings"]
        .as_array()
        .expect("readings")
        .iter()
        .map(|r| {
            (
                r["counting"].as_str().expect("id").to_string(),
                r["active_entitlements"].as_u64().expect("total"),
                r["highest_tier"].clone(),
            )
        })
        .collect();
    assert_eq!(
        readings,
        [
            ("largest_workload".into(), 2_130, "silver".into()),
            ("sum_of_workloads".into(), 3_755, "silver".into()),
            ("best_workload".into(), 1_900, Value::Null),
        ]
    );
}

#[test]
fn counting_assesses_under_another_reading_without_changing_the_draft() {
    let home = Home::new();
    let path = home.draft("contoso.json", CONTOSO);
    let out = home.assess(&[
        "contoso.json",
        "--format",
        "json",
        "--counting",
        "best_workload",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let j = json_of(&out);
    assert_eq!(j["counting"], "best_workload");
    assert_eq!(j["active_entitlements"], 1_900);
    assert_eq!(j["highest_tier"], Value::Null);
    // Fabrikam counts its 1,450 Exchange users, Northwind its 450 (not its 520 on Skype).
    assert_eq!(j["customers"][0]["counted"], 1_450);
    assert_eq!(j["customers"][1]["counted"], 450);
    let text = stdout(&home.assess(&["contoso.json", "--counting", "sum_of_workloads"]));
    assert!(text.contains("Reading: sum of workloads\n"), "{text}");
    assert!(
        text.contains("Silver under the largest-workload and sum-of-workloads readings\n"),
        "{text}"
    );
    assert_eq!(std::fs::read_to_string(&path).expect("draft"), CONTOSO);
    // --require follows the reading asked for.
    let out = home.assess(&[
        "contoso.json",
        "--require",
        "silver",
        "--counting",
        "best_workload",
    ]);
    assert_eq!(code(&out), 1);
}

#[test]
fn an_unknown_reading_exits_2_naming_the_three() {
    let home = Home::new();
    home.draft("contoso.json", CONTOSO);
    let out = home.assess(&["contoso.json", "--counting", "average"]);
    assert_eq!(code(&out), 2);
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    for id in [
        "largest_workload",
        "sum_of_workloads",
        "best_workload",
        "average",
    ] {
        assert!(err.contains(id), "{id}: {err}");
    }
    let help = stdout(
        &home
            .cmd()
            .args(["assess", "--help"])
            .output()
            .expect("runs"),
    );
    assert!(help.contains("--counting"), "{help}");
    assert!(
        help.contains("largest_workload, sum_of_workloads, best_workload"),
        "{help}"
    );
}

#[test]
fn a_draft_listing_a_tenant_twice_is_read_and_the_repeat_excluded_as_duplicate() {
    let home = Home::new();
    let twice = CONTOSO.replace(
        r#"{ "name": "Adventure Works", "association": "none","#,
        r#"{ "name": " fabrikam", "association": "delegated_admin",
      "active_users": { "exchange_online": 2000 } },
    { "name": "Adventure Works", "association": "none","#,
    );
    assert_ne!(twice, CONTOSO);
    home.draft("twice.json", &twice);
    let out = home.assess(&["twice.json", "--format", "json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let j = json_of(&out);
    assert_eq!(j["customers"][5]["excluded"], "duplicate");
    assert_eq!(j["customers"][5]["counted"], 0);
    assert_eq!(j["customers"][5]["duplicate_of"], 0);
    assert_eq!(j["active_entitlements"], 2_130);
    let warnings = j["warnings"].as_array().expect("warnings");
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0]["id"], "duplicate_customer");
    assert_eq!(warnings[0]["name"], "fabrikam");
    assert_eq!(warnings[0]["first"], "Fabrikam");
    let text = stdout(&home.assess(&["twice.json"]));
    assert!(
        text.contains("Customer \"fabrikam\" (row 6) is the same tenant as \"Fabrikam\" (row 1): counted once."),
        "{text}"
    );
}

#[test]
fn json_gives_each_customer_its_source_and_as_of_the_oldest_counted_usage_report() {
    let home = Home::new();
    let with_sources = CONTOSO
        .replace(
            r#""active_users": { "exchange_online": 1450, "sharepoint_online": 800, "proplus": 300 } },"#,
            r#""active_users": { "exchange_online": 1450, "sharepoint_online": 800, "proplus": 300 },
      "source": { "kind": "usage_report", "file": "fabrikam.csv", "report_date": "2017-09-30" } },"#,
        )
        .replace(
            r#""active_users": { "exchange_online": 900 } },"#,
            r#""active_users": { "exchange_online": 900 },
      "source": { "kind": "usage_report", "file": "tailspin.csv", "report_date": "2017-08-01" } },"#,
        )
        .replace(
            r#""active_users": { "exchange_online": 450, "skype_for_business": 520 } },"#,
            r#""active_users": { "exchange_online": 450, "skype_for_business": 520 },
      "source": { "kind": "csv", "file": "ours.csv" } },"#,
        );
    home.draft("sources.json", &with_sources);
    let j = json_of(&home.assess(&["sources.json", "--format", "json"]));
    // Tailspin's older report does not count: Tailspin is a trial.
    assert_eq!(j["as_of"], "2017-09-30");
    assert_eq!(j["customers"][0]["source"]["kind"], "usage_report");
    assert_eq!(j["customers"][0]["source"]["file"], "fabrikam.csv");
    assert_eq!(j["customers"][1]["source"]["kind"], "csv");
    assert!(j["customers"][3].get("source").is_none());
}
