//! `import-csv FILE... --into DRAFT [--customer NAME]` with Microsoft's reports, driven as a
//! user would, drafts in a temporary `CPC_WIZARD_HOME`.

use std::fs;
use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;
use cpc_wizard::profile::{Count, Profile, SourceKind};
use cpc_wizard::store;
use predicates::prelude::*;
use tempfile::TempDir;

fn cmd(home: &Path) -> Command {
    let mut c = Command::cargo_bin("cpc-wizard").unwrap();
    c.env("CPC_WIZARD_HOME", home)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env("LANG", "C")
        .current_dir(home)
        // Nothing here may block: a hang is a failure, not a wait.
        .timeout(Duration::from_secs(60));
    c
}

fn load(home: &Path, name: &str) -> Profile {
    store::load(&home.join(format!("{name}.json"))).unwrap()
}

const ACTIVE: &str = "\u{feff}Report Refresh Date,User Principal Name,Display Name,Is Deleted,Deleted Date,Has Exchange License,Has OneDrive License,Has SharePoint License,Has Skype For Business License,Has Yammer License,Has Teams License,Exchange Last Activity Date,OneDrive Last Activity Date,SharePoint Last Activity Date,Skype For Business Last Activity Date,Yammer Last Activity Date,Teams Last Activity Date,Exchange License Assign Date,OneDrive License Assign Date,SharePoint License Assign Date,Skype For Business License Assign Date,Yammer License Assign Date,Teams License Assign Date,Assigned Products\r\n\
2017-06-30,a@contoso.onmicrosoft.com,A,False,,True,True,True,False,False,False,2017-06-30,2017-06-05,,,,,,,,,,,E3\r\n\
2017-06-30,b@contoso.onmicrosoft.com,B,False,,True,False,False,False,False,False,2017-06-10,,,,,,,,,,,,E3\r\n";

const ACTIVATIONS: &str = "Report Refresh Date,User Principal Name,Display Name,Product Type,Last Activated Date,Windows,Mac,Windows 10 Mobile,iOS,Android,Activated On Shared Computer\n\
2017-06-30,a@contoso.onmicrosoft.com,A,Office 365 ProPlus,2017-06-01,1,0,0,0,0,0\n\
2017-06-30,a@contoso.onmicrosoft.com,A,Office 365 ProPlus,2017-06-02,0,1,0,0,0,0\n";

const STAFF: &str = "name,email,exams,certifications\nMei Lin,mei@p.com,70-346;70-347,\n";

#[test]
fn several_files_in_one_run_make_one_customer_and_people() {
    let home = TempDir::new().unwrap();
    fs::write(home.path().join("users.csv"), ACTIVE).unwrap();
    fs::write(home.path().join("act.csv"), ACTIVATIONS).unwrap();
    fs::write(home.path().join("staff.csv"), STAFF).unwrap();
    cmd(home.path())
        .args([
            "import-csv",
            "users.csv",
            "act.csv",
            "staff.csv",
            "--into",
            "FY18",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "users.csv: Office 365 active user detail (since October 2017)",
        ))
        .stdout(predicate::str::contains(
            "Active users in the 28 days to 2017-06-30: Exchange Online 2, SharePoint Online 1",
        ))
        .stdout(predicate::str::contains("People added: 1; updated: 0."))
        .stdout(predicate::str::contains("Created the draft \"FY18\""));
    // Again: the same tenant is updated, never added twice.
    cmd(home.path())
        .args(["import-csv", "act.csv", "users.csv", "--into", "FY18"])
        .assert()
        .success()
        .stdout(predicate::str::contains("updated the customer"));
    let p = load(home.path(), "FY18");
    assert_eq!(p.customers.len(), 1);
    let c = &p.customers[0];
    assert_eq!(c.name, "contoso.onmicrosoft.com");
    assert_eq!(c.active_users.proplus, Count::new(1).unwrap());
    assert_eq!(
        c.source.as_deref().map(|s| (s.kind, s.file.as_deref())),
        Some((SourceKind::UsageReport, Some("users.csv")))
    );
    assert_eq!(p.staff[0].email.as_deref(), Some("mei@p.com"));
}

#[test]
fn customer_names_the_tenant_of_one_report() {
    let home = TempDir::new().unwrap();
    fs::write(home.path().join("users.csv"), ACTIVE).unwrap();
    cmd(home.path())
        .args([
            "import-csv",
            "users.csv",
            "--into",
            "FY18",
            "--customer",
            "Contoso",
        ])
        .assert()
        .success();
    let p = load(home.path(), "FY18");
    assert_eq!(p.customers[0].name, "Contoso");
    assert_eq!(
        p.customers[0].tenant_domain.as_deref(),
        Some("contoso.onmicrosoft.com")
    );
}

