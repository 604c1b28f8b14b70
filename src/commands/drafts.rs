//! `cpc-wizard drafts`: one line per draft, newest first; `--format json` for scripts.

use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use super::CliError;
use crate::cli::DraftsFormat;
use crate::i18n::Locale;
use crate::report::phrases::tier_name;
use crate::store::{ListedDraft, Store, StoreError};
use crate::text::{pad_right, visible, width};
use crate::time::local_date_time;
use crate::tui::widgets::table::fit;

/// The widest the name column gets: a longer name is cut with `…`, so that one huge name
/// cannot pad every other line.
const NAME_COLUMNS: usize = 48;

pub fn drafts(store: &Store, format: DraftsFormat, loc: &Locale) -> Result<ExitCode, CliError> {
    let entries = store.summaries()?;
    match format {
        DraftsFormat::Text => text(store, &entries, loc),
        DraftsFormat::Json => json(&entries, loc),
    }
}

/// The highest tier a draft reaches (`Ok(None)`: none), or why it cannot be read.
fn highest_tier(entry: &ListedDraft) -> Result<Option<String>, &StoreError> {
    Ok(entry.summary.as_ref()?.highest_tier.clone())
}

fn text(store: &Store, entries: &[ListedDraft], loc: &Locale) -> Result<ExitCode, CliError> {
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
            let name = fit(&entry.display_name(), NAME_COLUMNS);
            let changed = entry.modified.map(local_date_time).unwrap_or_default();
            let status = match highest_tier(entry) {
                Ok(Some(tier)) => tier_name(loc, &tier),
                Ok(None) => loc.t("drafts.no_tier").to_string(),
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

/// `{"drafts": [...]}`: every key always present, newest first as in the text list.
#[derive(Serialize)]
struct JsonList {
    drafts: Vec<JsonDraft>,
}

#[derive(Serialize)]
struct JsonDraft {
    /// The name inside the file; null when the file cannot be read.
    name: Option<String>,
    file: String,
    /// RFC 3339, UTC; null when the file system does not say.
    changed: Option<String>,
    /// The tier's id (`silver`, `gold`); null when none is reached or unreadable.
    highest_tier: Option<String>,
    /// Why the file cannot be read, in the chosen language; null when it can.
    error: Option<String>,
}

fn json(entries: &[ListedDraft], loc: &Locale) -> Result<ExitCode, CliError> {
    let list = JsonList {
        drafts: entries
            .iter()
            .map(|entry| {
                let (highest_tier, error) = match highest_tier(entry) {
                    Ok(tier) => (tier, None),
                    Err(e) => (None, Some(crate::messages::store_error(loc, e))),
                };
                JsonDraft {
                    name: entry.summary.as_ref().ok().map(|s| s.name.clone()),
                    file: entry.path.display().to_string(),
                    changed: entry.modified.map(|t| {
                        chrono::DateTime::<chrono::Utc>::from(t)
                            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
                    }),
                    highest_tier,
                    error,
                }
            })
            .collect(),
    };
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &list).map_err(std::io::Error::from)?;
    writeln!(out)?;
    Ok(ExitCode::SUCCESS)
}
