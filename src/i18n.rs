//! Language choice and string lookup. Every string a user reads lives in
//! `assets/locales/*.toml`; code refers to it by key.

use std::fmt::{Display, Write as _};

use serde::{Deserialize, Serialize};

use crate::word_hash::key_hash;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Lang {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "zh-TW")]
    ZhTw,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhTw];

    pub fn id(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhTw => "zh-TW",
        }
    }

    /// A language as people write it, in `--lang`, `LANGUAGE` or a locale name: `en`,
    /// `en_US.UTF-8`, `zh-TW`, `zh_TW`, `zh-tw`, `zh-Hant`, `zh_HK`, `zh_TW.UTF-8@euro`
    /// (case, `-` or `_`, encoding and modifier do not matter). None for a language we do
    /// not have, `C` and `POSIX` included.
    pub(crate) fn from_tag(tag: &str) -> Option<Lang> {
        // `ll_CC.encoding@modifier`: only the language and what follows it matter.
        let tag = tag.trim();
        let tag = tag.split(['.', '@']).next().unwrap_or_default();
        let mut parts = tag.split(['-', '_']).map(str::to_ascii_lowercase);
        match (parts.next().as_deref(), parts.next().as_deref()) {
            (Some("en"), _) => Some(Lang::En),
            // Traditional Chinese: Taiwan, Hong Kong, or the script named.
            (Some("zh"), Some("tw" | "hk" | "hant")) => Some(Lang::ZhTw),
            _ => None,
        }
    }

    /// The other language: what the wizard's language key switches to.
    pub(crate) fn next(self) -> Lang {
        match self {
            Lang::En => Lang::ZhTw,
            Lang::ZhTw => Lang::En,
        }
    }

    /// The language from the environment, in gettext's order: `LANGUAGE`, a `:`-separated
    /// list whose first language we have wins, unless the locale is exactly `C` or `POSIX`
    /// (gettext then ignores it); else the locale, the first of `LC_ALL`, `LC_MESSAGES`,
    /// `LANG` that is set and not empty; English when none names a language we have.
    pub(crate) fn from_env(get: impl Fn(&str) -> Option<String>) -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(&get)
            .find(|v| !v.is_empty())
            .unwrap_or_default();
        let plain_c = locale == "C" || locale == "POSIX";
        let from_language = get("LANGUAGE")
            .filter(|_| !plain_c)
            .and_then(|list| list.split(':').find_map(Lang::from_tag));
        from_language
            .or_else(|| Lang::from_tag(&locale))
            .unwrap_or(Lang::En)
    }

    pub(crate) fn from_process_env() -> Lang {
        Self::from_env(|var| std::env::var(var).ok())
    }
}

/// One language's strings.
#[derive(Debug)]
pub struct Locale {
    pub lang: Lang,
    strings: &'static LocaleTable,
}

/// A locale file flattened by build.rs: each key, sorted, followed by its string, all in
/// one text; `entries` holds where each key starts, where it ends (and its string starts)
/// and where its string ends. (No pointer per string: see `locale_table` in build.rs.)
/// `slots` finds a key's entry by its hash (`key_slots` in build.rs).
#[derive(Debug)]
struct LocaleTable {
    text: &'static str,
    entries: &'static [(u32, u32, u32)],
    slots: &'static [u16],
}

// `EN_STRINGS` and `ZH_TW_STRINGS`: every key and string of the locale files, flattened by
// build.rs at build time.
include!(concat!(env!("OUT_DIR"), "/locales.rs"));

impl LocaleTable {
    fn key(&self, &(start, end, _): &(u32, u32, u32)) -> &'static str {
        &self.text[start as usize..end as usize]
    }

    fn value(&self, &(_, start, end): &(u32, u32, u32)) -> &'static str {
        &self.text[start as usize..end as usize]
    }
}

