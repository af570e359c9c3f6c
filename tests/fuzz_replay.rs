//! Replays every fuzz target's seeds, saved crashes and named regressions on the
//! stable toolchain, through the same checks as the targets themselves
//! (`baocao::__fuzz`): `fuzz/seeds/<target>/`, `fuzz/artifacts/<target>/`,
//! `fuzz/regressions/<target>/`.
//!
//! The `options` target reads its input with `arbitrary`, which the main crate does
//! not depend on: its regressions are kept as JSON (`{"kinds": [..],
//! "reference_date": [y, m, d] | null, "text": ".."}`) and replayed exactly; its
//! other files go through `options_from_bytes`, a plain-bytes reading of the same
//! checks. (`.ci/run` replays the raw files exactly with `cargo fuzz run -runs=0`.)

use std::path::{Path, PathBuf};

use baocao::__fuzz;

const TARGETS: [&str; 7] = [
    "extract",
    "numbers",
    "dates",
    "roman",
    "document_ref",
    "decode",
    "options",
];

fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files(&path));
        } else if path.file_name().is_none_or(|n| n != ".gitkeep") {
            out.push(path);
        }
    }
    out.sort();
    out
}

#[derive(serde::Deserialize)]
struct OptionsInput {
    kinds: Vec<u8>,
    reference_date: Option<(i32, u32, u32)>,
    text: String,
}

fn run(target: &str, path: &Path) {
    let data = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let name = path.display().to_string();
    let outcome = std::panic::catch_unwind(|| match target {
        "extract" => __fuzz::extract(&data),
        "numbers" => __fuzz::numbers(&data),
        "dates" => __fuzz::dates(&data),
        "roman" => __fuzz::roman(&data),
        "document_ref" => __fuzz::document_ref(&data),
        "decode" => __fuzz::decode(&data),
        "options" if path.extension().is_some_and(|e| e == "json") => {
            let input: OptionsInput = serde_json::from_slice(&data).expect("options JSON");
            __fuzz::options(&input.kinds, input.reference_date, &input.text);
        }
        "options" => __fuzz::options_from_bytes(&data),
        other => panic!("no target {other}"),
    });
    if let Err(e) = outcome {
        let msg = e
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        panic!("{name} (target {target}) fails: {msg}");
    }
}

fn replay(kind: &str) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join(kind);
    let mut n = 0;
    for target in TARGETS {
        for path in files(&root.join(target)) {
            run(target, &path);
            n += 1;
        }
    }
    n
}

#[test]
fn every_target_has_seeds_and_they_pass() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds");
    for target in TARGETS {
        let n = files(&root.join(target)).len();
        assert!(n >= 2, "fuzz/seeds/{target} has {n} seeds");
    }
    assert!(replay("seeds") >= 30);
}

#[test]
fn named_regressions_pass() {
    replay("regressions");
}

#[test]
fn saved_crashes_pass() {
    replay("artifacts");
}

#[test]
fn the_targets_run_on_the_extract_seeds_too() {
    // every lexer target on the richest texts, beyond its own seeds
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/extract");
    for path in files(&root) {
        for target in ["numbers", "dates", "roman", "document_ref", "decode"] {
            run(target, &path);
        }
    }
}
