//! `cpc-wizard compare A B [--format text|json|markdown]`

use std::process::ExitCode;

use super::CliError;
use crate::i18n::Locale;
use crate::report::ReportFormat;
use crate::store::{self, Store};

pub fn compare(
    store: &Store,
    a: &str,
    b: &str,
    format: ReportFormat,
    loc: &Locale,
) -> Result<ExitCode, CliError> {
    let a = store::load(&store.resolve(a)?)?;
    let b = store::load(&store.resolve(b)?)?;
    let comparison = crate::compare::compare(&a, &b);
    super::print(crate::compare::render(&comparison, format, loc).as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
