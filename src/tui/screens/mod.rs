//! One module per screen or panel: its own state, update and draw. The key tables are in
//! `keys`; the one dispatch from a message to a screen is `update`.

pub(crate) mod changed_on_disk;
pub(crate) mod compare;
pub mod customers;
pub mod import;
pub mod market;
pub(crate) mod review;
pub(crate) mod search;
pub(crate) mod staff;
pub mod start;
