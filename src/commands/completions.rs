//! `cpc-wizard completions SHELL`: a script with which the shell asks the program itself what
//! can come next, so that saved drafts' names complete as well as commands and options.
//!
//! The scripts are clap_complete's dynamic ones (its `CompleteEnv` engine): at each Tab the
//! shell runs `CPC_WIZARD_COMPLETE=SHELL cpc-wizard -- WORDS…`, and [`complete_if_asked`]
//! answers from the same clap command that parses the arguments. A static script could not
//! know the drafts saved after it was written.

use std::ffi::OsString;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap_complete::CompleteEnv;
use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Shells, Zsh};

use super::CliError;
use crate::cli::CompletionShell;
use crate::i18n::{Lang, Locale};

/// Set by the scripts when they ask for completions; a name of our own, so that a `COMPLETE`
/// variable meant for another program never starts this one's completion.
pub(crate) const COMPLETE_VAR: &str = "CPC_WIZARD_COMPLETE";
const BIN: &str = "cpc-wizard";
const SHELLS: Shells<'static> = Shells(&[&BASH, &ELVISH, &FISH, &POWERSHELL, &ZSH]);

/// Prints the script for `shell`.
pub fn completions(shell: CompletionShell) -> Result<ExitCode, CliError> {
    let mut script = Vec::new();
    if let Some(adapter) = SHELLS.completer(shell.id()) {
        adapter.write_registration(COMPLETE_VAR, BIN, BIN, &completer_path(), &mut script)?;
    }
    super::print(&script)?;
    Ok(ExitCode::SUCCESS)
}

/// When a completion script is asking, answers it and ends the program; otherwise returns.
/// Called first thing in `main`, before anything is printed.
pub fn complete_if_asked() {
    // The words being completed may hold `--lang`: help and tier names follow it.
    let args: Vec<OsString> = std::env::args_os().collect();
    let lang = crate::cli::lang_in_args(&args).unwrap_or_else(Lang::from_process_env);
    let loc = Locale::get(lang);
    CompleteEnv::with_factory(|| crate::cli::localized_command(loc))
        .var(COMPLETE_VAR)
        .shells(SHELLS)
        .complete();
}

/// How the script calls the program back: as it was called now. A bare name is found on
/// `PATH` again then; a relative path is made absolute (clap_complete does the same).
fn completer_path() -> String {
    let called_as = std::env::args_os()
        .next()
        .unwrap_or_else(|| OsString::from(BIN));
    let mut path = std::path::PathBuf::from(called_as);
    if path.components().count() > 1
        && path.is_relative()
        && let Ok(dir) = std::env::current_dir()
    {
        path = dir.join(path);
    }
    path.to_string_lossy().into_owned()
}

/// One of clap_complete's shell adapters, with how that shell hands the words over and
/// takes the candidates back. clap_complete compares the word being completed with the
/// candidates as it gets it; but bash, zsh and fish hand it over as typed, quotes and
/// backslashes included (`Contoso\ M`), and bash and PowerShell insert a candidate as it is
/// given, so a draft named `Contoso MSP FY18` would come back as three words.
struct Adapted {
    shell: &'static dyn EnvCompleter,
    /// The words as the shell gives them → the words they mean.
    read_words: fn(Vec<OsString>) -> Vec<OsString>,
    /// clap_complete's answer → each candidate as the shell must be given it.
    write_answer: fn(String) -> String,
}

const BASH: Adapted = Adapted {
    shell: &Bash,
    read_words: unquote_all,
    write_answer: quote_for_bash,
};
const ZSH: Adapted = Adapted {
    shell: &Zsh,
    // zsh quotes what it inserts.
    read_words: unquote_all,
    write_answer: as_given,
};
const FISH: Adapted = Adapted {
    shell: &Fish,
    // fish gives the words before the cursor unquoted already, the current one as typed;
    // it quotes what it inserts.
    read_words: unquote_last,
    write_answer: as_given,
};
const POWERSHELL: Adapted = Adapted {
    shell: &Powershell,
    // PowerShell reads the words itself (the script re-parses the line).
    read_words: |words| words,
    write_answer: quote_for_powershell,
};
const ELVISH: Adapted = Adapted {
    shell: &Elvish,
    // Elvish hands over the words' values and quotes what it inserts.
    read_words: |words| words,
    write_answer: as_given,
};

impl EnvCompleter for Adapted {
    fn name(&self) -> &'static str {
        self.shell.name()
    }

    fn is(&self, name: &str) -> bool {
        self.shell.is(name)
    }

    fn write_registration(
        &self,
        var: &str,
        name: &str,
        bin: &str,
        completer: &str,
        buf: &mut dyn Write,
    ) -> std::io::Result<()> {
        self.shell
            .write_registration(var, name, bin, completer, buf)
    }

    fn write_complete(
        &self,
        cmd: &mut clap::Command,
        args: Vec<OsString>,
        current_dir: Option<&Path>,
        buf: &mut dyn Write,
    ) -> std::io::Result<()> {
        let mut answer = Vec::new();
        self.shell
            .write_complete(cmd, (self.read_words)(args), current_dir, &mut answer)?;
        let answer = String::from_utf8_lossy(&answer).into_owned();
        buf.write_all((self.write_answer)(answer).as_bytes())
    }
}

