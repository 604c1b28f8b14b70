//! Pieces the screens are drawn with.

pub(crate) mod bar_chart;
pub(crate) mod gauges;
pub(crate) mod outlook_panel;
pub(crate) mod overlay;
pub(crate) mod put_line;
pub(crate) mod scroll_hint;
pub(crate) mod table;
pub(crate) mod table_nav;
pub(crate) mod text_field;
pub(crate) mod wrap;
