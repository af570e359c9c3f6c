//! Team-written report paragraphs, each with a reviewed snapshot that shows every
//! record next to its text, then the checks and diagnostics.

use std::fmt::Write;

fn render(text: &str) -> String {
    let out = baocao::extract(text);
    let mut s = String::new();
    for (i, r) in out.records.iter().enumerate() {
        let mut fields = serde_json::to_value(r).unwrap();
        let map = fields.as_object_mut().unwrap();
        for k in ["kind", "span", "text"] {
            map.remove(k);
        }
        writeln!(
            s,
            "#{i} {} [{}] {}",
            r.kind(),
            r.text,
            serde_json::to_string(map).unwrap()
        )
        .unwrap();
    }
    for c in &out.checks {
        writeln!(s, "check {}", serde_json::to_string(c).unwrap()).unwrap();
    }
    for d in &out.diagnostics {
        writeln!(
            s,
            "diagnostic {:?} [{}] {}",
            d.code,
            &text[d.span.range()],
            d.message
        )
        .unwrap();
    }
    s
}

#[test]
fn fixtures() {
    insta::glob!("fixtures/*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        insta::assert_snapshot!(render(&text));
    });
}
