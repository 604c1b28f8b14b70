//! `cpc-wizard assess DRAFT [--format …] [--require …] [--counting …]`

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use super::{CliError, EXIT_NOT_MET};
use crate::cli_words::tier_words;
use crate::i18n::{Lang, Locale};
use crate::profile::{Counting, Profile};
use crate::report::phrases::tier_name;
use crate::report::{self, ReportFormat, ReportInput};
use crate::rules::{RuleSet, evaluate};
use crate::store::{self, Store, StoreError};

/// The DRAFT that means "read the draft from standard input", as in most tools.
pub(crate) const STANDARD_INPUT: &str = "-";

pub fn assess(
    store: &Store,
    draft: &str,
    format: ReportFormat,
    require: Option<&str>,
    counting: Option<Counting>,
    loc: &Locale,
) -> Result<ExitCode, CliError> {
    let mut profile = if draft == STANDARD_INPUT {
        read_standard_input(loc)?
    } else {
        store::load(&store.resolve(draft)?)?
    };
    // Another reading for this report only: the draft on disk is never written here.
    if let Some(counting) = counting {
        profile.counting = counting;
    }
    // The loader accepts only editions that exist, so the fallback is never taken.
    let rules = RuleSet::by_edition(&profile.edition).unwrap_or(RuleSet::default_edition());
    let required = match require {
        None => None,
        Some(given) => Some(tier_id(rules, given).ok_or_else(|| CliError::UnknownTier {
            given: given.to_string(),
            known: tier_words(loc),
        })?),
    };
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
    // A reader that stopped early (`| head -1`) does not change the verdict.
    super::print(text.as_bytes())?;

    let met = required.is_none_or(|tier| assessment.tier(tier).is_some_and(|t| t.met));
    Ok(if met {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_NOT_MET)
    })
}

/// The tier `--require` names: its id (`silver`), or its name in any of our languages
/// (`Gold`, `金級`), ignoring case and surrounding spaces. A script written in one language
/// still works when run in another.
fn tier_id<'r>(rules: &'r RuleSet, given: &str) -> Option<&'r str> {
    let given = given.trim().to_lowercase();
    rules.tiers.iter().map(|t| t.id.as_str()).find(|id| {
        id.to_lowercase() == given
            || Lang::ALL
                .iter()
                .any(|lang| tier_name(Locale::get(*lang), id).to_lowercase() == given)
    })
}

/// A draft piped in. Read as `store::load` reads a file, with "standard input" (in the
/// user's language) where a message would name the file.
fn read_standard_input(loc: &Locale) -> Result<Profile, CliError> {
    let source = PathBuf::from(loc.t("cli_tools.standard_input"));
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .read_to_end(&mut bytes)
        .map_err(|e| StoreError::io(&source, e))?;
    Ok(store::parse(&source, &bytes)?)
}
