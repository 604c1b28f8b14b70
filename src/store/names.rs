//! From a draft's name to its file name: readable (Chinese included), unable to leave the
//! drafts folder, hide itself or pass a control character to a file system, and a name that
//! Windows accepts on every platform (a drafts folder can be copied or synced to Windows).
//!
//! The mapping is not one-to-one (`a:b` and `a_b` give one stem): the store numbers a file
//! name that is taken, and finds drafts by the name inside their files, never by the stem.

use super::EXTENSION;

/// File names are kept well under the 255-unit limit of common file systems, and under
/// Windows' 260-character path limit for a drafts folder of usual depth: 120 bytes of
/// UTF-8 are at most 120 UTF-16 units, with room for a number, the extension and the
/// lock file's dot and suffix.
const MAX_STEM_BYTES: usize = 120;

/// What a name with nothing usable in it is saved as.
const FALLBACK_STEM: &str = "draft";

/// Names Windows keeps for devices, whatever follows a dot and in any case.
const RESERVED: &[&str] = &["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"];
/// `COM1`…`COM9`, `LPT1`…`LPT9`, and the superscript digits Windows also takes for them.
const RESERVED_NUMBERED: &[&str] = &["COM", "LPT"];

/// The name a draft is known by, for comparing: surrounding spaces and case do not make
/// another draft.
pub(crate) fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Whether a name has anything in it besides spaces.
pub(crate) fn is_blank(name: &str) -> bool {
    name.trim().is_empty()
}

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
    // No hidden files, no "." or "..", no trailing dots or spaces (Windows drops them, so
    // `Report.` and `Report` would be one file there).
    let stem = stem.trim_start_matches('.').trim_end_matches(['.', ' ']);
    if stem.is_empty() {
        return FALLBACK_STEM.to_string();
    }
    if is_reserved_on_windows(stem) {
        // `con` → `con_`, `nul.txt` → `nul_.txt`: no longer a device name.
        let base_len = stem.find('.').unwrap_or(stem.len());
        let (base, rest) = stem.split_at(base_len);
        return format!("{}_{rest}", base.trim_end_matches(' '));
    }
    stem.to_string()
}

/// Whether Windows takes a file of this stem for a device: the part before the first dot
/// (spaces before the dot do not count) is a device name, in any case.
fn is_reserved_on_windows(stem: &str) -> bool {
    let base = stem.split('.').next().unwrap_or(stem).trim_end_matches(' ');
    let upper = base.to_uppercase();
    if RESERVED.contains(&upper.as_str()) {
        return true;
    }
    RESERVED_NUMBERED.iter().any(|prefix| {
        upper.strip_prefix(prefix).is_some_and(|digit| {
            matches!(
                digit,
                "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" | "¹" | "²" | "³"
            )
        })
    })
}

/// The file name, extension included, of a draft of this name.
pub(crate) fn file_name_for(name: &str) -> String {
    format!("{}.{EXTENSION}", file_stem_for(name))
}

/// The file name for the `n`th draft (2, 3…) whose names share a stem.
pub(crate) fn numbered_file_name(stem: &str, n: usize) -> String {
    format!("{stem} ({n}).{EXTENSION}")
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

    #[test]
    fn windows_device_names_are_never_file_names() {
        for name in [
            "con", "CON", "Con", "prn", "aux", "nul", "NUL", "com1", "COM9", "lpt1", "LPT9",
            "com¹", "conin$", "CONOUT$",
        ] {
            let stem = file_stem_for(name);
            assert!(!is_reserved_on_windows(&stem), "{name} → {stem}");
            assert_eq!(stem.to_lowercase(), format!("{}_", name.to_lowercase()));
        }
        // With an extension, or spaces before it, it is still the device.
        assert_eq!(file_stem_for("nul.txt"), "nul_.txt");
        assert_eq!(file_stem_for("Con .backup"), "Con_.backup");
        assert_eq!(file_stem_for("AUX.tar.gz"), "AUX_.tar.gz");
        // Only the exact device names are taken.
        for free in ["console", "com10", "com0", "lpt", "nully", "my con", "icon"] {
            assert_eq!(file_stem_for(free), free);
        }
    }

    #[test]
    fn windows_drops_trailing_dots_and_spaces_so_none_are_made() {
        assert_eq!(file_stem_for("Report."), "Report");
        assert_eq!(file_stem_for("Report. . "), "Report");
        assert_eq!(file_stem_for("..."), "draft");
        assert_eq!(file_stem_for(".hidden"), "hidden");
        // A dot inside a name is kept.
        assert_eq!(file_stem_for("v1.2 final"), "v1.2 final");
    }

    #[test]
    fn windows_forbidden_and_control_characters_are_replaced() {
        assert_eq!(
            file_stem_for("a<b>c:d\"e/f\\g|h?i*j"),
            "a_b_c_d_e_f_g_h_i_j"
        );
        assert_eq!(file_stem_for("tab\there\u{1b}[31m"), "tab_here_[31m");
        assert_eq!(file_stem_for("del\u{7f}"), "del_");
        for name in ["con", "Report.", "a:b", "..", "x\u{0}y", "LPT3.log "] {
            let file = file_name_for(name);
            assert!(is_valid_windows_file_name(&file), "{name:?} → {file:?}");
        }
    }

    #[test]
    fn long_names_fit_windows_paths() {
        let long = "名".repeat(500);
        let file = file_name_for(&long);
        assert!(file.encode_utf16().count() <= 130, "{}", file.len());
        assert!(is_valid_windows_file_name(&numbered_file_name(
            &file_stem_for(&long),
            999
        )));
    }

    #[test]
    fn names_compare_without_case_and_surrounding_spaces() {
        assert_eq!(name_key("  Contoso "), name_key("contoso"));
        assert_ne!(name_key("a_b"), name_key("a:b"));
        assert!(is_blank(" \t "));
        assert!(!is_blank(" x "));
    }

    /// Windows' rules, written out independently of `file_stem_for`.
    fn is_valid_windows_file_name(file: &str) -> bool {
        let stem = file
            .split('.')
            .next()
            .unwrap_or(file)
            .trim_end()
            .to_uppercase();
        let device = ["CON", "PRN", "AUX", "NUL"].contains(&stem.as_str())
            || ((stem.starts_with("COM") || stem.starts_with("LPT"))
                && stem.chars().count() == 4
                && stem
                    .chars()
                    .last()
                    .is_some_and(|c| ('1'..='9').contains(&c)));
        !device
            && !file.ends_with(['.', ' '])
            && !file
                .chars()
                .any(|c| c.is_control() || "<>:\"/\\|?*".contains(c))
            && file.encode_utf16().count() <= 255
    }
}
