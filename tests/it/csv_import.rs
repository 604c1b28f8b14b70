//! The CSV importer and exporter as a library: round trips, real-world files, every
//! malformed case, all or nothing.

use cpc_wizard::export::customers_csv;
use cpc_wizard::i18n::{Lang, Locale};
use cpc_wizard::import::{Field, ImportError, ImportSummary, RowProblem, import_csv};
use cpc_wizard::profile::{
    Association, Count, Customer, Market, Person, Problem, Profile, Workload,
};
use cpc_wizard::report::import_words::{error_lines, summary_lines};
use cpc_wizard::rules::{Exclusion, RuleSet, evaluate};
use proptest::prelude::*;

fn customer(name: &str, association: Association, trial: bool, counts: [u32; 5]) -> Customer {
    let mut c = Customer::new(name);
    c.association = association;
    c.trial = trial;
    for (w, n) in Workload::ALL.iter().zip(counts) {
        c.active_users.set(*w, Count::new(u64::from(n)).unwrap());
    }
    c
}

fn realistic() -> Profile {
    let mut p = Profile::new("Contoso MSP FY18");
    p.market = Some(Market::Developing);
    p.staff.push(Person::new("Mei Lin"));
    p.customers = vec![
        customer(
            "Fabrikam",
            Association::DelegatedAdmin,
            false,
            [1200, 800, 0, 0, 300],
        ),
        customer(
            "Contoso, Ltd",
            Association::TransactingPartner,
            false,
            [10_000_000, 0, 0, 0, 0],
        ),
        customer(
            "台北資訊股份有限公司",
            Association::DigitalPartnerOfRecord,
            true,
            [50, 60, 70, 80, 90],
        ),
        customer(
            "\"Quoted\" Co\r\nsecond line",
            Association::FastTrackPartner,
            false,
            [1, 2, 3, 4, 5],
        ),
        customer("=SUM(A1:A9)", Association::None, false, [7, 0, 0, 0, 0]),
        customer(
            "'s-Hertogenbosch BV",
            Association::DelegatedAdmin,
            false,
            [0, 0, 0, 0, 0],
        ),
        customer("-minus", Association::DelegatedAdmin, true, [0, 0, 0, 9, 0]),
    ];
    p
}

fn export(p: &Profile) -> String {
    let rules = RuleSet::by_edition(&p.edition).unwrap();
    customers_csv(p, &evaluate(p, rules))
}

fn import(text: &str, p: &mut Profile) -> Result<ImportSummary, ImportError> {
    import_csv(text.as_bytes(), p)
}

fn rows_of(error: ImportError) -> Vec<cpc_wizard::import::RowError> {
    match error {
        ImportError::InvalidRows(rows) => rows,
        other => panic!("expected invalid rows, got {other:?}"),
    }
}

#[test]
fn export_then_import_into_an_empty_draft_gives_an_equal_draft() {
    let original = realistic();
    let csv = export(&original);
    let mut copy = Profile {
        customers: Vec::new(),
        ..original.clone()
    };
    let summary = import(&csv, &mut copy).unwrap();
    assert_eq!(copy, original);
    assert_eq!(summary.rows_read, 7);
    assert_eq!(summary.added, 7);
    assert_eq!(summary.updated, 0);
    assert!(summary.missing.is_empty());
    assert!(
        summary.ignored_columns.is_empty(),
        "counted/excluded are ours"
    );
}

#[test]
fn export_then_import_into_the_same_draft_changes_nothing() {
    let original = realistic();
    let mut same = original.clone();
    let summary = import(&export(&original), &mut same).unwrap();
    assert_eq!(same, original);
    assert_eq!((summary.added, summary.updated), (0, 7));
}

