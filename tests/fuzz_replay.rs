//! Replays the fuzz seeds and every saved crash file on the stable toolchain, with
//! the same checks as the fuzz target.

use std::path::Path;

fn check(name: &str, data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let out = baocao::extract(text);
    let mut last_end = 0;
    for r in &out.records {
        assert!(
            r.span.start < r.span.end && r.span.end <= text.len(),
            "{name}"
        );
        assert_eq!(&text[r.span.range()], r.text, "{name}");
        assert!(
            r.span.start >= last_end,
            "{name}: records overlap or are unsorted"
        );
        last_end = r.span.end;
    }
    let back: baocao::Extraction = serde_json::from_str(&out.to_json()).unwrap();
    assert_eq!(back, out, "{name}: JSON round trip");
}

fn replay(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut n = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            n += replay(&path);
        } else if let Ok(data) = std::fs::read(&path) {
            check(&path.display().to_string(), &data);
            n += 1;
        }
    }
    n
}

#[test]
fn fuzz_seeds_and_saved_crashes_replay() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let seeds = replay(&root.join("seeds"));
    assert!(seeds >= 5, "expected the committed seeds, found {seeds}");
    replay(&root.join("artifacts"));
    replay(&root.join("regressions"));
}
