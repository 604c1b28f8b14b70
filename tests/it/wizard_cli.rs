//! `cpc-wizard edit DRAFT` finds and reads the draft before taking the terminal: a bad
//! name or file is one message on stderr and exit code 2, the terminal untouched.

use assert_cmd::Command;
use predicates::str::contains;

#[test]
fn edit_of_a_missing_draft_is_refused_before_the_terminal_is_taken() {
    let home = tempfile::tempdir().expect("dir");
    Command::cargo_bin("cpc-wizard")
        .expect("binary")
        .env("CPC_WIZARD_HOME", home.path())
        .args(["--lang", "en", "edit", "No Such Draft"])
        .assert()
        .code(2)
        .stderr(contains("No Such Draft"))
        .stdout("");
}

#[test]
fn edit_of_a_broken_draft_names_the_file() {
    let home = tempfile::tempdir().expect("dir");
    let file = home.path().join("broken.json");
    std::fs::write(&file, "{ not json").expect("write");
    Command::cargo_bin("cpc-wizard")
        .expect("binary")
        .env("CPC_WIZARD_HOME", home.path())
        .args(["--lang", "en", "edit"])
        .arg(&file)
        .assert()
        .code(2)
        .stderr(contains("broken.json"));
    assert_eq!(std::fs::read_to_string(&file).expect("read"), "{ not json");
}

#[test]
fn the_wizard_without_a_terminal_says_it_needs_one() {
    // assert_cmd pipes stdout: no terminal to draw on.
    let home = tempfile::tempdir().expect("dir");
    let draft = home.path().join("good.json");
    cpc_wizard::store::save(&draft, &cpc_wizard::profile::Profile::new("Good")).expect("save");
    for (lang, args, words) in [
        ("en", vec![], "the wizard needs a terminal"),
        ("zh-TW", vec!["edit", "Good"], "精靈需要終端機"),
    ] {
        let assert = Command::cargo_bin("cpc-wizard")
            .expect("binary")
            .env("CPC_WIZARD_HOME", home.path())
            .args(["--lang", lang])
            .args(&args)
            .assert()
            .code(2)
            .stderr(contains(words))
            .stdout("");
        let err = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}
