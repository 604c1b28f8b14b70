//! `import-csv` respects the draft's lock: a draft open in the wizard (or anywhere) is
//! refused with the "open elsewhere" message and exit code 2, and left as it is.

use std::fs;

use assert_cmd::Command;
use cpc_wizard::profile::Profile;
use cpc_wizard::store;
use predicates::prelude::*;

const CSV: &str = "Customer,Exchange Online\nContoso,1200\n";

#[test]
fn import_into_a_draft_open_elsewhere_is_refused() {
    let home = tempfile::tempdir().expect("dir");
    let draft = home.path().join("Open.json");
    store::save(&draft, &Profile::new("Open")).expect("save");
    fs::write(home.path().join("in.csv"), CSV).expect("write");
    let before = fs::read(&draft).expect("read");

    let held = store::lock(&draft).expect("lock"); // as the wizard holds it
    Command::cargo_bin("cpc-wizard")
        .expect("binary")
        .env("CPC_WIZARD_HOME", home.path())
        .current_dir(home.path())
        .args(["--lang", "en", "import-csv", "in.csv", "--into", "Open"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is open in another cpc-wizard"))
        .stderr(predicate::str::contains(std::process::id().to_string()));
    assert_eq!(fs::read(&draft).expect("read"), before, "left as it is");

    drop(held);
    Command::cargo_bin("cpc-wizard")
        .expect("binary")
        .env("CPC_WIZARD_HOME", home.path())
        .current_dir(home.path())
        .args(["--lang", "en", "import-csv", "in.csv", "--into", "Open"])
        .assert()
        .success();
    assert_eq!(store::load(&draft).expect("load").customers.len(), 1);
    assert!(
        !store::lock_path_for(&draft).exists(),
        "the import let go of the lock"
    );
}

/// The refusal says what to do: close the draft in the other window (opening it
/// read-only, the wizard's way on, is no way to import).
#[test]
fn the_lock_refusal_says_to_close_the_other_window() {
    let home = tempfile::tempdir().expect("dir");
    let draft = home.path().join("Open.json");
    store::save(&draft, &Profile::new("Open")).expect("save");
    fs::write(home.path().join("in.csv"), CSV).expect("write");
    let _held = store::lock(&draft).expect("lock");
    for (lang, words) in [("en", "close that window"), ("zh-TW", "請關閉該視窗")] {
        Command::cargo_bin("cpc-wizard")
            .expect("binary")
            .env("CPC_WIZARD_HOME", home.path())
            .current_dir(home.path())
            .args(["--lang", lang, "import-csv", "in.csv", "--into", "Open"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(words))
            .stderr(predicate::str::contains("read-only").not())
            .stderr(predicate::str::contains("唯讀").not());
    }
}

/// Two imports racing into a draft that does not exist yet make one draft with both
/// imports in it, every round.
#[test]
fn two_imports_into_a_new_draft_make_one_draft() {
    let home = tempfile::tempdir().expect("dir");
    fs::write(
        home.path().join("a.csv"),
        "Customer,Exchange Online\nContoso,1\n",
    )
    .expect("w");
    fs::write(
        home.path().join("b.csv"),
        "Customer,Exchange Online\nFabrikam,2\n",
    )
    .expect("w");
    let binary = assert_cmd::cargo::cargo_bin("cpc-wizard");
    for round in 0..25 {
        let name = format!("Race {round}");
        let run = |csv: &str| {
            std::process::Command::new(&binary)
                .env("CPC_WIZARD_HOME", home.path())
                .current_dir(home.path())
                .args(["--lang", "en", "import-csv", csv, "--into", &name])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("spawn")
        };
        let (a, b) = (run("a.csv"), run("b.csv"));
        let outcomes = [
            a.wait_with_output().expect("a"),
            b.wait_with_output().expect("b"),
        ];
        let drafts: Vec<_> = store::Store::new(home.path())
            .list()
            .expect("list")
            .into_iter()
            .filter_map(|e| e.profile.ok())
            .filter(|p| p.name == name)
            .collect();
        assert_eq!(drafts.len(), 1, "round {round}: one draft of the name");
        // Each import either went in, or was refused because the other held the lock.
        let went_in = outcomes.iter().filter(|o| o.status.success()).count();
        assert_eq!(drafts[0].customers.len(), went_in, "round {round}");
        for o in outcomes.iter().filter(|o| !o.status.success()) {
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(err.contains("close that window"), "round {round}: {err}");
        }
    }
}

/// A read-only draft file is not written by an import, whoever runs it (root included).
#[cfg(unix)]
#[test]
fn import_into_a_read_only_draft_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().expect("dir");
    let draft = home.path().join("Fixed.json");
    store::save(&draft, &Profile::new("Fixed")).expect("save");
    fs::set_permissions(&draft, fs::Permissions::from_mode(0o444)).expect("chmod");
    fs::write(home.path().join("in.csv"), CSV).expect("write");
    let before = fs::read(&draft).expect("read");
    Command::cargo_bin("cpc-wizard")
        .expect("binary")
        .env("CPC_WIZARD_HOME", home.path())
        .current_dir(home.path())
        .args(["--lang", "en", "import-csv", "in.csv", "--into", "Fixed"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("read-only file"));
    assert_eq!(fs::read(&draft).expect("read"), before);
}
