//! Both languages are complete: the same keys, the same placeholders, no empty strings.

use std::collections::BTreeSet;

use cpc_wizard::i18n::{Lang, Locale, placeholders};

fn keys(lang: Lang) -> BTreeSet<&'static str> {
    Locale::get(lang).keys().collect()
}

#[test]
fn every_key_exists_in_both_languages() {
    let en = keys(Lang::En);
    let zh = keys(Lang::ZhTw);
    let only_en: Vec<_> = en.difference(&zh).collect();
    let only_zh: Vec<_> = zh.difference(&en).collect();
    // A plural form may exist in one language only (English has "one", Chinese has not).
    let is_plural_form = |k: &&&str| k.ends_with(".one");
    let only_en: Vec<_> = only_en.into_iter().filter(|k| !is_plural_form(k)).collect();
    let only_zh: Vec<_> = only_zh.into_iter().filter(|k| !is_plural_form(k)).collect();
    assert!(only_en.is_empty(), "keys missing from zh-TW: {only_en:?}");
    assert!(only_zh.is_empty(), "keys missing from en: {only_zh:?}");
}

#[test]
fn placeholders_match_between_languages() {
    let en = Locale::get(Lang::En);
    let zh = Locale::get(Lang::ZhTw);
    let mut differing = Vec::new();
    for key in keys(Lang::En) {
        if key.ends_with(".one") {
            continue;
        }
        let a = placeholders(en.t(key));
        let b = placeholders(zh.t(key));
        if a != b {
            differing.push(format!("{key}: en {a:?}, zh-TW {b:?}"));
        }
    }
    assert!(
        differing.is_empty(),
        "placeholders differ:\n{}",
        differing.join("\n")
    );
}

#[test]
fn english_singular_forms_use_the_same_placeholders_as_plural() {
    let en = Locale::get(Lang::En);
    for key in keys(Lang::En).into_iter().filter(|k| k.ends_with(".one")) {
        let other = key.replace(".one", ".other");
        assert_eq!(
            placeholders(en.t(key)),
            placeholders(en.t(&other)),
            "{key} and {other}"
        );
    }
}

#[test]
fn no_string_is_empty_or_untranslated_english_in_chinese() {
    let zh = Locale::get(Lang::ZhTw);
    for lang in Lang::ALL {
        let loc = Locale::get(lang);
        for key in keys(lang) {
            assert!(!loc.t(key).trim().is_empty(), "{key} is empty in {lang:?}");
        }
    }
    // Sentences (keys whose English text has spaces and letters) must not be left in
    // English in the Chinese file: they must contain at least one CJK character, unless
    // they are names of products that are not translated.
    let en = Locale::get(Lang::En);
    let has_cjk = |s: &str| s.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
    let mut untranslated = Vec::new();
    for key in keys(Lang::ZhTw) {
        let english = en.t(key);
        let words = english
            .split_whitespace()
            .filter(|w| w.chars().all(|c| c.is_ascii_alphabetic()))
            .count();
        if words >= 3 && !has_cjk(zh.t(key)) {
            untranslated.push(key);
        }
    }
    assert!(
        untranslated.is_empty(),
        "zh-TW strings still in English: {untranslated:?}"
    );
}
