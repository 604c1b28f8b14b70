//! The command line as other tools and people's habits meet it: completion scripts (loaded
//! into bash, and completing draft names), the man page, the schema command, the language
//! as people set it, standard input, closed pipes, and JSON that never depends on the
//! terminal or the language.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use assert_cmd::cargo::cargo_bin_cmd;
use tempfile::TempDir;

const CONTOSO: &str = include_str!("../fixtures/contoso.json");
/// The locale variables a test must control; any of them in the test's own environment
/// would change the language.
const LOCALE_VARS: [&str; 4] = ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"];

/// A drafts folder with three drafts, one name with spaces and one in Chinese.
struct Home {
    dir: TempDir,
}

impl Home {
    fn new() -> Home {
        let dir = tempfile::tempdir().expect("tempdir");
        let home = Home { dir };
        home.draft("Contoso MSP FY18", CONTOSO);
        home.draft(
            "Fabrikam",
            r#"{"format": "cpc-wizard/profile", "version": 1, "name": "Fabrikam"}"#,
        );
        home.draft(
            "台北資訊 FY18",
            r#"{"format": "cpc-wizard/profile", "version": 1, "name": "台北資訊 FY18"}"#,
        );
        home
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn draft(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path().join(format!("{name}.json"));
        std::fs::write(&path, text).expect("write draft");
        path
    }

    /// The binary with this drafts folder and the given locale variables only.
    fn cmd(&self, env: &[(&str, &str)]) -> assert_cmd::Command {
        let mut cmd = cargo_bin_cmd!("cpc-wizard");
        cmd.env("CPC_WIZARD_HOME", self.path());
        for var in LOCALE_VARS {
            cmd.env_remove(var);
        }
        for (name, value) in env {
            cmd.env(name, value);
        }
        cmd
    }

    fn run(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        self.cmd(env).args(args).output().expect("runs")
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8")
}

fn has(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

// ------------------------------------------------------------------- completions

#[test]
fn every_shells_script_is_printed() {
    let home = Home::new();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = home.run(&["completions", shell], &[]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = text(&out.stdout);
        assert!(script.contains("cpc-wizard"), "{shell}:\n{script}");
        // The shell calls the program back through this variable, and no other.
        assert!(script.contains("CPC_WIZARD_COMPLETE"), "{shell}:\n{script}");
        assert!(out.stderr.is_empty(), "{shell}");
    }
    let zsh = text(&home.run(&["completions", "zsh"], &[]).stdout);
    assert!(zsh.starts_with("#compdef cpc-wizard"), "{zsh}");
    let out = home.run(&["completions", "tcsh"], &[]);
    assert_eq!(out.status.code(), Some(2));
}

/// The bash script in a file, as a user would keep it.
fn bash_script(home: &Home) -> PathBuf {
    let out = home.run(&["completions", "bash"], &[]);
    assert_eq!(out.status.code(), Some(0));
    let path = home.path().join("cpc-wizard.bash");
    std::fs::write(&path, &out.stdout).expect("write script");
    path
}

#[test]
fn the_bash_script_loads_and_registers_the_command() {
    if !has("bash") {
        println!("skipped: no bash on this machine");
        return;
    }
    let home = Home::new();
    let script = bash_script(&home);
    let out = Command::new("bash")
        .arg("-c")
        .arg(r#"source "$1" && complete -p cpc-wizard"#)
        .arg("bash")
        .arg(&script)
        .output()
        .expect("bash runs");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let spec = text(&out.stdout);
    assert!(
        spec.contains("-F _clap_complete_cpc_wizard cpc-wizard"),
        "{spec}"
    );
}

/// What bash offers for the last of `words` (the word being completed), through the loaded
/// script's function, as Tab would call it.
fn bash_completions(home: &Home, words: &[&str], env: &[(&str, &str)]) -> Vec<String> {
    let script = bash_script(home);
    let mut bash = Command::new("bash");
    bash.arg("-c")
        .arg(
            r#"source "$1"; shift
            COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_TYPE=9
            COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
            _clap_complete_cpc_wizard cpc-wizard "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\n' "${COMPREPLY[@]}""#,
        )
        .arg("bash")
        .arg(&script)
        .args(words)
        .env("CPC_WIZARD_HOME", home.path());
    for var in LOCALE_VARS {
        bash.env_remove(var);
    }
    for (name, value) in env {
        bash.env(name, value);
    }
    let out = bash.output().expect("bash runs");
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn bash_completes_commands_options_and_saved_draft_names() {
    if !has("bash") {
        println!("skipped: no bash on this machine");
        return;
    }
    let home = Home::new();
    let offered = |words: &[&str]| bash_completions(&home, words, &[]);
    assert_eq!(offered(&["cpc-wizard", "as"]), ["assess"]);
    assert_eq!(offered(&["cpc-wizard", "comp"]), ["compare", "completions"]);
    assert_eq!(offered(&["cpc-wizard", "compl"]), ["completions"]);
    // A name with spaces comes back escaped, so that bash inserts it as one word.
    assert_eq!(
        offered(&["cpc-wizard", "assess", "Con"]),
        [r"Contoso\ MSP\ FY18"]
    );
    assert_eq!(
        offered(&["cpc-wizard", "edit", r"Contoso\ M"]),
        [r"Contoso\ MSP\ FY18"]
    );
    assert_eq!(
        offered(&["cpc-wizard", "assess", "'Contoso M"]),
        [r"Contoso\ MSP\ FY18"]
    );
    assert_eq!(
        offered(&["cpc-wizard", "assess", "台"]),
        [r"台北資訊\ FY18"]
    );
    assert_eq!(
        offered(&["cpc-wizard", "import-csv", "x.csv", "--into", "Fa"]),
        ["Fabrikam"]
    );
    let all = offered(&["cpc-wizard", "export-csv", ""]);
    for name in [r"Contoso\ MSP\ FY18", "Fabrikam", r"台北資訊\ FY18"] {
        assert!(all.iter().any(|c| c == name), "{name} not in {all:?}");
    }
    assert_eq!(
        offered(&["cpc-wizard", "assess", "Fabrikam", "--format", ""]),
        ["text", "json", "markdown"]
    );
    assert_eq!(offered(&["cpc-wizard", "completions", "z"]), ["zsh"]);
    assert_eq!(offered(&["cpc-wizard", "--lang", ""]), ["en", "zh-TW"]);
    assert_eq!(
        offered(&["cpc-wizard", "assess", "Fabrikam", "--lang", "z"]),
        ["zh-TW"]
    );
}

/// The script for `shell` in a file, and a command running `shell` with this drafts folder
/// and no locale variables.
fn shell_with_script(home: &Home, shell: &str) -> (PathBuf, Command) {
    let out = home.run(&["completions", shell], &[]);
    assert_eq!(out.status.code(), Some(0));
    let script = home.path().join(format!("cpc-wizard.{shell}"));
    std::fs::write(&script, &out.stdout).expect("write script");
    let mut command = Command::new(shell);
    command.env("CPC_WIZARD_HOME", home.path());
    for var in LOCALE_VARS {
        command.env_remove(var);
    }
    (script, command)
}

fn lines(out: &Output) -> Vec<String> {
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout).lines().map(str::to_string).collect()
}

#[test]
fn fish_completes_saved_draft_names() {
    if !has("fish") {
        println!("skipped: no fish on this machine");
        return;
    }
    let home = Home::new();
    let offered = |line: &str| {
        let (script, mut fish) = shell_with_script(&home, "fish");
        let out = fish
            .arg("--no-config")
            .arg("-c")
            .arg("source $argv[1]; complete -C $argv[2]")
            .arg(&script)
            .arg(line)
            .output()
            .expect("fish runs");
        lines(&out)
    };
    // fish quotes what it inserts: the names come back as they are.
    assert_eq!(offered("cpc-wizard assess Con"), ["Contoso MSP FY18"]);
    assert_eq!(
        offered(r"cpc-wizard assess Contoso\ M"),
        ["Contoso MSP FY18"]
    );
    assert_eq!(offered("cpc-wizard edit 'Contoso M"), ["Contoso MSP FY18"]);
    let commands = offered("cpc-wizard as");
    assert_eq!(commands.len(), 1, "{commands:?}");
    assert!(commands[0].starts_with("assess\t"), "{commands:?}");
    assert_eq!(
        offered("cpc-wizard --lang zh-TW assess x --require "),
        ["silver", "gold", "銀級", "金級"]
    );
}

#[test]
fn zsh_completes_saved_draft_names() {
    if !has("zsh") {
        println!("skipped: no zsh on this machine");
        return;
    }
    let home = Home::new();
    // The script's function called as zsh's completion system would, with `_describe`
    // (which adds the candidates, quoting them) replaced by one that prints them.
    let offered = |words: &[&str]| {
        let (script, mut zsh) = shell_with_script(&home, "zsh");
        let out = zsh
            .arg("-fc")
            .arg(
                r#"compdef() { : }
                _describe() { print -rl -- "${(@P)${@[-1]}}" }
                source $1; shift
                words=("$@"); CURRENT=$#
                _clap_dynamic_completer_cpc_wizard"#,
            )
            .arg("zsh")
            .arg(&script)
            .args(words)
            .output()
            .expect("zsh runs");
        lines(&out)
    };
    assert_eq!(
        offered(&["cpc-wizard", "assess", "Con"]),
        ["Contoso MSP FY18"]
    );
    assert_eq!(
        offered(&["cpc-wizard", "assess", r"Contoso\ M"]),
        ["Contoso MSP FY18"]
    );
    assert_eq!(
        offered(&["cpc-wizard", "as"]),
        ["assess:Print the assessment of a draft without the wizard"]
    );
}

#[test]
fn require_completes_with_the_tier_names_of_the_language() {
    if !has("bash") {
        println!("skipped: no bash on this machine");
        return;
    }
    let home = Home::new();
    let words = ["cpc-wizard", "assess", "Fabrikam", "--require", ""];
    assert_eq!(bash_completions(&home, &words, &[]), ["silver", "gold"]);
    assert_eq!(
        bash_completions(&home, &words, &[("LANG", "zh_TW.UTF-8")]),
        ["silver", "gold", "銀級", "金級"]
    );
}

#[test]
fn the_new_commands_help_is_in_the_users_language() {
    let home = Home::new();
    for (command, about) in [
        ("completions", "輸出殼層的自動完成指令碼"),
        ("man", "輸出手冊頁"),
        ("schema", "輸出草稿格式的 JSON Schema"),
    ] {
        let out = home.run(&[command, "--help"], &[("LANG", "zh_TW.UTF-8")]);
        assert_eq!(out.status.code(), Some(0));
        let help = text(&out.stdout);
        assert!(help.contains(about), "{help}");
        assert!(
            help.contains(&format!("用法：cpc-wizard {command} [選項]")),
            "{help}"
        );
        for english in [
            "Usage",
            "Options",
            "Arguments",
            "possible values",
            "Print help",
        ] {
            assert!(!help.contains(english), "{english:?} in\n{help}");
        }
    }
    let help = text(&home.run(&["completions", "--help"], &[]).stdout);
    assert!(
        help.contains("<SHELL>  The shell: bash, zsh, fish, powershell or elvish"),
        "{help}"
    );
    let out = home.run(&["completions", "tcsh"], &[("LANG", "zh_TW.UTF-8")]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("<殼層> 的值「tcsh」無效；可用的值：bash、zsh、fish、powershell、elvish"),
        "{err}"
    );
}

// ------------------------------------------------------------------- man page

#[test]
fn the_man_page_is_roff_in_the_chosen_language() {
    let home = Home::new();
    for (args, env, expected) in [
        (
            &["man"][..],
            &[][..],
            &[
                ".TH CPC-WIZARD 1",
                ".SH NAME",
                ".SH SYNOPSIS",
                "COMMAND assess\"",
                "CPC_WIZARD_HOME",
                ".SH \"EXIT STATUS\"",
            ][..],
        ),
        (
            &["man", "--lang", "zh-TW"][..],
            &[][..],
            &[
                ".TH CPC-WIZARD 1",
                ".SH 名稱",
                ".SH 用法",
                "命令 assess",
                "使用者命令",
                "環境變數",
            ][..],
        ),
        (
            &["man"][..],
            &[("LANG", "zh_TW.UTF-8")][..],
            &[
                ".SH 名稱",
                "未達到此等級時以結束代碼 1 結束（silver、gold、銀級、金級）",
            ][..],
        ),
    ] {
        let out = home.run(args, env);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let page = text(&out.stdout);
        for want in expected {
            assert!(page.contains(want), "{want:?} missing from\n{page}");
        }
        // The `--lang` of every command is listed once, under the program's options.
        assert_eq!(page.matches("\\fB\\-\\-lang\\fR").count(), 1, "{page}");
    }
}

#[test]
fn man_renders_the_page() {
    if !has("man") {
        println!("skipped: `man` is not installed on this machine");
        return;
    }
    let home = Home::new();
    for (lang, expected) in [
        ("en", ["COMMAND assess", "EXIT STATUS", "CPC_WIZARD_HOME"]),
        ("zh-TW", ["命令 assess", "結束代碼", "CPC_WIZARD_HOME"]),
    ] {
        let out = home.run(&["man", "--lang", lang], &[]);
        let page = home.path().join(format!("cpc-wizard.{lang}.1"));
        std::fs::write(&page, &out.stdout).expect("write page");
        let shown = Command::new("man")
            .arg("-l")
            .arg(&page)
            .env("MANPAGER", "cat")
            .env("PAGER", "cat")
            .env("MANWIDTH", "80")
            .env("LANG", "C.UTF-8")
            .output()
            .expect("man runs");
        assert!(shown.status.success(), "{}", text(&shown.stderr));
        let shown = text(&shown.stdout);
        for want in expected {
            assert!(shown.contains(want), "{want:?} missing from\n{shown}");
        }
        assert!(shown.contains("CPC-WIZARD(1)"), "{shown}");
    }
}

// ------------------------------------------------------------------- schema

#[test]
fn schema_prints_the_shipped_schema() {
    let home = Home::new();
    let out = home.run(&["schema"], &[("LANG", "zh_TW.UTF-8")]);
    assert_eq!(out.status.code(), Some(0));
    let shipped = include_str!("../../assets/schema/profile-v1.schema.json");
    assert_eq!(text(&out.stdout), shipped);
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
}

// ------------------------------------------------------------------- language

/// The first line of the text report: its title, in the language used.
fn report_title(home: &Home, args: &[&str], env: &[(&str, &str)]) -> String {
    let mut all = vec!["assess", "Contoso MSP FY18"];
    all.extend_from_slice(args);
    let out = home.run(&all, env);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?} {env:?}: {}",
        text(&out.stderr)
    );
    text(&out.stdout)
        .lines()
        .next()
        .unwrap_or_default()
        .to_string()
}

const EN_TITLE: &str = "Cloud Productivity competency: Contoso MSP FY18";
const ZH_TITLE: &str = "雲端生產力專長認證";

#[test]
fn every_spelling_of_lang_is_taken() {
    let home = Home::new();
    for spelling in [
        "zh-TW",
        "zh_TW",
        "zh-tw",
        "ZH-TW",
        "zh-Hant",
        "zh_TW.UTF-8",
        "zh_HK",
    ] {
        let title = report_title(&home, &["--lang", spelling], &[]);
        assert!(title.starts_with(ZH_TITLE), "{spelling}: {title}");
        let title = report_title(&home, &[&format!("--lang={spelling}")], &[]);
        assert!(title.starts_with(ZH_TITLE), "{spelling}: {title}");
    }
    for spelling in ["en", "EN", "en_US.UTF-8"] {
        let title = report_title(&home, &["--lang", spelling], &[("LANG", "zh_TW.UTF-8")]);
        assert_eq!(title, EN_TITLE, "{spelling}");
    }
}

#[test]
fn an_unknown_lang_is_refused_in_the_users_language() {
    let home = Home::new();
    let out = home.run(&["assess", "Fabrikam", "--lang", "fr"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = text(&out.stderr);
    assert!(
        err.contains("invalid value \"fr\" for --lang <LANG>; possible values: en, zh-TW"),
        "{err}"
    );
    let out = home.run(
        &["assess", "Fabrikam", "--lang", "zh-CN"],
        &[("LANG", "zh_TW.UTF-8")],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("--lang <語言> 的值「zh-CN」無效；可用的值：en, zh-TW"),
        "{err}"
    );
}

#[test]
fn the_environment_chooses_the_language_in_gettexts_order() {
    let home = Home::new();
    for (env, expected) in [
        (&[("LANGUAGE", "zh_TW:en")][..], ZH_TITLE),
        (
            &[("LANGUAGE", "fr:zh_TW"), ("LANG", "en_US.UTF-8")][..],
            ZH_TITLE,
        ),
        (
            &[("LANGUAGE", "en:zh_TW"), ("LANG", "zh_TW.UTF-8")][..],
            EN_TITLE,
        ),
        (&[("LANGUAGE", "zh_TW"), ("LANG", "C")][..], EN_TITLE),
        (&[("LANGUAGE", "zh_TW"), ("LC_ALL", "POSIX")][..], EN_TITLE),
        (
            &[("LC_ALL", "zh_HK.UTF-8"), ("LANG", "en_US.UTF-8")][..],
            ZH_TITLE,
        ),
        (
            &[("LC_MESSAGES", "zh_Hant_TW"), ("LANG", "en_US")][..],
            ZH_TITLE,
        ),
        (&[("LANG", "zh_CN.UTF-8")][..], EN_TITLE),
        (&[][..], EN_TITLE),
    ] {
        let title = report_title(&home, &[], env);
        assert!(title.starts_with(expected), "{env:?}: {title}");
    }
    // The flag wins over all of them.
    let title = report_title(&home, &["--lang", "en"], &[("LANGUAGE", "zh_TW")]);
    assert_eq!(title, EN_TITLE);
}

#[test]
fn require_takes_tier_ids_and_names_and_its_help_lists_them() {
    let home = Home::new();
    // Contoso reaches no tier: each spelling of a tier is understood (exit 1, not 2).
    for tier in ["silver", "GOLD", "Silver", "銀級", "金級", " gold "] {
        let out = home.run(&["assess", "Contoso MSP FY18", "--require", tier], &[]);
        assert_eq!(out.status.code(), Some(1), "{tier}: {}", text(&out.stderr));
    }
    let out = home.run(
        &["assess", "Contoso MSP FY18", "--require", "銅級"],
        &[("LANG", "zh_TW.UTF-8")],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("「銅級」") && err.contains("silver、gold、銀級、金級"),
        "{err}"
    );

    let help = text(&home.run(&["assess", "--help"], &[]).stdout);
    assert!(
        help.contains("Exit with status 1 when this tier is not met (silver, gold)"),
        "{help}"
    );
    let help = text(
        &home
            .run(&["assess", "--help", "--lang", "zh_TW"], &[])
            .stdout,
    );
    assert!(
        help.contains("未達到此等級時以結束代碼 1 結束（silver、gold、銀級、金級）"),
        "{help}"
    );
}

// ------------------------------------------------------------------- pipes and scripts

#[test]
fn assess_reads_a_draft_from_standard_input() {
    let home = Home::new();
    let by_name = home.run(&["assess", "Contoso MSP FY18", "--format", "json"], &[]);
    let piped = home
        .cmd(&[])
        .args(["assess", "-", "--format", "json"])
        .write_stdin(CONTOSO)
        .output()
        .expect("runs");
    assert_eq!(piped.status.code(), Some(0));
    assert_eq!(text(&piped.stdout), text(&by_name.stdout));

    let bad = r#"{"format": "cpc-wizard/profile", "version": 1,
        "name": "x", "market": "mars"}"#;
    for (env, source) in [
        (&[][..], "cpc-wizard: standard input: line 2: market"),
        (
            &[("LANG", "zh_TW.UTF-8")][..],
            "cpc-wizard：標準輸入：第 2 行：market",
        ),
    ] {
        let out = home
            .cmd(env)
            .args(["assess", "-"])
            .write_stdin(bad)
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty());
        let err = text(&out.stderr);
        assert!(err.starts_with(source), "{err}");
    }
    let out = home
        .cmd(&[])
        .args(["assess", "-"])
        .write_stdin(&b"\xff\xfe{}"[..])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("standard input"),
        "{}",
        text(&out.stderr)
    );
}

/// Runs the binary with its standard output a pipe whose reading end is closed before the
/// program writes: every write fails with a broken pipe.
fn run_into_a_closed_pipe(home: &Home, args: &[&str]) -> (Option<i32>, String) {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("cpc-wizard"))
        .args(args)
        .env("CPC_WIZARD_HOME", home.path())
        .env_remove("LANGUAGE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("ends");
    (out.status.code(), text(&out.stderr))
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let home = Home::new();
    // Far more output than a pipe holds.
    home.draft("Big", &cpc_wizard::sample::json(5_000));
    for format in ["text", "json", "markdown"] {
        let (code, err) = run_into_a_closed_pipe(&home, &["assess", "Big", "--format", format]);
        assert_eq!(code, Some(0), "{format}: {err}");
        assert_eq!(err, "", "{format}");
    }
    // The verdict of --require still decides the exit code.
    let (code, err) =
        run_into_a_closed_pipe(&home, &["assess", "Contoso MSP FY18", "--require", "gold"]);
    assert_eq!(code, Some(1), "{err}");
    assert_eq!(err, "");
    for args in [
        &["drafts"][..],
        &["man"],
        &["schema"],
        &["completions", "bash"],
    ] {
        let (code, err) = run_into_a_closed_pipe(&home, args);
        assert_eq!(code, Some(0), "{args:?}: {err}");
        assert_eq!(err, "", "{args:?}");
    }
}

#[test]
fn json_is_the_same_whatever_the_terminal_or_the_language() {
    let home = Home::new();
    let json = |args: &[&str], env: &[(&str, &str)]| {
        let mut all = vec!["assess", "Contoso MSP FY18", "--format", "json"];
        all.extend_from_slice(args);
        let out = home.run(&all, env);
        assert_eq!(out.status.code(), Some(0));
        out.stdout
    };
    let reference = json(&[], &[]);
    assert!(reference.ends_with(b"}\n"), "{}", text(&reference));
    serde_json::from_slice::<serde_json::Value>(&reference).expect("one JSON document");
    for (args, env) in [
        (&["--lang", "zh-TW"][..], &[][..]),
        (&[][..], &[("COLUMNS", "40")][..]),
        (&[][..], &[("COLUMNS", "250"), ("LINES", "10")][..]),
        (&[][..], &[("LANG", "zh_TW.UTF-8"), ("COLUMNS", "60")][..]),
        (&[][..], &[("LANGUAGE", "zh_TW"), ("NO_COLOR", "1")][..]),
    ] {
        assert!(json(args, env) == reference, "{args:?} {env:?}");
    }
}
