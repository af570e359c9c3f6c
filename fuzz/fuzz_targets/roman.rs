//! Fuzz the Roman numeral lexer: a numeral read is the standard form of its value.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| baocao::__fuzz::roman(data));
