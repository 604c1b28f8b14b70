//! Microsoft's reports and our staff CSV in (SPEC.md §7), through the library: hand-worked
//! files in each layout whose counts are checked against a count by hand, all or nothing
//! over a run, errors by file, line and column, and the summary in both languages.

use std::io::Cursor;

use cpc_wizard::i18n::{Lang, Locale};
use cpc_wizard::import::{
    FileDetail, FileError, ImportError, Input, Kind, LeftOut, Progress, RowProblem, RunOptions,
    RunSummary, import_files,
};
use cpc_wizard::profile::{Association, Count, Customer, Person, Profile, SourceKind, Workload};
use cpc_wizard::report::import_words::{file_error_lines, run_summary_lines};

const ACTIVE_HEADER: &str = "Report Refresh Date,User Principal Name,Display Name,Is Deleted,Deleted Date,Has Exchange License,Has OneDrive License,Has SharePoint License,Has Skype For Business License,Has Yammer License,Has Teams License,Exchange Last Activity Date,OneDrive Last Activity Date,SharePoint Last Activity Date,Skype For Business Last Activity Date,Yammer Last Activity Date,Teams Last Activity Date,Exchange License Assign Date,OneDrive License Assign Date,SharePoint License Assign Date,Skype For Business License Assign Date,Yammer License Assign Date,Teams License Assign Date,Assigned Products";

/// One user of the October 2017 layout: licences (Exchange, OneDrive, SharePoint, Skype,
/// Yammer, Teams) and last activity dates in the same order.
fn user(upn: &str, deleted: bool, licences: [bool; 6], last: [&str; 6]) -> String {
    let flags: Vec<&str> = licences
        .iter()
        .map(|l| if *l { "True" } else { "False" })
        .collect();
    format!(
        "2017-06-30,{upn},{upn},{},,{},{},,,,,,,OFFICE 365 E3",
        if deleted { "True" } else { "False" },
        flags.join(","),
        last.join(",")
    )
}

/// The hand-worked tenant: report date 2017-06-30, so the 28 days run from 2017-06-03 and
/// the 21 days of "still active in 7 days" from 2017-06-10.
fn active_users_file(line_end: &str) -> String {
    let n = "";
    let exo = [true, false, false, false, false, false];
    let rows = [
        // Active on the report day.
        user("a@contoso.com", false, exo, ["2017-06-30", n, n, n, n, n]),
        // 27 days before: in; 28 days before: out.
        user("b@contoso.com", false, exo, ["2017-06-03", n, n, n, n, n]),
        user("c@contoso.com", false, exo, ["2017-06-02", n, n, n, n, n]),
        user("d@contoso.com", true, exo, ["2017-06-30", n, n, n, n, n]),
        // Active, but no licence.
        user(
            "e@contoso.com",
            false,
            [false; 6],
            ["2017-06-30", n, n, n, n, n],
        ),
        // OneDrive only: counts for SharePoint.
        user(
            "f@contoso.com",
            false,
            [false, true, false, false, false, false],
            [n, "2017-06-20", n, n, n, n],
        ),
        // SharePoint and OneDrive both: once.
        user(
            "g@contoso.com",
            false,
            [false, true, true, false, false, false],
            [n, "2017-06-25", "2017-06-25", n, n, n],
        ),
        // Teams only: reported, not counted.
        user(
            "h@contoso.com",
            false,
            [false, false, false, false, false, true],
            [n, n, n, n, n, "2017-06-29"],
        ),
        user(
            "i@fabrikam.com",
            false,
            [true, false, false, true, true, false],
            ["2017-06-15", n, n, "2017-06-15", "2017-06-15", n],
        ),
    ];
    let mut text = String::from(ACTIVE_HEADER);
    for row in rows {
        text.push_str(line_end);
        text.push_str(&row);
    }
    text.push_str(line_end);
    text
}

const EARLY_HEADER: &str = "Data as of,User principal name,DisplayName,Deleted,Deleted date,License For Exchange,License For OndDrive,License For SharePoint,License For Skype For Business,License For Yammer,Last Activity Date For Exchange,Last Activity Date For OndDrive,Last Activity Date For SharePoint,Last Activity Date For Skype For Business,Last Activity Date For Yammer,License Assigned Date For Exchange,License Assigned Date For OndDrive,License Assigned Date For SharePoint,License Assigned Date For Skype For Business,License Assigned Date For Yammer,Products assigned";

