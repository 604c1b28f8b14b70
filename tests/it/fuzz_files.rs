//! Arbitrary and mutated files never make the loaders panic: they give a draft or a typed
//! error, and an error always words itself in both languages.

use proptest::prelude::*;

use cpc_wizard::i18n::{Lang, Locale};
use cpc_wizard::import;
use cpc_wizard::messages;
use cpc_wizard::profile::{self, Profile};

const VALID: &str = r#"{
  "format": "cpc-wizard/profile",
  "version": 1,
  "name": "Contoso MSP FY18",
  "edition": "2017-06",
  "market": "developed",
  "customers": [
    { "name": "Fabrikam", "association": "delegated_admin", "trial": false,
      "active_users": { "exchange_online": 1200, "sharepoint_online": 800, "proplus": 300 } },
    { "name": "台北資訊", "association": "none", "trial": true, "active_users": {} }
  ],
  "staff": [
    { "name": "Mei Lin", "exams": ["70-346", "70-347"], "certifications": [] },
    { "name": "Ray", "exams": [], "certifications": ["mcsa-office-365"] }
  ]
}"#;

/// Loads text the way the program does and words any error, in both languages.
fn load_and_word(text: &str) -> Result<Profile, String> {
    profile::from_json(text).map_err(|e| {
        let en = messages::parse_error(Locale::get(Lang::En), &e);
        let zh = messages::parse_error(Locale::get(Lang::ZhTw), &e);
        assert!(!en.is_empty() && !zh.is_empty());
        en
    })
}

#[derive(Debug, Clone)]
enum Mutation {
    Delete(usize, usize),
    Insert(usize, Vec<u8>),
    Replace(usize, u8),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1usize..20).prop_map(|(at, n)| Mutation::Delete(at, n)),
        (any::<usize>(), proptest::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(at, b)| Mutation::Insert(at, b)),
        (
            any::<usize>(),
            prop::sample::select(b"{}[]\",:-0123456789.eE \\nultrfa".to_vec())
        )
            .prop_map(|(at, b)| Mutation::Replace(at, b)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let len = bytes.len().max(1);
    match m {
        Mutation::Delete(at, n) => {
            let at = at % len;
            let end = (at + n).min(bytes.len());
            if at < end {
                bytes.drain(at..end);
            }
        }
        Mutation::Insert(at, b) => {
            let at = at % (bytes.len() + 1);
            bytes.splice(at..at, b.iter().copied());
        }
        Mutation::Replace(at, b) => {
            if !bytes.is_empty() {
                let at = at % bytes.len();
                bytes[at] = *b;
            }
        }
        Mutation::Truncate(at) => {
            let at = at % len;
            bytes.truncate(at);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = load_and_word(&text);
    }

    #[test]
    fn mutated_drafts_never_panic(mutations in proptest::collection::vec(mutation(), 1..6)) {
        let mut bytes = VALID.as_bytes().to_vec();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(profile) = load_and_word(&text) {
            // Whatever loads must also save and load back unchanged.
            let again = profile::from_json(&profile::to_json(&profile));
            prop_assert_eq!(again.as_ref(), Ok(&profile));
        }
    }
}

const VALID_CSV: &str = "\u{feff}Customer,Association,Trial,Exchange Online,SharePoint Online,Skype for Business,Yammer,ProPlus\r\n\
Fabrikam,DAP,no,\"1,200\",800,0,0,300\r\n\
\"Contoso, Ltd\",DPOR,yes,10,20,30,40,50\r\n\
台北資訊,none,0,500,,,,\r\n";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn mutated_csv_files_never_panic_and_fail_whole(
        mutations in proptest::collection::vec(mutation(), 1..6)
    ) {
        let mut bytes = VALID_CSV.as_bytes().to_vec();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        let mut profile = Profile::new("fuzz");
        let before = profile.clone();
        match import::import_csv(&bytes, &mut profile) {
            Ok(summary) => prop_assert_eq!(summary.added + summary.updated, profile.customers.len()),
            // All or nothing: a refused file changes nothing.
            Err(e) => {
                prop_assert_eq!(&profile, &before);
                prop_assert!(!cpc_wizard::report::import_words::error_lines(Locale::get(Lang::ZhTw), &e).is_empty());
            }
        }
    }
}

#[test]
fn the_valid_csv_sample_imports() {
    let mut profile = Profile::new("fuzz");
    let summary = import::import_csv(VALID_CSV.as_bytes(), &mut profile);
    assert!(summary.is_ok(), "{summary:?}");
    assert_eq!(profile.customers.len(), 3);
}

#[test]
fn the_valid_sample_loads() {
    assert!(load_and_word(VALID).is_ok());
}
