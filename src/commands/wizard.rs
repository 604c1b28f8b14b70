//! `cpc-wizard` and `cpc-wizard edit DRAFT`: the interactive wizard.

use std::process::ExitCode;

use super::CliError;
use crate::i18n::Locale;
use crate::store::{self, Store};
use crate::tui;

pub fn wizard(
    store: &Store,
    draft: Option<&str>,
    loc: &'static Locale,
) -> Result<ExitCode, CliError> {
    // A draft named on the command line is found and read before the terminal is taken,
    // so that a bad name or file is one message on stderr, as for `assess`.
    let start = match draft {
        Some(draft) => {
            let path = store.resolve(draft)?;
            let profile = store::load(&path)?;
            tui::Start::Draft { path, profile }
        }
        None => tui::Start::Drafts,
    };
    tui::run(store.clone(), start, loc.lang)?;
    Ok(ExitCode::SUCCESS)
}
