//! Office 365 activations user detail (SPEC.md §7b): ProPlus users, each counted once
//! however many rows or devices, kept as 64-bit hashes of their ids.

use std::collections::HashSet;
use std::io::Read;

use csv::ByteRecord;

use super::cells::{self, Domains, Problems, ReportDay, user_hash};
use super::columns::Column;
use super::detect::{ACTIVATIONS_HEADER, Header, Kind};
use super::error::{ImportError, RowProblem};
use super::stream::{Records, text};
use crate::profile::ReportDate;

/// Product names that are ProPlus, letters and digits only, lower case.
const PROPLUS_NAMES: [&str; 2] = ["office365proplus", "microsoft365appsforenterprise"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivationCounts {
    pub report_date: ReportDate,
    pub tenant_domain: Option<String>,
    /// Users with a ProPlus activation on or before the report date.
    pub activated: u64,
    /// Users with a ProPlus row at all (the licence, activated or not).
    pub licensed: u64,
    /// Rows of other products.
    pub other_products: u64,
    pub rows: u64,
}

pub(crate) fn read<R: Read>(
    records: &mut Records<R>,
    header: &Header,
) -> Result<ActivationCounts, ImportError> {
    let kind = Kind::Activations;
    let find = |names: &[&str]| {
        header.find(names).map(|index| Column {
            index,
            header: header.written[index].clone(),
        })
    };
    let date = find(&["reportrefreshdate"]);
    let upn = find(&["userprincipalname"]);
    let product = find(&["producttype", "productlicenses"]);
    let activated = find(&["lastactivateddate", "lastactivitydate"]);
    let (Some(date), Some(upn), Some(product), Some(activated)) = (date, upn, product, activated)
    else {
        let mut needed = vec!["reportrefreshdate", "userprincipalname"];
        if header.find(&["producttype", "productlicenses"]).is_none() {
            needed.push("producttype");
        }
        if header
            .find(&["lastactivateddate", "lastactivitydate"])
            .is_none()
        {
            needed.push("lastactivateddate");
        }
        return Err(ImportError::MissingColumns {
            kind,
            columns: super::detect::missing(header, ACTIVATIONS_HEADER, &needed),
        });
    };
    let width = header.written.len();
    let mut problems = Problems::new();
    let mut report_day = ReportDay::default();
    let mut domains = Domains::default();
    let mut licensed: HashSet<u64> = HashSet::new();
    let mut activated_users: HashSet<u64> = HashSet::new();
    let mut other_products = 0u64;
    let mut rows = 0u64;
    let mut record = ByteRecord::new();
    while let Some(numbered) = records.next(&mut record)? {
        let (line, record) = (numbered.line, numbered.record);
        rows += 1;
        if record.len() < width {
            problems.add_row(
                line,
                RowProblem::FieldCount {
                    found: record.len(),
                    expected: width,
                },
            );
            continue;
        }
        let cell = |c: &Column| record.get(c.index).unwrap_or_default();
        report_day.check(line, &date, cell(&date), &mut problems);
        let day = match cells::date(cell(&activated)) {
            Ok(day) => day,
            Err(()) => {
                problems.add(line, &activated, cell(&activated), RowProblem::Date);
                continue;
            }
        };
        if problems.full() {
            break;
        }
        let user = cell(&upn);
        domains.add(user);
        if !is_proplus(text(cell(&product))) {
            other_products += 1;
            continue;
        }
        let id = user_hash(user);
        licensed.insert(id);
        if let (Some(day), Some(report)) = (day, report_day.day())
            && day <= report
        {
            activated_users.insert(id);
        }
    }
    if !problems.errors.is_empty() {
        return Err(ImportError::InvalidRows(problems.errors));
    }
    let Some(report_date) = report_day.day().and_then(cells::day_to_date) else {
        return Err(ImportError::NoReportRows);
    };
    Ok(ActivationCounts {
        report_date,
        tenant_domain: domains.tenant(),
        activated: activated_users.len() as u64,
        licensed: licensed.len() as u64,
        other_products,
        rows,
    })
}

/// Whether a product cell names ProPlus (or its later name), ignoring case and spacing; a
/// cell may list several products.
fn is_proplus(product: &str) -> bool {
    let key: String = product
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    PROPLUS_NAMES.iter().any(|name| key.contains(name)) || key == "proplus"
}

#[cfg(test)]
mod tests {
    use super::is_proplus;

    #[test]
    fn proplus_by_either_name() {
        assert!(is_proplus("Office 365 ProPlus"));
        assert!(is_proplus("MICROSOFT 365 APPS FOR ENTERPRISE"));
        assert!(is_proplus("Visio, Office 365 ProPlus"));
        assert!(!is_proplus("Project"));
    }
}
