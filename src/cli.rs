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
        file: std::path::PathBuf,
        #[arg(long)]
        into: String,
    },
    ExportCsv {
        draft: String,
        file: std::path::PathBuf,
    },
}

fn parse_lang(value: &str) -> Result<Lang, String> {
    Lang::from_id(value).ok_or_else(|| format!("en, zh-TW: {value:?}"))
}

impl Cli {
    /// Parses the process's arguments, with help text in the language the arguments or the
    /// environment choose. Exits with code 2 on bad arguments, as clap does.
    pub fn parse_localized() -> Cli {
        let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
        let lang = lang_in_args(&args).unwrap_or_else(Lang::from_process_env);
        let matches: ArgMatches = localized_command(Locale::get(lang)).get_matches_from(args);
        match Cli::from_arg_matches(&matches) {
            Ok(cli) => cli,
            Err(e) => e.exit(),
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

pub fn localized_command(loc: &Locale) -> Command {
    let help = |key: &str| loc.t(key).to_string();
    let draft = |arg: Arg| arg.help(help("cli.draft_arg"));
    Cli::command()
        .about(help("cli.about"))
        .mut_arg("lang", |a| a.help(help("cli.lang")))
        .mut_subcommand("edit", |c| {
            c.about(help("cli.edit")).mut_arg("draft", draft)
        })
        .mut_subcommand("assess", |c| {
            c.about(help("cli.assess"))
                .mut_arg("draft", draft)
                .mut_arg("format", |a| a.help(help("cli.format")))
                .mut_arg("require", |a| a.help(help("cli.require")))
        })
        .mut_subcommand("drafts", |c| c.about(help("cli.drafts")))
        .mut_subcommand("import-csv", |c| {
            c.about(help("cli.import_csv"))
                .mut_arg("file", |a| a.help(help("cli.file_arg")))
                .mut_arg("into", |a| a.help(help("cli.into")))
        })
        .mut_subcommand("export-csv", |c| {
            c.about(help("cli.export_csv"))
                .mut_arg("draft", draft)
                .mut_arg("file", |a| a.help(help("csv.export_file_arg")))
        })
}
