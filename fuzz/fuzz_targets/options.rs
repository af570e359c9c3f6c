//! Fuzz the `Extractor` options with `arbitrary`: any kind list (an empty one must
//! be refused), any reference date, any text; the extraction's promises hold and
//! only the kinds asked for come out. See `baocao::__fuzz::options`.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Options {
    /// Indices into `RecordKind::ALL` (modulo its length).
    kinds: Vec<u8>,
    /// (year, month, day), used when it is a calendar date.
    reference_date: Option<(i32, u32, u32)>,
    text: String,
}

fuzz_target!(|o: Options| baocao::__fuzz::options(&o.kinds, o.reference_date, &o.text));
