//! Plan items and formulas: numerals, the enumerations of numbered plan items, and numbered slogans.

pub(crate) mod enumerations;
pub(crate) mod formulas;
pub(crate) mod numerals;
