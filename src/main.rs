use std::process::ExitCode;

use cpc_wizard::cli::{Cli, Cmd};
use cpc_wizard::commands::{self, CliError};
use cpc_wizard::i18n::Locale;
use cpc_wizard::settings::{Settings, choose_lang};
use cpc_wizard::store::Store;
use cpc_wizard::text::visible;

fn main() -> ExitCode {
    cpc_wizard::tui::survive_file_size_limit();
    // A completion script asking what can come next: answered before anything else runs.
    commands::complete_if_asked();
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
        Err(error) if error.is_closed_output() => ExitCode::SUCCESS,
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
            counting,
        }) => commands::assess(store, &draft, format, require.as_deref(), counting, loc),
        Some(Cmd::Compare { a, b, format }) => commands::compare(store, &a, &b, format, loc),
        Some(Cmd::Drafts { format }) => commands::drafts(store, format, loc),
        Some(Cmd::ImportCsv {
            file,
            into,
            customer,
        }) => commands::import_csv(store, &file, &into, customer, loc),
        Some(Cmd::ExportCsv { draft, file }) => commands::export_csv(store, &draft, &file, loc),
        Some(Cmd::Completions { shell }) => commands::completions(shell),
        Some(Cmd::Man) => commands::man(loc),
        Some(Cmd::Schema) => commands::schema(),
    }
}
