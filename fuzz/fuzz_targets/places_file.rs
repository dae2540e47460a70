//! A user places file (the CLI's `--places`) → the analyzer builder: an analyzer that works, or a typed error.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    jiceng_fuzz::check_places(data);
});
