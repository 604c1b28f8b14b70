//! Cells of Microsoft's reports: dates `YYYY-MM-DD` (empty: never) and booleans
//! `True`/`False`, read from bytes without allocating (a cell in full-width forms,
//! `２０１７－０６－３０`, as its ASCII form), and the report date that must be one value for
//! the whole file.

use chrono::NaiveDate;

use super::columns::Column;
use super::error::{RowError, RowProblem};
use super::stream::text;
use crate::profile::ReportDate;

/// A day as a number (days since 1 January of year 1), for quick comparisons.
pub(crate) type Day = i32;

/// `YYYY-MM-DD` (a time after it, as Graph sometimes writes, is ignored); `Ok(None)` for an
/// empty cell. Worked out by hand rather than through chrono: a report has millions of
/// these cells.
pub(crate) fn date(cell: &[u8]) -> Result<Option<Day>, ()> {
    date_in_ascii(cell).or_else(|()| in_ascii_form(cell, date_in_ascii))
}

fn date_in_ascii(cell: &[u8]) -> Result<Option<Day>, ()> {
    let cell = cell.trim_ascii();
    if cell.is_empty() {
        return Ok(None);
    }
    if cell.len() < 10 || (cell.len() > 10 && !matches!(cell[10], b'T' | b' ')) {
        return Err(());
    }
    if cell[4] != b'-' || cell[7] != b'-' {
        return Err(());
    }
    let digits = |range: std::ops::Range<usize>| -> Result<i32, ()> {
        cell[range].iter().try_fold(0i32, |n, b| {
            if b.is_ascii_digit() {
                Ok(n * 10 + i32::from(b - b'0'))
            } else {
                Err(())
            }
        })
    };
    let (y, m, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    if !(1..=12).contains(&m) || d < 1 || d > days_in_month(y, m) || y < 1 {
        return Err(());
    }
    Ok(Some(days_from_civil(y, m, d)))
}

fn days_in_month(y: i32, m: i32) -> i32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1 January of year 1 (that day is 1), as chrono's `num_days_from_ce` counts:
/// Howard Hinnant's `days_from_civil`, shifted.
fn days_from_civil(y: i32, m: i32, d: i32) -> Day {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    // 719,468 days from 0000-03-01 to 1970-01-01; 719,163 from 0001-01-01 (day 1).
    era * 146_097 + doe - 719_468 + 719_163
}

pub(crate) fn day_to_date(day: Day) -> Option<ReportDate> {
    NaiveDate::from_num_days_from_ce_opt(day).map(ReportDate)
}

/// `True`/`False` in any case; an empty cell is false.
pub(crate) fn boolean(cell: &[u8]) -> Result<bool, ()> {
    boolean_in_ascii(cell).or_else(|()| in_ascii_form(cell, boolean_in_ascii))
}

fn boolean_in_ascii(cell: &[u8]) -> Result<bool, ()> {
    let cell = cell.trim_ascii();
    if cell.eq_ignore_ascii_case(b"true") || cell == b"1" {
        Ok(true)
    } else if cell.is_empty() || cell.eq_ignore_ascii_case(b"false") || cell == b"0" {
        Ok(false)
    } else {
        Err(())
    }
}

/// A cell refused as it is, read again with its full-width forms as ASCII: only a cell
/// that is not ASCII pays for it, never the millions that are.
fn in_ascii_form<T>(cell: &[u8], read: fn(&[u8]) -> Result<T, ()>) -> Result<T, ()> {
    if cell.is_ascii() {
        return Err(());
    }
    let written = std::str::from_utf8(cell).map_err(|_| ())?;
    read(crate::text::ascii_forms(written).as_bytes())
}

/// Bad cells of one file, kept up to a limit so that a file wrong on every line does not
/// fill memory; the first ones are enough to fix it.
pub(crate) struct Problems {
    pub errors: Vec<RowError>,
}

/// How many bad cells of one file are kept and shown.
pub(crate) const MAX_PROBLEMS: usize = 100;

impl Problems {
    pub(crate) fn new() -> Problems {
        Problems { errors: Vec::new() }
    }

    pub(crate) fn full(&self) -> bool {
        self.errors.len() >= MAX_PROBLEMS
    }

    pub fn add(&mut self, line: u64, column: &Column, cell: &[u8], problem: RowProblem) {
        if !self.full() {
            self.errors.push(RowError {
                line,
                column: Some(column.clone()),
                value: text(cell).trim().to_string(),
                problem,
            });
        }
    }

    pub(crate) fn add_row(&mut self, line: u64, problem: RowProblem) {
        if !self.full() {
            self.errors.push(RowError {
                line,
                column: None,
                value: String::new(),
                problem,
            });
        }
    }
}

/// The report date: one value for the whole file, the first line's.
#[derive(Default)]
pub(crate) struct ReportDay {
    first: Option<(Vec<u8>, Day, u64)>,
}

impl ReportDay {
    pub(crate) fn check(
        &mut self,
        line: u64,
        column: &Column,
        cell: &[u8],
        problems: &mut Problems,
    ) {
        let cell = cell.trim_ascii();
        if let Some((first, _, first_line)) = &self.first {
            if first.as_slice() != cell {
                let same_day = matches!(
                    (date(cell), date(first)),
                    (Ok(Some(a)), Ok(Some(b))) if a == b
                );
                if !same_day {
                    let problem = RowProblem::SecondReportDate {
                        first: text(first).to_string(),
                        first_line: *first_line,
                    };
                    problems.add(line, column, cell, problem);
                }
            }
            return;
        }
        match date(cell) {
            Ok(Some(day)) => self.first = Some((cell.to_vec(), day, line)),
            _ => problems.add(line, column, cell, RowProblem::Date),
        }
    }

    pub(crate) fn day(&self) -> Option<Day> {
        self.first.as_ref().map(|(_, day, _)| *day)
    }
}

/// The UPN's domain counts, to find the tenant: the domain most user names end in. A
/// report usually has one or two domains, so the last one seen is counted without a look-up.
#[derive(Default)]
pub(crate) struct Domains {
    counts: Vec<(String, u64)>,
    last: Option<usize>,
    /// User names with no `@`: concealed (32 hexadecimal characters) or otherwise unknown.
    pub without_domain: u64,
}

impl Domains {
    pub(crate) fn add(&mut self, upn: &[u8]) {
        let Some(at) = upn.iter().rposition(|b| *b == b'@') else {
            self.without_domain += 1;
            return;
        };
        let domain = text(&upn[at + 1..]).trim();
        if domain.is_empty() {
            self.without_domain += 1;
            return;
        }
        if let Some(i) = self.last
            && self.counts[i].0.eq_ignore_ascii_case(domain)
        {
            self.counts[i].1 += 1;
            return;
        }
        let i = match self
            .counts
            .iter()
            .position(|(d, _)| d.eq_ignore_ascii_case(domain))
        {
            Some(i) => i,
            None => {
                self.counts.push((domain.to_lowercase(), 0));
                self.counts.len() - 1
            }
        };
        self.counts[i].1 += 1;
        self.last = Some(i);
    }

    /// The domain most user names end in (the first seen of equals).
    pub(crate) fn tenant(&self) -> Option<String> {
        let mut best: Option<&(String, u64)> = None;
        for entry in &self.counts {
            if best.is_none_or(|b| entry.1 > b.1) {
                best = Some(entry);
            }
        }
        best.map(|(d, _)| d.clone())
    }
}

/// A user id as a 64-bit hash (FNV-1a, ignoring ASCII case): the activations report counts
/// each user once however many rows, and a set of hashes keeps that in little memory.
pub(crate) fn user_hash(upn: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in upn.trim_ascii() {
        hash ^= u64::from(b.to_ascii_lowercase());
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_booleans() {
        assert!(date(b"").unwrap().is_none());
        let day = date(b"2017-06-30").unwrap().unwrap();
        assert_eq!(date(b"2017-06-30T00:00:00").unwrap(), Some(day));
        assert_eq!(date(b"2017-07-01").unwrap(), Some(day + 1));
        assert_eq!(day_to_date(day), ReportDate::parse("2017-06-30"));
        // The same day numbers as chrono, leap years and centuries included.
        use chrono::Datelike;
        for text in [
            "0001-01-01",
            "1900-03-01",
            "2000-02-29",
            "2016-12-31",
            "2017-03-01",
        ] {
            let ours = date(text.as_bytes()).unwrap().unwrap();
            let chrono = ReportDate::parse(text).unwrap().0.num_days_from_ce();
            assert_eq!(ours, chrono, "{text}");
        }
        assert!(date(b"2017-02-29").is_err());
        assert!(date(b"2016-02-30").is_err());
        for bad in [
            &b"2017-13-01"[..],
            b"30/06/2017",
            b"2017-6-30",
            b"yesterday",
        ] {
            assert!(date(bad).is_err(), "{bad:?}");
        }
        assert_eq!(date("２０１７－０６－３０".as_bytes()), Ok(Some(day)));
        assert!(date("２０１７年６月３０日".as_bytes()).is_err());
        assert_eq!(boolean(b"True"), Ok(true));
        assert_eq!(boolean("ＴＲＵＥ".as_bytes()), Ok(true));
        assert_eq!(boolean("０".as_bytes()), Ok(false));
        assert_eq!(boolean(b"FALSE"), Ok(false));
        assert_eq!(boolean(b""), Ok(false));
        assert!(boolean(b"maybe").is_err());
    }

    #[test]
    fn the_tenant_is_the_most_common_domain() {
        let mut d = Domains::default();
        for upn in [&b"a@x.com"[..], b"b@Contoso.com", b"c@contoso.com", b"0123"] {
            d.add(upn);
        }
        assert_eq!(d.tenant().as_deref(), Some("contoso.com"));
        assert_eq!(d.without_domain, 1);
    }
}
