//! Where the report's numbers came from, in words: the date the usage reports speak for,
//! each customer's source, and the reports that are much older than the newest.

use super::ReportInput;
use super::import_words as words;
use super::phrases::warning;
use super::readings::as_of;
use crate::i18n::Locale;
use crate::import::stale_customers;
use crate::profile::Customer;

/// "Usage reports as of …": the oldest report date among counted customers, when any
/// customer's numbers came from a usage report.
pub(super) fn as_of_line(loc: &Locale, input: &ReportInput) -> Option<String> {
    as_of(input.profile, input.assessment)
        .map(|date| loc.f("report.as_of", &[("date", &date.to_string())]))
}

/// "Source: usage report fabrikam.csv, 2017-11-30", for a customer that has a source.
pub(super) fn source_note(loc: &Locale, customer: &Customer) -> Option<String> {
    customer.source.as_deref().map(|source| {
        loc.f(
            "import.source_line",
            &[("source", &words::source_text(loc, source))],
        )
    })
}

/// The assessment's warnings, then one per customer whose report is more than 28 days
/// older than the newest.
pub(super) fn all_warnings(loc: &Locale, input: &ReportInput) -> Vec<String> {
    let mut lines: Vec<String> = input
        .assessment
        .warnings
        .iter()
        .map(|w| warning(loc, w))
        .collect();
    lines.extend(
        stale_customers(input.profile)
            .iter()
            .map(|s| words::stale_warning(loc, s)),
    );
    lines
}
