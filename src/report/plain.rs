//! The plain-text report: for a terminal or an email body.

use std::fmt::Write;

use super::ReportInput;
use super::outlook::{OutlookLine, report_outlook};
use super::phrases::*;
use super::provenance::{all_warnings, as_of_line, source_note};
use super::readings::*;
use crate::i18n::{Locale, thousands};
use crate::text::{pad_left, pad_right, visible, width};

pub(crate) fn render(input: &ReportInput, loc: &Locale) -> String {
    let a = input.assessment;
    let mut out = String::new();
    let name = visible(&input.profile.name);
    let _ = writeln!(out, "{}", loc.f("report.title", &[("name", &name)]));
    let _ = writeln!(
        out,
        "{}",
        loc.f(
            "report.rules_line",
            &[
                ("edition", &edition_name(loc, &a.edition)),
                ("market", &market_name(loc, a.market)),
            ]
        )
    );
    let _ = writeln!(out, "{}", reading_used(loc, a.counting));
    if let Some(line) = as_of_line(loc, input) {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out, "{}", verdict(loc, a));
    out.push('\n');

    let label_users = loc.t("report.entitlements");
    let label_people = loc.t("report.people");
    let label_width = width(label_users).max(width(label_people));
    // One column width for every "have / need", so the figures line up across tiers.
    let have_need_width = a
        .tiers
        .iter()
        .flat_map(|t| [t.entitlements, t.people])
        .map(|r| width(&have_need(r.have, r.need)))
        .max()
        .unwrap_or(0);
    for tier in &a.tiers {
        let _ = writeln!(
            out,
            "{}",
            loc.f(
                "report.layout.tier_line",
                &[
                    ("tier", &tier_name(loc, &tier.tier)),
                    ("status", &tier_status(loc, tier)),
                ]
            )
        );
        for (label, req) in [
            (label_users, tier.entitlements),
            (label_people, tier.people),
        ] {
            let note = if req.met() {
                loc.t("report.met").to_string()
            } else {
                loc.f("report.more_needed", &[("n", &thousands(req.missing()))])
            };
            let _ = writeln!(
                out,
                "  {}  {}  {:>4}  {}",
                pad_right(label, label_width),
                pad_left(&have_need(req.have, req.need), have_need_width),
                format!("{}%", req.percent()),
                note
            );
        }
        if let Some(gap) = gap(loc, tier) {
            let _ = writeln!(out, "  {gap}");
        }
    }
    out.push('\n');

    let _ = writeln!(out, "{}", loc.t("readings.heading"));
    for reading in other_readings(a) {
        let _ = writeln!(out, "  {}", reading_result(loc, reading));
    }
    for line in readings_summary(loc, a) {
        let _ = writeln!(out, "  {line}");
    }
    out.push('\n');

    let text = report_outlook(loc, input);
    for (i, line) in text.lines().enumerate() {
        match line {
            OutlookLine::Heading(heading) => {
                if i > 0 {
                    out.push('\n');
                }
                let _ = writeln!(out, "{heading}");
            }
            OutlookLine::Item(item) | OutlookLine::Note(item) => {
                let _ = writeln!(out, "  {item}");
            }
        }
    }
    out.push('\n');

    let customers = &input.profile.customers;
    let _ = writeln!(
        out,
        "{}",
        loc.f(
            "report.customers_heading",
            &[
                ("count", &thousands(customers.len() as u64)),
                ("excluded", &thousands(a.excluded_count() as u64)),
                ("total", &thousands(a.active_entitlements)),
            ]
        )
    );
    let names: Vec<_> = customers.iter().map(|c| visible(&c.name)).collect();
    let name_width = names.iter().map(|n| width(n)).max().unwrap_or(0).min(40);
    let association_width = customers
        .iter()
        .map(|c| width(association_name(loc, c.association)))
        .max()
        .unwrap_or(0);
    for (row, ((name, customer), result)) in
        names.iter().zip(customers).zip(&a.customers).enumerate()
    {
        let note = customer_note(loc, a, customers, row);
        let _ = writeln!(
            out,
            "  {}  {}  {}  {}",
            pad_right(name, name_width),
            pad_left(&thousands(result.counted), 10),
            pad_right(
                association_name(loc, customer.association),
                association_width
            ),
            note
        );
        if let Some(source) = source_note(loc, customer) {
            let _ = writeln!(out, "      {}", visible(&source));
        }
    }
    let _ = writeln!(out, "  {}", reading_explanation(loc, a.counting));
    out.push('\n');

    let _ = writeln!(
        out,
        "{}",
        loc.f(
            "report.staff_heading",
            &[
                ("qualified", &thousands(u64::from(a.qualified_people))),
                ("count", &thousands(input.profile.staff.len() as u64)),
            ]
        )
    );
    let names: Vec<_> = input
        .profile
        .staff
        .iter()
        .map(|p| visible(&p.name))
        .collect();
    let name_width = names.iter().map(|n| width(n)).max().unwrap_or(0).min(40);
    for (name, result) in names.iter().zip(&a.staff) {
        let mut status = person_line(loc, input.rules, &input.profile.staff, result);
        if let Some(unknown) = unknown_ids(loc, result) {
            status = format!("{status}{}{unknown}", loc.t("person.separator"));
        }
        let _ = writeln!(
            out,
            "  {}  {}",
            pad_right(name, name_width),
            visible(&status)
        );
    }

    let warnings = all_warnings(loc, input);
    if !warnings.is_empty() {
        out.push('\n');
        let _ = writeln!(out, "{}", loc.t("report.warnings_heading"));
        for w in &warnings {
            let _ = writeln!(out, "  {}", visible(w));
        }
    }
    out
}
