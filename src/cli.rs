//! The command line (SPEC.md §4), parsed by clap, with its help in the user's language: its
//! arguments, how a DRAFT argument completes, and its exit codes. The commands it names live
//! in `commands`, which `main` calls; this file knows none of them.

use clap::{Arg, ArgMatches, Command, CommandFactory, FromArgMatches, Parser, Subcommand};
use clap_complete::engine::{
    ArgValueCompleter, CompletionCandidate, PathCompleter, ValueCompleter,
};

use crate::i18n::{Lang, Locale};
use crate::profile::Counting;
use crate::report::ReportFormat;
use crate::store::Store;

#[derive(Debug, Parser)]
#[command(name = "cpc-wizard", version)]
pub struct Cli {
    #[arg(long, global = true, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    #[command(subcommand)]
    pub command: Option<Cmd>,
}

#[derive(Debug, Subcommand)]
pub enum Cmd {
    Edit {
        draft: String,
    },
    Assess {
        draft: String,
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
        #[arg(long)]
        require: Option<String>,
        #[arg(long, value_parser = parse_counting)]
        counting: Option<Counting>,
    },
    Compare {
        a: String,
        b: String,
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
    },
    Drafts {
        #[arg(long, value_enum, default_value_t = DraftsFormat::Text)]
        format: DraftsFormat,
    },
    ImportCsv {
        #[arg(required = true, num_args = 1..)]
        file: Vec<std::path::PathBuf>,
        #[arg(long)]
        into: String,
        #[arg(long)]
        customer: Option<String>,
    },
    ExportCsv {
        draft: String,
        file: std::path::PathBuf,
    },
    Completions {
        #[arg(value_enum)]
        shell: CompletionShell,
    },
    Man,
    Schema,
}

/// The shells `completions` writes a script for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CompletionShell {
    Bash,
    Zsh,
    Fish,
    Powershell,
    Elvish,
}

