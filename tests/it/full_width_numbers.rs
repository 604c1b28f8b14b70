//! Numbers in imported files typed with an input method in full-width mode (`１，２００`,
//! `２０１７－０６－３０`, `７０－３４６`) read exactly as their ASCII forms, in every kind of
//! file; a value that is still wrong is named by file, line and column, as it was written.

use std::io::Cursor;

use cpc_wizard::import::{
    FileError, ImportError, Input, Progress, RowProblem, RunOptions, import_files,
};
use cpc_wizard::profile::{Problem, Profile, Workload};

/// The text with its ASCII digits, commas, periods and hyphens in their full-width forms.
fn wide(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '0'..='9' | ',' | '.' | '-' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
            c => c,
        })
        .collect()
}

fn import(name: &str, text: &str) -> Result<Profile, Vec<FileError>> {
    let bytes = text.as_bytes().to_vec();
    let input = Input {
        name: name.to_string(),
        size: bytes.len() as u64,
        reader: Box::new(Cursor::new(bytes)),
    };
    let mut profile = Profile::new("t");
    import_files(
        vec![input],
        &mut profile,
        &RunOptions::default(),
        &Progress::new(),
    )?;
    Ok(profile)
}

/// The draft a file makes; the same file with its numbers in full-width forms must make the
/// same draft.
fn same_as_ascii(name: &str, ascii: &str, full_width: &str) -> Profile {
    let expected = import(name, ascii).unwrap_or_else(|e| panic!("{name} (ASCII): {e:?}"));
    let read = import(name, full_width).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    assert_eq!(read, expected, "{name}:\n{full_width}");
    read
}

#[test]
fn our_customers_csv_reads_full_width_counts_and_trial() {
    let row = |cells: [&str; 3]| format!("Contoso,\"{}\",{},{}\n", cells[0], cells[1], cells[2]);
    let header = "name,exchange_online,proplus,trial\n";
    let ascii = format!("{header}{}", row(["1,200", "45", "1"]));
    let full_width = format!("{header}{}", row(["１，２００", "４５", "１"]));
    let profile = same_as_ascii("customers.csv", &ascii, &full_width);
    let contoso = &profile.customers[0];
    assert_eq!(
        contoso.active_users.get(Workload::ExchangeOnline).get(),
        1200
    );
    assert_eq!(contoso.active_users.get(Workload::Proplus).get(), 45);
    assert!(contoso.trial);
}

#[test]
fn a_full_width_value_still_wrong_is_named_as_written() {
    let file = "name,exchange_online\nContoso,１．５\nFabrikam,－３\n";
    let errors = import("customers.csv", file).expect_err("refused");
    assert_eq!(errors[0].file, "customers.csv");
    let ImportError::InvalidRows(rows) = &errors[0].error else {
        panic!("{errors:?}");
    };
    let named: Vec<_> = rows
        .iter()
        .map(|r| {
            let column = r.column.as_ref().map(|c| c.header.as_str());
            (r.line, column, r.value.as_str(), &r.problem)
        })
        .collect();
    let not_whole = RowProblem::Count(Problem::NotWholeNumber {
        value: "１．５".into(),
    });
    let negative = RowProblem::Count(Problem::Negative {
        value: "－３".into(),
    });
    assert_eq!(
        named,
        vec![
            (2, Some("exchange_online"), "１．５", &not_whole),
            (3, Some("exchange_online"), "－３", &negative),
        ]
    );
}

#[test]
fn our_staff_csv_reads_full_width_exam_numbers() {
    let header = "name,email,exams\n";
    let ascii = format!("{header}Mei Lin,mei@p.com,70-346;70-347\n");
    let full_width = format!("{header}Mei Lin,mei@p.com,{}\n", wide("70-346；70-347"));
    let profile = same_as_ascii("staff.csv", &ascii, &full_width);
    assert_eq!(profile.staff[0].exams, vec!["70-346", "70-347"]);
}

