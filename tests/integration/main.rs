//! Integration tests of the jiceng command and library on the shared corpus and the bundled sample.
