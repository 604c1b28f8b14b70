//! The one place the wizard writes its draft: through the `OpenDraft` that holds its lock.

use super::app::Draft;
use crate::store::{OpenDraft, StoreError};

/// Writes the draft atomically and records that this revision is on disk. A read-only
/// draft is never written (`OpenDraft::save` refuses too).
pub fn save_draft(open: &mut OpenDraft, draft: &mut Draft) -> Result<(), StoreError> {
    if draft.read_only {
        return Ok(());
    }
    open.save(&draft.profile)?;
    draft.saved_revision = draft.revision;
    Ok(())
}