impl Locale {
    /// The locale for a language: the table build.rs made of its file, so nothing
    /// is parsed or built at run time (parsing the TOML was a third of the wizard's
    /// start-up, building a map of it later 3%).
    pub fn get(lang: Lang) -> &'static Locale {
        static EN_LOCALE: Locale = Locale {
            lang: Lang::En,
            strings: &EN_STRINGS,
        };
        static ZH_LOCALE: Locale = Locale {
            lang: Lang::ZhTw,
            strings: &ZH_TW_STRINGS,
        };
        match lang {
            Lang::En => &EN_LOCALE,
            Lang::ZhTw => &ZH_LOCALE,
        }
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        let table = self.strings;
        table.entries.iter().map(|entry| table.key(entry))
    }

    fn find(&self, key: &str) -> Option<&'static str> {
        let table = self.strings;
        // A hash and mostly one comparison: a binary search compared a dozen keys, and
        // the wizard looks up about a hundred strings a frame.
        let mask = table.slots.len().checked_sub(1)?;
        let mut at = key_hash(key.as_bytes()) as usize & mask;
        loop {
            let entry = usize::from(*table.slots.get(at)?).checked_sub(1)?;
            let entry = table.entries.get(entry)?;
            if table.key(entry) == key {
                return Some(table.value(entry));
            }
            at = (at + 1) & mask;
        }
    }

    /// The string for a key. A missing key shows as the key itself, so that it is visible
    /// and caught by the locale tests rather than crashing the program.
    pub fn t<'a>(&'a self, key: &'a str) -> &'a str {
        self.find(key).unwrap_or(key)
    }

    /// The string for a key with `{name}` placeholders filled in.
    pub fn f(&self, key: &str, args: &[(&str, &dyn Display)]) -> String {
        fill(self.t(key), args)
    }

    /// `key.one` when `n` is 1 (and the language has the form), else `key.other`; `{n}`
    /// is filled with `n` in thousands notation.
    pub fn plural(&self, key: &str, n: u64, args: &[(&str, &dyn Display)]) -> String {
        let one = format!("{key}.one");
        let other = format!("{key}.other");
        let chosen = if n == 1 && self.find(&one).is_some() {
            one
        } else {
            other
        };
        let number = thousands(n);
        let mut all: Vec<(&str, &dyn Display)> = vec![("n", &number)];
        all.extend_from_slice(args);
        fill(self.t(&chosen), &all)
    }

    /// A count in at most `width` columns: exact when it fits, else in the language's
    /// larger units (`1.2M`, `1000萬`), with one decimal when that fits and says more.
    pub(crate) fn compact_count(&self, n: u64, width: usize) -> String {
        let exact = thousands(n);
        if exact.len() <= width {
            return exact;
        }
        let mut shortest = exact;
        for (template, unit) in [
            ("number.big", "number.big_unit"),
            ("number.small", "number.small_unit"),
        ] {
            let unit: u64 = self.t(unit).parse().unwrap_or(0);
            if unit == 0 || n < unit {
                continue;
            }
            // A whole number of units needs no decimal ("10M", not "10.0M").
            let decimals: &[usize] = if n.is_multiple_of(unit) {
                &[0]
            } else {
                &[1, 0]
            };
            for &decimals in decimals {
                let value = format!("{:.*}", decimals, n as f64 / unit as f64);
                let text = self.f(template, &[("n", &value)]);
                if crate::text::width(&text) <= width {
                    return text;
                }
                if crate::text::width(&text) < crate::text::width(&shortest) {
                    shortest = text;
                }
            }
        }
        shortest
    }
}

fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    // Written in place, without a string of its own.
                    Some((_, value)) => {
                        let _ = write!(out, "{value}");
                    }
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The placeholder names used in a template, for the locale consistency tests.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names: Vec<&str> = template
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// A whole number with thousands separators: 12,345. Both languages write numbers so.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key is found through the slots, to its own string; a key that is not there
    /// is not.
    #[test]
    fn every_key_is_found_by_its_hash_and_no_other() {
        for lang in [Lang::En, Lang::ZhTw] {
            let table = Locale::get(lang).strings;
            let taken = table.slots.iter().filter(|slot| **slot != 0).count();
            assert_eq!(taken, table.entries.len(), "{lang:?}: one slot per key");
            assert!(
                taken * 2 <= table.slots.len(),
                "{lang:?}: half the slots free"
            );
            for entry in table.entries {
                let key = table.key(entry);
                assert_eq!(
                    Locale::get(lang).find(key),
                    Some(table.value(entry)),
                    "{key}"
                );
                assert_eq!(Locale::get(lang).find(&format!("{key}.x")), None);
                // As a search of every key finds it (`man_command` and `man_commands`).
                let prefix = &key[..key.len() - 1];
                let searched = table.entries.iter().find(|e| table.key(e) == prefix);
                assert_eq!(
                    Locale::get(lang).find(prefix),
                    searched.map(|e| table.value(e)),
                    "{prefix}"
                );
            }
            assert_eq!(Locale::get(lang).t("no.such.key"), "no.such.key");
        }
    }

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(10_000_000), "10,000,000");
    }

    #[test]
    fn counts_too_wide_for_their_cell_use_the_languages_units() {
        let en = Locale::get(Lang::En);
        let zh = Locale::get(Lang::ZhTw);
        assert_eq!(en.compact_count(999_999, 7), "999,999");
        assert_eq!(en.compact_count(1_000_000, 7), "1M");
        assert_eq!(en.compact_count(1_234_567, 7), "1.2M");
        assert_eq!(en.compact_count(10_000_000, 8), "10M");
        assert_eq!(en.compact_count(123_456, 6), "123.5k");
        assert_eq!(en.compact_count(123_456, 5), "123k");
        assert_eq!(zh.compact_count(10_000_000, 8), "1000萬");
        assert_eq!(zh.compact_count(1_234_567, 6), "123萬");
        assert_eq!(zh.compact_count(1_234_567, 8), "123.5萬");
        assert_eq!(zh.compact_count(123_456, 6), "12.3萬");
        assert_eq!(zh.compact_count(99_999, 6), "99,999");
        // Nothing fits: the shortest form, for the table to cut.
        assert_eq!(en.compact_count(10_000_000, 3), "10M");
    }

    #[test]
    fn fill_replaces_known_placeholders_only() {
        assert_eq!(fill("{a} and {b}", &[("a", &1)]), "1 and {b}");
        assert_eq!(fill("no { close", &[]), "no { close");
    }

    #[test]
    fn env_detection_follows_precedence() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::from_env(env(&[("LANG", "zh_TW.UTF-8")])), Lang::ZhTw);
        assert_eq!(Lang::from_env(env(&[("LANG", "zh_HK.UTF-8")])), Lang::ZhTw);
        assert_eq!(Lang::from_env(env(&[("LANG", "zh_Hant_TW")])), Lang::ZhTw);
        assert_eq!(Lang::from_env(env(&[("LANG", "zh_CN.UTF-8")])), Lang::En);
        assert_eq!(
            Lang::from_env(env(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "zh_TW.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_env(env(&[
                ("LC_ALL", ""),
                ("LC_MESSAGES", "zh_TW"),
                ("LANG", "C")
            ])),
            Lang::ZhTw
        );
        assert_eq!(Lang::from_env(env(&[])), Lang::En);
    }

    #[test]
    fn every_spelling_of_a_language_is_understood() {
        for tag in ["en", "EN", "en_US", "en-GB", "en_US.UTF-8", " en "] {
            assert_eq!(Lang::from_tag(tag), Some(Lang::En), "{tag}");
        }
        for tag in [
            "zh-TW",
            "zh_TW",
            "zh-tw",
            "ZH-TW",
            "zh-Hant",
            "zh_Hant_TW",
            "zh-hant-hk",
            "zh_TW.UTF-8",
            "zh_tw.utf8",
            "zh_TW.Big5@stroke",
            "zh_HK.UTF-8",
        ] {
            assert_eq!(Lang::from_tag(tag), Some(Lang::ZhTw), "{tag}");
        }
        for tag in [
            "", "C", "POSIX", "C.UTF-8", "zh", "zh_CN", "zh-Hans", "fr_FR", "tw", "english",
        ] {
            assert_eq!(Lang::from_tag(tag), None, "{tag}");
        }
    }

    #[test]
    fn the_environment_is_read_in_gettexts_order() {
        use Lang::{En, ZhTw};
        let cases: &[(&[(&str, &str)], Lang)] = &[
            (&[], En),
            // LANGUAGE: the first language we have wins.
            (&[("LANGUAGE", "zh_TW:en")], ZhTw),
            (&[("LANGUAGE", "en:zh_TW")], En),
            (&[("LANGUAGE", "fr:de:zh_TW:en")], ZhTw),
            (&[("LANGUAGE", "fr:de"), ("LANG", "zh_TW.UTF-8")], ZhTw),
            (&[("LANGUAGE", ""), ("LANG", "zh_TW.UTF-8")], ZhTw),
            // LANGUAGE before every locale variable...
            (&[("LANGUAGE", "zh_TW"), ("LC_ALL", "en_US.UTF-8")], ZhTw),
            (&[("LANGUAGE", "en"), ("LANG", "zh_TW.UTF-8")], En),
            // ...but ignored when the locale is exactly C or POSIX.
            (&[("LANGUAGE", "zh_TW"), ("LANG", "C")], En),
            (&[("LANGUAGE", "zh_TW"), ("LC_ALL", "POSIX")], En),
            (&[("LANGUAGE", "zh_TW"), ("LC_ALL", "C.UTF-8")], ZhTw),
            (
                &[("LANGUAGE", "zh_TW"), ("LC_ALL", "C"), ("LANG", "zh_TW")],
                En,
            ),
            // The locale: LC_ALL, then LC_MESSAGES, then LANG; empty is unset.
            (&[("LC_ALL", "zh_TW.UTF-8"), ("LANG", "en_US.UTF-8")], ZhTw),
            (&[("LC_ALL", "en_US.UTF-8"), ("LC_MESSAGES", "zh_TW")], En),
            (&[("LC_ALL", ""), ("LC_MESSAGES", "zh_HK.UTF-8")], ZhTw),
            (&[("LC_MESSAGES", "zh_Hant_TW"), ("LANG", "en_US")], ZhTw),
            (&[("LANG", "zh_TW")], ZhTw),
            (&[("LANG", "C")], En),
            (&[("LANG", "POSIX")], En),
            (&[("LANG", "zh_CN.UTF-8")], En),
            (&[("LANG", "fr_FR.UTF-8")], En),
        ];
        for (vars, expected) in cases {
            let get = |name: &str| {
                vars.iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            };
            assert_eq!(Lang::from_env(get), *expected, "{vars:?}");
        }
    }
}
