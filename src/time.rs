//! Times as the drafts list shows them: local date and minute.

use std::time::SystemTime;

pub(crate) fn local_date_time(time: SystemTime) -> String {
    let local: chrono::DateTime<chrono::Local> = time.into();
    local.format("%Y-%m-%d %H:%M").to_string()
}
