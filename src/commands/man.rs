//! `cpc-wizard man`: the manual page, in roff, written from the same clap command as
//! `--help` (so in the user's language), with one section per command, the environment
//! and the exit codes.

use std::process::ExitCode;

use clap_mangen::Man;
use roff::{Roff, bold, roman};

use super::CliError;
use crate::i18n::Locale;

/// The variables the language is read from, in gettext's order (`Lang::from_env`).
const LOCALE_VARS: [&str; 4] = ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"];

pub fn man(loc: &'static Locale) -> Result<ExitCode, CliError> {
    super::print(manual_page(loc).as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// The whole page. clap_mangen's sections are used for what it knows (synopsis, options),
/// under the locale's headings; its own headings are English.
pub(crate) fn manual_page(loc: &'static Locale) -> String {
    let mut command = crate::cli::localized_command(loc);
    command.build();
    let man = Man::new(command.clone());
    // Every piece clap_mangen renders starts with this; the page needs it once.
    let mut page = Roff::new().render();
    page.push_str(&title_line(&command, loc));

    page.push_str(&heading(loc.t("cli_tools.man_name")));
    page.push_str(&body(|w| man.render_name_section(w)));
    page.push_str(&heading(loc.t("cli_tools.man_synopsis")));
    page.push_str(&body(|w| man.render_synopsis_section(w)));
    page.push_str(&heading(loc.t("cli_tools.man_description")));
    page.push_str(&text(loc.t("cli_tools.description")));
    page.push_str(&heading(loc.t("cli_tools.man_options")));
    page.push_str(&body(|w| man.render_options_section(w)));

    for sub in command.get_subcommands().filter(|c| !c.is_hide_set()) {
        // `--lang` is listed once, under the program's own options.
        let sub_man = Man::new(sub.clone().mut_arg("lang", |a| a.hide(true)));
        page.push_str(&heading(
            &loc.f("cli_tools.man_command", &[("name", &sub.get_name())]),
        ));
        if let Some(about) = sub.get_about() {
            page.push_str(&text(&about.to_string()));
        }
        page.push_str(&paragraph_break());
        page.push_str(&body(|w| sub_man.render_synopsis_section(w)));
        page.push_str(&body(|w| sub_man.render_options_section(w)));
    }

    page.push_str(&heading(loc.t("cli_tools.man_environment")));
    page.push_str(&terms(&[
        (crate::store::HOME_VAR, loc.t("cli_tools.env_home")),
        (&LOCALE_VARS.join(", "), loc.t("cli_tools.env_language")),
        ("NO_COLOR", loc.t("cli_tools.env_no_color")),
        (
            super::completions::COMPLETE_VAR,
            loc.t("cli_tools.env_complete"),
        ),
    ]));
    page.push_str(&heading(loc.t("cli_tools.man_exit_status")));
    page.push_str(&terms(&[
        ("0", loc.t("cli_tools.exit_done")),
        ("1", loc.t("cli_tools.exit_not_met")),
        ("2", loc.t("cli_tools.exit_bad_input")),
    ]));
    page
}

/// `.TH`, written here: clap_mangen (through roff) drops an empty date argument, which
/// shifts the source and manual into the wrong places. No date, so the page is the same
/// whenever it is made.
fn title_line(command: &clap::Command, loc: &Locale) -> String {
    let quoted = |s: &str| format!("\"{}\"", s.replace('"', "\\(dq"));
    let source = [
        command.get_name(),
        command.get_version().unwrap_or_default(),
    ]
    .join(" ");
    let args = [
        command.get_name().to_uppercase(),
        "1".to_string(),
        quoted(""),
        quoted(&source),
        quoted(loc.t("cli_tools.man_manual")),
    ];
    let mut line = format!(".TH {}\n", args.join(" "));
    // Left-aligned: justified Chinese, which groff cannot break between words, would be
    // spread with wide gaps.
    line.push_str(".ad l\n");
    line
}

fn without_preamble(rendered: String) -> String {
    let preamble = Roff::new().render();
    rendered
        .strip_prefix(&preamble)
        .map(str::to_string)
        .unwrap_or(rendered)
}

/// What one of clap_mangen's `render_*` writes, without the preamble and without its own
/// (English) `.SH` heading.
fn body(render: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> String {
    let mut out = Vec::new();
    // Into memory: this cannot fail.
    let _ = render(&mut out);
    let text = without_preamble(String::from_utf8_lossy(&out).into_owned());
    match text.strip_prefix(".SH ") {
        Some(rest) => rest
            .split_once('\n')
            .map(|(_, after)| after)
            .unwrap_or("")
            .to_string(),
        None => text,
    }
}

/// Our own lines, rendered as clap_mangen renders its own (apostrophes kept upright).
fn rendered(roff: &Roff) -> String {
    without_preamble(roff.render())
}

fn heading(title: &str) -> String {
    rendered(Roff::new().control("SH", [title]))
}

fn text(line: &str) -> String {
    rendered(Roff::new().text([roman(line)]))
}

fn paragraph_break() -> String {
    rendered(Roff::new().control("PP", []))
}

/// A list of terms, each in bold with its description indented under it.
fn terms(items: &[(&str, &str)]) -> String {
    let mut roff = Roff::new();
    for (term, description) in items {
        roff.control("TP", []);
        roff.text([bold(*term)]);
        roff.text([roman(*description)]);
    }
    rendered(&roff)
}
