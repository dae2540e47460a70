//! Integration tests of the jiceng library and command, on the bundled sample and on the shared corpus
//! (`../shared/corpus`, read when present; tests that need it say so and pass when it is absent).

mod adversarial;
mod cli;
mod corpus;
mod encodings;
mod fuzz_regressions;
mod places;
mod plans;
mod properties;
mod schema;
mod seed;
mod spans;
mod support;
mod themes;
