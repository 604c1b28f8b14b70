//! The draft format, version 1 (SPEC.md §3): what reads, what is refused and how the
//! refusal names the field and line.

use cpc_wizard::profile::{Association, Market, ParseError, Problem, from_json, to_json};
use cpc_wizard::store;

const SPEC_EXAMPLE: &str = r#"{
  "format": "cpc-wizard/profile",
  "version": 1,
  "name": "Contoso MSP FY18",
  "edition": "2017-06",
  "market": "developed",
  "customers": [
    {
      "name": "Fabrikam",
      "association": "delegated_admin",
      "trial": false,
      "active_users": {
        "exchange_online": 1200,
        "sharepoint_online": 800,
        "skype_for_business": 0,
        "yammer": 0,
        "proplus": 300
      }
    }
  ],
  "staff": [
    { "name": "Mei Lin", "exams": ["70-346", "70-347"], "certifications": [] },
    { "name": "Ray", "exams": [], "certifications": ["mcsa-office-365"] }
  ]
}"#;

/// A valid draft with `body` spliced in after the name (a leading comma is added).
fn draft_with(body: &str) -> String {
    format!(
        "{{\n  \"format\": \"cpc-wizard/profile\",\n  \"version\": 1,\n  \"name\": \"X\",\n{body}\n}}"
    )
}

/// The `Invalid` error's path, problem and line, or a failure naming what came instead.
fn invalid(text: &str) -> (String, Problem, Option<usize>) {
    match from_json(text) {
        Err(ParseError::Invalid {
            path,
            problem,
            line,
        }) => (path, problem, line),
        other => panic!("expected Invalid, got {other:?} for\n{text}"),
    }
}

/// The 1-based line of the first occurrence of `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .map(|i| i + 1)
        .unwrap_or_else(|| panic!("{needle:?} not in text"))
}

// ---------------------------------------------------------------- reading

#[test]
fn spec_example_reads_as_written() {
    let p = from_json(SPEC_EXAMPLE).expect("the SPEC's example is valid");
    assert_eq!(p.name, "Contoso MSP FY18");
    assert_eq!(p.edition, "2017-06");
    assert_eq!(p.market, Some(Market::Developed));
    assert_eq!(p.customers.len(), 1);
    let c = &p.customers[0];
    assert_eq!(c.name, "Fabrikam");
    assert_eq!(c.association, Association::DelegatedAdmin);
    assert!(!c.trial);
    let u = &c.active_users;
    assert_eq!(
        [
            u.exchange_online.get(),
            u.sharepoint_online.get(),
            u.skype_for_business.get(),
            u.yammer.get(),
            u.proplus.get()
        ],
        [1200, 800, 0, 0, 300]
    );
    assert_eq!(p.staff.len(), 2);
    assert_eq!(p.staff[0].exams, ["70-346", "70-347"]);
    assert!(p.staff[0].certifications.is_empty());
    assert_eq!(p.staff[1].certifications, ["mcsa-office-365"]);
}

#[test]
fn spec_example_round_trips() {
    let p = from_json(SPEC_EXAMPLE).expect("valid");
    let written = to_json(&p);
    // The same JSON document, field for field…
    let a: serde_json::Value = serde_json::from_str(SPEC_EXAMPLE).expect("json");
    let b: serde_json::Value = serde_json::from_str(&written).expect("json");
    assert_eq!(a, b);
    // …with the header first, as a person reading the file expects.
    assert!(written.starts_with("{\n  \"format\": \"cpc-wizard/profile\",\n  \"version\": 1,"));
    assert!(written.ends_with("}\n"));
    // And reading what was written gives the same draft again.
    assert_eq!(from_json(&written).expect("valid"), p);
}