impl CompletionShell {
    pub(crate) fn id(self) -> &'static str {
        match self {
            CompletionShell::Bash => "bash",
            CompletionShell::Zsh => "zsh",
            CompletionShell::Fish => "fish",
            CompletionShell::Powershell => "powershell",
            CompletionShell::Elvish => "elvish",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DraftsFormat {
    /// Columns for people.
    Text,
    /// One JSON object with the list, for scripts.
    Json,
}

impl DraftsFormat {
    /// The value as typed on the command line.
    pub(crate) fn name(self) -> String {
        clap::ValueEnum::to_possible_value(&self)
            .map(|v| v.get_name().to_string())
            .unwrap_or_default()
    }

    /// Every value, as typed on the command line.
    pub(crate) fn names() -> Vec<String> {
        <DraftsFormat as clap::ValueEnum>::value_variants()
            .iter()
            .map(|f| f.name())
            .collect()
    }
}

/// Exit code when `--require` is not met (SPEC.md §4).
pub(crate) const EXIT_NOT_MET: u8 = 1;
/// Exit code for bad input: unreadable or invalid file, bad arguments.
pub(crate) const EXIT_BAD_INPUT: u8 = 2;

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

fn parse_lang(value: &str) -> Result<Lang, String> {
    // The ids, which read the same in every language; the sentence around them is the
    // locale's (`cli_words.invalid_value`).
    Lang::from_tag(value).ok_or_else(|| Lang::ALL.map(Lang::id).join(", "))
}

fn parse_counting(value: &str) -> Result<Counting, String> {
    Counting::from_id(value.trim()).ok_or_else(|| Counting::ALL.map(Counting::id).join(", "))
}

impl Cli {
    /// Parses the process's arguments, with help text in the language the arguments or the
    /// environment choose. Exits with code 2 on bad arguments, as clap does.
    pub fn parse_localized() -> Cli {
        let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
        if let Some(cli) = wizard_start(&args) {
            return cli;
        }
        // A good command line needs none of the help's words: clap's own command parses it
        // without the locale's (building those is most of clap's cost before a first
        // frame). Help, version and errors are parsed again below, in the user's language.
        if let Ok(matches) = Cli::command().try_get_matches_from(&args)
            && let Ok(cli) = Cli::from_arg_matches(&matches)
        {
            return cli;
        }
        let lang = lang_in_args(&args).unwrap_or_else(Lang::from_process_env);
        let loc = Locale::get(lang);
        let matches: ArgMatches = match localized_command(loc).try_get_matches_from(args) {
            Ok(m) => m,
            Err(e) => exit_with(loc, &e),
        };
        match Cli::from_arg_matches(&matches) {
            Ok(cli) => cli,
            Err(e) => exit_with(loc, &e),
        }
    }
}

/// The two command lines that start the wizard, `cpc-wizard` and `cpc-wizard edit DRAFT`
/// (a DRAFT that is text and no option), read as clap reads them without building clap's
/// command, whose code nothing else runs before the wizard's first frame. Any other
/// command line is clap's.
fn wizard_start(args: &[std::ffi::OsString]) -> Option<Cli> {
    let command = match args {
        [_program] => None,
        [_program, edit, draft] if edit == "edit" => {
            let draft = draft.to_str()?;
            if draft.is_empty() || draft.starts_with('-') {
                return None;
            }
            Some(Cmd::Edit {
                draft: draft.to_string(),
            })
        }
        _ => return None,
    };
    Some(Cli {
        lang: None,
        command,
    })
}

/// Help and version are printed as clap lays them out (their words are already the
/// locale's); a bad command line is worded here, with exit code 2.
fn exit_with(loc: &Locale, error: &clap::Error) -> ! {
    use clap::error::ErrorKind;
    match error.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => error.exit(),
        _ => {
            let message = crate::cli_words::error_message(loc, error);
            // Arguments are the user's text: shown safely, line by line.
            for line in message.lines() {
                eprintln!("{}", crate::text::visible(line));
            }
            std::process::exit(EXIT_BAD_INPUT.into());
        }
    }
}

/// `--lang X` or `--lang=X` anywhere in the arguments, read before clap so that clap's own
/// help can be in that language.
pub(crate) fn lang_in_args(args: &[std::ffi::OsString]) -> Option<Lang> {
    let args: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    args.iter().enumerate().find_map(|(i, a)| {
        if let Some(v) = a.strip_prefix("--lang=") {
            Lang::from_tag(v)
        } else if a == "--lang" {
            args.get(i + 1).and_then(|v| Lang::from_tag(v))
        } else {
            None
        }
    })
}

pub(crate) fn localized_command(loc: &'static Locale) -> Command {
    let help = |key: &str| loc.t(key).to_string();
    let draft = |arg: Arg| {
        arg.help(help("cli.draft_arg"))
            .value_name(loc.t("cli_words.value_draft"))
            .add(draft_completer())
    };
    let file = |key: &str| {
        let text = help(key);
        move |arg: Arg| arg.help(text).value_name(loc.t("cli_words.value_file"))
    };
    // clap's "[default: …] [possible values: …]" is English: said here.
    let report_format = |a: Arg| {
        a.help(format!(
            "{}{}",
            help("cli.format"),
            loc.f(
                "cli_words.format_values",
                &[("values", &"text, json, markdown"), ("default", &"text")]
            )
        ))
        .hide_possible_values(true)
        .hide_default_value(true)
        .value_name(loc.t("cli_words.value_format"))
    };
    // Where the drafts are is what `--help` readers most often need next.
    let folder = match crate::store::Store::from_env() {
        Ok(store) => loc.f(
            "cli.drafts_folder",
            &[
                (
                    "folder",
                    &crate::text::visible(&store.dir().display().to_string()),
                ),
                ("var", &crate::store::HOME_VAR),
            ],
        ),
        Err(_) => loc.f("cli.no_drafts_folder", &[("var", &crate::store::HOME_VAR)]),
    };
    let command = Cli::command()
        .about(help("cli.about"))
        .after_help(folder)
        .mut_arg("lang", |a| {
            a.help(help("cli.lang"))
                .value_name(loc.t("cli_words.value_lang"))
        })
        .mut_subcommand("edit", |c| {
            c.about(help("cli.edit")).mut_arg("draft", draft)
        })
        .mut_subcommand("assess", |c| {
            c.about(help("cli.assess"))
                .mut_arg("draft", draft)
                .mut_arg("format", report_format)
                .mut_arg("require", |a| {
                    a.help(help("cli.require"))
                        .value_name(loc.t("cli_words.value_tier"))
                })
                .mut_arg("counting", |a| {
                    a.help(loc.f(
                        "readings.cli_help",
                        &[("values", &Counting::ALL.map(Counting::id).join(", "))],
                    ))
                    .value_name(loc.t("readings.cli_value"))
                })
        })
        .mut_subcommand("compare", |c| {
            c.about(help("compare.cli_about"))
                .mut_arg("a", draft)
                .mut_arg("b", draft)
                .mut_arg("format", report_format)
        })
        .mut_subcommand("drafts", |c| {
            c.about(help("cli.drafts")).mut_arg("format", |a| {
                a.help(format!(
                    "{}{}",
                    help("store_safety.drafts_format"),
                    loc.f(
                        "cli_words.format_values",
                        &[
                            ("values", &DraftsFormat::names().join(", ")),
                            ("default", &DraftsFormat::Text.name())
                        ]
                    )
                ))
                .hide_possible_values(true)
                .hide_default_value(true)
                .value_name(loc.t("cli_words.value_format"))
            })
        })
        .mut_subcommand("import-csv", |c| {
            c.about(help("cli.import_csv"))
                .mut_arg("file", file("import.cli_files"))
                .mut_arg("into", |a| {
                    a.help(help("cli.into"))
                        .value_name(loc.t("cli_words.value_draft"))
                        .add(draft_completer())
                })
                .mut_arg("customer", |a| {
                    a.help(help("import.cli_customer"))
                        .value_name(loc.t("import.value_customer"))
                })
        })
        .mut_subcommand("export-csv", |c| {
            c.about(help("cli.export_csv"))
                .mut_arg("draft", draft)
                .mut_arg("file", file("csv.export_file_arg"))
        });
    let command = localize_tool_commands(command, loc);
    let command = crate::cli_words::localize_tree(command, loc, true);
    crate::cli_words::localize_usage(command, loc)
}

/// What the shell and scripts meet: the commands that print for other tools (completion
/// scripts, the man page, the schema), the values completion offers, and `assess -`.
fn localize_tool_commands(command: Command, loc: &'static Locale) -> Command {
    let help = |key: &str| loc.t(key).to_string();
    command
        .mut_arg("lang", |a| {
            // Offered by completion; the other spellings are for people who type them.
            a.add(clap_complete::ArgValueCandidates::new(|| {
                Lang::ALL
                    .into_iter()
                    .map(|lang| clap_complete::CompletionCandidate::new(lang.id()))
                    .collect()
            }))
        })
        .mut_subcommand("completions", |c| {
            c.about(help("cli_tools.completions"))
                .mut_arg("shell", |a| {
                    // clap's "[possible values: …]" is English: the help names them.
                    a.help(help("cli_tools.shell_arg"))
                        .hide_possible_values(true)
                        .value_name(loc.t("cli_tools.value_shell"))
                })
        })
        .mut_subcommand("assess", |c| {
            c.mut_arg("draft", |a| {
                a.help(format!(
                    "{}{}",
                    help("cli.draft_arg"),
                    loc.t("cli_tools.standard_input_draft")
                ))
            })
            .mut_arg("require", |a| {
                // The tiers it takes, listed in its help and offered by completion.
                let tiers = crate::cli_words::tier_words(loc);
                let listed = tiers.join(loc.t("cli_words.list_separator"));
                a.help(format!(
                    "{}{}",
                    help("cli.require"),
                    loc.f("cli_tools.values", &[("values", &listed)])
                ))
                .add(clap_complete::ArgValueCandidates::new(move || {
                    tiers
                        .iter()
                        .map(clap_complete::CompletionCandidate::new)
                        .collect()
                }))
            })
        })
        .mut_subcommand("man", |c| c.about(help("cli_tools.man")))
        .mut_subcommand("schema", |c| c.about(help("cli_tools.schema")))
}

#[cfg(test)]
mod tests {
    use std::ffi::OsString;

