//! The one place the wizard writes its draft. Draft locking, when it lands, goes here.

use super::app::Draft;
use crate::store::{self, StoreError};

/// Writes the draft atomically and records that this revision is on disk.
pub fn save_draft(draft: &mut Draft) -> Result<(), StoreError> {
    store::save(&draft.path, &draft.profile)?;
    draft.saved_revision = draft.revision;
    Ok(())
}
