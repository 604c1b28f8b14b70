//! `cpc-wizard drafts`: one line per draft, newest first.

use std::io::Write;
use std::process::ExitCode;

use super::CliError;
use crate::i18n::Locale;
use crate::report::phrases::tier_name;
use crate::rules::{RuleSet, evaluate};
use crate::store::Store;
use crate::text::{pad_right, visible, width};
use crate::time::local_date_time;

pub fn drafts(store: &Store, loc: &Locale) -> Result<ExitCode, CliError> {
    let entries = store.list()?;
    let mut out = std::io::stdout().lock();
    if entries.is_empty() {
        writeln!(
            out,
            "{}",
            loc.f(
                "drafts.none",
                &[("folder", &visible(&store.dir().display().to_string()))]
            )
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    let rows: Vec<[String; 3]> = entries
        .iter()
        .map(|entry| {
            let name = visible(&entry.display_name()).into_owned();
            let changed = entry.modified.map(local_date_time).unwrap_or_default();
            let status = match &entry.profile {
                Ok(profile) => {
                    let rules =
                        RuleSet::by_edition(&profile.edition).unwrap_or(RuleSet::default_edition());
                    match evaluate(profile, rules).highest_tier {
                        Some(tier) => tier_name(loc, &tier),
                        None => loc.t("drafts.no_tier").to_string(),
                    }
                }
                Err(e) => loc.f(
                    "drafts.unreadable",
                    &[("reason", &visible(&crate::messages::store_error(loc, e)))],
                ),
            };
            [name, changed, status]
        })
        .collect();
    let headers = [
        loc.t("drafts.col_name"),
        loc.t("drafts.col_changed"),
        loc.t("drafts.col_tier"),
    ];
    let name_width = rows
        .iter()
        .map(|r| width(&r[0]))
        .chain([width(headers[0])])
        .max()
        .unwrap_or(0);
    let changed_width = rows
        .iter()
        .map(|r| width(&r[1]))
        .chain([width(headers[1])])
        .max()
        .unwrap_or(0);
    writeln!(
        out,
        "{}  {}  {}",
        pad_right(headers[0], name_width),
        pad_right(headers[1], changed_width),
        headers[2]
    )?;
    for [name, changed, status] in &rows {
        writeln!(
            out,
            "{}  {}  {}",
            pad_right(name, name_width),
            pad_right(changed, changed_width),
            status
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
