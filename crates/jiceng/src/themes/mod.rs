//! Themes: the taxonomy, the matcher that finds its evidence, and keyphrases for what it does not cover.

pub(crate) mod keyphrases;
pub(crate) mod matcher;
pub mod taxonomy;
