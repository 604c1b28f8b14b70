//! `cpc-wizard assess DRAFT [--format …] [--require …] [--counting …]`

use std::io::Write;
use std::process::ExitCode;

use super::{CliError, EXIT_NOT_MET};
use crate::i18n::Locale;
use crate::profile::Counting;
use crate::report::{self, ReportFormat, ReportInput};
use crate::rules::{RuleSet, evaluate};
use crate::store::{self, Store};

pub fn assess(
    store: &Store,
    draft: &str,
    format: ReportFormat,
    require: Option<&str>,
    counting: Option<Counting>,
    loc: &Locale,
) -> Result<ExitCode, CliError> {
    let path = store.resolve(draft)?;
    let mut profile = store::load(&path)?;
    // Another reading for this report only: the draft on disk is never written here.
    if let Some(counting) = counting {
        profile.counting = counting;
    }
    // The loader accepts only editions that exist, so the fallback is never taken.
    let rules = RuleSet::by_edition(&profile.edition).unwrap_or(RuleSet::default_edition());
    if let Some(tier) = require
        && rules.tier(tier).is_none()
    {
        return Err(CliError::UnknownTier {
            given: tier.to_string(),
            known: rules.tiers.iter().map(|t| t.id.clone()).collect(),
        });
    }
    let assessment = evaluate(&profile, rules);
    let text = report::render(
        &ReportInput {
            profile: &profile,
            rules,
            assessment: &assessment,
        },
        format,
        loc,
    );
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()?;

    let met = require.is_none_or(|tier| assessment.tier(tier).is_some_and(|t| t.met));
    Ok(if met {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_NOT_MET)
    })
}
