//! The wizard's strings exist in both languages with the same placeholders.

use cpc_wizard::i18n::{Lang, Locale, placeholders};

#[test]
fn wizard_keys_match_between_languages() {
    let en = Locale::get(Lang::En);
    let zh = Locale::get(Lang::ZhTw);
    let wizard = |loc: &'static Locale| -> Vec<&'static str> {
        let mut keys: Vec<&str> = loc.keys().filter(|k| k.starts_with("wizard.")).collect();
        keys.sort_unstable();
        keys
    };
    let (en_keys, zh_keys) = (wizard(en), wizard(zh));
    // Plural forms differ by language: compare without the `.one` forms.
    let without_one = |keys: &[&'static str]| -> Vec<&'static str> {
        keys.iter()
            .copied()
            .filter(|k| !k.ends_with(".one"))
            .collect()
    };
    assert_eq!(without_one(&en_keys), without_one(&zh_keys));
    for key in en_keys {
        let other = key
            .strip_suffix(".one")
            .map_or(key.to_string(), |k| format!("{k}.other"));
        assert_eq!(
            placeholders(en.t(key)),
            placeholders(zh.t(&other)),
            "placeholders of {key}"
        );
    }
}
