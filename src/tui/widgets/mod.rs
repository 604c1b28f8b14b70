//! Pieces the screens are drawn with.

pub mod gauges;
pub mod overlay;
pub mod table;
pub mod text_field;
pub mod wrap;
