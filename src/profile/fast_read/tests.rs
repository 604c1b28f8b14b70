use serde_json::json;

use super::read;
use crate::profile::format::profile_of;
use crate::profile::kept_fields::OnePass;
use crate::profile::{
    Association, Count, Counting, Customer, Market, ParseError, Person, Problem, Profile,
    ReportDate, Source, SourceKind, Workload, from_json, to_json,
};

const CONTOSO: &str = include_str!("../../../tests/fixtures/contoso.json");
const TOP: &str = r#""format": "cpc-wizard/profile", "version": 1"#;

/// The draft the fast path reads from `text`, if it does.
fn fast(text: &str) -> Option<Result<Profile, ParseError>> {
    read(text).map(profile_of)
}

/// The draft serde's one pass reads from `text`, if it does.
fn serde(text: &str) -> Option<Result<Profile, ParseError>> {
    serde_json::from_str::<OnePass>(text).ok().map(profile_of)
}

fn draft(body: &str) -> String {
    format!("{{{TOP}, {body}}}")
}

/// A customer and a person with every optional field the program writes.
fn everything() -> Profile {
    let mut profile = Profile::new("Every Field");
    profile.edition = "2017-07".into();
    profile.market = Some(Market::Developing);
    profile.counting = Counting::BestWorkload;
    let mut customer = Customer::new("Fabrikam");
    customer.association = Association::DigitalPartnerOfRecord;
    customer.trial = true;
    customer
        .active_users
        .set(Workload::Yammer, Count::new(75).unwrap());
    customer.tenant_domain = Some("fabrikam.onmicrosoft.com".into());
    customer.source = Some(Box::new(Source {
        kind: SourceKind::UsageReport,
        file: Some(r"C:\Reports\Active users (30 June).csv".into()),
        report_date: ReportDate::parse("2017-06-30"),
    }));
    customer
        .licensed_users
        .set(Workload::ExchangeOnline, Some(Count::new(1200).unwrap()));
    customer
        .active_users_in_7_days
        .set(Workload::Proplus, Some(Count::ZERO));
    let mut person = Person::new("Mei Lin");
    person.exams = vec!["70-346".into(), "70-347".into()];
    person.certifications = vec!["mcsa-office-365".into()];
    person.email = Some("mei@example.com".into());
    person.source = Some(Box::new(Source {
        kind: SourceKind::Training,
        file: None,
        report_date: None,
    }));
    profile.customers = vec![customer];
    profile.staff = vec![person, Person::new("Ray")];
    profile
}

