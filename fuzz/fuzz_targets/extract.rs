//! Fuzz `baocao::extract`: no panic, and the output's promises hold.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let out = baocao::extract(text);
    let mut last_end = 0;
    for r in &out.records {
        assert!(r.span.start < r.span.end && r.span.end <= text.len());
        assert!(text.is_char_boundary(r.span.start) && text.is_char_boundary(r.span.end));
        assert_eq!(&text[r.span.range()], r.text);
        assert!(r.span.start >= last_end, "records overlap or are unsorted");
        last_end = r.span.end;
    }
    for d in &out.diagnostics {
        assert!(d.span.end <= text.len());
        assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
    }
    let json = out.to_json();
    let back: baocao::Extraction = serde_json::from_str(&json).expect("output parses back");
    assert_eq!(back, out, "JSON round trip");
});
