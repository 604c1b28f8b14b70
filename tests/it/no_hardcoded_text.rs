//! No user-facing English is written in the Rust sources: every sentence a user reads comes
//! from `assets/locales`. A string literal with two words in a row fails this test unless it
//! is on the list below, each with the reason it is not user text.

use std::path::{Path, PathBuf};

/// Literals that look like words but are not shown as they are.
const ALLOWED: &[(&str, &str)] = &[
    // serde_json's and serde's own messages, read back to be worded by the locale.
    ("src/messages.rs", "unit value"),
    ("src/messages.rs", "floating point "),
    ("src/messages.rs", "EOF while parsing a list"),
    ("src/messages.rs", "EOF while parsing an object"),
    ("src/messages.rs", "EOF while parsing a string"),
    ("src/messages.rs", "EOF while parsing a value"),
    ("src/messages.rs", "expected `,` or `]`"),
    ("src/messages.rs", "expected `,` or `}`"),
    ("src/messages.rs", "expected ident"),
    ("src/messages.rs", "expected value"),
    ("src/messages.rs", "invalid escape"),
    ("src/messages.rs", "invalid number"),
    ("src/messages.rs", "number out of range"),
    ("src/messages.rs", "invalid unicode code point"),
    (
        "src/messages.rs",
        "control character (\\\\u0000-\\\\u001F) found while parsing a string",
    ),
    ("src/messages.rs", "key must be a string"),
    ("src/messages.rs", "trailing comma"),
    ("src/messages.rs", "trailing characters"),
    ("src/messages.rs", "recursion limit exceeded"),
    ("src/profile/error.rs", " at line "),
    ("src/profile/error.rs", "missing field "),
    ("src/profile/error.rs", "unknown field "),
    ("src/profile/error.rs", "duplicate field "),
    ("src/profile/error.rs", "one of "),
    ("src/profile/error.rs", "invalid type: "),
    ("src/profile/error.rs", "an edition id"),
    ("src/profile/error.rs", "a whole number"),
    // serde `expecting` texts: only inside serde's messages, which are read back above.
    (
        "src/profile/count.rs",
        "a whole number from 0 to 10,000,000",
    ),
    ("src/profile/provenance.rs", "a date YYYY-MM-DD"),
    ("src/profile/kept_fields.rs", "an edition id"),
    ("src/profile/format.rs", "one of {:?}"),
    // Ids, the same in every language.
    ("src/cli.rs", "text, json, markdown"),
    // Sample drafts for benchmarks: data, not interface.
    ("src/sample.rs", "Customer {i:06} Ltd"),
    ("src/sample.rs", "Mei Lin"),
    ("src/sample.rs", "Ray Chen"),
    ("src/sample.rs", "Ann Wu"),
    ("src/sample.rs", "Tom Hsu"),
    ("src/sample.rs", "Sample MSP ({customers} customers)"),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The string literals of one line (plain "…" literals; escapes kept as written).
fn literals(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'"' && (i == 0 || bytes[i - 1] != b'\'') {
            let start = i + 1;
            let mut j = start;
            while j < bytes.len() && bytes[j] != b'"' {
                if bytes[j] == b'\\' {
                    j += 1;
                }
                j += 1;
            }
            if j <= bytes.len() {
                out.push(&line[start..j.min(line.len())]);
            }
            i = j + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// Text with spaces and at least two ASCII words of two letters or more, once `{…}`
/// placeholders are taken out: "Saved {n} files" is words, "{name}: {reason}" and
/// "wizard.keys.help" are not.
fn has_words(text: &str) -> bool {
    let mut bare = String::new();
    let mut depth = 0u32;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            c if depth == 0 => bare.push(c),
            _ => {}
        }
    }
    let words = bare
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 2)
        .count();
    bare.contains(' ') && words >= 2
}

#[test]
fn sources_hold_no_user_facing_english() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    assert!(files.len() > 20, "sources found: {}", files.len());
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let rel = file
            .strip_prefix(root)
            .unwrap_or(&file)
            .to_string_lossy()
            .replace('\\', "/");
        // Unit tests are not shown to users: those at the end of a file, and those in a
        // file of their own (`#[cfg(test)] mod tests;`).
        if rel.ends_with("/tests.rs") {
            continue;
        }
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for (n, line) in code.lines().enumerate() {
            let trimmed = line.trim_start();
            // Comments, typed-error texts for developers, and defects that abort the program.
            if trimmed.starts_with("//")
                || trimmed.starts_with("#[error")
                || trimmed.contains("panic!(")
            {
                continue;
            }
            for lit in literals(line) {
                if has_words(lit) && !ALLOWED.contains(&(rel.as_str(), lit)) {
                    found.push(format!("{rel}:{}: \"{lit}\"", n + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "user-facing text belongs in assets/locales:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_detector_finds_words() {
    assert!(has_words("Could not save"));
    assert!(has_words("a value: here"));
    assert!(has_words("Saved {n} files"));
    assert!(!has_words("wizard.keys.help"));
    assert!(!has_words("Ctrl-C"));
    assert!(!has_words("{name}: {reason}"));
    assert!(!has_words("台北 MSP"));
    assert_eq!(literals(r#"f("a b", "c\"d")"#), vec!["a b", "c\\\"d"]);
}
