//! One module per screen or panel: its own state, update and draw. The key tables are in
//! `keys`; the one dispatch from a message to a screen is `update`.

pub mod changed_on_disk;
pub mod compare;
pub mod customers;
pub mod import;
pub mod market;
pub mod review;
pub mod search;
pub mod staff;
pub mod start;
