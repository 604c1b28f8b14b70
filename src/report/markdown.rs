//! The Markdown report: for a ticket, a wiki page or an email.

use std::fmt::Write;

use super::ReportInput;
use super::outlook::{OutlookLine, report_outlook};
use super::phrases::*;
use super::provenance::{all_warnings, as_of_line, source_note};
use super::readings::*;
use crate::i18n::{Locale, thousands};
use crate::text::visible;

pub(crate) fn render(input: &ReportInput, loc: &Locale) -> String {
    let a = input.assessment;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}\n",
        loc.f("report.title", &[("name", &cell(&input.profile.name))])
    );
    let _ = writeln!(
        out,
        "- {}\n- {}\n- {}\n- **{}**\n",
        loc.f(
            "report.md_edition",
            &[("edition", &edition_name(loc, &a.edition))]
        ),
        loc.f(
            "report.md_market",
            &[("market", &market_name(loc, a.market))]
        ),
        reading_used(loc, a.counting),
        verdict(loc, a)
    );
    if let Some(line) = as_of_line(loc, input) {
        let _ = writeln!(out, "{}\n", cell(&line));
    }

    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |\n| --- | --- | ---: | ---: |",
        loc.t("report.col_tier"),
        loc.t("report.col_result"),
        loc.t("report.entitlements"),
        loc.t("report.people"),
    );
    for tier in &a.tiers {
        let _ = writeln!(
            out,
            "| {} | {} | {} ({}%) | {} ({}%) |",
            tier_name(loc, &tier.tier),
            tier_status(loc, tier),
            have_need(tier.entitlements.have, tier.entitlements.need),
            tier.entitlements.percent(),
            have_need(tier.people.have, tier.people.need),
            tier.people.percent(),
        );
    }
    out.push('\n');
    for tier in &a.tiers {
        if let Some(gap) = gap(loc, tier) {
            let _ = writeln!(out, "- {gap}");
        }
    }

    let _ = writeln!(out, "\n## {}\n", loc.t("readings.heading"));
    for reading in other_readings(a) {
        let _ = writeln!(out, "- {}", reading_result(loc, reading));
    }
    for line in readings_summary(loc, a) {
        let _ = writeln!(out, "- **{line}**");
    }

    let text = report_outlook(loc, input);
    for (i, line) in text.lines().enumerate() {
        match line {
            OutlookLine::Heading(heading) => {
                let level = if i == 0 { "##" } else { "###" };
                let _ = writeln!(out, "\n{level} {heading}\n");
            }
            OutlookLine::Item(item) => {
                let _ = writeln!(out, "- {}", cell(item));
            }
            OutlookLine::Note(note) => {
                let _ = writeln!(out, "- *{}*", cell(note));
            }
        }
    }

    let _ = writeln!(
        out,
        "\n## {}\n",
        loc.f(
            "report.customers_heading",
            &[
                ("count", &thousands(input.profile.customers.len() as u64)),
                ("excluded", &thousands(a.excluded_count() as u64)),
                ("total", &thousands(a.active_entitlements)),
            ]
        )
    );
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |\n| --- | --- | ---: | --- |",
        loc.t("report.col_customer"),
        loc.t("report.col_association"),
        loc.t("report.col_counted"),
        loc.t("report.col_note"),
    );
    let customers = &input.profile.customers;
    for (row, (customer, result)) in customers.iter().zip(&a.customers).enumerate() {
        let mut note = customer_note(loc, a, customers, row);
        if let Some(source) = source_note(loc, customer) {
            note = format!("{note}{}{source}", loc.t("person.separator"));
        }
        let note = cell(&note);
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            cell(&customer.name),
            association_name(loc, customer.association),
            thousands(result.counted),
            note
        );
    }
    let _ = writeln!(out, "\n{}", reading_explanation(loc, a.counting));

    let _ = writeln!(
        out,
        "\n## {}\n",
        loc.f(
            "report.staff_heading",
            &[
                ("qualified", &thousands(u64::from(a.qualified_people))),
                ("count", &thousands(input.profile.staff.len() as u64)),
            ]
        )
    );
    let _ = writeln!(
        out,
        "| {} | {} |\n| --- | --- |",
        loc.t("report.col_person"),
        loc.t("report.col_status"),
    );
    for (person, result) in input.profile.staff.iter().zip(&a.staff) {
        let mut status = person_line(loc, input.rules, &input.profile.staff, result);
        if let Some(unknown) = unknown_ids(loc, result) {
            status = format!("{status}{}{unknown}", loc.t("person.separator"));
        }
        let _ = writeln!(out, "| {} | {} |", cell(&person.name), cell(&status));
    }

    let warnings = all_warnings(loc, input);
    if !warnings.is_empty() {
        let _ = writeln!(out, "\n## {}\n", loc.t("report.warnings_heading"));
        for w in &warnings {
            let _ = writeln!(out, "- {}", cell(w));
        }
    }
    out
}

/// A user's text as Markdown that shows exactly that text, in a table cell, a heading or a
/// list item: no control characters, and a backslash before every character that could
/// start a link (`[`, `<`, and the `://`, `mailto:`, `@` and `www.` of the links GitHub
/// makes from bare addresses), emphasis, strike-through, code, maths, an HTML entity or a
/// new cell. Each is ASCII punctuation, which Markdown lets a backslash escape unseen.
fn cell(text: &str) -> String {
    let shown = visible(text);
    let mut out = String::with_capacity(shown.len() + 8);
    let mut chars = shown.chars().peekable();
    while let Some(c) = chars.next() {
        let escape = match c {
            '\\' | '`' | '*' | '_' | '~' | '[' | ']' | '<' | '>' | '|' | '#' | '&' | '$' | '@'
            | '^' => true,
            ':' => {
                chars.peek() == Some(&'/')
                    || ends_with_word(&out, "mailto")
                    || ends_with_word(&out, "xmpp")
            }
            // "www." starts a link too; the dot is the one to escape.
            '.' => ends_with_word(&out, "www"),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whether `text` ends with `word`, ignoring ASCII case (looking at its end only).
fn ends_with_word(text: &str, word: &str) -> bool {
    let (text, word) = (text.as_bytes(), word.as_bytes());
    text.len() >= word.len() && text[text.len() - word.len()..].eq_ignore_ascii_case(word)
}