    use proptest::prelude::*;

    use super::*;

    fn clap_reads(args: &[OsString]) -> Option<String> {
        let matches = Cli::command().try_get_matches_from(args).ok()?;
        Cli::from_arg_matches(&matches)
            .ok()
            .map(|cli| format!("{cli:?}"))
    }

    fn args(words: &[&str]) -> Vec<OsString> {
        words.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_wizards_command_lines_read_as_clap_reads_them() {
        for words in [
            &["cpc-wizard"][..],
            &["cpc-wizard", "edit", "contoso"],
            &["cpc-wizard", "edit", "drafts/q3 copy.json"],
            &["cpc-wizard", "edit", "help"],
            &["cpc-wizard", "edit", "草稿"],
        ] {
            let ours = wizard_start(&args(words)).map(|cli| format!("{cli:?}"));
            assert!(ours.is_some(), "{words:?}");
            assert_eq!(ours, clap_reads(&args(words)), "{words:?}");
        }
    }

    #[test]
    fn any_other_command_line_is_left_to_clap() {
        for words in [
            &["cpc-wizard", "edit"][..],
            &["cpc-wizard", "edit", "-"],
            &["cpc-wizard", "edit", "--lang=zh-TW"],
            &["cpc-wizard", "edit", ""],
            &["cpc-wizard", "edit", "a", "b"],
            &["cpc-wizard", "--lang", "en", "edit", "a"],
            &["cpc-wizard", "--help"],
            &["cpc-wizard", "assess", "a"],
            &["cpc-wizard", "ed", "a"],
        ] {
            assert!(wizard_start(&args(words)).is_none(), "{words:?}");
        }
    }

    proptest! {
        #[test]
        fn a_draft_read_without_clap_is_the_draft_clap_reads(draft in "\\PC{1,12}") {
            let words = args(&["cpc-wizard", "edit", &draft]);
            if let Some(cli) = wizard_start(&words) {
                prop_assert_eq!(Some(format!("{cli:?}")), clap_reads(&words));
            }
        }
    }
}
