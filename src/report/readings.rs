//! The reading used and the other two beside it (SPEC.md §2, decision 2), and how old the
//! usage reports behind the total are: shared by the reports and the wizard.

use crate::i18n::{Locale, thousands};
use crate::profile::{Counting, Profile, ReportDate, SourceKind};
use crate::rules::{Assessment, ReadingResult};

use super::phrases::tier_name;

/// "largest workload", as the reading is named on its own.
pub(crate) fn reading_name(loc: &Locale, counting: Counting) -> &str {
    loc.t(match counting {
        Counting::LargestWorkload => "readings.name.largest_workload",
        Counting::SumOfWorkloads => "readings.name.sum_of_workloads",
        Counting::BestWorkload => "readings.name.best_workload",
    })
}

/// "sum-of-workloads", as the reading is named inside a sentence ("under the … reading").
fn reading_adjective(loc: &Locale, counting: Counting) -> &str {
    loc.t(match counting {
        Counting::LargestWorkload => "readings.adjective.largest_workload",
        Counting::SumOfWorkloads => "readings.adjective.sum_of_workloads",
        Counting::BestWorkload => "readings.adjective.best_workload",
    })
}

/// One sentence on what the reading counts.
pub(crate) fn reading_explanation(loc: &Locale, counting: Counting) -> &str {
    loc.t(match counting {
        // The sentence the reports gave before there were three readings.
        Counting::LargestWorkload => "report.counting_rule",
        Counting::SumOfWorkloads => "readings.explain.sum_of_workloads",
        Counting::BestWorkload => "readings.explain.best_workload",
    })
}

/// "Reading: largest workload (the default)": the reading the result follows.
pub(crate) fn reading_used(loc: &Locale, counting: Counting) -> String {
    let key = if counting.is_default() {
        "readings.used_default"
    } else {
        "readings.used"
    };
    loc.f(key, &[("reading", &reading_name(loc, counting))])
}

/// "sum of workloads: 5,400 active entitlements, Gold" for one reading.
pub(crate) fn reading_result(loc: &Locale, reading: &ReadingResult) -> String {
    let tier = match &reading.highest_tier {
        Some(t) => tier_name(loc, t),
        None => loc.t("readings.no_tier").to_string(),
    };
    loc.f(
        "readings.result",
        &[
            ("reading", &reading_name(loc, reading.counting)),
            ("total", &thousands(reading.active_entitlements)),
            ("tier", &tier),
        ],
    )
}

/// The other two readings, in `Counting::ALL` order.
pub(crate) fn other_readings(assessment: &Assessment) -> impl Iterator<Item = &ReadingResult> {
    assessment
        .readings
        .iter()
        .filter(move |r| r.counting != assessment.counting)
}

/// How the result depends on the reading, highest tier first: "Gold under the
/// sum-of-workloads reading only", "Silver under every reading", "No tier under any
/// reading". One line per tier some reading reaches, down to one every reading reaches.
pub(crate) fn readings_summary(loc: &Locale, assessment: &Assessment) -> Vec<String> {
    let mut lines = Vec::new();
    for tier in assessment.tiers.iter().rev() {
        let rank = |id: &Option<String>| {
            id.as_ref()
                .and_then(|t| assessment.tiers.iter().position(|x| &x.tier == t))
        };
        let at = assessment.tiers.iter().position(|t| t.tier == tier.tier);
        let reaching: Vec<Counting> = assessment
            .readings
            .iter()
            .filter(|r| rank(&r.highest_tier) >= at)
            .map(|r| r.counting)
            .collect();
        let tier_text = tier_name(loc, &tier.tier);
        match reaching.as_slice() {
            [] => continue,
            [only] => lines.push(loc.f(
                "readings.tier_only",
                &[
                    ("tier", &tier_text),
                    ("reading", &reading_adjective(loc, *only)),
                ],
            )),
            some if some.len() == assessment.readings.len() => {
                lines.push(loc.f("readings.tier_every", &[("tier", &tier_text)]));
                break;
            }
            some => {
                let names: Vec<&str> = some.iter().map(|c| reading_adjective(loc, *c)).collect();
                lines.push(loc.f(
                    "readings.tier_some",
                    &[
                        ("tier", &tier_text),
                        ("readings", &names.join(loc.t("readings.and"))),
                    ],
                ));
            }
        }
    }
    if lines.is_empty() {
        lines.push(loc.t("readings.no_tier_any").to_string());
    }
    lines
}