#[test]
fn export_writes_bom_crlf_ids_counted_and_excluded() {
    let csv = export(&realistic());
    assert!(csv.starts_with('\u{feff}'));
    let mut lines = csv.trim_start_matches('\u{feff}').split("\r\n");
    assert_eq!(
        lines.next().unwrap(),
        "name,association,trial,exchange_online,sharepoint_online,skype_for_business,yammer,proplus,counted,excluded"
    );
    assert_eq!(
        lines.next().unwrap(),
        "Fabrikam,delegated_admin,false,1200,800,0,0,300,1200,"
    );
    assert_eq!(
        lines.next().unwrap(),
        "\"Contoso, Ltd\",transacting_partner,false,10000000,0,0,0,0,10000000,"
    );
    assert!(csv.contains(
        "台北資訊股份有限公司,digital_partner_of_record,true,50,60,70,80,90,0,trial\r\n"
    ));
    // A name a spreadsheet would run as a formula is written as text.
    assert!(csv.contains("\r\n'=SUM(A1:A9),none,false,7,0,0,0,0,0,no_association\r\n"));
    assert!(csv.contains("\r\n'-minus,"));
    assert!(csv.contains("\r\n's-Hertogenbosch BV,"));
    // Fast Track is not counted in the June 2017 edition.
    assert!(csv.contains(",fast_track_partner,false,1,2,3,4,5,0,association_not_counted\r\n"));
}

fn arb_customer() -> impl Strategy<Value = Customer> {
    (
        // Any text, commas, quotes, line breaks, Chinese and formula characters included;
        // names are stored trimmed, so generated ones are too.
        "[a-zA-Z0-9 ,;\"'=+@\\-\r\n\t台北資訊]{1,16}"
            .prop_filter("trimmed, not empty", |s| s.trim() == s && !s.is_empty()),
        prop::sample::select(Association::ALL.to_vec()),
        any::<bool>(),
        prop::array::uniform5(0u32..=10_000_000),
    )
        .prop_map(|(name, association, trial, counts)| customer(&name, association, trial, counts))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_draft_survives_export_then_import(
        customers in prop::collection::vec(arb_customer(), 1..20),
        july in any::<bool>(),
    ) {
        let mut original = Profile::new("p");
        if july {
            original.edition = "2017-07".into();
        }
        // Names are the customers' identity: keep one customer per name, ignoring case.
        let mut seen = std::collections::HashSet::new();
        original.customers = customers
            .into_iter()
            .filter(|c| seen.insert(c.name.to_lowercase()))
            .collect();
        let csv = export(&original);
        let mut copy = Profile { customers: Vec::new(), ..original.clone() };
        import(&csv, &mut copy).unwrap();
        prop_assert_eq!(&copy, &original);
        let mut same = original.clone();
        import(&csv, &mut same).unwrap();
        prop_assert_eq!(&same, &original);
    }

    #[test]
    fn arbitrary_bytes_never_panic_and_fail_cleanly(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let mut p = realistic();
        let before = p.clone();
        if import_csv(&bytes, &mut p).is_err() {
            prop_assert_eq!(p, before);
        }
    }
}

#[test]
fn real_files_bom_crlf_quotes_and_chinese() {
    let text = "\u{feff}Customer,Association,Trial,Exchange Online,SharePoint Online,Skype for Business,Yammer,Office 365 ProPlus\r\n\
                \"Contoso, Ltd\",Delegated Admin,No,\"1,200\",800,0,0,300\r\n\
                台北資訊,DPOR,yes,500,,,,\r\n\
                \"Say \"\"hi\"\"\",Transacting Partner,0,1,2,3,4,5\r\n";
    let mut p = Profile::new("x");
    let summary = import(text, &mut p).unwrap();
    assert_eq!(summary.rows_read, 3);
    assert_eq!(
        p.customers,
        vec![
            customer(
                "Contoso, Ltd",
                Association::DelegatedAdmin,
                false,
                [1200, 800, 0, 0, 300]
            ),
            customer(
                "台北資訊",
                Association::DigitalPartnerOfRecord,
                true,
                [500, 0, 0, 0, 0]
            ),
            customer(
                "Say \"hi\"",
                Association::TransactingPartner,
                false,
                [1, 2, 3, 4, 5]
            ),
        ]
    );
    // The same file with LF line ends and no BOM reads the same.
    let lf = text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    let mut q = Profile::new("x");
    import(&lf, &mut q).unwrap();
    assert_eq!(q.customers, p.customers);
}

