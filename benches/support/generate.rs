//! A deterministic generator of report text in the genre, for benchmarks: report
//! paragraphs (counts, members, registrations, percentages, references, dates,
//! periods, people) mixed with filler prose, numbers drawn from a seeded PRNG.
//! Every sentence is the team's own.

/// xorshift64*: small, fast, deterministic; quality is irrelevant here.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

const PLACES: &[&str] = &[
    "huyện Văn Bàn",
    "thị xã Sa Pa",
    "xã Tân Thanh",
    "Khối Cơ quan tỉnh",
    "phường Bắc Lệnh",
];
const NAMES: &[&str] = &[
    "Nguyễn Văn Minh",
    "Trần Thị Lan",
    "Lê Quang Huy",
    "Phạm Thu Hà",
    "Hoàng Đức Thắng",
];
const FILLER: &[&str] = &[
    "Hội nghị diễn ra trong không khí dân chủ, đoàn kết; các ý kiến tham luận tập trung làm rõ kết quả đạt được và những hạn chế cần khắc phục.",
    "Các đại biểu thống nhất cao với dự thảo báo cáo, đồng thời góp ý thêm về cách làm mới trong công tác tuyên truyền ở cơ sở.",
    "Công tác kiểm tra, giám sát được duy trì thường xuyên, góp phần giữ vững kỷ cương, kỷ luật trong toàn Đảng bộ.",
    "Nhiều mô hình hay, cách làm sáng tạo được nhân rộng, tạo sức lan tỏa trong cán bộ và nhân dân.",
    "Bên cạnh kết quả đạt được, việc đổi mới nội dung sinh hoạt chi bộ ở một số nơi còn chậm, chưa thu hút đảng viên trẻ.",
];

/// 33622 → "33.622": thousands separated by dots, as Vietnamese writes them.
pub fn dotted(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// One report paragraph with several records.
pub fn report_paragraph(r: &mut Rng) -> String {
    let place = PLACES[r.below(PLACES.len() as u64) as usize];
    let name = NAMES[r.below(NAMES.len() as u64) as usize];
    let year = 2016 + r.below(9);
    let (a, b) = (10 + r.below(60), 10 + r.below(60));
    match r.below(5) {
        0 => format!(
            "Đảng bộ {place} hiện có {} tổ chức cơ sở đảng ({a} đảng bộ và {b} chi bộ trực thuộc), với {} đảng viên.",
            a + b,
            dotted(500 + r.below(9000))
        ),
        1 => format!(
            "Năm {year}, toàn Đảng bộ kết nạp {} đảng viên mới, đạt {},{}% kế hoạch; hơn {}% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ.",
            20 + r.below(300),
            80 + r.below(40),
            r.below(10),
            85 + r.below(14)
        ),
        2 => format!(
            "Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị, trong giai đoạn {year}-{}, có {} lượt cán bộ, đảng viên đăng ký làm theo Bác, đạt {}%.",
            year + 5,
            dotted(1000 + r.below(50_000)),
            90 + r.below(11)
        ),
        3 => format!(
            "Đồng chí {name}, Bí thư Đảng ủy {place}, cho biết ngày {}/{}/{year} Ban Thường vụ đã ban hành Kế hoạch số {}-KH/HU về thực hiện Nghị quyết Trung ương 4 khóa XII.",
            1 + r.below(28),
            1 + r.below(12),
            1 + r.below(200)
        ),
        _ => format!(
            "Hằng năm, {}% cán bộ, đảng viên ký cam kết tu dưỡng, rèn luyện; quý {}/{year} có {} chi bộ được kiện toàn.",
            95 + r.below(6),
            ["I", "II", "III", "IV"][r.below(4) as usize],
            1 + r.below(40)
        ),
    }
}

/// Filler prose: no records.
pub fn filler_paragraph(r: &mut Rng) -> String {
    FILLER[r.below(FILLER.len() as u64) as usize].to_string()
}

/// About `bytes` of text: report paragraphs with probability `dense` in 0..=100.
pub fn corpus(seed: u64, bytes: usize, dense: u64) -> String {
    let mut r = Rng::new(seed);
    let mut out = String::with_capacity(bytes + 512);
    while out.len() < bytes {
        let p = if r.below(100) < dense {
            report_paragraph(&mut r)
        } else {
            filler_paragraph(&mut r)
        };
        out.push_str(&p);
        out.push('\n');
    }
    out
}
