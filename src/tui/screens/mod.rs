//! One module per screen: its own state, update and draw. The key tables are in `keys`.

pub mod changed_on_disk;
pub mod customers;
pub mod import;
pub mod market;
pub mod review;
pub mod staff;
pub mod start;