#[test]
fn headers_in_any_order_case_and_separator_and_semicolons() {
    let text = "PROPLUS;exchange-online;Trial;NAME;association\n9;8;false;Woodgrove;dap\n";
    let mut p = Profile::new("x");
    import(text, &mut p).unwrap();
    assert_eq!(
        p.customers,
        vec![customer(
            "Woodgrove",
            Association::DelegatedAdmin,
            false,
            [8, 0, 0, 0, 9]
        )]
    );
}

#[test]
fn human_association_forms() {
    let forms = [
        ("DAP", Association::DelegatedAdmin),
        ("Delegated Admin", Association::DelegatedAdmin),
        ("Delegated Administrator", Association::DelegatedAdmin),
        ("delegated_admin", Association::DelegatedAdmin),
        ("DPOR", Association::DigitalPartnerOfRecord),
        (
            "Digital Partner of Record",
            Association::DigitalPartnerOfRecord,
        ),
        ("Transacting Partner", Association::TransactingPartner),
        ("Fast Track", Association::FastTrackPartner),
        ("none", Association::None),
        ("", Association::None),
        ("委派的系統管理員", Association::DelegatedAdmin),
    ];
    let mut text = String::from("name,association\n");
    for (i, (form, _)) in forms.iter().enumerate() {
        text.push_str(&format!("c{i},\"{form}\"\n"));
    }
    let mut p = Profile::new("x");
    import(&text, &mut p).unwrap();
    let got: Vec<Association> = p.customers.iter().map(|c| c.association).collect();
    let want: Vec<Association> = forms.iter().map(|(_, a)| *a).collect();
    assert_eq!(got, want);
}

#[test]
fn trial_forms() {
    let text = "name,trial\na,true\nb,FALSE\nc,Yes\nd,no\ne,1\nf,0\ng,\n";
    let mut p = Profile::new("x");
    import(text, &mut p).unwrap();
    let got: Vec<bool> = p.customers.iter().map(|c| c.trial).collect();
    assert_eq!(got, [true, false, true, false, true, false, false]);
}

#[test]
fn a_customer_already_in_the_draft_is_updated_not_duplicated() {
    let mut p = Profile::new("x");
    p.customers.push(customer(
        "Contoso",
        Association::TransactingPartner,
        true,
        [1, 2, 3, 4, 5],
    ));
    p.customers.push(customer(
        "Other",
        Association::DelegatedAdmin,
        false,
        [1, 1, 1, 1, 1],
    ));
    // No association, trial or SharePoint… columns: Contoso keeps its own values there.
    let summary = import(
        "Customer,Exchange Online\n  CONTOSO  ,900\nNew One,10\n",
        &mut p,
    )
    .unwrap();
    assert_eq!((summary.added, summary.updated), (1, 1));
    assert_eq!(p.customers.len(), 3);
    assert_eq!(
        p.customers[0],
        customer(
            "Contoso",
            Association::TransactingPartner,
            true,
            [900, 2, 3, 4, 5]
        )
    );
    assert_eq!(p.customers[1].name, "Other");
    // A new customer takes the defaults: delegated admin, not trial, 0 elsewhere.
    assert_eq!(
        p.customers[2],
        customer(
            "New One",
            Association::DelegatedAdmin,
            false,
            [10, 0, 0, 0, 0]
        )
    );
    assert_eq!(
        summary.missing,
        vec![
            Field::Association,
            Field::Trial,
            Field::Workload(Workload::SharepointOnline),
            Field::Workload(Workload::SkypeForBusiness),
            Field::Workload(Workload::Yammer),
            Field::Workload(Workload::Proplus),
        ]
    );
    let lines = summary_lines(Locale::get(Lang::En), &summary).join("\n");
    assert!(lines.contains("No association column"), "{lines}");
    assert!(lines.contains("No trial column"), "{lines}");
    assert!(
        lines.contains("SharePoint Online, Skype for Business, Yammer, Office 365 ProPlus"),
        "{lines}"
    );
}

