//! Settings the program remembers between runs: for now, the language chosen in the wizard.
//! Kept in `settings.toml` in the drafts folder, so that `CPC_WIZARD_HOME` keeps a portable
//! install (and each test) self-contained.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::store::{self, StoreError};

const FILE_NAME: &str = "settings.toml";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// The language last chosen in the wizard; `None` follows the environment.
    #[serde(default)]
    pub lang: Option<Lang>,
}

impl Settings {
    pub(crate) fn path(drafts_dir: &Path) -> PathBuf {
        drafts_dir.join(FILE_NAME)
    }

    /// The saved settings; defaults when the file is absent or unreadable, since a lost
    /// preference must never stop the program.
    pub fn load(drafts_dir: &Path) -> Settings {
        std::fs::read_to_string(Self::path(drafts_dir))
            .ok()
            .and_then(|text| toml::from_str(&text).ok())
            .unwrap_or_default()
    }

    pub(crate) fn save(&self, drafts_dir: &Path) -> Result<(), StoreError> {
        let text = toml::to_string(self).unwrap_or_default();
        store::write_atomically(&Self::path(drafts_dir), text.as_bytes())
    }
}

/// The language to use: `--lang`, else the one remembered from the wizard, else the
/// locale variables.
pub fn choose_lang(cli: Option<Lang>, settings: &Settings) -> Lang {
    cli.or(settings.lang).unwrap_or_else(Lang::from_process_env)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_language_round_trips_and_loses_to_the_flag() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Settings::load(dir.path()), Settings::default());
        let saved = Settings {
            lang: Some(Lang::ZhTw),
        };
        saved.save(dir.path()).unwrap();
        let loaded = Settings::load(dir.path());
        assert_eq!(loaded, saved);
        assert_eq!(choose_lang(None, &loaded), Lang::ZhTw);
        assert_eq!(choose_lang(Some(Lang::En), &loaded), Lang::En);
    }

    #[test]
    fn a_broken_settings_file_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(Settings::path(dir.path()), "lang = 42\n[[[").unwrap();
        assert_eq!(Settings::load(dir.path()), Settings::default());
    }
}
