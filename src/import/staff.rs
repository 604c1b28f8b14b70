//! Our staff CSV (SPEC.md §7d): `name, email, exams, certifications`, the lists separated
//! by `;`. Two rows naming one person are an error naming both lines.

use std::collections::HashMap;
use std::io::Read;

use csv::ByteRecord;

use super::cells::Problems;
use super::columns::{Column, ListColumn, list_column, names_person};
use super::detect::Header;
use super::error::{ImportError, RowProblem};
use super::stream::{Records, text};
use super::training::TrainedPerson;
use crate::text::ascii_forms;

pub(crate) fn read<R: Read>(
    records: &mut Records<R>,
    header: &Header,
) -> Result<(Vec<TrainedPerson>, u64), ImportError> {
    let column = |index: usize| Column {
        index,
        header: header.written[index].clone(),
    };
    let name = header.written.iter().position(|h| names_person(h));
    let find = |which: ListColumn| {
        header
            .normalized
            .iter()
            .position(|h| list_column(h) == Some(which))
            .map(column)
    };
    let Some(name) = name.map(column) else {
        return Err(ImportError::NoNameColumn {
            headers: header.names(),
        });
    };
    let (email, exams, certifications) = (
        find(ListColumn::Email),
        find(ListColumn::Exams),
        find(ListColumn::Certifications),
    );
    let mut problems = Problems::new();
    let mut people: Vec<TrainedPerson> = Vec::new();
    let mut first_line_of: HashMap<String, u64> = HashMap::new();
    let mut rows = 0u64;
    let mut record = ByteRecord::new();
    while let Some(numbered) = records.next(&mut record)? {
        let (line, record) = (numbered.line, numbered.record);
        rows += 1;
        let cell = |c: &Option<Column>| {
            c.as_ref()
                .map(|c| text(record.get(c.index).unwrap_or_default()).trim())
                .unwrap_or_default()
        };
        let person_name = super::values::unguard(cell(&Some(name.clone()))).to_string();
        if person_name.is_empty() {
            problems.add(line, &name, b"", RowProblem::EmptyPersonName);
            continue;
        }
        let mail = cell(&email);
        // Two rows are one person when their emails match, or their names where a row has
        // no email (SPEC.md §2, decision 8).
        let mut keys = vec![format!("name:{}", person_name.to_lowercase())];
        if !mail.is_empty() {
            keys = vec![format!("email:{}", mail.to_lowercase())];
        }
        if let Some(first_line) = keys.iter().find_map(|k| first_line_of.get(k)) {
            let value = person_name.as_bytes().to_vec();
            let problem = RowProblem::DuplicatePerson {
                first_line: *first_line,
            };
            problems.add(line, &name, &value, problem);
            continue;
        }
        first_line_of.insert(keys[0].clone(), line);
        first_line_of
            .entry(format!("name:{}", person_name.to_lowercase()))
            .or_insert(line);
        let list = |c: &Option<Column>| -> Vec<String> {
            cell(c)
                .split([';', '；'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect()
        };
        // Exam numbers typed in full-width forms (`７０－３４６`) are the same exams.
        let exam_ids = list(&exams)
            .into_iter()
            .map(|e| ascii_forms(&e).into_owned());
        people.push(TrainedPerson {
            line,
            name: person_name,
            email: (!mail.is_empty()).then(|| mail.to_string()),
            exams: exam_ids.collect(),
            certifications: list(&certifications),
        });
        if problems.full() {
            break;
        }
    }
    if !problems.errors.is_empty() {
        return Err(ImportError::InvalidRows(problems.errors));
    }
    if people.is_empty() {
        return Err(ImportError::NoRows);
    }
    Ok((people, rows))
}