#[test]
fn chinese_names_match_and_case_folds_beyond_ascii() {
    let mut p = Profile::new("x");
    p.customers.push(Customer::new("台北資訊"));
    p.customers.push(Customer::new("ÉCOLE"));
    let summary = import("name,yammer\n台北資訊,5\nécole,6\n", &mut p).unwrap();
    assert_eq!((summary.added, summary.updated), (0, 2));
    assert_eq!(p.customers[0].active_users.yammer.get(), 5);
    assert_eq!(p.customers[1].name, "ÉCOLE");
}

#[test]
fn summary_lists_excluded_customers_with_the_reason_evaluate_gives() {
    let text = "name,association,trial,exchange\nA,dap,yes,5\nB,none,no,5\nC,fast track,no,5\nD,dap,no,5\n";
    let mut june = Profile::new("x");
    let summary = import(text, &mut june).unwrap();
    let reasons: Vec<(u64, &str, Exclusion)> = summary
        .excluded
        .iter()
        .map(|e| (e.line, e.name.as_str(), e.reason))
        .collect();
    assert_eq!(
        reasons,
        vec![
            (2, "A", Exclusion::Trial),
            (3, "B", Exclusion::NoAssociation),
            (4, "C", Exclusion::AssociationNotCounted),
        ]
    );
    let mut july = Profile::new("x");
    july.edition = "2017-07".into();
    let summary = import(text, &mut july).unwrap();
    assert_eq!(summary.excluded.len(), 2, "Fast Track counts in 2017-07");

    let en = summary_lines(Locale::get(Lang::En), &summary).join("\n");
    assert!(en.contains("trial subscription: 1 (A)"), "{en}");
    let zh = summary_lines(Locale::get(Lang::ZhTw), &summary).join("\n");
    assert!(zh.contains("試用版 SKU：1 個（A）"), "{zh}");
}

#[test]
fn long_lists_of_excluded_names_are_shortened() {
    let mut text = String::from("name,trial\n");
    for i in 0..12 {
        text.push_str(&format!("t{i},yes\n"));
    }
    let mut p = Profile::new("x");
    let summary = import(&text, &mut p).unwrap();
    let en = summary_lines(Locale::get(Lang::En), &summary).join("\n");
    assert!(en.contains("12 imported customers are excluded"), "{en}");
    assert!(en.contains("(t0, t1, t2, t3, t4 and 7 more)"), "{en}");
}

#[test]
fn unknown_columns_are_ignored_and_named() {
    let mut p = Profile::new("x");
    let s = import("name,Notes,,Tenant ID,counted\nA,hello,,123,99\n", &mut p).unwrap();
    assert_eq!(s.ignored_columns, vec!["Notes", "Tenant ID"]);
    assert_eq!(p.customers.len(), 1);
}

#[test]
fn blank_rows_are_skipped() {
    let mut p = Profile::new("x");
    let s = import("name,exchange\n\nA,1\n,\n  ,  \nB,2\n", &mut p).unwrap();
    assert_eq!(s.rows_read, 2);
}

// ---- Malformed files: each refused with a clear error, the draft untouched ----

fn refused(bytes: &[u8]) -> ImportError {
    let mut p = realistic();
    let before = p.clone();
    let error = import_csv(bytes, &mut p).expect_err("must be refused");
    assert_eq!(p, before, "a refused import changes nothing");
    for lang in Lang::ALL {
        for line in error_lines(Locale::get(lang), &error) {
            assert!(!line.contains("csv."), "missing key in {lang:?}: {line}");
            assert!(
                !line.contains('{'),
                "unfilled placeholder in {lang:?}: {line}"
            );
        }
    }
    error
}

#[test]
fn empty_file() {
    assert_eq!(refused(b""), ImportError::Empty);
    assert_eq!(refused(b"\xef\xbb\xbf"), ImportError::Empty);
    assert_eq!(refused(b"\r\n\n  \n"), ImportError::Empty);
}

#[test]
fn header_only() {
    assert_eq!(refused(b"name,exchange online\r\n"), ImportError::NoRows);
    assert_eq!(refused(b"name,exchange online\n\n,\n"), ImportError::NoRows);
}

