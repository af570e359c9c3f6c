//! Fuzz the number lexers (digits, scale words, number words) on the normalised
//! view at every word start: lengths in bounds and on boundaries, values finite.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| baocao::__fuzz::numbers(data));
