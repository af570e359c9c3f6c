//! Throughput of `extract` against the floor under any extractor: an Aho-Corasick
//! scan of the extractor's own trigger vocabulary over the same bytes.
//!
//! `cargo bench --bench throughput` runs criterion on each input, then prints a
//! table of median MB/s for both and their ratio, measured in the same run.

use std::time::Instant;

use aho_corasick::AhoCorasick;
use baocao::Extractor;
use criterion::{black_box, BenchmarkId, Criterion, Throughput};

#[path = "support/generate.rs"]
mod generate;

const SAMPLE: &str = include_str!("../examples/sample_report.txt");

fn inputs() -> Vec<(&'static str, String)> {
    vec![
        ("sample", SAMPLE.to_string()),
        ("corpus_10mb", generate::corpus(7, 10 << 20, 40)),
        ("no_records", generate::corpus(11, 2 << 20, 0)),
        ("dense", generate::corpus(13, 2 << 20, 100)),
    ]
}

fn scanner(ex: &Extractor) -> AhoCorasick {
    AhoCorasick::new(ex.trigger_words()).expect("trigger words build an automaton")
}

/// What the floor does: find every trigger word (case-folded input is not needed
/// for the comparison: the scan runs over the same bytes extract reads).
fn scan(ac: &AhoCorasick, text: &str) -> usize {
    ac.find_overlapping_iter(text).count() + text.bytes().filter(u8::is_ascii_digit).count()
}

fn benches(c: &mut Criterion, inputs: &[(&str, String)]) {
    let ex = Extractor::builder().build().unwrap();
    let ac = scanner(&ex);
    let mut group = c.benchmark_group("throughput");
    group.sample_size(10);
    for (name, text) in inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("extract", name), text, |b, t| {
            b.iter(|| black_box(ex.extract(t)).records.len())
        });
        group.bench_with_input(BenchmarkId::new("ac_scan", name), text, |b, t| {
            b.iter(|| scan(&ac, black_box(t)))
        });
    }
    group.finish();
}

fn median_mb_s(text: &str, runs: usize, mut f: impl FnMut(&str)) -> f64 {
    let mut secs: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f(text);
            t.elapsed().as_secs_f64()
        })
        .collect();
    secs.sort_by(|a, b| a.total_cmp(b));
    text.len() as f64 / 1e6 / secs[runs / 2]
}

fn ratio_table(inputs: &[(&str, String)]) {
    let ex = Extractor::builder().build().unwrap();
    let ac = scanner(&ex);
    let two = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .unwrap();
    println!(
        "\n{:<14}{:>10}{:>14}{:>14}{:>9}",
        "input", "MB", "extract MB/s", "scan MB/s", "ratio"
    );
    for (name, text) in inputs {
        let runs = if text.len() > 1 << 20 { 9 } else { 51 };
        let e = median_mb_s(text, runs, |t| {
            black_box(ex.extract(t));
        });
        let s = median_mb_s(text, runs, |t| {
            black_box(scan(&ac, t));
        });
        println!(
            "{name:<14}{:>10.2}{e:>14.1}{s:>14.1}{:>8.1}%",
            text.len() as f64 / 1e6,
            100.0 * e / s
        );
    }
    // extract_many: 64 documents of ~160 KB, one thread against two
    let docs: Vec<String> = (0..64)
        .map(|i| generate::corpus(100 + i, 160 << 10, 40))
        .collect();
    let total: usize = docs.iter().map(String::len).sum();
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let run = |pool: &rayon::ThreadPool| {
        let t = Instant::now();
        pool.install(|| black_box(ex.extract_many(&docs)));
        t.elapsed().as_secs_f64()
    };
    // one run of each in turn, so that a slow spell of the machine falls on both
    let (mut one_runs, mut two_runs): (Vec<f64>, Vec<f64>) =
        (0..9).map(|_| (run(&one), run(&two))).unzip();
    let median = |v: &mut Vec<f64>| {
        v.sort_by(|a, b| a.total_cmp(b));
        v[v.len() / 2]
    };
    let (t1, t2) = (median(&mut one_runs), median(&mut two_runs));
    println!(
        "extract_many  {:.1} MB: 1 thread {:.1} MB/s, 2 threads {:.1} MB/s, speed-up {:.2}x",
        total as f64 / 1e6,
        total as f64 / 1e6 / t1,
        total as f64 / 1e6 / t2,
        t1 / t2
    );
}

fn main() {
    let inputs = inputs();
    let mut c = Criterion::default().configure_from_args();
    benches(&mut c, &inputs);
    c.final_summary();
    ratio_table(&inputs);
}
