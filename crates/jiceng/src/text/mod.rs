//! The text layer: bytes → text → normalized text with a map back to the original → paragraphs and sentences.

pub mod decode;
pub mod normalize;
pub mod offsets;
pub mod sentences;
