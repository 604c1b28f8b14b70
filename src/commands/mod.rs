//! One function per subcommand, called by `main` once the command line is parsed. Each
//! returns the exit code, or an error that `main` words and reports with exit code 2.

mod assess;
mod compare;
mod completions;
mod drafts;
mod export_csv;
mod import_csv;
mod man;
mod schema;
mod wizard;

pub use assess::assess;
pub use compare::compare;
pub use completions::{complete_if_asked, completions};
pub use drafts::drafts;
pub use export_csv::export_csv;
pub use import_csv::import_csv;
pub use man::man;
pub use schema::{PROFILE_SCHEMA, schema};
pub use wizard::wizard;

use std::io::{self, Write};
use std::process::ExitCode;

use crate::i18n::Locale;
use crate::store::StoreError;

pub(crate) use crate::cli::{EXIT_BAD_INPUT, EXIT_NOT_MET};

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("unknown tier {given:?}")]
    UnknownTier { given: String, known: Vec<String> },
    #[error("cannot write to the terminal: {0}")]
    Output(#[from] std::io::Error),
    #[error("the wizard needs a terminal")]
    NoTerminal,
}

impl CliError {
    pub fn message(&self, loc: &Locale) -> String {
        match self {
            CliError::Store(e) => crate::messages::store_error(loc, e),
            CliError::UnknownTier { given, known } => loc.f(
                "error.unknown_tier",
                &[
                    ("given", given),
                    ("known", &crate::messages::list(loc, known)),
                ],
            ),
            CliError::Output(e) => loc.f(
                "error.output",
                &[("detail", &crate::messages::io_error(loc, e))],
            ),
            CliError::NoTerminal => loc.t("error.no_terminal").to_string(),
        }
    }

    pub fn exit_code(&self) -> ExitCode {
        ExitCode::from(EXIT_BAD_INPUT)
    }

    /// The output's reader went away (`cpc-wizard drafts | head -1`): what was wanted has
    /// been read, so the program ends quietly with 0, as rg and bat do.
    pub fn is_closed_output(&self) -> bool {
        matches!(self, CliError::Output(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }
}

/// Writes a command's output to standard output. A reader that went away is not an error:
/// the rest is simply not wanted.
pub(crate) fn print(bytes: &[u8]) -> Result<(), CliError> {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}