/// The oldest report date among counted customers whose numbers came from a usage report
/// (SPEC.md §4, `as_of`).
pub(crate) fn as_of(profile: &Profile, assessment: &Assessment) -> Option<ReportDate> {
    profile
        .customers
        .iter()
        .zip(&assessment.customers)
        .filter(|(_, r)| r.excluded.is_none())
        .filter_map(|(c, _)| c.source.as_deref())
        .filter(|s| s.kind == SourceKind::UsageReport)
        .filter_map(|s| s.report_date)
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::profile::{Count, Customer, Market, Person, Workload};
    use crate::rules::{RuleSet, evaluate};

    /// Two qualified people and one customer with these Exchange and SharePoint users.
    fn assessed(exchange: u64, sharepoint: u64) -> Assessment {
        let mut p = Profile::new("P");
        p.market = Some(Market::Developed);
        let mut c = Customer::new("C");
        for (w, n) in [
            (Workload::ExchangeOnline, exchange),
            (Workload::SharepointOnline, sharepoint),
        ] {
            c.active_users.set(w, Count::new(n).unwrap_or(Count::ZERO));
        }
        p.customers = vec![c];
        p.staff = ["A", "B"]
            .map(|n| Person {
                certifications: vec!["mcsa-office-365".into()],
                ..Person::new(n)
            })
            .to_vec();
        evaluate(&p, RuleSet::default_edition())
    }

    fn summary(lang: Lang, a: &Assessment) -> Vec<String> {
        readings_summary(Locale::get(lang), a)
    }

    #[test]
    fn gold_under_one_reading_only_then_silver_under_every_reading() {
        // largest 2,500 (Silver), sum 4,500 (Gold), best 2,500 (Silver).
        let a = assessed(2_500, 2_000);
        assert_eq!(
            summary(Lang::En, &a),
            [
                "Gold under the sum-of-workloads reading only",
                "Silver under every reading"
            ]
        );
        assert_eq!(
            summary(Lang::ZhTw, &a),
            [
                "僅在「工作負載加總」解讀下達到金級",
                "在每種解讀下皆達到銀級"
            ]
        );
    }

    #[test]
    fn a_tier_under_two_readings_and_none_under_any() {
        // One customer: largest and best agree; here every reading reaches Gold.
        assert_eq!(
            summary(Lang::En, &assessed(4_000, 0)),
            ["Gold under every reading"]
        );
        assert_eq!(
            summary(Lang::En, &assessed(1_000, 900)),
            ["No tier under any reading"]
        );
        // largest 1,500, sum 2,500 (Silver), best 1,500.
        assert_eq!(
            summary(Lang::En, &assessed(1_500, 1_000)),
            ["Silver under the sum-of-workloads reading only"]
        );
    }

    #[test]
    fn the_reading_used_is_named_and_the_default_says_so() {
        let loc = Locale::get(Lang::En);
        assert_eq!(
            reading_used(loc, Counting::LargestWorkload),
            "Reading: largest workload (the default)"
        );
        assert_eq!(
            reading_used(loc, Counting::BestWorkload),
            "Reading: best workload"
        );
        let a = assessed(2_500, 2_000);
        let others: Vec<String> = other_readings(&a).map(|r| reading_result(loc, r)).collect();
        assert_eq!(
            others,
            [
                "sum of workloads: 4,500 active entitlements, Gold",
                "best workload: 2,500 active entitlements, Silver"
            ]
        );
    }
}
