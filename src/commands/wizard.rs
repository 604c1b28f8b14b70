//! `cpc-wizard` and `cpc-wizard edit DRAFT`: the interactive wizard.

use std::io::IsTerminal;
use std::process::ExitCode;

use super::CliError;
use crate::i18n::Locale;
use crate::store::{self, Store};
use crate::tui;

pub fn wizard(
    store: &Store,
    draft: Option<&str>,
    loc: &'static Locale,
) -> Result<ExitCode, CliError> {
    // A draft named on the command line is found before the terminal is taken, so that a
    // bad name is one message on stderr, as for `assess`. A draft that cannot be read, or
    // is open elsewhere, is shown in the wizard, which offers what can be done instead;
    // without a terminal to show it on, it is one message too.
    let start = match draft {
        Some(draft) => {
            let path = store.resolve(draft)?;
            if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
                store::load(&path)?;
            }
            tui::Start::Draft(path)
        }
        None => tui::Start::Drafts,
    };
    // Screens written into a pipe or a file would be of no use to anyone.
    if !std::io::stdout().is_terminal() {
        return Err(CliError::NoTerminal);
    }
    let ended = tui::run(store.clone(), start, loc.lang).map_err(|e| {
        // No controlling terminal to read keys from (started by a service, say).
        if no_controlling_terminal(&e) {
            CliError::NoTerminal
        } else {
            CliError::Output(e)
        }
    })?;
    match ended {
        tui::Ended::Quit => Ok(ExitCode::SUCCESS),
        // As a shell reports a program ended by a signal: 128 + its number.
        tui::Ended::Signal(signal) => Ok(ExitCode::from(
            u8::try_from(128 + signal).unwrap_or(u8::MAX),
        )),
    }
}

/// The error opening the terminal gives when the process has none (ENXIO).
fn no_controlling_terminal(e: &std::io::Error) -> bool {
    #[cfg(unix)]
    {
        e.raw_os_error() == Some(rustix::io::Errno::NXIO.raw_os_error())
    }
    #[cfg(not(unix))]
    {
        let _ = e;
        false
    }
}
