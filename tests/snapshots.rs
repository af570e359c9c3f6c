//! Reviewed snapshots of whole documents: the JSON contract as users see it.

const SAMPLE: &str = include_str!("../examples/sample_report.txt");

#[test]
fn embedded_sample_report() {
    let out = baocao::extract(SAMPLE);
    for r in &out.records {
        assert_eq!(&SAMPLE[r.span.range()], r.text);
    }
    insta::assert_snapshot!(out.to_json_pretty());
}
