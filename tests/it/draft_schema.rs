//! The draft format's JSON Schema (assets/schema/profile-v1.schema.json) against the
//! program: every fixture and every draft the program writes passes it; files the loader
//! refuses fail it for the same reason; a draft carrying `"$schema"` is read and keeps it.

use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;
use cpc_wizard::commands::PROFILE_SCHEMA;
use cpc_wizard::profile::{self, Profile};
use serde_json::{Value, json};

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(PROFILE_SCHEMA).expect("the schema is JSON");
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema is a valid 2020-12 schema")
}

/// The schema's complaints about a document, one line each.
fn errors(document: &Value) -> Vec<String> {
    validator()
        .iter_errors(document)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

fn assert_valid(what: &str, document: &Value) {
    let errors = errors(document);
    assert!(errors.is_empty(), "{what}: {errors:#?}");
}

#[test]
fn the_schema_declares_draft_2020_12_and_describes_every_field() {
    let schema: Value = serde_json::from_str(PROFILE_SCHEMA).expect("JSON");
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    // Every property, wherever it is, says what it is for.
    fn walk(path: &str, value: &Value, missing: &mut Vec<String>) {
        if let Some(properties) = value.get("properties").and_then(Value::as_object) {
            for (name, property) in properties {
                let here = format!("{path}/{name}");
                if property
                    .get("description")
                    .and_then(Value::as_str)
                    .is_none()
                {
                    missing.push(here.clone());
                }
                walk(&here, property, missing);
            }
        }
        if let Some(defs) = value.get("$defs").and_then(Value::as_object) {
            for (name, def) in defs {
                walk(&format!("{path}/$defs/{name}"), def, missing);
            }
        }
    }
    let mut missing = Vec::new();
    walk("", &schema, &mut missing);
    assert!(missing.is_empty(), "no description: {missing:?}");
    let customer = &schema["$defs"]["customer"]["properties"];
    for field in [
        "name",
        "association",
        "trial",
        "active_users",
        "licensed_users",
        "active_users_in_7_days",
        "tenant_domain",
        "source",
    ] {
        assert!(customer.get(field).is_some(), "customer.{field}");
    }
    let person = &schema["$defs"]["person"]["properties"];
    for field in ["name", "email", "exams", "certifications", "source"] {
        assert!(person.get(field).is_some(), "person.{field}");
    }
    for field in [
        "format",
        "version",
        "name",
        "edition",
        "market",
        "counting",
        "customers",
        "staff",
    ] {
        assert!(schema["properties"].get(field).is_some(), "{field}");
    }
}

#[test]
fn every_fixture_passes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).expect("fixtures folder") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "json") {
            let document: Value =
                serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("JSON");
            assert_valid(&path.display().to_string(), &document);
            checked += 1;
        }
    }
    assert!(checked > 0, "no fixture in {}", dir.display());
}