fn unquote_all(words: Vec<OsString>) -> Vec<OsString> {
    words
        .iter()
        .map(|w| OsString::from(shell_unquote(&w.to_string_lossy())))
        .collect()
}

fn unquote_last(mut words: Vec<OsString>) -> Vec<OsString> {
    if let Some(last) = words.last_mut() {
        *last = OsString::from(shell_unquote(&last.to_string_lossy()));
    }
    words
}

fn as_given(answer: String) -> String {
    answer
}

/// Bash's answer: candidates separated by the script's IFS (a vertical tab), values only.
fn quote_for_bash(answer: String) -> String {
    let separator = std::env::var("_CLAP_IFS").unwrap_or_else(|_| "\n".to_string());
    answer
        .split(separator.as_str())
        .map(bash_quote)
        .collect::<Vec<_>>()
        .join(&separator)
}

/// PowerShell's answer: one candidate a line, `value` or `value<TAB>help`.
fn quote_for_powershell(answer: String) -> String {
    answer
        .lines()
        .map(|line| match line.split_once('\t') {
            Some((value, help)) => format!("{}\t{help}\n", powershell_quote(value)),
            None => format!("{}\n", powershell_quote(line)),
        })
        .collect()
}

/// A candidate PowerShell inserts as one word: in single quotes (with `''` for `'`) when
/// it holds anything but letters, digits and `-_./\:`.
fn powershell_quote(value: &str) -> String {
    let plain = value
        .chars()
        .all(|c| c.is_alphanumeric() || "-_./\\:".contains(c));
    if plain && !value.is_empty() {
        value.to_string()
    } else {
        format!("'{}'", value.replace('\'', "''"))
    }
}

/// A word as bash, zsh or fish would read it: `\x` is `x`, `'…'` literal, `"…"` with `\"`, `\\`, `\$`
/// and `` \` `` escaped. An unterminated quote (the word still being typed) ends the word.
fn shell_unquote(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut chars = word.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            '\'' => out.extend(chars.by_ref().take_while(|c| *c != '\'')),
            '"' => {
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => match chars.next() {
                            Some(e @ ('"' | '\\' | '$' | '`')) => out.push(e),
                            Some(other) => {
                                out.push('\\');
                                out.push(other);
                            }
                            None => {}
                        },
                        other => out.push(other),
                    }
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// A candidate as bash must be given it to insert it as one word.
fn bash_quote(candidate: &str) -> String {
    let mut out = String::with_capacity(candidate.len());
    for c in candidate.chars() {
        if c.is_whitespace() || "\\'\"$`&|;<>()[]{}*?!#".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_read_as_bash_reads_them() {
        for (typed, word) in [
            ("Contoso", "Contoso"),
            (r"Contoso\ MSP\ F", "Contoso MSP F"),
            ("'Contoso MSP", "Contoso MSP"),
            (r#""Contoso \"MSP\" \x"#, r#"Contoso "MSP" \x"#),
            ("'it'\\''s'", "it's"),
            ("台北\\ 資訊", "台北 資訊"),
            ("trailing\\", "trailing"),
        ] {
            assert_eq!(shell_unquote(typed), word, "{typed}");
        }
    }

    #[test]
    fn every_shell_of_the_command_line_has_its_adapter() {
        use clap::ValueEnum;
        for shell in CompletionShell::value_variants() {
            let adapter = SHELLS.completer(shell.id());
            assert!(adapter.is_some_and(|a| a.name() == shell.id()), "{shell:?}");
        }
    }

    #[test]
    fn powershell_candidates_are_quoted_when_they_need_it() {
        assert_eq!(
            quote_for_powershell("Contoso MSP FY18\nassess\tPrint it\nO'Brien\n".into()),
            "'Contoso MSP FY18'\nassess\tPrint it\n'O''Brien'\n"
        );
        assert_eq!(powershell_quote(r"C:\drafts\a.json"), r"C:\drafts\a.json");
    }

    #[test]
    fn only_fishs_current_word_is_read_again() {
        let words = |list: &[&str]| list.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            unquote_last(words(&["cpc-wizard", "it's", r"Contoso\ M"])),
            words(&["cpc-wizard", "it's", "Contoso M"])
        );
        assert_eq!(
            unquote_all(words(&["cpc-wizard", "'a b'", r"Contoso\ M"])),
            words(&["cpc-wizard", "a b", "Contoso M"])
        );
    }

    #[test]
    fn candidates_are_escaped_to_stay_one_word() {
        assert_eq!(bash_quote("Contoso MSP FY18"), r"Contoso\ MSP\ FY18");
        assert_eq!(bash_quote("O'Brien (what if)"), r"O\'Brien\ \(what\ if\)");
        assert_eq!(bash_quote("assess"), "assess");
        assert_eq!(bash_quote("--format"), "--format");
        assert_eq!(bash_quote("drafts/"), "drafts/");
        assert_eq!(bash_quote("台北資訊 FY18"), r"台北資訊\ FY18");
        for name in ["Contoso MSP FY18", "O'Brien (what if)", "a\"b$c`d", "x\\y"] {
            assert_eq!(shell_unquote(&bash_quote(name)), name);
        }
    }
}
