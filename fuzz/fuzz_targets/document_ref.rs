//! Fuzz the document-reference grammar alone (an extractor with only
//! `RecordKind::DocumentRef`) and the document number lexer it uses.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| baocao::__fuzz::document_ref(data));
