use std::process::ExitCode;

use cpc_wizard::cli::{Cli, Cmd};
use cpc_wizard::commands::{self, CliError};
use cpc_wizard::i18n::Locale;
use cpc_wizard::settings::{Settings, choose_lang};
use cpc_wizard::store::Store;
use cpc_wizard::text::visible;

fn main() -> ExitCode {
    let cli = Cli::parse_localized();
    let store = Store::from_env();
    let settings = store
        .as_ref()
        .map(|s| Settings::load(s.dir()))
        .unwrap_or_default();
    let loc = Locale::get(choose_lang(cli.lang, &settings));
    match store
        .map_err(CliError::from)
        .and_then(|store| run(&store, cli.command, loc))
    {
        Ok(code) => code,
        Err(error) => {
            let message = error.message(loc);
            eprintln!(
                "{}",
                visible(&loc.f("error.prefix", &[("message", &message)]))
            );
            error.exit_code()
        }
    }
}

fn run(store: &Store, command: Option<Cmd>, loc: &'static Locale) -> Result<ExitCode, CliError> {
    match command {
        None => commands::wizard(store, None, loc),
        Some(Cmd::Edit { draft }) => commands::wizard(store, Some(&draft), loc),
        Some(Cmd::Assess {
            draft,
            format,
            require,
        }) => commands::assess(store, &draft, format, require.as_deref(), loc),
        Some(Cmd::Drafts) => commands::drafts(store, loc),
        Some(Cmd::ImportCsv {
            file,
            into,
            customer,
        }) => commands::import_csv(store, &file, &into, customer, loc),
        Some(Cmd::ExportCsv { draft, file }) => commands::export_csv(store, &draft, &file, loc),
    }
}
