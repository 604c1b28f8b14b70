//! clap's own words in the user's language: the help page's headings, the help and version
//! flags, the usage line, and the errors for a bad command line. clap writes these in
//! English only; here they are replaced by strings from the locale files (section
//! `cli_words`), as far as clap's API allows. Also the tier words `--require` takes, which
//! its help and `assess`'s errors list.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

use crate::i18n::Locale;
use crate::report::phrases::tier_name;
use crate::rules::RuleSet;

/// Every command of the tree gets a localized `--help` flag and a help page laid out by a
/// template whose fixed words come from the locale.
pub(crate) fn localize_tree(cmd: Command, loc: &'static Locale, root: bool) -> Command {
    let mut cmd = cmd
        .subcommand_value_name(loc.t("cli_words.command_value"))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(loc.t("cli_words.help_flag").to_string()),
        );
    if root {
        cmd = cmd
            .disable_help_subcommand(true)
            .disable_version_flag(true)
            .arg(
                Arg::new("version")
                    .short('V')
                    .long("version")
                    .action(ArgAction::Version)
                    .help(loc.t("cli_words.version_flag").to_string()),
            );
    }
    let template = help_template(loc, &cmd);
    let mut cmd = cmd.help_template(template);
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(name, |c| localize_tree(c, loc, false));
    }
    cmd
}

/// The help page with the locale's headings: clap would write its own English ones (and an
/// ASCII colon) around `{all-args}`, so each section is named here instead.
fn help_template(loc: &Locale, cmd: &Command) -> String {
    let mut template = format!(
        "{{about-with-newline}}\n{}{{usage}}\n",
        loc.t("cli_words.usage")
    );
    let mut section = |key: &str, tag: &str| {
        template.push_str(&format!("\n{}\n{{{tag}}}\n", loc.t(key)));
    };
    if cmd.get_subcommands().next().is_some() {
        section("cli_words.commands", "subcommands");
    }
    if cmd.get_positionals().next().is_some() {
        section("cli_words.arguments", "positionals");
    }
    section("cli_words.options", "options");
    template.push_str("{after-help}");
    template
}

/// clap writes `[OPTIONS]` into usage lines itself; each command gets its usage rewritten
/// with the locale's word instead.
pub(crate) fn localize_usage(cmd: Command, loc: &Locale) -> Command {
    let mut probe = cmd.clone();
    probe.build();
    let usage_of = |c: &mut Command| localized_usage_text(loc, &c.render_usage().to_string());
    let root_usage = usage_of(&mut probe);
    let mut subs: Vec<(String, String)> = Vec::new();
    for sub in probe.get_subcommands_mut() {
        let name = sub.get_name().to_string();
        subs.push((name, usage_of(sub)));
    }
    let mut cmd = cmd.override_usage(root_usage);
    for (name, usage) in subs {
        cmd = cmd.mut_subcommand(name, |c| c.override_usage(usage));
    }
    cmd
}

/// A usage as clap renders it (`Usage: x [OPTIONS] <DRAFT>`), without its heading and with
/// the words replaced.
fn localized_usage_text(loc: &Locale, rendered: &str) -> String {
    let text = rendered.trim();
    let text = text.strip_prefix("Usage:").unwrap_or(text).trim_start();
    text.replace("[OPTIONS]", loc.t("cli_words.options_tag"))
}

/// A bad command line as one message in the user's language, then the usage and where to
/// find more, as clap's own error would say it.
pub(crate) fn error_message(loc: &Locale, error: &clap::Error) -> String {
    let string = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(loc.t("cli_words.list_separator"))),
        _ => None,
    };
    let arg = string(ContextKind::InvalidArg).unwrap_or_default();
    let value = string(ContextKind::InvalidValue).unwrap_or_default();
    let mut message = match error.kind() {
        ErrorKind::InvalidValue if value.is_empty() => {
            loc.f("cli_words.value_required", &[("arg", &arg)])
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let mut m = loc.f(
                "cli_words.invalid_value",
                &[("arg", &arg), ("value", &value)],
            );
            // The values allowed: clap's list, or what our own value parsers say, which is
            // only ever a list of ids (see `cli::parse_lang`).
            let valid = string(ContextKind::ValidValue)
                .or_else(|| std::error::Error::source(error).map(|source| source.to_string()));
            if let Some(valid) = valid {
                m.push_str(&loc.f("cli_words.possible_values", &[("values", &valid)]));
            }
            m
        }
        ErrorKind::UnknownArgument => loc.f("cli_words.unknown_argument", &[("arg", &arg)]),
        ErrorKind::InvalidSubcommand => loc.f(
            "cli_words.unknown_command",
            &[(
                "name",
                &string(ContextKind::InvalidSubcommand).unwrap_or_default(),
            )],
        ),
        ErrorKind::MissingRequiredArgument => {
            loc.f("cli_words.missing_arguments", &[("args", &arg)])
        }
        ErrorKind::MissingSubcommand => loc.t("cli_words.missing_command").to_string(),
        ErrorKind::ArgumentConflict => loc.f("cli_words.conflict", &[("arg", &arg)]),
        ErrorKind::TooManyValues => loc.f(
            "cli_words.unexpected_value",
            &[("arg", &arg), ("value", &value)],
        ),
        ErrorKind::InvalidUtf8 => loc.t("cli_words.invalid_utf8").to_string(),
        _ => loc.f("cli_words.other", &[("arg", &arg)]),
    };
    let suggestion = string(ContextKind::SuggestedSubcommand)
        .or_else(|| string(ContextKind::SuggestedArg))
        .or_else(|| string(ContextKind::SuggestedValue));
    if let Some(s) = suggestion {
        message.push_str(&loc.f("cli_words.did_you_mean", &[("suggestion", &s)]));
    }
    let mut out = loc.f("error.prefix", &[("message", &message)]);
    if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
        out.push_str("\n\n");
        out.push_str(loc.t("cli_words.usage"));
        out.push_str(&localized_usage_text(loc, &usage.to_string()));
    }
    out.push_str("\n\n");
    out.push_str(loc.t("cli_words.more_info"));
    out
}

/// What `--require` takes, as its help and errors list it: the ids, then the names in the
/// user's language that differ from them by more than case.
pub(crate) fn tier_words(loc: &Locale) -> Vec<String> {
    let ids: Vec<&str> = RuleSet::default_edition()
        .tiers
        .iter()
        .map(|t| t.id.as_str())
        .collect();
    let names = ids
        .iter()
        .map(|id| tier_name(loc, id))
        .filter(|name| !ids.iter().any(|id| id.eq_ignore_ascii_case(name)));
    ids.iter().map(|id| id.to_string()).chain(names).collect()
}
