//! The zh-TW text uses Microsoft's Taiwanese terms from the seed page, and no Mainland or
//! Simplified usage slips in.

use cpc_wizard::i18n::{Lang, Locale};

#[test]
fn seed_page_terms_are_used() {
    let zh = Locale::get(Lang::ZhTw);
    for (key, term) in [
        ("tier.silver", "銀級"),
        ("tier.gold", "金級"),
        ("report.entitlements", "使用中合約權利"),
        ("wizard.gauges.users", "使用中使用者"),
        ("association.delegated_admin", "委派的系統管理員"),
        ("market.developed", "開發的市場"),
        ("market.developing", "開發中市場"),
        ("exclusion.trial", "試用版 SKU"),
        ("workload.skype_for_business", "商務用 Skype"),
        ("route.exams", "測驗"),
        ("report.counting_rule", "工作負載"),
        ("app.title", "雲端生產力專長認證"),
        ("association.digital_partner_of_record", "數位合作夥伴"),
    ] {
        assert!(
            zh.t(key).contains(term),
            "{key}: {:?} lacks {term}",
            zh.t(key)
        );
    }
}

/// Words a Taiwanese reader takes for Mainland usage (in either script), with the Taiwanese
/// term to use instead; and characters that exist only in Simplified Chinese.
const MAINLAND: &[(&str, &str)] = &[
    ("文件", "檔案"),
    ("信息", "資訊"),
    ("默認", "預設"),
    ("缺省", "預設"),
    ("設置", "設定"),
    ("用戶", "使用者"),
    ("軟件", "軟體"),
    ("數據", "資料"),
    ("網絡", "網路"),
    ("打印", "列印"),
    ("支持", "支援"),
    ("窗口", "視窗"),
    ("屏幕", "螢幕"),
    ("菜單", "功能表"),
    ("鼠標", "滑鼠"),
    ("保存", "儲存"),
    ("激活", "啟用"),
    ("登錄", "登入"),
    ("質量", "品質"),
    ("運行", "執行"),
    ("字符", "字元"),
    ("服務器", "伺服器"),
];

const SIMPLIFIED_ONLY: &str = "们这个为来时说对发开关门问间从东车专业务实现与设认让请语读写过还进运选应级单员择输确删储启动键";

#[test]
fn no_mainland_terms_or_simplified_characters() {
    let zh = Locale::get(Lang::ZhTw);
    let mut found = Vec::new();
    for key in zh.keys() {
        // 「租用戶」 (a tenant) is Microsoft's Taiwan term; only 「用戶」 alone is Mainland.
        let text = zh.t(key).replace("租用戶", "租用");
        for (word, instead) in MAINLAND {
            if text.contains(word) {
                found.push(format!("{key}: {word} (use {instead})"));
            }
        }
        // 「程序」 is Mainland for a program; 「處理程序」 (a process) is Microsoft's own term.
        if text.replace("處理程序", "").contains("程序") {
            found.push(format!("{key}: 程序 (use 程式)"));
        }
        for c in text.chars().filter(|c| SIMPLIFIED_ONLY.contains(*c)) {
            found.push(format!("{key}: simplified {c}"));
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn numbers_keep_their_thousands_separators_in_both_languages() {
    for lang in Lang::ALL {
        let loc = Locale::get(lang);
        let text = loc.plural(
            "wizard.customers.total",
            1234,
            &[("total", &"1,234,567"), ("excluded", &"1,000")],
        );
        assert!(
            text.contains("1,234") && text.contains("1,234,567"),
            "{text}"
        );
    }
}
