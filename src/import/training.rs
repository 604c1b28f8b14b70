//! Partner Center's training details (SPEC.md §7c): rows grouped by email into people, with
//! the exams and certifications their trainings name.

use std::collections::HashMap;
use std::io::Read;

use csv::ByteRecord;

use super::cells::Problems;
use super::columns::Column;
use super::detect::{Header, Kind, TRAINING_HEADER};
use super::error::{ImportError, RowProblem};
use super::stream::{Records, text};
use crate::text::ascii_forms;

/// The exams the rules know, found by number in a training's id or title.
const EXAMS: [&str; 2] = ["70-346", "70-347"];
pub(crate) const MCSA_OFFICE_365: &str = "mcsa-office-365";

/// One person of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TrainedPerson {
    pub line: u64,
    pub name: String,
    pub email: Option<String>,
    pub exams: Vec<String>,
    pub certifications: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TrainingRead {
    pub people: Vec<TrainedPerson>,
    pub rows: u64,
    /// Trainings that are not 70-346, 70-347 or MCSA: Office 365 (kept, not counted).
    pub not_counted: u64,
}

pub(crate) fn read<R: Read>(
    records: &mut Records<R>,
    header: &Header,
) -> Result<TrainingRead, ImportError> {
    let find = |name: &str| {
        header.find(&[name]).map(|index| Column {
            index,
            header: header.written[index].clone(),
        })
    };
    let needed = [
        "trainingactivityid",
        "trainingtitle",
        "individualfirstname",
        "individuallastname",
        "email",
    ];
    let missing = super::detect::missing(header, TRAINING_HEADER, &needed);
    let [Some(id), Some(title), Some(first), Some(last), Some(email)] = needed.map(find) else {
        return Err(ImportError::MissingColumns {
            kind: Kind::Training,
            columns: missing,
        });
    };
    let kind_column = find("trainingtype");
    let mut problems = Problems::new();
    let mut people: Vec<TrainedPerson> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut not_counted = 0u64;
    let mut rows = 0u64;
    let mut record = ByteRecord::new();
    while let Some(numbered) = records.next(&mut record)? {
        let (line, record) = (numbered.line, numbered.record);
        rows += 1;
        let cell = |c: &Column| text(record.get(c.index).unwrap_or_default()).trim();
        let name = format!("{} {}", cell(&first), cell(&last))
            .trim()
            .to_string();
        let mail = cell(&email);
        if name.is_empty() && mail.is_empty() {
            problems.add(line, &first, b"", RowProblem::EmptyPersonName);
            continue;
        }
        let key = if mail.is_empty() {
            format!("name:{}", name.to_lowercase())
        } else {
            mail.to_lowercase()
        };
        let index = *by_key.entry(key).or_insert_with(|| {
            people.push(TrainedPerson {
                line,
                name: if name.is_empty() {
                    mail.to_string()
                } else {
                    name.clone()
                },
                email: (!mail.is_empty()).then(|| mail.to_string()),
                exams: Vec::new(),
                certifications: Vec::new(),
            });
            people.len() - 1
        });
        let training_type = kind_column.as_ref().map(cell).unwrap_or_default();
        let person = &mut people[index];
        match recognise(cell(&id), cell(&title), training_type) {
            Training::Exam(exam, counts) => {
                not_counted += u64::from(!counts);
                if !person.exams.contains(&exam) {
                    person.exams.push(exam);
                }
            }
            Training::Certification(cert, counts) => {
                not_counted += u64::from(!counts);
                if !person.certifications.contains(&cert) {
                    person.certifications.push(cert);
                }
            }
            Training::Nothing => {}
        }
    }
    if !problems.errors.is_empty() {
        return Err(ImportError::InvalidRows(problems.errors));
    }
    if people.is_empty() {
        return Err(ImportError::NoReportRows);
    }
    Ok(TrainingRead {
        people,
        rows,
        not_counted,
    })
}

enum Training {
    /// The id, and whether the rules count it.
    Exam(String, bool),
    Certification(String, bool),
    Nothing,
}

/// What a training row gives: an exam by its number, MCSA: Office 365 by its title, other
/// certifications by their title, and anything else as an exam named by its id or title.
fn recognise(id: &str, title: &str, training_type: &str) -> Training {
    // Numbers and names typed in full-width forms (`７０－３４６`) are the same trainings.
    let (id_ascii, title_ascii) = (ascii_forms(id), ascii_forms(title));
    for exam in EXAMS {
        if id_ascii.contains(exam) || title_ascii.contains(exam) {
            return Training::Exam(exam.to_string(), true);
        }
    }
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let title_key = key(&title_ascii);
    if title_key.contains("mcsa") && title_key.contains("office365") {
        return Training::Certification(MCSA_OFFICE_365.to_string(), true);
    }
    if let Some(number) = exam_number(&id_ascii).or_else(|| exam_number(&title_ascii)) {
        return Training::Exam(number, false);
    }
    let named = if title.is_empty() { id } else { title };
    if named.is_empty() {
        return Training::Nothing;
    }
    let is_certification = ["mcsa", "mcse", "mcsd", "certification", "certified"]
        .iter()
        .any(|w| title_key.starts_with(w) || key(training_type).contains(w));
    if is_certification {
        Training::Certification(named.to_string(), false)
    } else {
        Training::Exam(named.to_string(), false)
    }
}

/// An exam number such as `70-533` or `MS-100` anywhere in the text.
fn exam_number(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    (0..bytes.len()).find_map(|i| {
        let dash = bytes.get(i..)?.iter().position(|b| *b == b'-')? + i;
        let before = &bytes[i..dash];
        let after: Vec<u8> = bytes[dash + 1..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .copied()
            .collect();
        let starts_word = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        let prefix_ok = (before.len() == 2 && before.iter().all(u8::is_ascii_alphanumeric))
            && (before.iter().all(u8::is_ascii_digit)
                || before.iter().all(u8::is_ascii_alphabetic));
        (starts_word && prefix_ok && after.len() == 3).then(|| {
            let digits = std::str::from_utf8(&after).unwrap_or_default();
            format!("{}-{digits}", text[i..dash].to_uppercase())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trainings_are_recognised() {
        assert!(matches!(
            recognise("70-346", "", ""),
            Training::Exam(e, true) if e == "70-346"
        ));
        assert!(matches!(
            recognise("x", "Exam 70-347: Enabling", ""),
            Training::Exam(e, true) if e == "70-347"
        ));
        assert!(matches!(
            recognise("MCSA-O365", "MCSA: Office 365", ""),
            Training::Certification(c, true) if c == MCSA_OFFICE_365
        ));
        assert!(matches!(
            recognise("", "Exam 70-533", ""),
            Training::Exam(e, false) if e == "70-533"
        ));
        assert!(matches!(
            recognise("", "Exam ７０－３４７", ""),
            Training::Exam(e, true) if e == "70-347"
        ));
        assert_eq!(exam_number("ms-100 x"), Some("MS-100".into()));
        assert_eq!(exam_number("2017-06-30"), None);
    }
}