#[test]
fn a_draft_with_every_field_reads_back_as_written() {
    let profile = everything();
    let text = to_json(&profile);
    assert!(text.contains(r#""file": "C:\\Reports"#), "{text}");
    assert_eq!(fast(&text), Some(Ok(profile.clone())));
    assert_eq!(serde(&text), Some(Ok(profile)));
}

#[test]
fn a_large_draft_round_trips_through_the_fast_path() {
    let profile = crate::sample::profile(300);
    let text = to_json(&profile);
    let read_back = fast(&text).and_then(Result::ok);
    assert_eq!(read_back.as_ref(), Some(&profile));
    assert_eq!(read_back.map(|p| to_json(&p)), Some(text));
}

#[test]
fn contoso_with_its_escape_and_compact_layout_reads_as_serde_reads_it() {
    assert!(CONTOSO.contains(r"\u001b"));
    let profile = fast(CONTOSO);
    assert!(profile.is_some());
    assert_eq!(profile, serde(CONTOSO));
    assert_eq!(
        profile
            .and_then(Result::ok)
            .map(|p| p.customers[3].name.clone()),
        Some("Northwind\u{1b}[31m".to_string())
    );
}

#[test]
fn what_the_fast_path_leaves_is_read_by_serde_as_before() {
    // An escape in a key: no name needs one, so the fast path matches none.
    let text = draft(r#""n\u0061me": "A""#);
    assert_eq!(fast(&text), None);
    assert_eq!(from_json(&text).map(|p| p.name), Ok("A".to_string()));
    // A count written as a decimal: serde takes a whole one.
    let text =
        draft(r#""name": "A", "customers": [{"name": "C", "active_users": {"yammer": 5.0}}]"#);
    assert_eq!(fast(&text), None);
    let users = from_json(&text).map(|p| p.customers[0].active_users.get(Workload::Yammer));
    assert_eq!(users, Ok(Count::new(5).unwrap()));
}

#[test]
fn an_unknown_field_is_left_to_serde_which_keeps_it() {
    let text = draft(r#""name": "A", "extra": {"kept": [1, 2]}"#);
    assert_eq!(fast(&text), None);
    let profile = from_json(&text).unwrap();
    assert_eq!(profile.other["extra"], json!({"kept": [1, 2]}));
    let text = draft(r#""name": "A", "customers": [{"name": "C", "x": 1}]"#);
    assert_eq!(fast(&text), None);
    assert_eq!(from_json(&text).unwrap().customers[0].other["x"], json!(1));
}

#[test]
fn a_field_given_twice_is_left_to_serde_which_names_it() {
    for (body, field) in [
        (r#""name": "A", "name": "B""#, "name"),
        (
            r#""name": "A", "customers": [{"name": "C", "trial": true, "trial": false}]"#,
            "trial",
        ),
        (
            r#""name": "A", "customers": [{"name": "C", "active_users": {"yammer": 1, "yammer": 2}}]"#,
            "yammer",
        ),
    ] {
        let text = draft(body);
        assert_eq!(fast(&text), None, "{body}");
        match from_json(&text) {
            Err(ParseError::Invalid {
                problem: Problem::DuplicateField { field: found },
                ..
            }) => assert_eq!(found, field),
            other => panic!("{body}: {other:?}"),
        }
    }
}

#[test]
fn a_count_above_the_limit_is_left_to_serde_which_names_it() {
    let customer = |n: &str| {
        draft(&format!(
            r#""name": "A", "customers": [{{"name": "C", "active_users": {{"proplus": {n}}}}}]"#
        ))
    };
    assert!(fast(&customer("10000000")).is_some());
    let text = customer("10000001");
    assert_eq!(fast(&text), None);
    assert!(matches!(
        from_json(&text),
        Err(ParseError::Invalid {
            problem: Problem::AboveLimit { .. },
            ..
        })
    ));
}

#[test]
fn null_is_absent_where_serde_takes_it_so_and_refused_elsewhere() {
    let absent = draft(
        r#""name": "A", "edition": null, "market": null, "counting": null, "customers": [{"name": "C", "tenant_domain": null, "source": null, "licensed_users": null, "active_users_in_7_days": null}], "staff": [{"name": "P", "email": null, "source": {"kind": "typed", "file": null, "report_date": null}}]"#,
    );
    assert!(fast(&absent).is_some());
    assert_eq!(fast(&absent), serde(&absent));
    for body in [
        r#""name": null"#,
        r#""name": "A", "customers": null"#,
        r#""name": "A", "customers": [{"name": "C", "trial": null}]"#,
        r#""name": "A", "customers": [{"name": "C", "association": null}]"#,
        r#""name": "A", "staff": [{"name": "P", "exams": null}]"#,
        r#""name": "A", "staff": [{"name": "P", "source": {"kind": null}}]"#,
    ] {
        let text = draft(body);
        assert_eq!(fast(&text), None, "{body}");
        assert_eq!(serde(&text), None, "{body}");
    }
}

#[test]
fn anything_unusual_is_left_to_serde() {
    for text in [
        draft(r#""name": "A\u{1f}""#).replace(r"\u{1f}", "\u{1f}"),
        draft(r#""name": "A", "customers": [{"name": "C", "active_users": {"yammer": 01}}]"#),
        draft(r#""name": "A", "customers": [{"name": "C", "active_users": {"yammer": -0}}]"#),
        draft(r#""name": "A", "edition": "1999-01""#),
        draft(
            r#""name": "A", "staff": [{"name": "P", "source": {"kind": "typed", "report_date": "2017-02-30"}}]"#,
        ),
        draft(r#""name": "\ud800""#),
        draft(r#""name": "\ud83d\u0041""#),
        draft(r#""name": "A"} trailing"#),
        draft(r#""name": "A""#).replace('{', "[").replace('}', "]"),
        format!("{{{TOP}, \"name\": \"A\""),
    ] {
        assert_eq!(fast(&text), None, "{text}");
    }
}

#[test]
fn whitespace_and_escapes_of_any_kind_read_as_serde_reads_them() {
    for text in [
        draft(r#""name":"A","customers":[{"name":"C","active_users":{"yammer":3}}]"#),
        draft(" \"name\"\r\n\t:\t\"A\" ,\n\"staff\" : [ ] ").replace(',', " ,  \n"),
        draft(r#""name": "\"q\" \\ \/ \b\f\n\r\t \u00e9 \ud83d\ude00""#),
        draft(
            r#""name": "A", "staff": [{"name": "P", "source": {"kind": "csv", "report_date": " 2017-06-30"}}]"#,
        ),
    ] {
        let profile = fast(&text);
        assert!(profile.is_some(), "{text}");
        assert_eq!(profile, serde(&text), "{text}");
    }
}

#[test]
fn a_quote_escape_or_control_character_is_seen_wherever_it_stands_in_a_string() {
    for at in 0..20 {
        let plain = "x".repeat(at);
        let escaped = draft(&format!(r#""name": "{plain}\n{plain}é""#));
        assert_eq!(
            fast(&escaped).and_then(Result::ok).map(|p| p.name),
            Some(format!("{plain}\n{plain}é"))
        );
        let control = draft(&format!("\"name\": \"{plain}\u{1}{plain}\""));
        assert_eq!(fast(&control), None, "{control}");
        let quoted = draft(&format!(r#""name": "{plain}", "staff": []"#));
        assert_eq!(
            fast(&quoted).and_then(Result::ok).map(|p| p.name),
            Some(plain)
        );
    }
}
