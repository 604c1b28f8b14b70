//! cpc-wizard: does a Microsoft partner qualify for the Cloud Productivity competency?
//!
//! Data flows one way: `profile` (the draft) → `rules::evaluate` (pure) → `report` or the
//! wizard's view. `store` is the only module that touches draft files.
//!
//! Where wording lives: every sentence the user reads is built from the locale files
//! (`assets/locales/*.toml`, looked up through `i18n`), in one module per audience.
//! - What the program says about a draft and an import, the same on every front end:
//!   `report` (`phrases` for the assessment, `readings`, `outlook`, `provenance`, and
//!   `import_words` for an import's result and refusals). The reports print them, the
//!   command line and the wizard show the same lines.
//! - Errors about drafts, files and the command line's values: `messages`, the one place
//!   they are worded, whoever shows them.
//! - The command line's own words (clap's headings, usage line, errors): `cli_words`.
//! - The wizard's own words (its screens, keys and notes): inside `tui`.
//!
//! The error and result types stay plain data; none of them carries a sentence.

pub mod cli;
pub(crate) mod cli_words;
pub mod commands;
pub(crate) mod compare;
pub mod export;
pub mod i18n;
pub mod import;
pub mod messages;
pub mod profile;
pub mod report;
pub mod rules;
#[doc(hidden)]
pub mod sample;
pub mod settings;
pub mod store;
pub mod text;
pub(crate) mod time;
pub mod tui;
pub(crate) mod word_hash;
