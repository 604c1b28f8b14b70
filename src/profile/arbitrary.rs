//! Drafts of every shape the program writes, for property tests: every field, optional ones
//! set or not, text with characters the writer has to escape; and edits of their text.

use chrono::NaiveDate;
use proptest::collection::vec;
use proptest::prelude::*;

use super::{
    Association, Count, Counting, Customer, EDITIONS, MAX_COUNT, Market, Person, Profile,
    ReportDate, Source, SourceKind, Workload, WorkloadFigures,
};

/// Plain text most often; sometimes quotes, backslashes, control characters, any Unicode.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "[A-Za-z0-9 .,-]{0,16}",
        2 => "[ -~]{0,12}",
        1 => "[\\x00-\\x1f\"\\\\/\u{7f}\u{e9}\u{4e2d}\u{1f600}]{0,6}",
        1 => any::<String>(),
    ]
}

fn count() -> impl Strategy<Value = Count> {
    prop_oneof![
        0..=1_000u64,
        0..=u64::from(MAX_COUNT),
        Just(u64::from(MAX_COUNT))
    ]
    .prop_map(|n| Count::new(n).unwrap_or(Count::ZERO))
}

fn figures() -> impl Strategy<Value = WorkloadFigures> {
    vec(proptest::option::of(count()), 5).prop_map(|counts| {
        let mut figures = WorkloadFigures::default();
        for (workload, count) in Workload::ALL.into_iter().zip(counts) {
            figures.set(workload, count);
        }
        figures
    })
}

fn source() -> impl Strategy<Value = Box<Source>> {
    let date = (1990..2100i32, 1..=12u32, 1..=28u32)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).map(ReportDate));
    (
        proptest::sample::select(SourceKind::ALL.to_vec()),
        proptest::option::of(text()),
        proptest::option::of(date),
    )
        .prop_map(|(kind, file, report_date)| {
            Box::new(Source {
                kind,
                file,
                report_date: report_date.flatten(),
            })
        })
}

fn customer() -> impl Strategy<Value = Customer> {
    (
        (text(), proptest::sample::select(Association::ALL.to_vec())),
        (any::<bool>(), vec(count(), 5)),
        proptest::option::of(text()),
        proptest::option::of(source()),
        (figures(), figures()),
    )
        .prop_map(
            |((name, association), (trial, users), tenant_domain, source, (licensed, in_7))| {
                let mut customer = Customer::new(name);
                customer.association = association;
                customer.trial = trial;
                for (workload, count) in Workload::ALL.into_iter().zip(users) {
                    customer.active_users.set(workload, count);
                }
                customer.tenant_domain = tenant_domain;
                customer.source = source;
                customer.licensed_users = licensed;
                customer.active_users_in_7_days = in_7;
                customer
            },
        )
}

fn person() -> impl Strategy<Value = Person> {
    (
        text(),
        vec(text(), 0..3),
        vec(text(), 0..3),
        proptest::option::of(text()),
        proptest::option::of(source()),
    )
        .prop_map(|(name, exams, certifications, email, source)| {
            let mut person = Person::new(name);
            person.exams = exams;
            person.certifications = certifications;
            person.email = email;
            person.source = source;
            person
        })
}

/// A draft as the wizard holds it (no fields of other versions: see `kept_fields`).
pub(super) fn profile() -> impl Strategy<Value = Profile> {
    (
        (text(), proptest::sample::select(EDITIONS.to_vec())),
        proptest::option::of(proptest::sample::select(Market::ALL.to_vec())),
        proptest::sample::select(Counting::ALL.to_vec()),
        vec(customer(), 0..5),
        vec(person(), 0..4),
    )
        .prop_map(|((name, edition), market, counting, customers, staff)| {
            let mut profile = Profile::new(name);
            profile.edition = edition.to_string();
            profile.market = market;
            profile.counting = counting;
            profile.customers = customers;
            profile.staff = staff;
            profile
        })
}

/// A change to a draft's text: a byte changed, taken out or put in; a line taken out or
/// repeated; the value of the n-th field replaced, or a piece of JSON put in anywhere.
#[derive(Debug, Clone)]
pub(super) enum Edit {
    Byte(usize, u8),
    Remove(usize),
    Insert(usize, u8),
    DropLine(usize),
    RepeatLine(usize),
    Value(usize, &'static str),
    Splice(usize, &'static str),
}

/// Values and pieces of JSON the fast path must refuse, or read exactly as serde does.
const PIECES: &[&str] = &[
    "null",
    "-1",
    "-0",
    "0",
    "1.0",
    "1e3",
    "01",
    "10000000",
    "10000001",
    "true",
    "[]",
    "18446744073709551616",
    "{}",
    "[1]",
    "{\"x\": 1}",
    "\"x\"",
    "\"\\u0041\"",
    "\"a\\/b\"",
    "\"\\ud800\"",
    "\"\\ud83d\\ude00\"",
    "\"a\\\"",
    "\"\u{1f}\"",
    "\"2017-07\"",
    "\"developing\"",
    "\"best_workload\"",
    "\"none\"",
    "\"usage_report\"",
    "\" 2017-06-30\"",
    "\"2017-02-30\"",
    "\"name\": \"x\", ",
    "\"extra\": 1, ",
    "\"yammer\": 5, ",
    " \t\r\n",
    ",",
    "}",
    "]",
];

pub(super) fn edit() -> impl Strategy<Value = Edit> {
    let piece = proptest::sample::select(PIECES);
    prop_oneof![
        1 => (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Edit::Byte(at, byte)),
        1 => any::<usize>().prop_map(Edit::Remove),
        1 => (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Edit::Insert(at, byte)),
        1 => any::<usize>().prop_map(Edit::DropLine),
        1 => any::<usize>().prop_map(Edit::RepeatLine),
        4 => (any::<usize>(), piece.clone()).prop_map(|(n, piece)| Edit::Value(n, piece)),
        2 => (any::<usize>(), piece).prop_map(|(at, piece)| Edit::Splice(at, piece)),
    ]
}

/// The text with the edit made, if it is still text.
pub(super) fn edited(text: &str, edit: &Edit) -> Option<String> {
    let mut bytes = text.as_bytes().to_vec();
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    match *edit {
        Edit::Byte(at, byte) => bytes[at % text.len()] = byte,
        Edit::Remove(at) => drop(bytes.remove(at % text.len())),
        Edit::Insert(at, byte) => bytes.insert(at % (text.len() + 1), byte),
        Edit::DropLine(n) => {
            let n = n % lines.len();
            return Some([&lines[..n], &lines[n + 1..]].concat().concat());
        }
        Edit::RepeatLine(n) => {
            let n = n % lines.len();
            return Some([&lines[..=n], &lines[n..]].concat().concat());
        }
        Edit::Value(n, piece) => {
            let colons: Vec<usize> = text.match_indices(": ").map(|(at, _)| at + 2).collect();
            let start = colons[n % colons.len()];
            let length = text[start..].find([',', '\n', '}']).unwrap_or(0);
            bytes.splice(start..start + length, piece.bytes());
        }
        Edit::Splice(at, piece) => {
            let at = at % (text.len() + 1);
            bytes.splice(at..at, piece.bytes());
        }
    }
    String::from_utf8(bytes).ok()
}