#[test]
fn no_name_column() {
    let e = refused(b"tenant id,exchange\nabc,1\n");
    assert_eq!(
        e,
        ImportError::NoNameColumn {
            headers: vec!["tenant id".into(), "exchange".into()]
        }
    );
    let en = error_lines(Locale::get(Lang::En), &e).join("\n");
    assert!(en.contains("\"customer\" or \"name\""), "{en}");
}

#[test]
fn duplicate_columns() {
    match refused(b"name,Exchange Online,exchange_online\nA,1,2\n") {
        ImportError::DuplicateColumn {
            field,
            first,
            second,
        } => {
            assert_eq!(field, Field::Workload(Workload::ExchangeOnline));
            assert_eq!((first.index, second.index), (1, 2));
            assert_eq!(second.letter(), "C");
        }
        other => panic!("{other:?}"),
    }
    // Two names for one field count as duplicates too.
    let e = refused(b"customer,name\nA,B\n");
    assert!(matches!(
        e,
        ImportError::DuplicateColumn {
            field: Field::Name,
            ..
        }
    ));
    let en = error_lines(Locale::get(Lang::En), &e).join("\n");
    assert_eq!(
        en,
        "columns \"customer\" (column A) and \"name\" (column B) both give the customer name; keep only one of them"
    );
}

#[test]
fn other_encodings_are_refused_saying_so() {
    let mut utf16le = vec![0xFF, 0xFE];
    for unit in "name\r\nA\r\n".encode_utf16() {
        utf16le.extend(unit.to_le_bytes());
    }
    assert_eq!(refused(&utf16le), ImportError::Utf16);
    let mut utf16be = vec![0xFE, 0xFF];
    for unit in "name\r\nA\r\n".encode_utf16() {
        utf16be.extend(unit.to_be_bytes());
    }
    assert_eq!(refused(&utf16be), ImportError::Utf16);
    // UTF-16 without a byte-order mark.
    assert_eq!(refused(&utf16le[2..]), ImportError::Utf16);
    // Big5, as Excel in Taiwan saves "CSV": 台北 is A578 A55F.
    let big5 = b"name,exchange\nContoso,1\n\xa5\x78\xa5\x5f,2\n";
    let e = refused(big5);
    assert_eq!(e, ImportError::NotUtf8 { line: 3 });
    let en = error_lines(Locale::get(Lang::En), &e).join("\n");
    assert!(
        en.contains("not UTF-8") && en.contains("line 3") && en.contains("CSV UTF-8"),
        "{en}"
    );
    let zh = error_lines(Locale::get(Lang::ZhTw), &refused(&utf16le)).join("\n");
    assert!(zh.contains("UTF-16"), "{zh}");
}

