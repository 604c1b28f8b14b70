//! The command line's own words — help pages, usage, errors for a bad command line — in
//! zh-TW (by `--lang` and by `LANG`) and in English, from the built binary.

use assert_cmd::cargo::cargo_bin_cmd;

/// Runs the binary with a clean locale environment; returns (exit code, stdout, stderr).
fn run(args: &[&str], lang_env: Option<&str>) -> (i32, String, String) {
    let mut cmd = cargo_bin_cmd!("cpc-wizard");
    cmd.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("LANGUAGE")
        .env(
            "CPC_WIZARD_HOME",
            std::env::temp_dir().join("cpc-wizard-cli-help"),
        );
    if let Some(lang) = lang_env {
        cmd.env("LANG", lang);
    }
    let out = cmd.args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// clap's English words that must not reach a zh-TW reader.
const CLAP_ENGLISH: &[&str] = &[
    "Usage",
    "Options",
    "Arguments",
    "Commands",
    "Print help",
    "Print version",
    "default:",
    "possible values",
    "error:",
    "For more information",
    "[OPTIONS]",
    "COMMAND",
];

fn assert_no_english(text: &str) {
    for word in CLAP_ENGLISH {
        assert!(!text.contains(word), "{word:?} in\n{text}");
    }
}

#[test]
fn top_level_help_in_chinese() {
    for (args, env) in [
        (&["--lang", "zh-TW", "--help"][..], None),
        (&["--help"][..], Some("zh_TW.UTF-8")),
        (&["-h"][..], Some("zh_HK.UTF-8")),
    ] {
        let (code, out, _) = run(args, env);
        assert_eq!(code, 0, "{args:?}");
        assert_no_english(&out);
        for expected in [
            "用法：cpc-wizard [選項] [命令]",
            "命令：",
            "選項：",
            "顯示說明",
            "顯示版本",
            "檢查 Microsoft 合作夥伴",
            "以精靈開啟草稿",
            "--lang <語言>",
            "草稿資料夾：",
            "設定 CPC_WIZARD_HOME",
        ] {
            assert!(out.contains(expected), "{expected:?} missing from\n{out}");
        }
    }
}

#[test]
fn every_subcommand_help_in_chinese() {
    for (sub, expected) in [
        ("edit", "<草稿>"),
        ("assess", "報告格式（text, json, markdown；預設：text）"),
        ("drafts", "列出已儲存的草稿"),
        ("import-csv", "--into <草稿>"),
        ("export-csv", "<檔案>"),
    ] {
        let (code, out, _) = run(&[sub, "--help"], Some("zh_TW.UTF-8"));
        assert_eq!(code, 0, "{sub}");
        assert_no_english(&out);
        assert!(out.contains(&format!("用法：cpc-wizard {sub}")), "{out}");
        assert!(out.contains(expected), "{expected:?} missing from\n{out}");
    }
}

#[test]
fn bad_command_lines_are_worded_in_chinese_with_exit_code_2() {
    for (args, expected) in [
        (&["assess"][..], "未提供下列必要引數：<草稿>"),
        (
            &["asess", "x"][..],
            "無法辨識的命令「asess」（您是指「assess」嗎？）",
        ),
        (
            &["assess", "x", "--format", "pdf"][..],
            "--format <格式> 的值「pdf」無效；可用的值：text、json、markdown",
        ),
        (&["--bogus"][..], "無法辨識的引數「--bogus」"),
    ] {
        let (code, out, err) = run(args, Some("zh_TW.UTF-8"));
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty());
        assert_no_english(&err);
        assert!(err.starts_with("cpc-wizard："), "{err}");
        assert!(err.contains(expected), "{expected:?} missing from\n{err}");
        assert!(err.contains("如需詳細資訊，請執行 --help。"), "{err}");
    }
}

#[test]
fn english_stays_english_and_the_version_prints() {
    let (code, out, _) = run(&["--help"], None);
    assert_eq!(code, 0);
    assert!(
        out.contains("Usage: cpc-wizard [OPTIONS] [COMMAND]"),
        "{out}"
    );
    assert!(out.contains("Print help"), "{out}");
    // Where the drafts are: the folder CPC_WIZARD_HOME names here.
    let folder = std::env::temp_dir().join("cpc-wizard-cli-help");
    assert!(
        out.contains(&format!(
            "Drafts folder: {} (set CPC_WIZARD_HOME to use another)",
            folder.display()
        )),
        "{out}"
    );
    let (code, _, err) = run(&["assess"], None);
    assert_eq!(code, 2);
    assert!(
        err.contains("these required arguments were not given: <DRAFT>"),
        "{err}"
    );
    let (code, out, _) = run(&["--version"], Some("zh_TW.UTF-8"));
    assert_eq!(code, 0);
    assert!(out.starts_with("cpc-wizard "), "{out}");
}
