//! An assessment as text, Markdown or JSON: what `assess` prints and the wizard exports;
//! and the sentences behind them, which the command line and the wizard show too (an
//! import's result among them), so that every front end says the same.

pub mod import_words;
mod json;
mod markdown;
pub(crate) mod outlook;
pub mod phrases;
mod plain;
mod provenance;
pub(crate) mod readings;

use crate::i18n::Locale;
use crate::profile::Profile;
use crate::rules::{Assessment, RuleSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Text,
    Json,
    Markdown,
}

/// Everything a report is written from.
pub struct ReportInput<'a> {
    pub profile: &'a Profile,
    pub rules: &'a RuleSet,
    pub assessment: &'a Assessment,
}

pub fn render(input: &ReportInput, format: ReportFormat, loc: &Locale) -> String {
    match format {
        ReportFormat::Text => plain::render(input, loc),
        ReportFormat::Markdown => markdown::render(input, loc),
        ReportFormat::Json => json::render(input),
    }
}