#[test]
fn drafts_the_program_writes_pass() {
    let fixture = include_str!("../fixtures/contoso.json");
    let profile = profile::from_json(fixture).expect("fixture loads");
    for (what, written) in [
        ("the fixture written back", profile::to_json(&profile)),
        ("a new draft", profile::to_json(&Profile::new("Empty"))),
        ("a sample draft", cpc_wizard::sample::json(300)),
    ] {
        let document: Value = serde_json::from_str(&written).expect("JSON");
        assert_valid(what, &document);
    }

    // And one made as a user makes it: `import-csv` into a draft that does not exist yet.
    let home = tempfile::tempdir().expect("tempdir");
    let csv = home.path().join("customers.csv");
    std::fs::write(
        &csv,
        "Customer,Association,Trial,Exchange Online,ProPlus\n\
         Contoso,DAP,no,\"1,200\",300\n\
         台北資訊,DPOR,yes,10000000,\n",
    )
    .expect("write CSV");
    let out = cargo_bin_cmd!("cpc-wizard")
        .env("CPC_WIZARD_HOME", home.path())
        .env("LANG", "C")
        .arg("import-csv")
        .arg(&csv)
        .args(["--into", "Imported"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written = std::fs::read_to_string(home.path().join("Imported.json")).expect("draft");
    assert_valid(
        "import-csv's draft",
        &serde_json::from_str(&written).expect("JSON"),
    );
}

/// A draft with every field of SPEC.md §3, the optional ones included.
fn full_draft() -> Value {
    json!({
        "$schema": "./profile-v1.schema.json",
        "format": "cpc-wizard/profile",
        "version": 1,
        "name": "Contoso MSP FY18",
        "edition": "2017-07",
        "market": "developing",
        "counting": "best_workload",
        "customers": [{
            "name": "Fabrikam",
            "association": "fast_track_partner",
            "trial": false,
            "tenant_domain": "fabrikam.onmicrosoft.com",
            "active_users": {"exchange_online": 1200, "sharepoint_online": 800},
            "licensed_users": {"exchange_online": 1500, "proplus": 10000000},
            "active_users_in_7_days": {"exchange_online": 1100},
            "source": {"kind": "usage_report", "file": "users.csv", "report_date": "2017-06-30"},
            "notes": "kept as it is"
        }],
        "staff": [
            {"name": "Mei Lin", "email": "mei@contoso.com", "exams": ["70-346", "70-347"],
             "certifications": [], "source": {"kind": "training", "file": "training.csv"}},
            {"name": "Ray", "exams": ["70-999"], "certifications": ["mcsa-office-365"],
             "source": {"kind": "typed"}}
        ],
        "written_by": "another tool"
    })
}

#[test]
fn a_draft_with_every_field_and_a_schema_reference_passes_and_loads() {
    let draft = full_draft();
    assert_valid("the full draft", &draft);
    let text = serde_json::to_string_pretty(&draft).expect("JSON");
    let profile = profile::from_json(&text).expect("the loader reads it");
    // "$schema" is kept: written back, an editor still finds the schema.
    let written: Value = serde_json::from_str(&profile::to_json(&profile)).expect("JSON");
    assert_eq!(written["$schema"], "./profile-v1.schema.json");
    assert_eq!(written["written_by"], "another tool");
    assert_valid("the full draft written back", &written);
}

/// `edit` applied to the full draft: a file both the schema and the loader refuse.
fn broken(edit: impl FnOnce(&mut Value)) -> Value {
    let mut draft = full_draft();
    edit(&mut draft);
    draft
}

#[test]
fn files_the_loader_refuses_fail_the_schema_for_the_same_reason() {
    let cases: Vec<(&str, Value, &str)> = vec![
        (
            "an unknown association",
            broken(|d| d["customers"][0]["association"] = json!("reseller")),
            "/customers/0/association",
        ),
        (
            "a count above 10,000,000",
            broken(|d| d["customers"][0]["active_users"]["proplus"] = json!(10_000_001)),
            "/customers/0/active_users/proplus",
        ),
        (
            "a negative count",
            broken(|d| d["customers"][0]["active_users"]["yammer"] = json!(-1)),
            "/customers/0/active_users/yammer",
        ),
        (
            "a count that is text",
            broken(|d| d["customers"][0]["active_users"]["yammer"] = json!("12")),
            "/customers/0/active_users/yammer",
        ),
        (
            "an unknown workload",
            broken(|d| d["customers"][0]["active_users"]["teams"] = json!(5)),
            "/customers/0/active_users",
        ),
        (
            "no name",
            broken(|d| {
                d.as_object_mut().map(|o| o.remove("name"));
            }),
            "",
        ),
        (
            "a customer without a name",
            broken(|d| {
                d["customers"][0].as_object_mut().map(|o| o.remove("name"));
            }),
            "/customers/0",
        ),
        (
            "a person without a name",
            broken(|d| {
                d["staff"][1].as_object_mut().map(|o| o.remove("name"));
            }),
            "/staff/1",
        ),
        (
            "a wrong market",
            broken(|d| d["market"] = json!("emerging")),
            "/market",
        ),
        (
            "an unknown edition",
            broken(|d| d["edition"] = json!("2018-01")),
            "/edition",
        ),
        (
            "a newer version",
            broken(|d| d["version"] = json!(2)),
            "/version",
        ),
        (
            "another format",
            broken(|d| d["format"] = json!("something/else")),
            "/format",
        ),
        (
            "trial as text",
            broken(|d| d["customers"][0]["trial"] = json!("no")),
            "/customers/0/trial",
        ),
    ];
    for (what, draft, path) in cases {
        let errors = errors(&draft);
        assert!(
            errors.iter().any(|e| e.starts_with(&format!("{path}: "))),
            "{what}: the schema should complain at {path:?}, said {errors:#?}"
        );
        let text = serde_json::to_string_pretty(&draft).expect("JSON");
        assert!(
            profile::from_json(&text).is_err(),
            "{what}: the loader should refuse it"
        );
    }
}

#[test]
fn the_newer_fields_are_checked_too() {
    for (what, draft, path) in [
        (
            "an unknown reading",
            broken(|d| d["counting"] = json!("average")),
            "/counting",
        ),
        (
            "an unknown source kind",
            broken(|d| d["customers"][0]["source"]["kind"] = json!("guess")),
            "/customers/0/source/kind",
        ),
        (
            "a person's source of a customer's kind",
            broken(|d| d["staff"][0]["source"]["kind"] = json!("usage_report")),
            "/staff/0/source/kind",
        ),
        (
            "a report date that is not a date",
            broken(|d| d["customers"][0]["source"]["report_date"] = json!("30/06/2017")),
            "/customers/0/source/report_date",
        ),
        (
            "a month 13",
            broken(|d| d["customers"][0]["source"]["report_date"] = json!("2017-13-01")),
            "/customers/0/source/report_date",
        ),
        (
            "licensed users above the limit",
            broken(|d| d["customers"][0]["licensed_users"]["yammer"] = json!(20_000_000)),
            "/customers/0/licensed_users/yammer",
        ),
        (
            "an unknown workload in 7 days",
            broken(|d| d["customers"][0]["active_users_in_7_days"]["teams"] = json!(1)),
            "/customers/0/active_users_in_7_days",
        ),
    ] {
        let errors = errors(&draft);
        assert!(
            errors.iter().any(|e| e.starts_with(&format!("{path}: "))),
            "{what}: the schema should complain at {path:?}, said {errors:#?}"
        );
    }
}