#[test]
fn a_concealed_report_without_customer_is_refused_and_says_so() {
    let home = TempDir::new().unwrap();
    let concealed = ACTIVE
        .replace(
            "a@contoso.onmicrosoft.com",
            "0123456789ABCDEF0123456789ABCDEF",
        )
        .replace(
            "b@contoso.onmicrosoft.com",
            "FEDCBA9876543210FEDCBA9876543210",
        );
    fs::write(home.path().join("hidden.csv"), concealed).unwrap();
    cmd(home.path())
        .args(["import-csv", "hidden.csv", "--into", "FY18"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("hidden.csv"))
        .stderr(predicate::str::contains("--customer"));
    assert!(!home.path().join("FY18.json").exists());
}

#[test]
fn a_bad_value_in_the_second_file_names_file_line_and_column_and_writes_nothing() {
    let home = TempDir::new().unwrap();
    fs::write(home.path().join("users.csv"), ACTIVE).unwrap();
    let bad = ACTIVE.replace(",2017-06-10,", ",10/06/2017,");
    fs::write(home.path().join("bad.csv"), bad).unwrap();
    cmd(home.path())
        .args(["import-csv", "users.csv", "bad.csv", "--into", "FY18"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "bad.csv: 1 row is invalid; nothing was imported",
        ))
        .stderr(predicate::str::contains(
            "line 3, column \"Exchange Last Activity Date\": \"10/06/2017\" is not a date",
        ));
    assert!(!home.path().join("FY18.json").exists());
}

#[test]
fn an_unknown_file_names_the_kinds_expected() {
    let home = TempDir::new().unwrap();
    fs::write(home.path().join("x.csv"), "tenant id,seats\n1,2\n").unwrap();
    cmd(home.path())
        .args(["import-csv", "x.csv", "--into", "FY18"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("x.csv"))
        .stderr(predicate::str::contains("active user detail"))
        .stderr(predicate::str::contains("tenant id, seats"));
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_device_is_refused_at_once() {
    let home = TempDir::new().unwrap();
    let fifo = home.path().join("pipe.csv");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    // Nobody ever writes to the pipe: reading it would block for ever (the timeout in
    // `cmd` turns that into a failure).
    for path in ["pipe.csv", "/dev/zero"] {
        cmd(home.path())
            .args(["import-csv", path, "--into", "FY18"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(path))
            .stderr(predicate::str::contains("not a regular file"));
    }
    assert!(!home.path().join("FY18.json").exists());
}

#[test]
fn chinese_summary_and_errors() {
    let home = TempDir::new().unwrap();
    fs::write(home.path().join("users.csv"), ACTIVE).unwrap();
    cmd(home.path())
        .args([
            "--lang",
            "zh-TW",
            "import-csv",
            "users.csv",
            "--into",
            "FY18",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("Office 365 作用中使用者詳細資料"))
        .stdout(predicate::str::contains(
            "截至 2017-06-30 的 28 天內作用中使用者",
        ));
}

/// The text and Markdown reports say where each customer's numbers came from, the date the
/// usage reports speak for, and which report is much older than the newest.
#[test]
fn reports_name_each_source_the_as_of_date_and_a_stale_report() {
    let home = TempDir::new().unwrap();
    fs::write(home.path().join("users.csv"), ACTIVE).unwrap();
    // Another tenant's report, 29 days older than contoso's.
    let older = ACTIVE
        .replace("contoso", "fabrikam")
        .replace("2017-06-30", "2017-06-01")
        .replace("2017-06-05", "2017-05-20")
        .replace("2017-06-10", "2017-05-25");
    fs::write(home.path().join("old.csv"), older).unwrap();
    cmd(home.path())
        .args(["import-csv", "users.csv", "old.csv", "--into", "FY18"])
        .assert()
        .success();
    for (format, source) in [
        ("text", "Source: usage report users.csv, 2017-06-30"),
        ("markdown", "Source: usage report users.csv, 2017-06-30"),
    ] {
        cmd(home.path())
            .args(["assess", "FY18", "--format", format])
            .assert()
            .success()
            .stdout(predicate::str::contains(source))
            .stdout(predicate::str::contains("Usage reports as of 2017-06-01"))
            .stdout(predicate::str::contains(
                "is more than 28 days older than the newest one (2017-06-30)",
            ));
    }
    // A report 28 days older than the newest is not called stale.
    let home = TempDir::new().unwrap();
    fs::write(home.path().join("users.csv"), ACTIVE).unwrap();
    let edge = ACTIVE
        .replace("contoso", "fabrikam")
        .replace("2017-06-30", "2017-06-02");
    fs::write(home.path().join("edge.csv"), edge).unwrap();
    cmd(home.path())
        .args(["import-csv", "users.csv", "edge.csv", "--into", "FY18"])
        .assert()
        .success();
    cmd(home.path())
        .args(["assess", "FY18"])
        .assert()
        .success()
        .stdout(predicate::str::contains("older than the newest").not());
}