const ACTIVE_HEADER: &str = "Report Refresh Date,User Principal Name,Display Name,Is Deleted,Deleted Date,Has Exchange License,Has OneDrive License,Has SharePoint License,Has Skype For Business License,Has Yammer License,Has Teams License,Exchange Last Activity Date,OneDrive Last Activity Date,SharePoint Last Activity Date,Skype For Business Last Activity Date,Yammer Last Activity Date,Teams Last Activity Date,Exchange License Assign Date,OneDrive License Assign Date,SharePoint License Assign Date,Skype For Business License Assign Date,Yammer License Assign Date,Teams License Assign Date,Assigned Products";

#[test]
fn an_active_user_report_reads_full_width_dates_and_booleans() {
    // The report date, a deleted flag as 0/1, a licence and a last activity date: every
    // cell of a row that is a number or a date.
    let user = |report_day: &str, deleted: &str, exchange: &str, last: &str| {
        format!(
            "{report_day},a@contoso.com,A,{deleted},,{exchange},False,False,False,False,False,{last},,,,,,,,,,,,E3\n"
        )
    };
    let ascii = format!(
        "{ACTIVE_HEADER}\n{}{}",
        user("2017-06-30", "0", "True", "2017-06-20"),
        user("2017-06-30", "False", "1", "2017-06-03").replace("a@", "b@")
    );
    let full_width = format!(
        "{ACTIVE_HEADER}\n{}{}",
        user(&wide("2017-06-30"), "０", "True", &wide("2017-06-20")),
        user("2017-06-30", "False", "１", &wide("2017-06-03")).replace("a@", "b@")
    );
    let profile = same_as_ascii("contoso.csv", &ascii, &full_width);
    let contoso = &profile.customers[0];
    assert_eq!(contoso.active_users.get(Workload::ExchangeOnline).get(), 2);
}

const ACTIVATIONS_HEADER: &str = "Report Refresh Date,User Principal Name,Display Name,Product Type,Last Activated Date,Windows,Mac,Windows 10 Mobile,iOS,Android,Activated On Shared Computer";

#[test]
fn an_activations_report_reads_full_width_dates() {
    let row = |report_day: &str, activated: &str| {
        format!("{report_day},a@contoso.com,A,Office 365 ProPlus,{activated},1,0,0,0,0,0\n")
    };
    let ascii = format!("{ACTIVATIONS_HEADER}\n{}", row("2017-06-30", "2017-06-01"));
    let full_width = format!(
        "{ACTIVATIONS_HEADER}\n{}",
        row(&wide("2017-06-30"), &wide("2017-06-01"))
    );
    let profile = same_as_ascii("activations.csv", &ascii, &full_width);
    let contoso = &profile.customers[0];
    assert_eq!(contoso.active_users.get(Workload::Proplus).get(), 1);
}

const TRAINING_HEADER: &str = "TrainingActivityId,TrainingTitle,TrainingType,IndividualFirstName,IndividualLastName,Email,CorpEmail,TrainingCompletionDate,Month,IcMCP,MCPID,MPNId,PartnerName,PartnerCityLocation,PartnerCountryLocation";

#[test]
fn a_training_report_reads_full_width_exam_numbers() {
    let row = |id: &str, title: &str| {
        format!("{id},{title},Exam,Mei,Lin,mei@p.com,,2017-03-01,3,1,1,1,P,Taipei,TW\n")
    };
    let ascii = format!(
        "{TRAINING_HEADER}\n{}{}",
        row("70-346", "Managing Office 365 Identities"),
        row("X1", "Exam 70-347")
    );
    let full_width = format!(
        "{TRAINING_HEADER}\n{}{}",
        row(&wide("70-346"), "Managing Office 365 Identities"),
        row("X1", &wide("Exam 70-347"))
    );
    let profile = same_as_ascii("training.csv", &ascii, &full_width);
    assert_eq!(profile.staff[0].exams, vec!["70-346", "70-347"]);
}
