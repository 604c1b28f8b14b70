//! The command line (SPEC.md §4), parsed by clap, with its help in the user's language.

use clap::{Arg, ArgMatches, Command, CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::i18n::{Lang, Locale};
use crate::report::ReportFormat;

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
    },
    Drafts,
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
}

fn parse_lang(value: &str) -> Result<Lang, String> {
    // The ids, which read the same in every language; the sentence around them is the
    // locale's (`cli_words.invalid_value`).
    Lang::from_id(value).ok_or_else(|| Lang::ALL.map(Lang::id).join(", "))
}

impl Cli {
    /// Parses the process's arguments, with help text in the language the arguments or the
    /// environment choose. Exits with code 2 on bad arguments, as clap does.
    pub fn parse_localized() -> Cli {
        let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
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
            std::process::exit(crate::commands::EXIT_BAD_INPUT.into());
        }
    }
}

/// `--lang X` or `--lang=X` anywhere in the arguments, read before clap so that clap's own
/// help can be in that language.
fn lang_in_args(args: &[std::ffi::OsString]) -> Option<Lang> {
    let args: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    args.iter().enumerate().find_map(|(i, a)| {
        if let Some(v) = a.strip_prefix("--lang=") {
            Lang::from_id(v)
        } else if a == "--lang" {
            args.get(i + 1).and_then(|v| Lang::from_id(v))
        } else {
            None
        }
    })
}

pub fn localized_command(loc: &'static Locale) -> Command {
    let help = |key: &str| loc.t(key).to_string();
    let draft = |arg: Arg| {
        arg.help(help("cli.draft_arg"))
            .value_name(loc.t("cli_words.value_draft"))
    };
    let file = |key: &str| {
        let text = help(key);
        move |arg: Arg| arg.help(text).value_name(loc.t("cli_words.value_file"))
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
                .mut_arg("format", |a| {
                    // clap's "[default: …] [possible values: …]" is English: said here.
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
                })
                .mut_arg("require", |a| {
                    a.help(help("cli.require"))
                        .value_name(loc.t("cli_words.value_tier"))
                })
        })
        .mut_subcommand("drafts", |c| c.about(help("cli.drafts")))
        .mut_subcommand("import-csv", |c| {
            c.about(help("cli.import_csv"))
                .mut_arg("file", file("import.cli_files"))
                .mut_arg("into", |a| {
                    a.help(help("cli.into"))
                        .value_name(loc.t("cli_words.value_draft"))
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
    let command = crate::cli_words::localize_tree(command, loc, true);
    crate::cli_words::localize_usage(command, loc)
}