#[test]
fn missing_optional_fields_take_their_defaults() {
    let p = from_json(r#"{"format": "cpc-wizard/profile", "version": 1, "name": "Bare"}"#)
        .expect("valid");
    assert_eq!(p.edition, "2017-06");
    assert_eq!(p.market, None);
    assert!(p.customers.is_empty());
    assert!(p.staff.is_empty());

    let p = from_json(&draft_with(
        r#"  "market": null, "edition": null,
  "customers": [ { "name": "Only a name" },
                 { "name": "Some", "active_users": { "yammer": 7 } } ],
  "staff": [ { "name": "Nobody yet" } ]"#,
    ))
    .expect("valid");
    assert_eq!(p.market, None);
    assert_eq!(p.edition, "2017-06");
    let c = &p.customers[0];
    // No association given is no association: the customer is not counted until one is.
    assert_eq!(c.association, Association::None);
    assert!(!c.trial);
    assert_eq!(c.active_users, Default::default());
    assert_eq!(p.customers[1].active_users.yammer.get(), 7);
    assert_eq!(p.customers[1].active_users.exchange_online.get(), 0);
    assert!(p.staff[0].exams.is_empty() && p.staff[0].certifications.is_empty());
}

#[test]
fn both_editions_and_markets_read() {
    for edition in ["2017-06", "2017-07"] {
        for market in ["developed", "developing"] {
            let p = from_json(&draft_with(
                &format!("  ,\"edition\": \"{edition}\", \"market\": \"{market}\"")
                    .replacen(',', "", 1),
            ))
            .expect("valid");
            assert_eq!(p.edition, edition);
            assert_eq!(p.market.map(|m| m.id()), Some(market));
        }
    }
}

#[test]
fn unknown_ids_and_fields_of_version_1_are_kept_and_written_back() {
    let p = from_json(&draft_with(
        r#"  "exported_by": { "tool": "some other tool", "at": 3 },
  "customers": [ { "tenant_id": "a1b2", "name": "Fabrikam", "notes": ["renewal in May"] } ],
  "staff": [ { "name": "A", "exams": ["70-533"], "certifications": ["mcsa-windows-10"], "email": "a@example.com" } ]"#,
    ))
    .expect("valid");
    assert_eq!(p.staff[0].exams, ["70-533"]);
    assert_eq!(p.staff[0].certifications, ["mcsa-windows-10"]);
    assert_eq!(p.other["exported_by"]["tool"], "some other tool");
    assert_eq!(p.customers[0].other["tenant_id"], "a1b2");
    assert_eq!(p.customers[0].other["notes"][0], "renewal in May");
    // A person's email is a field of the format (SPEC.md §3), no longer kept as unknown.
    assert_eq!(p.staff[0].email.as_deref(), Some("a@example.com"));
    // Written back, unknown ids and fields stay, and read back the same.
    let written = to_json(&p);
    for kept in [
        "70-533",
        "exported_by",
        "tenant_id",
        "renewal in May",
        "a@example.com",
    ] {
        assert!(written.contains(kept), "{kept} dropped:\n{written}");
    }
    assert_eq!(from_json(&written), Ok(p));
}

#[test]
fn a_top_level_field_given_twice_is_named() {
    for (field, value) in [
        ("name", r#""Other""#),
        ("version", "1"),
        ("format", r#""cpc-wizard/profile""#),
        ("customers", "[]"),
    ] {
        let text = SPEC_EXAMPLE.replacen("{\n", &format!("{{\n  \"{field}\": {value},\n"), 1);
        match from_json(&text) {
            Err(ParseError::Invalid {
                path,
                problem,
                line,
            }) => {
                assert!(path.is_empty() || path == ".", "{field}: {path}");
                assert_eq!(
                    problem,
                    Problem::DuplicateField {
                        field: field.into()
                    },
                    "{field}"
                );
                assert!(line.is_some(), "{field}");
            }
            other => panic!("{field}: {other:?}"),
        }
    }
}

#[test]
fn a_field_given_twice_is_refused_with_its_path() {
    let text = draft_with(r#"  "customers": [ { "name": "A", "trial": false, "trial": true } ]"#);
    let (path, problem, line) = invalid(&text);
    assert_eq!(path, "customers[0]");
    assert_eq!(line, Some(line_of(&text, "\"trial\": true")));
    assert_eq!(
        problem,
        Problem::DuplicateField {
            field: "trial".into()
        }
    );
}

#[test]
fn whole_counts_at_the_limits_read() {
    let p = from_json(&draft_with(
        r#"  "customers": [ { "name": "Big", "active_users": { "exchange_online": 10000000, "yammer": 0, "proplus": 12.0 } } ]"#,
    ))
    .expect("valid");
    assert_eq!(
        p.customers[0].active_users.exchange_online.get(),
        10_000_000
    );
    assert_eq!(p.customers[0].active_users.proplus.get(), 12);
}

#[test]
fn a_byte_order_mark_is_harmless_when_loading_from_disk() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bom.json");
    std::fs::write(&path, format!("\u{feff}{SPEC_EXAMPLE}")).expect("write");
    assert_eq!(store::load(&path).expect("loads").name, "Contoso MSP FY18");
}

// ---------------------------------------------------------------- refusals

#[test]
fn not_json_is_a_syntax_error_with_line_and_column() {
    let text = "{\n  \"format\": \"cpc-wizard/profile\",\n  \"version\": 1,\n  oops\n}";
    match from_json(text) {
        Err(ParseError::Syntax { line, column, .. }) => {
            assert_eq!(line, 4);
            assert_eq!(column, 3);
        }
        other => panic!("expected Syntax, got {other:?}"),
    }
    // Cut short.
    assert!(matches!(
        from_json(&SPEC_EXAMPLE[..200]),
        Err(ParseError::Syntax { .. })
    ));
    assert!(matches!(
        from_json("Name,Association\nFabrikam,delegated_admin\n"),
        Err(ParseError::Syntax { line: 1, .. })
    ));
}

#[test]
fn an_empty_file_is_empty() {
    assert_eq!(from_json(""), Err(ParseError::Empty));
    assert_eq!(from_json("  \n\t\n"), Err(ParseError::Empty));
}

#[test]
fn json_that_is_not_a_draft_is_refused() {
    for text in [
        "[]",
        "42",
        "\"text\"",
        "null",
        "{}",
        r#"{"version": 1, "name": "x"}"#,
    ] {
        assert!(
            matches!(
                from_json(text),
                Err(ParseError::NotAProfile { found: None })
            ),
            "{text}: {:?}",
            from_json(text)
        );
    }
    assert_eq!(
        from_json(r#"{"format": "other/thing", "version": 1}"#),
        Err(ParseError::NotAProfile {
            found: Some("other/thing".into())
        })
    );
    assert_eq!(
        from_json(r#"{"format": "cpc-wizard/profile", "name": "x"}"#),
        Err(ParseError::MissingVersion)
    );
}

#[test]
fn a_newer_version_is_refused_naming_both_versions() {
    let text = r#"{"format": "cpc-wizard/profile", "version": 2, "name": "Future",
                   "workspace": {"id": 7}, "customers": "a new shape"}"#;
    let err = from_json(text).expect_err("refused");
    assert_eq!(
        err,
        ParseError::NewerVersion {
            found: 2,
            supported: 1
        }
    );
    let message = err.to_string();
    assert!(message.contains('2') && message.contains('1'), "{message}");
}

#[test]
fn wrong_types_name_the_field_and_line() {
    let cases: [(&str, &str, &str); 8] = [
        (
            r#"  "customers": [ { "name": "A", "trial": "yes" } ]"#,
            "customers[0].trial",
            "\"yes\"",
        ),
        (
            r#"  "customers": { "name": "A" }"#,
            "customers",
            "customers",
        ),
        (r#"  "market": 3"#, "market", "market"),
        (
            r#"  "customers": [ { "name": "A", "active_users": { "yammer": "12" } } ]"#,
            "customers[0].active_users.yammer",
            "yammer",
        ),
        (
            r#"  "staff": [ { "name": "A", "exams": "70-346" } ]"#,
            "staff[0].exams",
            "exams",
        ),
        (r#"  "staff": [ { "name": 12 } ]"#, "staff[0].name", "staff"),
        (r#"  "customers": [ ["A"] ]"#, "customers[0]", "customers"),
        (r#"  "staff": [ "Mei" ]"#, "staff[0]", "staff"),
    ];
    for (body, path, on_line) in cases {
        let text = draft_with(body);
        let (got_path, problem, line) = invalid(&text);
        assert_eq!(got_path, path, "{body}");
        assert_eq!(line, Some(line_of(&text, on_line)), "{body}");
        match (path, &problem) {
            ("customers[0].active_users.yammer", Problem::WrongType { expected, found }) => {
                assert_eq!((expected.as_str(), found.as_str()), ("number", "\"12\""));
            }
            ("market", Problem::WrongType { expected, found }) => {
                assert_eq!((expected.as_str(), found.as_str()), ("text", "3"));
            }
            ("customers[0]" | "staff[0]", Problem::WrongType { expected, .. }) => {
                assert_eq!(expected, "object", "{body}");
            }
            // serde's own type errors are read back into typed problems too.
            (_, Problem::WrongType { expected, found }) => {
                assert!(["boolean", "text", "list", "object"].contains(&expected.as_str()));
                assert!(!found.is_empty());
            }
            other => panic!("unexpected problem {other:?}"),
        }
    }
}

#[test]
fn counts_out_of_range_name_the_field_path_and_line() {
    let text = draft_with(
        r#"  "customers": [
    { "name": "C0", "association": "delegated_admin", "active_users": { "exchange_online": 1 } },
    { "name": "C1", "association": "delegated_admin", "active_users": { "exchange_online": 2 } },
    { "name": "C2", "association": "delegated_admin", "active_users": { "exchange_online": 3 } },
    { "name": "C3", "association": "delegated_admin",
      "active_users": {
        "sharepoint_online": 5,
        "exchange_online": VALUE
      } }
  ]"#,
    );
    let cases: [(&str, Problem); 6] = [
        (
            "10000001",
            Problem::AboveLimit {
                value: "10000001".into(),
            },
        ),
        (
            "99999999999999999999",
            Problem::AboveLimit {
                value: "100000000000000000000".into(),
            },
        ),
        ("-1", Problem::Negative { value: "-1".into() }),
        (
            "-0.5",
            Problem::Negative {
                value: "-0.5".into(),
            },
        ),
        (
            "12.5",
            Problem::NotWholeNumber {
                value: "12.5".into(),
            },
        ),
        (
            "null",
            Problem::WrongType {
                expected: "number".into(),
                found: "null".into(),
            },
        ),
    ];
    for (value, expected) in cases {
        let text = text.replace("VALUE", value);
        let (path, problem, line) = invalid(&text);
        assert_eq!(path, "customers[3].active_users.exchange_online", "{value}");
        assert_eq!(problem, expected, "{value}");
        assert_eq!(
            line,
            Some(line_of(&text, &format!("\"exchange_online\": {value}"))),
            "{value}"
        );
    }
}

#[test]
fn unknown_market_association_workload_and_edition_are_named() {
    let (path, problem, line) = invalid(&draft_with(r#"  "market": "emerging""#));
    assert_eq!(path, "market");
    assert_eq!(line, Some(5));
    assert_eq!(
        problem,
        Problem::UnknownValue {
            value: "emerging".into(),
            expected: vec!["developed".into(), "developing".into()]
        }
    );

    let text = draft_with(
        r#"  "customers": [
    { "name": "A", "association": "delegated_admin" },
    { "name": "B", "association": "reseller" } ]"#,
    );
    let (path, problem, line) = invalid(&text);
    assert_eq!(path, "customers[1].association");
    assert_eq!(line, Some(line_of(&text, "reseller")));
    match problem {
        Problem::UnknownValue { value, expected } => {
            assert_eq!(value, "reseller");
            assert_eq!(
                expected,
                [
                    "delegated_admin",
                    "transacting_partner",
                    "digital_partner_of_record",
                    "fast_track_partner",
                    "none"
                ]
            );
        }
        other => panic!("{other:?}"),
    }

    let text = draft_with(
        r#"  "customers": [ { "name": "A",
      "active_users": { "exchange_online": 5, "teams": 9 } } ]"#,
    );
    let (path, problem, line) = invalid(&text);
    assert_eq!(path, "customers[0].active_users.teams");
    assert_eq!(line, Some(line_of(&text, "teams")));
    match problem {
        Problem::UnknownField { field, expected } => {
            assert_eq!(field, "teams");
            assert_eq!(expected.len(), 5, "{expected:?}");
            assert!(expected.contains(&"exchange_online".to_string()));
        }
        other => panic!("{other:?}"),
    }

    let text = draft_with(r#"  "edition": "2018-01""#);
    let (path, problem, line) = invalid(&text);
    assert_eq!(path, "edition");
    assert_eq!(line, Some(5));
    assert_eq!(
        problem,
        Problem::UnknownValue {
            value: "2018-01".into(),
            expected: vec!["2017-06".into(), "2017-07".into()]
        }
    );
}

#[test]
fn missing_required_names_are_named() {
    let (path, problem, _) = invalid(r#"{"format": "cpc-wizard/profile", "version": 1}"#);
    assert_eq!(path, ".");
    assert_eq!(
        problem,
        Problem::MissingField {
            field: "name".into()
        }
    );

    let (path, problem, _) = invalid(&draft_with(r#"  "customers": [ { "trial": true } ]"#));
    assert_eq!(path, "customers[0]");
    assert_eq!(
        problem,
        Problem::MissingField {
            field: "name".into()
        }
    );
}

#[test]
fn version_0_is_refused() {
    let (path, problem, _) =
        invalid(r#"{"format": "cpc-wizard/profile", "version": 0, "name": "x"}"#);
    assert_eq!(path, "version");
    assert_eq!(
        problem,
        Problem::UnknownValue {
            value: "0".into(),
            expected: vec!["1".into()]
        }
    );
}

#[test]
fn a_wrong_version_type_is_named() {
    let (path, problem, _) =
        invalid(r#"{"format": "cpc-wizard/profile", "version": "1", "name": "x"}"#);
    assert_eq!(path, "version");
    assert!(matches!(problem, Problem::WrongType { .. }), "{problem:?}");
}

// ---------------------------------------------------------------- on disk

#[test]
fn save_then_load_gives_the_same_draft_and_the_file_is_private() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = from_json(SPEC_EXAMPLE).expect("valid");
    let s = store::Store::new(dir.path().join("drafts"));
    let path = s.path_for_new(&p.name);
    store::save(&path, &p).expect("saved");
    assert_eq!(
        path.file_name().and_then(|n| n.to_str()),
        Some("Contoso MSP FY18.json")
    );
    assert_eq!(store::load(&path).expect("loads"), p);
    // No temporary file left beside it.
    let names: Vec<_> = std::fs::read_dir(path.parent().expect("dir"))
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
        assert_eq!(mode & 0o077, 0, "readable by its owner only: {mode:o}");
    }
}

#[test]
fn a_file_that_is_not_utf8_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("latin1.json");
    std::fs::write(&path, b"{\"name\": \"Caf\xe9\"}").expect("write");
    assert!(matches!(
        store::load(&path),
        Err(store::StoreError::NotUtf8 { .. })
    ));
}

// ---------------------------------------------------------------- properties

use cpc_wizard::profile::{Count, Customer, OtherFields, Person, Profile, Workload};
use proptest::prelude::*;

fn any_text() -> impl Strategy<Value = String> {
    // Any Unicode, control characters and quotes included.
    prop_oneof![
        any::<String>(),
        "[a-zA-Z0-9 台北資訊\\\"\\u{1b}\\u{0}\\n]{0,12}"
    ]
}

fn any_customer() -> impl Strategy<Value = Customer> {
    (
        any_text(),
        prop::sample::select(Association::ALL.to_vec()),
        any::<bool>(),
        prop::array::uniform5(0u64..=10_000_000),
    )
        .prop_map(|(name, association, trial, counts)| {
            let mut c = Customer::new(name);
            c.association = association;
            c.trial = trial;
            for (w, n) in Workload::ALL.into_iter().zip(counts) {
                c.active_users.set(w, Count::new(n).expect("in range"));
            }
            c
        })
}

fn any_profile() -> impl Strategy<Value = Profile> {
    (
        any_text(),
        prop::sample::select(vec!["2017-06", "2017-07"]),
        prop::option::of(prop::sample::select(Market::ALL.to_vec())),
        prop::collection::vec(any_customer(), 0..6),
        prop::collection::vec(
            (
                any_text(),
                prop::collection::vec(any_text(), 0..3),
                prop::collection::vec(any_text(), 0..2),
            ),
            0..4,
        ),
    )
        .prop_map(|(name, edition, market, customers, staff)| Profile {
            name,
            edition: edition.to_string(),
            market,
            counting: Default::default(),
            customers,
            staff: staff
                .into_iter()
                .map(|(name, exams, certifications)| Person {
                    exams,
                    certifications,
                    ..Person::new(name)
                })
                .collect(),
            other: OtherFields::new(),
        })
}

proptest! {
    #[test]
    fn whatever_is_written_reads_back_the_same(p in any_profile()) {
        prop_assert_eq!(from_json(&to_json(&p)), Ok(p));
    }

    #[test]
    fn damaged_files_are_refused_not_panicked_on(
        cut in 0usize..SPEC_EXAMPLE.len(),
        junk in "[\\[\\]{}\",:0-9a-z -]{0,4}",
    ) {
        // Replace a piece of a valid file with junk: any outcome but a panic is fine, and a
        // file that still reads must still be a sensible draft.
        let mut text: String = SPEC_EXAMPLE.chars().take(cut).collect();
        text.push_str(&junk);
        text.extend(SPEC_EXAMPLE.chars().skip(cut + junk.len()));
        if let Ok(p) = from_json(&text) {
            prop_assert!(p.edition == "2017-06" || p.edition == "2017-07");
        }
    }
}

#[test]
fn the_reading_and_the_report_fields_read_back_and_bad_ones_are_named() {
    use cpc_wizard::profile::{Counting, SourceKind, Workload};
    let p = from_json(&draft_with(
        r#"  "counting": "best_workload",
  "customers": [ { "name": "Fabrikam", "tenant_domain": "fabrikam.onmicrosoft.com",
    "source": { "kind": "usage_report", "file": "fab.csv", "report_date": "2017-06-30" },
    "licensed_users": { "exchange_online": 40 }, "active_users_in_7_days": { "yammer": 2 } } ],
  "staff": [ { "name": "A", "email": "a@example.com", "source": { "kind": "training" } } ]"#,
    ))
    .expect("valid");
    assert_eq!(p.counting, Counting::BestWorkload);
    let c = &p.customers[0];
    assert_eq!(c.tenant_domain.as_deref(), Some("fabrikam.onmicrosoft.com"));
    let source = c.source.as_deref().expect("source");
    assert_eq!(source.kind, SourceKind::UsageReport);
    assert_eq!(
        source.report_date.map(|d| d.to_string()).as_deref(),
        Some("2017-06-30")
    );
    assert_eq!(
        c.licensed_users
            .get(Workload::ExchangeOnline)
            .map(|n| n.get()),
        Some(40)
    );
    assert_eq!(c.licensed_users.get(Workload::Yammer), None);
    assert_eq!(
        p.staff[0].source.as_deref().map(|s| s.kind),
        Some(SourceKind::Training)
    );
    assert_eq!(from_json(&to_json(&p)), Ok(p));

    // Absent or null: the default reading, and nothing written for it.
    let plain = from_json(&draft_with(r#"  "counting": null"#)).expect("valid");
    assert_eq!(plain.counting, Counting::LargestWorkload);
    assert!(!to_json(&plain).contains("counting"));

    let (path, problem, line) = invalid(&draft_with("  \"counting\": \"average\""));
    assert_eq!(path, "counting");
    assert!(matches!(problem, Problem::UnknownValue { ref value, .. } if value == "average"));
    assert_eq!(line, Some(5));
    let (path, _, line) = invalid(&draft_with(
        "  \"customers\": [ { \"name\": \"F\",\n \"source\": { \"kind\": \"typed\", \"report_date\": \"30/06/2017\" } } ]",
    ));
    assert_eq!(path, "customers[0].source.report_date");
    assert_eq!(line, Some(6));
}
