//! The integration tests, built as one test binary: one link instead of one per file.
//! Each file is a module named as the file was; `cargo test --test it NAME` runs the
//! tests whose path contains NAME (e.g. `wizard_e2e` or `wizard_e2e::resize`).
//! proptest keeps the cases it found failing in `tests/proptest-regressions/FILE.txt`.

mod cli_assess;
mod cli_help;
mod cli_tools;
mod compare_cli;
mod counted_once;
mod csv_cli;
mod csv_import;
mod csv_roundtrip;
mod draft_files;
mod draft_names;
mod draft_schema;
mod drafts_cli;
mod drafts_crash;
mod drafts_roundtrip;
mod drafts_store;
mod evaluate_cases;
mod full_width_numbers;
mod fuzz_files;
mod import_lock;
mod locale_terms;
mod locales;
mod markdown_names;
mod no_hardcoded_text;
mod outlook;
mod outlook_cli;
mod outlook_snapshots;
mod pty_smoke;
mod readings;
mod reports_cli;
mod reports_import;
mod rules_pinned;
mod start_reading;
mod wide_characters;
mod wizard_cli;
mod wizard_compare;
mod wizard_drafts;
mod wizard_drafts_snapshots;
mod wizard_e2e;
mod wizard_exits;
mod wizard_exports;
mod wizard_file_work;
mod wizard_import;
mod wizard_keys;
mod wizard_locale;
mod wizard_narrow;
mod wizard_random_keys;
mod wizard_readings;
mod wizard_reports;
mod wizard_snapshots;
mod wizard_start_import;
mod wizard_update;
mod words_zh;

// Helpers shared by the modules above.
mod support;
mod wizard_common;
