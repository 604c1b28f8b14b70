//! Pieces the screens are drawn with.

pub mod bar_chart;
pub mod gauges;
pub mod outlook_panel;
pub mod overlay;
pub mod table;
pub mod table_nav;
pub mod text_field;
pub mod wrap;
