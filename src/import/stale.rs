//! Reports of different ages in one draft: a customer whose report is more than 28 days
//! older than the newest one is counted on a window that has long moved on.

use crate::profile::{Profile, ReportDate, SourceKind};

/// More than this many days older than the newest report is stale.
const STALE_AFTER_DAYS: i64 = 28;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaleCustomer {
    pub name: String,
    pub report_date: ReportDate,
    pub newest: ReportDate,
}

/// The customers whose usage report is more than 28 days older than the draft's newest,
/// in draft order.
pub(crate) fn stale_customers(profile: &Profile) -> Vec<StaleCustomer> {
    let dated = || {
        profile.customers.iter().filter_map(|c| {
            let source = c.source.as_ref()?;
            (source.kind == SourceKind::UsageReport)
                .then_some(())
                .and(source.report_date)
                .map(|d| (c, d))
        })
    };
    let Some(newest) = dated().map(|(_, d)| d).max() else {
        return Vec::new();
    };
    dated()
        .filter(|(_, d)| (newest.0 - d.0).num_days() > STALE_AFTER_DAYS)
        .map(|(c, d)| StaleCustomer {
            name: c.name.clone(),
            report_date: d,
            newest,
        })
        .collect()
}
