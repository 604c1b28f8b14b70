//! Both locale files have the same keys with the same placeholders, so no screen or report
//! falls back to a key name or loses a number in one language.

use std::collections::BTreeSet;

use cpc_wizard::i18n::{Lang, Locale, placeholders};

/// Keys of a locale, leaving out plural `.one` forms: Chinese has no singular form.
fn keys(lang: Lang) -> BTreeSet<&'static str> {
    Locale::get(lang)
        .keys()
        .filter(|k| !k.ends_with(".one"))
        .collect()
}

#[test]
fn both_locales_have_the_same_keys() {
    let en = keys(Lang::En);
    let zh = keys(Lang::ZhTw);
    let only_en: Vec<_> = en.difference(&zh).collect();
    let only_zh: Vec<_> = zh.difference(&en).collect();
    assert!(only_en.is_empty(), "missing in zh-TW: {only_en:?}");
    assert!(only_zh.is_empty(), "missing in en: {only_zh:?}");
}

#[test]
fn both_locales_use_the_same_placeholders() {
    let en = Locale::get(Lang::En);
    let zh = Locale::get(Lang::ZhTw);
    for key in keys(Lang::En) {
        assert_eq!(
            placeholders(en.t(key)),
            placeholders(zh.t(key)),
            "placeholders of {key}"
        );
    }
}

#[test]
fn every_english_singular_has_its_plural() {
    let en = Locale::get(Lang::En);
    for key in en.keys().filter(|k| k.ends_with(".one")) {
        let other = format!("{}.other", key.trim_end_matches(".one"));
        assert_ne!(en.t(&other), other, "{key} has no .other");
    }
}
