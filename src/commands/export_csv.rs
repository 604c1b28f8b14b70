//! `cpc-wizard export-csv DRAFT FILE`: a draft's customers, with their counted values, in
//! the columns `import-csv` reads.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::CliError;
use crate::export::customers_csv;
use crate::i18n::Locale;
use crate::rules::{RuleSet, evaluate};
use crate::store::{self, Store};
use crate::text::visible;

pub fn export_csv(
    store: &Store,
    draft: &str,
    file: &Path,
    loc: &Locale,
) -> Result<ExitCode, CliError> {
    let profile = store::load(&store.resolve(draft)?)?;
    // The loader accepts only editions that exist, so the fallback is never taken.
    let rules = RuleSet::by_edition(&profile.edition).unwrap_or(RuleSet::default_edition());
    let text = customers_csv(&profile, &evaluate(&profile, rules));
    // The folder must exist: a mistyped folder is said, not created.
    store::write_export(file, text.as_bytes())?;
    let mut stdout = std::io::stdout().lock();
    writeln!(
        stdout,
        "{}",
        visible(&loc.plural(
            "csv.exported",
            profile.customers.len() as u64,
            &[("path", &file.display())]
        ))
    )?;
    Ok(ExitCode::SUCCESS)
}
