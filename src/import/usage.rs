//! Office 365 active user detail (SPEC.md §7a): one tenant's users, counted per workload in
//! the 28 days that end on the report date, as the file streams by.

use std::io::Read;

use csv::ByteRecord;

use super::cells::{self, Day, Domains, Problems, ReportDay};
use super::columns::Column;
use super::detect::{ACTIVE_USERS_EARLY_HEADER, ACTIVE_USERS_HEADER, Header, Kind};
use super::error::{ImportError, RowProblem};
use super::stream::Records;
use crate::profile::{ReportDate, Workload};

/// Days of the window that ends on the report date: active means "used it in the last 28
/// days", and a user last active in the last 21 still counts 7 days later.
const WINDOW_DAYS: Day = 28;
const WINDOW_IN_7_DAYS: Day = 21;

/// The four workloads of this report (ProPlus comes from the activations report).
pub(crate) const WORKLOADS: [Workload; 4] = [
    Workload::ExchangeOnline,
    Workload::SharepointOnline,
    Workload::SkypeForBusiness,
    Workload::Yammer,
];

/// What one report says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageCounts {
    pub report_date: ReportDate,
    /// The domain most user names end in; None when the names are concealed.
    pub tenant_domain: Option<String>,
    /// Active users per workload of `WORKLOADS`, in that order.
    pub active: [u64; 4],
    /// Of those, last active in the 21 days that end on the report date.
    pub active_in_7_days: [u64; 4],
    /// Users holding the workload's licence and not deleted (SharePoint: SharePoint or
    /// OneDrive).
    pub licensed: [u64; 4],
    /// Users active on Teams, which the 2017 rules do not count.
    pub teams_active: u64,
    pub left_out: LeftOut,
    pub rows: u64,
}

/// Users that count on no workload, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LeftOut {
    pub deleted: u64,
    /// Holding no licence of any workload.
    pub no_licence: u64,
    /// Licensed, but last active before the 28 days (or never).
    pub outside_window: u64,
    /// Active on Teams and on no counted workload.
    pub teams_only: u64,
}

/// Where each column the count needs is.
struct Columns {
    date: Column,
    upn: Column,
    deleted: Column,
    /// Licence and last activity per workload: Exchange, SharePoint, Skype, Yammer, then
    /// OneDrive and Teams (None in the 2017 layout).
    licence: [Option<Column>; 6],
    last: [Option<Column>; 6],
    width: usize,
}

const ONEDRIVE: usize = 4;
const TEAMS: usize = 5;

impl Columns {
    fn find(header: &Header, kind: Kind) -> Result<Columns, ImportError> {
        let early = kind == Kind::ActiveUsersEarly;
        // Normalized names: (since October 2017, February–October 2017).
        let licences: [(&str, &str); 6] = [
            ("hasexchangelicense", "licenseforexchange"),
            ("hassharepointlicense", "licenseforsharepoint"),
            ("hasskypeforbusinesslicense", "licenseforskypeforbusiness"),
            ("hasyammerlicense", "licenseforyammer"),
            ("hasonedrivelicense", "licenseforonddrive"),
            ("hasteamslicense", ""),
        ];
        let lasts: [(&str, &str); 6] = [
            ("exchangelastactivitydate", "lastactivitydateforexchange"),
            (
                "sharepointlastactivitydate",
                "lastactivitydateforsharepoint",
            ),
            (
                "skypeforbusinesslastactivitydate",
                "lastactivitydateforskypeforbusiness",
            ),
            ("yammerlastactivitydate", "lastactivitydateforyammer"),
            ("onedrivelastactivitydate", "lastactivitydateforonddrive"),
            ("teamslastactivitydate", ""),
        ];
        let pick = |pair: (&'static str, &'static str)| if early { pair.1 } else { pair.0 };
        let mut needed: Vec<&str> = vec![
            pick(("reportrefreshdate", "dataasof")),
            "userprincipalname",
            pick(("isdeleted", "deleted")),
        ];
        needed.extend(licences.iter().map(|p| pick(*p)).filter(|n| !n.is_empty()));
        needed.extend(lasts.iter().map(|p| pick(*p)).filter(|n| !n.is_empty()));
        let spec = if early {
            ACTIVE_USERS_EARLY_HEADER
        } else {
            ACTIVE_USERS_HEADER
        };
        let missing = super::detect::missing(header, spec, &needed);
        if !missing.is_empty() {
            return Err(ImportError::MissingColumns {
                kind,
                columns: missing,
            });
        }
        let column = |name: &str| -> Option<Column> {
            if name.is_empty() {
                return None;
            }
            header.find(&[name]).map(|index| Column {
                index,
                header: header.written[index].clone(),
            })
        };
        let required = |name: &str| {
            column(name).ok_or_else(|| ImportError::MissingColumns {
                kind,
                columns: vec![name.to_string()],
            })
        };
        let licence = licences.map(|p| column(pick(p)));
        let last = lasts.map(|p| column(pick(p)));
        Ok(Columns {
            date: required(pick(("reportrefreshdate", "dataasof")))?,
            upn: required("userprincipalname")?,
            deleted: required(pick(("isdeleted", "deleted")))?,
            licence,
            last,
            width: header.written.len(),
        })
    }
}

