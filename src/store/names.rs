//! From a draft's name to its file name: readable (Chinese included) and unable to leave the
//! drafts folder, hide itself or pass a control character to a file system.

use super::EXTENSION;

/// File names are kept well under the 255-byte limit of common file systems.
const MAX_STEM_BYTES: usize = 120;

/// A file name (without extension) for a draft name.
pub fn file_stem_for(name: &str) -> String {
    let mut stem = String::new();
    for c in name.trim().chars() {
        let safe = if c.is_control()
            || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
        {
            '_'
        } else {
            c
        };
        if stem.len() + safe.len_utf8() > MAX_STEM_BYTES {
            break;
        }
        stem.push(safe);
    }
    // No hidden files, no "." or "..", no trailing dots or spaces (Windows drops them).
    let stem = stem.trim_start_matches('.').trim_end_matches(['.', ' ']);
    if stem.is_empty() {
        "draft".to_string()
    } else {
        stem.to_string()
    }
}

/// The file name, extension included, of a draft of this name.
pub fn file_name_for(name: &str) -> String {
    format!("{}.{EXTENSION}", file_stem_for(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_stems_stay_inside_the_folder_and_readable() {
        assert_eq!(file_stem_for("Contoso MSP FY18"), "Contoso MSP FY18");
        assert_eq!(file_stem_for("../../etc/passwd"), "_.._etc_passwd");
        assert_eq!(file_stem_for(".."), "draft");
        assert_eq!(file_stem_for("a/b\\c"), "a_b_c");
        assert_eq!(file_stem_for("台北資訊 2017"), "台北資訊 2017");
        assert_eq!(file_stem_for("bell\u{7}"), "bell_");
        assert_eq!(file_stem_for("   "), "draft");
        assert!(file_stem_for(&"長".repeat(200)).len() <= MAX_STEM_BYTES);
        assert_eq!(file_name_for("a/b"), "a_b.json");
    }
}
