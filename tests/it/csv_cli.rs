//! `import-csv` and `export-csv` driven as a user would, drafts in a temporary
//! `CPC_WIZARD_HOME`.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use cpc_wizard::profile::{Association, Profile, SourceKind};
use cpc_wizard::store;
use predicates::prelude::*;
use tempfile::TempDir;

fn cmd(home: &Path) -> Command {
    let mut c = Command::cargo_bin("cpc-wizard").unwrap();
    c.env("CPC_WIZARD_HOME", home)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .current_dir(home);
    c
}

const GOOD: &str = "\u{feff}Customer,Association,Trial,Exchange Online,SharePoint Online\r\n\
                    \"Contoso, Ltd\",DAP,no,\"1,200\",800\r\n\
                    台北資訊,DPOR,yes,500,\r\n\
                    Fabrikam,Transacting Partner,0,2500,10\r\n";

fn load(home: &Path, name: &str) -> Profile {
    store::load(&home.join(format!("{name}.json"))).unwrap()
}

#[test]
fn import_creates_the_draft_and_prints_a_summary() {
    let home = TempDir::new().unwrap();
    fs::write(home.path().join("in.csv"), GOOD).unwrap();
    cmd(home.path())
        .args(["import-csv", "in.csv", "--into", "Contoso MSP FY18"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Read 3 customer rows."))
        .stdout(predicate::str::contains("Customers added: 3; updated: 0."))
        .stdout(predicate::str::contains("trial subscription: 1 (台北資訊)"))
        .stdout(predicate::str::contains(
            "Created the draft \"Contoso MSP FY18\"",
        ));
    let p = load(home.path(), "Contoso MSP FY18");
    assert_eq!(p.name, "Contoso MSP FY18");
    assert_eq!(p.customers.len(), 3);
    assert_eq!(p.customers[0].name, "Contoso, Ltd");
    assert_eq!(p.customers[0].active_users.exchange_online.get(), 1200);
    assert_eq!(p.customers[2].association, Association::TransactingPartner);

    // The assessment reads the imported draft: 1,200 + 2,500 counted.
    cmd(home.path())
        .args(["assess", "Contoso MSP FY18", "--format", "json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"active_entitlements\": 3700"));

    // Importing again updates; nothing is duplicated.
    cmd(home.path())
        .args(["import-csv", "in.csv", "--into", "contoso msp fy18"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Customers added: 0; updated: 3."))
        .stdout(predicate::str::contains("Saved the draft"));
    assert_eq!(load(home.path(), "Contoso MSP FY18").customers.len(), 3);
}

#[test]
fn a_failed_import_leaves_the_draft_byte_identical_and_lists_every_bad_row() {
    let home = TempDir::new().unwrap();
    fs::write(home.path().join("in.csv"), GOOD).unwrap();
    cmd(home.path())
        .args(["import-csv", "in.csv", "--into", "FY18"])
        .assert()
        .success();
    let draft = home.path().join("FY18.json");
    let before = fs::read(&draft).unwrap();

    let bad = "name,exchange online,trial\nNew,5,no\nA,12x,maybe\nB,-3,\nC,\"20,000,000\",1\n";
    fs::write(home.path().join("bad.csv"), bad).unwrap();
    let out = cmd(home.path())
        .args(["import-csv", "bad.csv", "--into", "FY18"])
        .assert()
        .code(2)
        .stdout("")
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines,
        vec![
            "cpc-wizard: bad.csv: 3 rows are invalid; nothing was imported and the draft is unchanged:",
            "  line 3, column \"exchange online\": 12x is not a whole number",
            "  line 3, column \"trial\": \"maybe\" is not yes or no; use true/false, yes/no, 1/0 or 是/否",
            "  line 4, column \"exchange online\": -3 is below 0",
            "  line 5, column \"exchange online\": 20,000,000 is above the limit of 10,000,000",
        ]
    );
    assert_eq!(fs::read(&draft).unwrap(), before, "draft byte-identical");
    let files: Vec<_> = fs::read_dir(home.path()).unwrap().collect();
    assert_eq!(files.len(), 3, "no temporary or extra file left: {files:?}");
}

#[test]
fn a_failed_import_into_a_new_draft_creates_nothing() {
    let home = TempDir::new().unwrap();
    fs::write(home.path().join("bad.csv"), "name,yammer\nA,lots\n").unwrap();
    cmd(home.path())
        .args(["import-csv", "bad.csv", "--into", "Fresh"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "line 2, column \"yammer\": lots is not a whole number",
        ));
    assert!(!home.path().join("Fresh.json").exists());
}

#[test]
fn other_encodings_and_missing_files_exit_2_with_one_message() {
    let home = TempDir::new().unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "name\r\nA\r\n".encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    fs::write(home.path().join("u16.csv"), utf16).unwrap();
    cmd(home.path())
        .args(["import-csv", "u16.csv", "--into", "X"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "u16.csv: the file is UTF-16 text, not UTF-8",
        ));
    cmd(home.path())
        .args(["import-csv", "nowhere.csv", "--into", "X"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nowhere.csv"));
    fs::write(home.path().join("empty.csv"), "").unwrap();
    cmd(home.path())
        .args(["import-csv", "empty.csv", "--into", "X"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("empty.csv: the file is empty"));
    assert!(!home.path().join("X.json").exists());
}

#[test]
fn an_unreadable_draft_is_reported_and_kept() {
    let home = TempDir::new().unwrap();
    fs::write(home.path().join("in.csv"), GOOD).unwrap();
    fs::write(home.path().join("Broken.json"), "{ not json").unwrap();
    cmd(home.path())
        .args(["import-csv", "in.csv", "--into", "Broken"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Broken.json"));
    assert_eq!(
        fs::read_to_string(home.path().join("Broken.json")).unwrap(),
        "{ not json"
    );
}

#[test]
fn a_new_draft_named_by_path_is_created_there() {
    let home = TempDir::new().unwrap();
    fs::write(home.path().join("in.csv"), GOOD).unwrap();
    cmd(home.path())
        .args(["import-csv", "in.csv", "--into", "out/fy18.json"])
        .assert()
        .success();
    let p = store::load(&home.path().join("out/fy18.json")).unwrap();
    assert_eq!(p.name, "fy18");
    assert_eq!(p.customers.len(), 3);
}

#[test]
fn export_then_import_round_trips_through_the_commands() {
    let home = TempDir::new().unwrap();
    fs::write(home.path().join("in.csv"), GOOD).unwrap();
    cmd(home.path())
        .args(["import-csv", "in.csv", "--into", "A"])
        .assert()
        .success();
    cmd(home.path())
        .args(["export-csv", "A", "out.csv"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Wrote 3 customers to out.csv"));
    let csv = fs::read_to_string(home.path().join("out.csv")).unwrap();
    assert!(csv.contains("\r\n台北資訊,digital_partner_of_record,true,500,0,0,0,0,0,trial\r\n"));
    cmd(home.path())
        .args(["import-csv", "out.csv", "--into", "B"])
        .assert()
        .success();
    let (a, b) = (load(home.path(), "A"), load(home.path(), "B"));
    // Everything the same, but for the file each draft's numbers came from.
    let without_source = |p: cpc_wizard::profile::Profile| {
        p.customers
            .into_iter()
            .map(|mut c| {
                assert_eq!(c.source.take().map(|s| s.kind), Some(SourceKind::Csv));
                c
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(without_source(a), without_source(b));
    // Into the same draft: nothing changes, byte for byte.
    let before = fs::read(home.path().join("A.json")).unwrap();
    cmd(home.path())
        .args(["import-csv", "out.csv", "--into", "A"])
        .assert()
        .success()
        .stdout(predicate::str::contains("updated: 3"));
    assert_eq!(fs::read(home.path().join("A.json")).unwrap(), before);
}

#[test]
fn export_of_an_unknown_draft_exits_2() {
    let home = TempDir::new().unwrap();
    cmd(home.path())
        .args(["export-csv", "Nope", "out.csv"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Nope"));
    assert!(!home.path().join("out.csv").exists());
}

#[test]
fn messages_in_traditional_chinese() {
    let home = TempDir::new().unwrap();
    fs::write(home.path().join("in.csv"), GOOD).unwrap();
    cmd(home.path())
        .args(["--lang", "zh-TW", "import-csv", "in.csv", "--into", "A"])
        .assert()
        .success()
        .stdout(predicate::str::contains("已讀取 3 列客戶資料。"))
        .stdout(predicate::str::contains("試用版 SKU：1 個（台北資訊）"));
    fs::write(home.path().join("bad.csv"), "name,yammer\nA,lots\n").unwrap();
    cmd(home.path())
        .env("LANG", "zh_TW.UTF-8")
        .args(["import-csv", "bad.csv", "--into", "A"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "有 1 列無效；未匯入任何資料，草稿維持不變",
        ))
        .stderr(predicate::str::contains(
            "第 2 行，「yammer」欄：lots 不是整數",
        ));
    cmd(home.path())
        .args(["--lang", "zh-TW", "import-csv", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("將檔案匯入草稿"));
}

#[test]
fn control_characters_from_the_file_never_reach_the_terminal() {
    let home = TempDir::new().unwrap();
    fs::write(
        home.path().join("evil.csv"),
        "name,trial\n\"Evil\u{1b}[31m\",yes\n\"X\u{1b}]0;t\u{7}\",\u{1b}[2J\n",
    )
    .unwrap();
    let out = cmd(home.path())
        .args(["import-csv", "evil.csv", "--into", "E"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(!out.stderr.contains(&0x1b), "no ESC on stderr");
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("\u{241b}[2J")
    );
}

#[test]
fn export_to_a_missing_folder_says_so_and_creates_nothing() {
    let home = TempDir::new().unwrap();
    fs::write(home.path().join("in.csv"), GOOD).unwrap();
    cmd(home.path())
        .args(["import-csv", "in.csv", "--into", "Contoso"])
        .assert()
        .success();
    cmd(home.path())
        .args(["export-csv", "Contoso", "no/such/folder/out.csv"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("does not exist"))
        .stderr(predicate::str::contains("no/such/folder"));
    assert!(!home.path().join("no").exists(), "no folder was created");
}

/// A file-size limit (`ulimit -f`) makes the write fail, not the program die: exit 2 with a
/// message naming the file, and the draft as it was.
#[cfg(unix)]
#[test]
fn a_file_size_limit_is_a_write_error_and_the_draft_is_kept() {
    let home = TempDir::new().unwrap();
    fs::write(
        home.path().join("small.csv"),
        "Customer,Exchange Online\nContoso,10\n",
    )
    .unwrap();
    cmd(home.path())
        .args(["import-csv", "small.csv", "--into", "Big"])
        .assert()
        .success();
    let draft = home.path().join("Big.json");
    let before = fs::read(&draft).unwrap();
    let mut rows = String::from("Customer,Exchange Online\n");
    for i in 0..200 {
        rows.push_str(&format!("Customer number {i},{i}\n"));
    }
    fs::write(home.path().join("big.csv"), rows).unwrap();
    let binary = assert_cmd::cargo::cargo_bin("cpc-wizard");
    Command::new("bash")
        .env("CPC_WIZARD_HOME", home.path())
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .current_dir(home.path())
        .arg("-c")
        .arg(format!(
            "ulimit -f 1; exec '{}' import-csv big.csv --into Big",
            binary.display()
        ))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Big.json"))
        .stderr(predicate::str::contains("size limit"));
    assert_eq!(fs::read(&draft).unwrap(), before, "the old draft is kept");
    let leftovers: Vec<_> = fs::read_dir(home.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