/// Reads a whole report; the header has been read and recognised as `kind`.
pub(crate) fn read<R: Read>(
    records: &mut Records<R>,
    header: &Header,
    kind: Kind,
) -> Result<UsageCounts, ImportError> {
    let columns = Columns::find(header, kind)?;
    let mut problems = Problems::new();
    let mut report_day = ReportDay::default();
    let mut domains = Domains::default();
    // Last activity days are compared with the report date once it is known: the report
    // date is the same on every line, so the first line gives it.
    let mut counts = Tally::default();
    let mut record = ByteRecord::new();
    let mut rows = 0u64;
    while let Some(numbered) = records.next(&mut record)? {
        let (line, record) = (numbered.line, numbered.record);
        rows += 1;
        if record.len() < columns.width {
            problems.add_row(
                line,
                RowProblem::FieldCount {
                    found: record.len(),
                    expected: columns.width,
                },
            );
            continue;
        }
        let cell = |c: &Column| record.get(c.index).unwrap_or_default();
        report_day.check(line, &columns.date, cell(&columns.date), &mut problems);
        let mut bad = false;
        let mut flag = |c: &Column, problems: &mut Problems| match cells::boolean(cell(c)) {
            Ok(b) => b,
            Err(()) => {
                problems.add(line, c, cell(c), RowProblem::Boolean);
                bad = true;
                false
            }
        };
        let deleted = flag(&columns.deleted, &mut problems);
        let licence = columns
            .licence
            .each_ref()
            .map(|c| c.as_ref().is_some_and(|c| flag(c, &mut problems)));
        let mut last = [None; 6];
        for (i, c) in columns.last.iter().enumerate() {
            if let Some(c) = c {
                match cells::date(cell(c)) {
                    Ok(day) => last[i] = day,
                    Err(()) => {
                        problems.add(line, c, cell(c), RowProblem::Date);
                        bad = true;
                    }
                }
            }
        }
        if problems.full() {
            break;
        }
        if bad {
            continue;
        }
        domains.add(cell(&columns.upn));
        let Some(report) = report_day.day() else {
            continue;
        };
        counts.user(report, deleted, &licence, &last);
    }
    if !problems.errors.is_empty() {
        return Err(ImportError::InvalidRows(problems.errors));
    }
    let Some(report_date) = report_day.day().and_then(cells::day_to_date) else {
        return Err(ImportError::NoReportRows);
    };
    Ok(UsageCounts {
        report_date,
        tenant_domain: domains.tenant(),
        active: counts.active,
        active_in_7_days: counts.active_in_7_days,
        licensed: counts.licensed,
        teams_active: counts.teams_active,
        left_out: counts.left_out,
        rows,
    })
}

#[derive(Default)]
struct Tally {
    active: [u64; 4],
    active_in_7_days: [u64; 4],
    licensed: [u64; 4],
    teams_active: u64,
    left_out: LeftOut,
}

impl Tally {
    /// One user: `licence` and `last` by workload as in `Columns`.
    fn user(&mut self, report: Day, deleted: bool, licence: &[bool; 6], last: &[Option<Day>; 6]) {
        if deleted {
            self.left_out.deleted += 1;
            return;
        }
        let within = |days: Day, i: usize| {
            licence[i] && last[i].is_some_and(|d| d <= report && d > report - days)
        };
        let mut counted = false;
        for i in 0..4 {
            let (licensed, active, active_later) = if i == 1 {
                // SharePoint counts a user once when SharePoint or OneDrive qualifies.
                (
                    licence[1] || licence[ONEDRIVE],
                    within(WINDOW_DAYS, 1) || within(WINDOW_DAYS, ONEDRIVE),
                    within(WINDOW_IN_7_DAYS, 1) || within(WINDOW_IN_7_DAYS, ONEDRIVE),
                )
            } else {
                (
                    licence[i],
                    within(WINDOW_DAYS, i),
                    within(WINDOW_IN_7_DAYS, i),
                )
            };
            self.licensed[i] += u64::from(licensed);
            self.active[i] += u64::from(active);
            self.active_in_7_days[i] += u64::from(active_later);
            counted |= active;
        }
        let teams = within(WINDOW_DAYS, TEAMS);
        self.teams_active += u64::from(teams);
        if counted {
            return;
        }
        if teams {
            self.left_out.teams_only += 1;
        } else if licence.iter().any(|l| *l) {
            self.left_out.outside_window += 1;
        } else {
            self.left_out.no_licence += 1;
        }
    }
}