fn early_file() -> String {
    let rows = [
        // Exchange on the report day; OneDrive only, 27 days before.
        "2017-06-30,a@tailspin.com,A,False,,True,False,False,False,False,2017-06-30,,,,,,,,,,E3",
        "2017-06-30,b@tailspin.com,B,False,,False,True,False,False,False,,2017-06-03,,,,,,,,,E3",
        // Both SharePoint and OneDrive, 28 days before: out.
        "2017-06-30,c@tailspin.com,C,False,,False,True,True,False,False,,2017-06-02,2017-06-02,,,,,,,,E3",
        "2017-06-30,d@tailspin.com,D,True,2017-06-01,True,False,False,False,False,2017-06-30,,,,,,,,,,E3",
    ];
    format!("{EARLY_HEADER}\n{}\n", rows.join("\n"))
}

const ACTIVATIONS_HEADER: &str = "Report Refresh Date,User Principal Name,Display Name,Product Type,Last Activated Date,Windows,Mac,Windows 10 Mobile,iOS,Android,Activated On Shared Computer";

fn activations_file() -> String {
    let rows = [
        // The same user on three rows (one in capitals): once.
        "2017-06-30,a@contoso.com,A,Office 365 ProPlus,2017-05-01,1,0,0,0,0,0",
        "2017-06-30,a@contoso.com,A,Office 365 ProPlus,2017-06-01,0,1,0,0,0,0",
        "2017-06-30,A@CONTOSO.COM,A,OFFICE 365 PROPLUS,2017-06-02,0,0,0,1,0,0",
        // Its later name counts too.
        "2017-06-30,b@contoso.com,B,Microsoft 365 Apps for enterprise,2017-06-30,1,0,0,0,0,0",
        // Activated after the report date, or never: licensed, not counted.
        "2017-06-30,c@contoso.com,C,Office 365 ProPlus,2017-07-05,1,0,0,0,0,0",
        "2017-06-30,e@contoso.com,E,Office 365 ProPlus,,0,0,0,0,0,0",
        // Another product.
        "2017-06-30,d@contoso.com,D,Project,2017-06-01,1,0,0,0,0,0",
    ];
    format!("{ACTIVATIONS_HEADER}\r\n{}\r\n", rows.join("\r\n"))
}

const TRAINING_HEADER: &str = "TrainingActivityId,TrainingTitle,TrainingType,IndividualFirstName,IndividualLastName,Email,CorpEmail,TrainingCompletionDate,Month,IcMCP,MCPID,MPNId,PartnerName,PartnerCityLocation,PartnerCountryLocation";

fn training_file() -> String {
    let rows = [
        "70-346,Managing Office 365 Identities and Requirements,Exam,Mei,Lin,mei@partner.com,,2017-03-01,3,1,1,1,P,Taipei,TW",
        "70-347,Enabling Office 365 Services,Exam,Mei,Lin,MEI@Partner.com,,2017-04-01,4,1,1,1,P,Taipei,TW",
        "MCSA-O365,MCSA: Office 365,Certification,Ray,Chen,ray@partner.com,,2017-05-01,5,1,1,1,P,Taipei,TW",
        "70-533,Implementing Microsoft Azure Infrastructure Solutions,Exam,Ray,Chen,ray@partner.com,,2017-05-02,5,1,1,1,P,Taipei,TW",
    ];
    format!("{TRAINING_HEADER}\n{}\n", rows.join("\n"))
}

fn input(name: &str, text: impl Into<Vec<u8>>) -> Input {
    let bytes = text.into();
    Input {
        name: name.to_string(),
        size: bytes.len() as u64,
        reader: Box::new(Cursor::new(bytes)),
    }
}

fn run(profile: &mut Profile, files: Vec<Input>) -> Result<RunSummary, Vec<FileError>> {
    run_with(profile, files, None)
}

fn run_with(
    profile: &mut Profile,
    files: Vec<Input>,
    customer: Option<&str>,
) -> Result<RunSummary, Vec<FileError>> {
    let options = RunOptions {
        customer: customer.map(str::to_string),
    };
    import_files(files, profile, &options, &Progress::new())
}

fn count(n: u32) -> Count {
    Count::new(u64::from(n)).unwrap()
}

fn refused(files: Vec<Input>) -> Vec<FileError> {
    let mut profile = Profile::new("t");
    let before = profile.clone();
    let errors = run(&mut profile, files).expect_err("refused");
    assert_eq!(profile, before, "nothing imported");
    errors
}

