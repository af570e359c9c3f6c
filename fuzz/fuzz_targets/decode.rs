//! Fuzz decoding of arbitrary bytes (UTF-8, TCVN3, VNI, lossy): the offset map is
//! monotone and exact at both ends, strict and lossy agree, extraction through the
//! map gives byte spans in bounds, sorted and non-overlapping.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| baocao::__fuzz::decode(data));
