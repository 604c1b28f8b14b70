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
use clap_complete::engine::{
    ArgValueCompleter, CompletionCandidate, PathCompleter, ValueCompleter,
};
use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Shells, Zsh};

use super::CliError;
use crate::cli::CompletionShell;
use crate::i18n::{Lang, Locale};
use crate::store::Store;

/// Set by the scripts when they ask for completions; a name of our own, so that a `COMPLETE`
/// variable meant for another program never starts this one's completion.
pub(crate) const COMPLETE_VAR: &str = "CPC_WIZARD_COMPLETE";
const BIN: &str = "cpc-wizard";
const SHELLS: Shells<'static> = Shells(&[&QuotingBash, &Elvish, &Fish, &Powershell, &Zsh]);

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
    let loc = Locale::get(Lang::from_process_env());
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

/// Completes a DRAFT argument: the saved drafts' names, and files once the word looks like
/// a path.
pub(crate) fn draft_completer() -> ArgValueCompleter {
    ArgValueCompleter::new(complete_draft)
}

fn complete_draft(current: &std::ffi::OsStr) -> Vec<CompletionCandidate> {
    let typed = current.to_string_lossy();
    let mut candidates: Vec<CompletionCandidate> = saved_draft_names()
        .into_iter()
        .filter(|name| name.starts_with(typed.as_ref()))
        .map(CompletionCandidate::new)
        .collect();
    if looks_like_a_path(&typed) {
        candidates.extend(PathCompleter::any().complete(current));
    }
    candidates
}

/// The names under which `assess`, `edit` and the others find the drafts: their file names
/// without `.json`. Read from the folder alone, so a Tab stays quick with large drafts; for
/// a name that can be a file name (most) it is the draft's own name.
fn saved_draft_names() -> Vec<String> {
    let Ok(store) = Store::from_env() else {
        return Vec::new();
    };
    let mut names: Vec<String> = store
        .draft_paths()
        .unwrap_or_default()
        .iter()
        .filter_map(|path| path.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    names.sort();
    names
}

fn looks_like_a_path(typed: &str) -> bool {
    typed.contains(std::path::MAIN_SEPARATOR) || typed.contains('/') || typed.starts_with('.')
}

/// clap_complete's bash adapter, with quoting. Bash hands over the words as typed, quotes
/// and backslashes included, and inserts a candidate as it is given: a draft named
/// `Contoso MSP FY18` would come back as three words. So the words are unquoted before they
/// are completed, and each candidate is escaped for bash.
struct QuotingBash;

impl EnvCompleter for QuotingBash {
    fn name(&self) -> &'static str {
        Bash.name()
    }

    fn is(&self, name: &str) -> bool {
        Bash.is(name)
    }

    fn write_registration(
        &self,
        var: &str,
        name: &str,
        bin: &str,
        completer: &str,
        buf: &mut dyn Write,
    ) -> std::io::Result<()> {
        Bash.write_registration(var, name, bin, completer, buf)
    }

    fn write_complete(
        &self,
        cmd: &mut clap::Command,
        args: Vec<OsString>,
        current_dir: Option<&Path>,
        buf: &mut dyn Write,
    ) -> std::io::Result<()> {
        let args = args
            .iter()
            .map(|a| OsString::from(bash_unquote(&a.to_string_lossy())))
            .collect();
        let mut plain = Vec::new();
        Bash.write_complete(cmd, args, current_dir, &mut plain)?;
        // Candidates come separated by the script's IFS (a vertical tab), never inside one.
        let separator = std::env::var("_CLAP_IFS").unwrap_or_else(|_| "\n".to_string());
        let plain = String::from_utf8_lossy(&plain);
        let quoted: Vec<String> = plain.split(separator.as_str()).map(bash_quote).collect();
        buf.write_all(quoted.join(&separator).as_bytes())
    }
}

/// A word as bash would read it: `\x` is `x`, `'…'` literal, `"…"` with `\"`, `\\`, `\$`
/// and `` \` `` escaped. An unterminated quote (the word still being typed) ends the word.
fn bash_unquote(word: &str) -> String {
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
            assert_eq!(bash_unquote(typed), word, "{typed}");
        }
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
            assert_eq!(bash_unquote(&bash_quote(name)), name);
        }
    }
}
