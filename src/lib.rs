//! cpc-wizard: does a Microsoft partner qualify for the Cloud Productivity competency?
//!
//! Data flows one way: `profile` (the draft) → `rules::evaluate` (pure) → `report` or the
//! wizard's view. `store` is the only module that touches draft files.

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
