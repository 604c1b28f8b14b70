//! One function per subcommand, called by `main` once the command line is parsed. Each
//! returns the exit code, or an error that `main` words and reports with exit code 2.

mod assess;
mod drafts;
mod export_csv;
mod import_csv;
mod wizard;

pub use assess::assess;
pub use drafts::{DraftsFormat, drafts};
pub use export_csv::export_csv;
pub use import_csv::import_csv;
pub use wizard::wizard;

use std::process::ExitCode;

use crate::i18n::Locale;
use crate::store::StoreError;

/// Exit code when `--require` is not met (SPEC.md §4).
pub const EXIT_NOT_MET: u8 = 1;
/// Exit code for bad input: unreadable or invalid file, bad arguments.
pub const EXIT_BAD_INPUT: u8 = 2;

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
}
