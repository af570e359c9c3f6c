//! Fuzz the date lexers on the normalised view at every word start: lengths in
//! bounds and on boundaries; a date read as valid is a calendar date.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| baocao::__fuzz::dates(data));
