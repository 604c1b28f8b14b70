//! `cpc-wizard schema`: the JSON Schema of the draft format (SPEC.md §3), for editors that
//! check a draft as it is edited by hand.

use std::process::ExitCode;

use super::CliError;

/// The schema, built into the program so that it always matches the format it reads.
pub const PROFILE_SCHEMA: &str = include_str!("../../assets/schema/profile-v1.schema.json");

pub fn schema() -> Result<ExitCode, CliError> {
    super::print(PROFILE_SCHEMA.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
