//! `cpc-wizard` and `cpc-wizard edit DRAFT`: the interactive wizard.

use std::process::ExitCode;

use super::CliError;
use crate::i18n::Locale;
use crate::store::Store;

pub fn wizard(
    store: &Store,
    draft: Option<&str>,
    loc: &'static Locale,
) -> Result<ExitCode, CliError> {
    // The wizard is being built; until it lands, say so rather than pretend.
    let _ = (store, draft);
    eprintln!("{}", loc.t("cli.wizard_pending"));
    Ok(ExitCode::from(super::EXIT_BAD_INPUT))
}