#[test]
fn every_bad_row_is_reported_with_line_column_and_value() {
    let text = "Customer,Association,Trial,Exchange Online\n\
                Good,dap,no,1\n\
                Big,dap,no,10000001\n\
                Neg,dap,no,-3\n\
                Frac,dap,no,1.5\n\
                Word,dap,no,lots\n\
                Assoc,Reseller,no,1\n\
                Tri,dap,maybe,1\n\
                ,dap,no,1\n\
                GOOD,dap,no,1\n\
                \"Contoso, Ltd\",dap,no,\"1,200\"\n\
                Contoso, Ltd,dap,no,1\n\
                Short,dap\n\
                Two,nope,perhaps,1\n";
    let rows = rows_of(refused(text.as_bytes()));
    let got: Vec<(u64, Option<&str>, &str)> = rows
        .iter()
        .map(|r| {
            (
                r.line,
                r.column.as_ref().map(|c| c.header.as_str()),
                r.value.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (3, Some("Exchange Online"), "10000001"),
            (4, Some("Exchange Online"), "-3"),
            (5, Some("Exchange Online"), "1.5"),
            (6, Some("Exchange Online"), "lots"),
            (7, Some("Association"), "Reseller"),
            (8, Some("Trial"), "maybe"),
            (9, Some("Customer"), ""),
            (10, Some("Customer"), "GOOD"),
            (12, None, ""),
            (13, None, ""),
            (14, Some("Association"), "nope"),
            (14, Some("Trial"), "perhaps"),
        ]
    );
    assert!(matches!(
        rows[0].problem,
        RowProblem::Count(Problem::AboveLimit { .. })
    ));
    assert!(matches!(
        rows[1].problem,
        RowProblem::Count(Problem::Negative { .. })
    ));
    assert!(matches!(
        rows[2].problem,
        RowProblem::Count(Problem::NotWholeNumber { .. })
    ));
    assert_eq!(rows[7].problem, RowProblem::DuplicateName { first_line: 2 });
    assert_eq!(
        rows[8].problem,
        RowProblem::FieldCount {
            found: 5,
            expected: 4
        }
    );
    assert_eq!(
        rows[9].problem,
        RowProblem::FieldCount {
            found: 2,
            expected: 4
        }
    );

    let en = error_lines(Locale::get(Lang::En), &ImportError::InvalidRows(rows));
    assert_eq!(en.len(), 13, "a headline, then one line per bad cell");
    assert_eq!(
        en[0],
        "11 rows are invalid; nothing was imported and the draft is unchanged:"
    );
    assert_eq!(
        en[1],
        "line 3, column \"Exchange Online\": 10,000,001 is above the limit of 10,000,000"
    );
    assert_eq!(
        en[5],
        "line 7, column \"Association\": \"Reseller\" is not an association; use Delegated Admin (DAP), Transacting Partner, Digital Partner of Record (DPOR), Fast Track Partner, or none"
    );
    assert!(en[9].starts_with("line 12: 5 values where the header has 4 columns"));
}

#[test]
fn trailing_empty_values_are_harmless() {
    let mut p = Profile::new("x");
    import("name,exchange\nA,1,,\n", &mut p).unwrap();
    assert_eq!(p.customers[0].active_users.exchange_online.get(), 1);
}

#[test]
fn ten_thousand_rows() {
    let mut text = String::from(
        "\u{feff}Customer,Association,Trial,Exchange Online,SharePoint Online,Skype for Business,Yammer,Office 365 ProPlus\r\n",
    );
    for i in 0..10_000u32 {
        let trial = if i % 10 == 0 { "yes" } else { "no" };
        text.push_str(&format!(
            "\"客戶 {i}, Ltd\",DAP,{trial},{},{},0,0,{}\r\n",
            i,
            i * 2,
            i % 7
        ));
    }
    let mut p = Profile::new("big");
    let summary = import(&text, &mut p).unwrap();
    assert_eq!(summary.rows_read, 10_000);
    assert_eq!(summary.added, 10_000);
    assert_eq!(summary.excluded.len(), 1_000);
    assert_eq!(p.customers.len(), 10_000);
    assert_eq!(p.customers[9_999].name, "客戶 9999, Ltd");
    assert_eq!(
        p.customers[9_999].active_users.sharepoint_online.get(),
        19_998
    );
    let assessment = evaluate(&p, RuleSet::default_edition());
    let expected: u64 = (0..10_000u64).filter(|i| i % 10 != 0).map(|i| i * 2).sum();
    assert_eq!(assessment.active_entitlements, expected);
    // And again: all updated, nothing added.
    let summary = import(&text, &mut p).unwrap();
    assert_eq!((summary.added, summary.updated), (0, 10_000));
    assert_eq!(p.customers.len(), 10_000);
}

/// "already on line N" names the row, never the header, whatever the line ends (Excel and
/// our own export write CRLF; old Mac spreadsheets CR).
#[test]
fn duplicate_lines_are_right_for_lf_crlf_and_cr() {
    for end in ["\n", "\r\n", "\r"] {
        let file = format!("name,exchange online{end}A,1{end}{end}B,2{end}a,3{end}");
        match refused(file.as_bytes()) {
            ImportError::InvalidRows(rows) => {
                assert_eq!(rows.len(), 1, "{end:?}");
                assert_eq!(rows[0].line, 5, "{end:?}");
                assert_eq!(
                    rows[0].problem,
                    RowProblem::DuplicateName { first_line: 2 },
                    "{end:?}"
                );
            }
            other => panic!("{other:?}"),
        }
    }
}
