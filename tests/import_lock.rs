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
