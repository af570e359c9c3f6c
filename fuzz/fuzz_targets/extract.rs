//! Fuzz `baocao::extract`: no panic, and the output's promises hold (spans in
//! bounds and on character boundaries, `text == input[span]`, sorted, non-overlapping,
//! JSON round trip); see `baocao::__fuzz::check_extraction`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| baocao::__fuzz::extract(data));
