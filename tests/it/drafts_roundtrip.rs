//! Any draft that can be saved loads back equal: arbitrary names (Chinese, control
//! characters, path separators), counts over the whole range, every enum value, and
//! fields this version does not know (kept, at every level).

use cpc_wizard::profile::{
    ActiveUsers, Association, Count, Counting, Customer, MAX_COUNT, Market, OtherFields, Person,
    Profile, ReportDate, Source, SourceKind, Workload, WorkloadFigures,
};
use cpc_wizard::store::{self, OpenDraft, Store};
use proptest::prelude::*;

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-zA-Z0-9 ./\\\\:]{0,20}",
        "[\u{4e00}-\u{9fff}\u{3000}-\u{303f} ]{0,12}",
        "[\u{0}-\u{1f}\u{7f}-\u{9f}\u{202a}-\u{202e}a.]{0,10}",
        Just("..".to_string()),
        Just("../../etc/passwd".to_string()),
    ]
}

fn count() -> impl Strategy<Value = Count> {
    prop_oneof![
        Just(0u64),
        Just(u64::from(MAX_COUNT)),
        0..=u64::from(MAX_COUNT)
    ]
    .prop_map(|n| Count::new(n).unwrap())
}

/// Where a row's numbers came from: absent, or any kind with or without file and date.
fn source() -> impl Strategy<Value = Option<Box<Source>>> {
    prop::option::of(
        (
            prop::sample::select(SourceKind::ALL.to_vec()),
            prop::option::of(name()),
            prop::option::of((2000i32..2100, 1u32..=12, 1u32..=28)),
        )
            .prop_map(|(kind, file, date)| {
                Box::new(Source {
                    kind,
                    file,
                    report_date: date
                        .and_then(|(y, m, d)| ReportDate::parse(&format!("{y:04}-{m:02}-{d:02}"))),
                })
            }),
    )
}

/// A report's per-workload figures: any subset of the workloads.
fn figures() -> impl Strategy<Value = WorkloadFigures> {
    prop::array::uniform5(prop::option::of(count())).prop_map(|slots| {
        let mut figures = WorkloadFigures::default();
        for (w, c) in Workload::ALL.into_iter().zip(slots) {
            figures.set(w, c);
        }
        figures
    })
}

/// Fields another tool or a person may have added; their names never clash with format 1's.
fn other_fields() -> impl Strategy<Value = OtherFields> {
    let value = prop_oneof![
        name().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<bool>().prop_map(serde_json::Value::from),
        Just(serde_json::Value::Null),
        prop::collection::vec(name(), 0..3).prop_map(serde_json::Value::from),
    ];
    prop::collection::vec(("x_[a-z_]{1,8}", value), 0..3)
        .prop_map(|fields| fields.into_iter().collect())
}

fn customer() -> impl Strategy<Value = Customer> {
    (
        name(),
        prop::sample::select(Association::ALL.to_vec()),
        any::<bool>(),
        prop::array::uniform5(count()),
        (prop::option::of(name()), source(), figures(), figures()),
        other_fields(),
    )
        .prop_map(|(name, association, trial, counts, report, other)| {
            let (tenant_domain, source, licensed_users, active_users_in_7_days) = report;
            let mut active_users = ActiveUsers::default();
            for (w, c) in Workload::ALL.into_iter().zip(counts) {
                active_users.set(w, c);
            }
            Customer {
                name,
                association,
                trial,
                active_users,
                tenant_domain,
                source,
                licensed_users,
                active_users_in_7_days,
                other,
            }
        })
}

fn exam_id() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("70-346".to_string()),
        Just("70-347".to_string()),
        Just("mcsa-office-365".to_string()),
        name(),
    ]
}

fn person() -> impl Strategy<Value = Person> {
    (
        name(),
        prop::collection::vec(exam_id(), 0..4),
        prop::collection::vec(exam_id(), 0..3),
        (prop::option::of(name()), source()),
        other_fields(),
    )
        .prop_map(
            |(name, exams, certifications, (email, source), other)| Person {
                name,
                exams,
                certifications,
                email,
                source,
                other,
            },
        )
}

fn profile() -> impl Strategy<Value = Profile> {
    (
        // A draft needs a name with something in it (a blank one is refused).
        name().prop_filter("not blank", |n| !n.trim().is_empty()),
        prop::sample::select(vec!["2017-06", "2017-07"]),
        prop::option::of(prop::sample::select(Market::ALL.to_vec())),
        prop::sample::select(Counting::ALL.to_vec()),
        prop::collection::vec(customer(), 0..6),
        prop::collection::vec(person(), 0..4),
        other_fields(),
    )
        .prop_map(
            |(name, edition, market, counting, customers, staff, other)| Profile {
                name,
                edition: edition.to_string(),
                market,
                counting,
                customers,
                staff,
                other,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn any_saved_draft_loads_back_equal(p in profile()) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let mut draft = OpenDraft::create(&store, p.clone()).unwrap();
        prop_assert_eq!(draft.path().parent(), Some(dir.path()));
        prop_assert_eq!(&store::load(draft.path()).unwrap(), &p);

        // And again through a save over it, and through the list.
        let mut changed = p.clone();
        changed.customers.reverse();
        draft.save(&changed).unwrap();
        prop_assert_eq!(&store::load(draft.path()).unwrap(), &changed);
        let listed = store.list().unwrap();
        prop_assert_eq!(listed.len(), 1);
        prop_assert_eq!(listed[0].display_name(), changed.name);
    }
}