fn invalid_rows(errors: &[FileError]) -> Vec<(u64, Option<String>, RowProblem)> {
    match &errors[0].error {
        ImportError::InvalidRows(rows) => rows
            .iter()
            .map(|r| {
                (
                    r.line,
                    r.column.as_ref().map(|c| c.header.clone()),
                    r.problem.clone(),
                )
            })
            .collect(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn active_users_are_counted_as_by_hand() {
    for line_end in ["\n", "\r\n", "\r"] {
        let mut profile = Profile::new("t");
        let summary = run(
            &mut profile,
            vec![input("contoso.csv", active_users_file(line_end))],
        )
        .unwrap();
        let FileDetail::ActiveUsers {
            counts,
            customer,
            added,
        } = &summary.files[0].detail
        else {
            panic!("{summary:?}");
        };
        assert_eq!(summary.files[0].kind, Kind::ActiveUsers);
        assert_eq!((customer.as_str(), *added), ("contoso.com", true));
        // Exchange: a (report day), b (27 days before), i; not c (28 days), d (deleted),
        // e (no licence). SharePoint: f (OneDrive only) and g (both, once).
        assert_eq!(counts.active, [3, 2, 1, 1], "{line_end:?}");
        assert_eq!(counts.active_in_7_days, [2, 2, 1, 1]);
        assert_eq!(counts.licensed, [4, 2, 1, 1]);
        assert_eq!(counts.teams_active, 1);
        assert_eq!(
            counts.left_out,
            LeftOut {
                deleted: 1,
                no_licence: 1,
                outside_window: 1,
                teams_only: 1
            }
        );
        assert_eq!(counts.rows, 9);
        let c = &profile.customers[0];
        assert_eq!(c.name, "contoso.com");
        assert_eq!(c.tenant_domain.as_deref(), Some("contoso.com"));
        assert_eq!(c.association, Association::DelegatedAdmin);
        assert!(!c.trial);
        assert_eq!(c.active_users.exchange_online, count(3));
        assert_eq!(c.active_users.sharepoint_online, count(2));
        assert_eq!(c.active_users.proplus, count(0));
        assert_eq!(
            c.licensed_users.get(Workload::ExchangeOnline),
            Some(count(4))
        );
        assert_eq!(
            c.active_users_in_7_days.get(Workload::ExchangeOnline),
            Some(count(2))
        );
        assert_eq!(c.licensed_users.get(Workload::Proplus), None);
        let source = c.source.as_deref().unwrap();
        assert_eq!(source.kind, SourceKind::UsageReport);
        assert_eq!(source.file.as_deref(), Some("contoso.csv"));
        assert_eq!(source.report_date.unwrap().to_string(), "2017-06-30");
    }
}

#[test]
fn the_early_layout_is_read_the_same_way() {
    let mut profile = Profile::new("t");
    let summary = run(&mut profile, vec![input("t.csv", early_file())]).unwrap();
    assert_eq!(summary.files[0].kind, Kind::ActiveUsersEarly);
    let FileDetail::ActiveUsers { counts, .. } = &summary.files[0].detail else {
        panic!()
    };
    assert_eq!(counts.active, [1, 1, 0, 0]);
    assert_eq!(counts.licensed, [1, 2, 0, 0]);
    assert_eq!(counts.left_out.deleted, 1);
    assert_eq!(counts.left_out.outside_window, 1);
    assert_eq!(counts.teams_active, 0);
}

#[test]
fn activations_count_each_user_once() {
    let mut profile = Profile::new("t");
    let summary = run(&mut profile, vec![input("act.csv", activations_file())]).unwrap();
    let FileDetail::Activations { counts, .. } = &summary.files[0].detail else {
        panic!()
    };
    assert_eq!(
        (
            counts.activated,
            counts.licensed,
            counts.other_products,
            counts.rows
        ),
        (2, 4, 1, 7)
    );
    let c = &profile.customers[0];
    assert_eq!(c.active_users.proplus, count(2));
    assert_eq!(c.licensed_users.get(Workload::Proplus), Some(count(4)));
}

#[test]
fn a_tenants_two_reports_make_one_customer_and_importing_again_updates_it() {
    let mut profile = Profile::new("t");
    let mut existing = Customer::new("Contoso");
    existing.association = Association::TransactingPartner;
    existing.trial = true;
    existing.tenant_domain = Some("CONTOSO.com".into());
    existing.active_users.set(Workload::Proplus, count(77));
    profile.customers.push(existing);
    run(
        &mut profile,
        vec![input("users.csv", active_users_file("\n"))],
    )
    .unwrap();
    // Kept: name, association, trial, ProPlus.
    let c = &profile.customers[0];
    assert_eq!(profile.customers.len(), 1);
    assert_eq!(c.name, "Contoso");
    assert_eq!(c.association, Association::TransactingPartner);
    assert!(c.trial);
    assert_eq!(c.active_users.proplus, count(77));
    assert_eq!(c.active_users.exchange_online, count(3));
    // Both reports of the tenant at once, and again: still one customer.
    for _ in 0..2 {
        run(
            &mut profile,
            vec![
                input("act.csv", activations_file()),
                input("users.csv", active_users_file("\r\n")),
            ],
        )
        .unwrap();
        assert_eq!(profile.customers.len(), 1);
    }
    let c = &profile.customers[0];
    assert_eq!(c.active_users.proplus, count(2));
    // The active user report names the source.
    assert_eq!(
        c.source.as_deref().unwrap().file.as_deref(),
        Some("users.csv")
    );
}

#[test]
fn an_activations_report_alone_names_the_source_and_a_newer_one_replaces_it() {
    let mut profile = Profile::new("t");
    run(&mut profile, vec![input("june.csv", activations_file())]).unwrap();
    let july = activations_file().replace("2017-06-30,", "2017-07-31,");
    run(&mut profile, vec![input("july.csv", july)]).unwrap();
    let source = profile.customers[0].source.as_deref().unwrap();
    assert_eq!(source.file.as_deref(), Some("july.csv"));
    assert_eq!(source.report_date.unwrap().to_string(), "2017-07-31");
    // Once the tenant's active user report is in, it stays the source.
    run(
        &mut profile,
        vec![input("users.csv", active_users_file("\n"))],
    )
    .unwrap();
    run(&mut profile, vec![input("june.csv", activations_file())]).unwrap();
    let source = profile.customers[0].source.as_deref().unwrap();
    assert_eq!(source.file.as_deref(), Some("users.csv"));
}

#[test]
fn training_rows_group_into_people_by_email_ignoring_case() {
    let mut profile = Profile::new("t");
    let mut ray = Person::new("Ray Chen");
    ray.exams.push("70-346".into());
    profile.staff.push(ray);
    let summary = run(&mut profile, vec![input("training.csv", training_file())]).unwrap();
    assert_eq!(profile.staff.len(), 2);
    let ray = &profile.staff[0];
    assert_eq!(ray.exams, vec!["70-346", "70-533"]);
    assert_eq!(ray.certifications, vec!["mcsa-office-365"]);
    assert_eq!(ray.email.as_deref(), Some("ray@partner.com"));
    let mei = &profile.staff[1];
    assert_eq!(mei.name, "Mei Lin");
    assert_eq!(mei.exams, vec!["70-346", "70-347"]);
    assert_eq!(mei.source.as_deref().unwrap().kind, SourceKind::Training);
    assert_eq!(
        summary.files[0].detail,
        FileDetail::People {
            rows: 4,
            added: 1,
            updated: 1,
            not_counted: 1
        }
    );
}

#[test]
fn a_staff_csv_sets_lists_and_a_person_twice_names_both_lines() {
    let mut profile = Profile::new("t");
    let file = "name,email,exams,certifications\nMei Lin,mei@p.com,70-346;70-347,\nRay,,,mcsa-office-365\n";
    run(&mut profile, vec![input("staff.csv", file)]).unwrap();
    assert_eq!(profile.staff[0].exams, vec!["70-346", "70-347"]);
    assert_eq!(profile.staff[1].certifications, vec!["mcsa-office-365"]);
    assert_eq!(
        profile.staff[0].source.as_deref().unwrap().kind,
        SourceKind::Csv
    );

    let twice = "name,email,exams\nMei,MEI@p.com,70-346\nRay,,\nMei Lin,mei@p.com,70-347\nray,,\n";
    let errors = refused(vec![input("staff.csv", twice)]);
    assert_eq!(
        invalid_rows(&errors),
        vec![
            (
                4,
                Some("name".into()),
                RowProblem::DuplicatePerson { first_line: 2 }
            ),
            (
                5,
                Some("name".into()),
                RowProblem::DuplicatePerson { first_line: 3 }
            ),
        ]
    );
}

#[test]
fn bad_dates_booleans_and_a_second_report_date_are_named_by_line_and_column() {
    let good = active_users_file("\r\n");
    let bad = good
        .replacen("2017-06-15,,,2017-06-15", "15/06/2017,,,2017-06-15", 1)
        .replacen(",False,,True,", ",Maybe,,True,", 1)
        .replacen("2017-06-30,f@", "2017-07-01,f@", 1);
    let errors = refused(vec![input("x.csv", "ok")]);
    assert!(matches!(errors[0].error, ImportError::UnknownKind { .. }));
    let errors = refused(vec![input("bad.csv", bad)]);
    assert_eq!(errors[0].file, "bad.csv");
    let rows = invalid_rows(&errors);
    assert!(
        rows.contains(&(
            10,
            Some("Exchange Last Activity Date".into()),
            RowProblem::Date
        )),
        "{rows:?}"
    );
    assert!(
        rows.contains(&(2, Some("Is Deleted".into()), RowProblem::Boolean)),
        "{rows:?}"
    );
    assert!(
        rows.contains(&(
            7,
            Some("Report Refresh Date".into()),
            RowProblem::SecondReportDate {
                first: "2017-06-30".into(),
                first_line: 2
            }
        )),
        "{rows:?}"
    );
}

#[test]
fn a_missing_column_is_named() {
    let file = active_users_file("\n").replacen("Is Deleted,", "Gone,", 1);
    let errors = refused(vec![input("x.csv", file)]);
    assert_eq!(
        errors[0].error,
        ImportError::MissingColumns {
            kind: Kind::ActiveUsers,
            columns: vec!["Is Deleted".into()]
        }
    );
    let en = file_error_lines(Locale::get(Lang::En), &errors).join("\n");
    assert!(en.contains("x.csv") && en.contains("Is Deleted"), "{en}");
}

#[test]
fn concealed_names_need_the_customer_named() {
    let concealed = active_users_file("\n")
        .replace("a@contoso.com", "0123456789abcdef0123456789abcdef")
        .replace("@contoso.com", "")
        .replace("i@fabrikam.com", "fedcba9876543210fedcba9876543210");
    let errors = refused(vec![input("x.csv", concealed.clone())]);
    assert_eq!(errors[0].error, ImportError::ConcealedNeedsCustomer);
    let mut profile = Profile::new("t");
    run_with(
        &mut profile,
        vec![input("x.csv", concealed)],
        Some("Contoso"),
    )
    .unwrap();
    assert_eq!(profile.customers[0].name, "Contoso");
    assert_eq!(profile.customers[0].tenant_domain, None);
    assert_eq!(profile.customers[0].active_users.exchange_online, count(3));
}

#[test]
fn one_bad_file_of_a_run_imports_nothing() {
    let errors = refused(vec![
        input("good.csv", active_users_file("\n")),
        input("bad.csv", "name,trial\nA,maybe\n"),
    ]);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].file, "bad.csv");
}

#[test]
fn chinese_headers_and_values_are_read() {
    let mut profile = Profile::new("t");
    let file = "\u{feff}客戶,關聯,試用,Exchange Online\r\n甲,有記錄可查的交易合作夥伴,是,5\r\n乙,委派的系統管理員,否,6\r\n";
    run(&mut profile, vec![input("zh.csv", file)]).unwrap();
    let (a, b) = (&profile.customers[0], &profile.customers[1]);
    assert_eq!(
        (a.association, a.trial),
        (Association::TransactingPartner, true)
    );
    assert_eq!(
        (b.association, b.trial),
        (Association::DelegatedAdmin, false)
    );

    // A staff CSV with the headers in Chinese, its lists split by a full-width `；` too.
    let staff = "人員,電子郵件,考試,認證\n美玲,mei@p.com,70-346；70-347,\n";
    run(&mut profile, vec![input("人員.csv", staff)]).unwrap();
    let mei = &profile.staff[0];
    assert_eq!(mei.name, "美玲");
    assert_eq!(mei.email.as_deref(), Some("mei@p.com"));
    assert_eq!(mei.exams, vec!["70-346", "70-347"]);
}

#[test]
fn reports_several_tenants_apart_get_a_stale_warning() {
    let mut profile = Profile::new("t");
    let older = early_file().replace("2017-06-30", "2017-05-01");
    let summary = run(
        &mut profile,
        vec![
            input("contoso.csv", active_users_file("\n")),
            input("tailspin.csv", older),
        ],
    )
    .unwrap();
    assert_eq!(summary.stale.len(), 1);
    assert_eq!(summary.stale[0].name, "tailspin.com");
}

#[test]
fn the_summary_in_both_languages() {
    let mut profile = Profile::new("t");
    let summary = run(
        &mut profile,
        vec![
            input("contoso.csv", active_users_file("\n")),
            input("act.csv", activations_file()),
            input("training.csv", training_file()),
            input(
                "tailspin.csv",
                early_file().replace("2017-06-30", "2017-05-01"),
            ),
        ],
    )
    .unwrap();
    for lang in Lang::ALL {
        let text = run_summary_lines(Locale::get(lang), &summary).join("\n");
        insta::assert_snapshot!(format!("summary_{}", lang.id()), text);
    }
}
