//! The legacy code tables, each entry a checked fact.
//!
//! Where they were checked (public sources, read and compared entry by entry; no
//! code was taken from them):
//! - TCVN3: the TCVN 5712:1993 table of GNU libiconv / XFree86 (`lcUniConv/tcvn.h`,
//!   as carried in fcitx/xcb-imdkit `src/xlibi18n/lcUniConv/tcvn.h`), every byte
//!   0x01–0xFF; the per-letter table of xvnkb (lamdao/xvnkb `tcvn.h`, with the
//!   letter order of its `utf.h`), which agrees on every lower-case letter and on
//!   every upper-case letter outside the C0 range; a third converter table
//!   (hdbd789/clinic `Converter.cs`) for the 67 lower-case letters and the 7
//!   upper-case ones of VN3; and the Wikipedia article "VSCII" for the layout: VN3
//!   (what ABC's fonts use) has the 67 lower-case letters, 7 upper-case ones and the
//!   no-break space; VN2 adds upper-case toned letters in the gaps of 0xA0–0xFF and
//!   the five combining tone marks at 0xB0–0xB4; VN1 adds the remaining upper-case
//!   toned letters in the C1 and C0 ranges. Public examples decode as expected:
//!   "®¶ng viªn" (đảng viên), "B¶o Th¾ng" (Bảo Thắng), "Mêng Kh¬ng" (Mường Khương).
//! - VNI (VNI Windows): xvnkb (lamdao/xvnkb `vni.h`, letter order of its `utf.h`),
//!   every one of the 134 letters, both cases; the published example of the
//!   vietnamese-conversion package ("Xin chaøo caùc baïn" is "Xin chào các bạn").
//! - Windows-1252 (for bytes 0x80–0x9F outside the tables): the WHATWG encoding
//!   standard's index, which maps the five unassigned bytes to C1 controls.
//!
//! The tone order of every row below is huyền, hỏi, ngã, sắc, nặng (grave, hook
//! above, tilde, acute, dot below), the order TCVN3 gives its lower-case bytes.

/// TCVN3 (TCVN 5712:1993, VN1 superset of VN3): toned vowels, one row per vowel,
/// bytes in the tone order huyền, hỏi, ngã, sắc, nặng.
pub(super) const TCVN3_TONED: [(&str, [u8; 5]); 24] = [
    ("àảãáạ", [0xB5, 0xB6, 0xB7, 0xB8, 0xB9]),
    ("ằẳẵắặ", [0xBB, 0xBC, 0xBD, 0xBE, 0xC6]),
    ("ầẩẫấậ", [0xC7, 0xC8, 0xC9, 0xCA, 0xCB]),
    ("èẻẽéẹ", [0xCC, 0xCE, 0xCF, 0xD0, 0xD1]),
    ("ềểễếệ", [0xD2, 0xD3, 0xD4, 0xD5, 0xD6]),
    ("ìỉĩíị", [0xD7, 0xD8, 0xDC, 0xDD, 0xDE]),
    ("òỏõóọ", [0xDF, 0xE1, 0xE2, 0xE3, 0xE4]),
    ("ồổỗốộ", [0xE5, 0xE6, 0xE7, 0xE8, 0xE9]),
    ("ờởỡớợ", [0xEA, 0xEB, 0xEC, 0xED, 0xEE]),
    ("ùủũúụ", [0xEF, 0xF1, 0xF2, 0xF3, 0xF4]),
    ("ừửữứự", [0xF5, 0xF6, 0xF7, 0xF8, 0xF9]),
    ("ỳỷỹýỵ", [0xFA, 0xFB, 0xFC, 0xFD, 0xFE]),
    // Upper case: VN2 (gaps of 0xA0–0xFF) and VN1 (0x80–0x9F, and C0 for U, Ư, Y).
    ("ÀẢÃÁẠ", [0x80, 0x81, 0x82, 0x83, 0x84]),
    ("ẰẲẴẮẶ", [0xAF, 0xBA, 0xBF, 0xC0, 0x85]),
    ("ẦẨẪẤẬ", [0xC1, 0xC2, 0xC3, 0xC4, 0x86]),
    ("ÈẺẼÉẸ", [0x87, 0x88, 0x89, 0x8A, 0x8B]),
    ("ỀỂỄẾỆ", [0xC5, 0xCD, 0xD9, 0xDA, 0x8C]),
    ("ÌỈĨÍỊ", [0x8D, 0x8E, 0x8F, 0x90, 0x91]),
    ("ÒỎÕÓỌ", [0x92, 0x93, 0x94, 0x95, 0x96]),
    ("ỒỔỖỐỘ", [0xDB, 0xE0, 0xF0, 0xFF, 0x97]),
    ("ỜỞỠỚỢ", [0x98, 0x99, 0x9A, 0x9B, 0x9C]),
    ("ÙỦŨÚỤ", [0x9D, 0x9E, 0x9F, 0x01, 0x02]),
    ("ỪỬỮỨỰ", [0x04, 0x05, 0x06, 0x11, 0x12]),
    ("ỲỶỸÝỴ", [0x13, 0x14, 0x15, 0x16, 0x17]),
];

/// TCVN3: the letters without a tone mark that ASCII lacks, the no-break space, and
/// (VN2) the five combining tone marks, which compose with the letter before them.
pub(super) const TCVN3_OTHER: [(char, u8); 20] = [
    ('\u{A0}', 0xA0),
    ('Ă', 0xA1),
    ('Â', 0xA2),
    ('Ê', 0xA3),
    ('Ô', 0xA4),
    ('Ơ', 0xA5),
    ('Ư', 0xA6),
    ('Đ', 0xA7),
    ('ă', 0xA8),
    ('â', 0xA9),
    ('ê', 0xAA),
    ('ô', 0xAB),
    ('ơ', 0xAC),
    ('ư', 0xAD),
    ('đ', 0xAE),
    ('\u{300}', 0xB0), // huyền
    ('\u{309}', 0xB1), // hỏi
    ('\u{303}', 0xB2), // ngã
    ('\u{301}', 0xB3), // sắc
    ('\u{323}', 0xB4), // nặng
];

/// VNI Windows, written as its bytes look in Windows-1252 (how every published VNI
/// table shows them): one or two bytes per letter. Rows: the letter without a
/// tone when ASCII lacks it, then huyền, hỏi, ngã, sắc, nặng. Two-byte entries are a base letter and a
/// mark byte; the marks of capitals are the capital forms (0x20 lower).
#[rustfmt::skip]
pub(super) const VNI: [(&str, char); 134] = [
    // a ă â
    ("aø", 'à'), ("aû", 'ả'), ("aõ", 'ã'), ("aù", 'á'), ("aï", 'ạ'),
    ("aê", 'ă'), ("aè", 'ằ'), ("aú", 'ẳ'), ("aü", 'ẵ'), ("aé", 'ắ'), ("aë", 'ặ'),
    ("aâ", 'â'), ("aà", 'ầ'), ("aå", 'ẩ'), ("aã", 'ẫ'), ("aá", 'ấ'), ("aä", 'ậ'),
    // e ê
    ("eø", 'è'), ("eû", 'ẻ'), ("eõ", 'ẽ'), ("eù", 'é'), ("eï", 'ẹ'),
    ("eâ", 'ê'), ("eà", 'ề'), ("eå", 'ể'), ("eã", 'ễ'), ("eá", 'ế'), ("eä", 'ệ'),
    // i: one byte each
    ("ì", 'ì'), ("æ", 'ỉ'), ("ó", 'ĩ'), ("í", 'í'), ("ò", 'ị'),
    // o ô ơ
    ("oø", 'ò'), ("oû", 'ỏ'), ("oõ", 'õ'), ("où", 'ó'), ("oï", 'ọ'),
    ("oâ", 'ô'), ("oà", 'ồ'), ("oå", 'ổ'), ("oã", 'ỗ'), ("oá", 'ố'), ("oä", 'ộ'),
    ("ô", 'ơ'), ("ôø", 'ờ'), ("ôû", 'ở'), ("ôõ", 'ỡ'), ("ôù", 'ớ'), ("ôï", 'ợ'),
    // u ư
    ("uø", 'ù'), ("uû", 'ủ'), ("uõ", 'ũ'), ("uù", 'ú'), ("uï", 'ụ'),
    ("ö", 'ư'), ("öø", 'ừ'), ("öû", 'ử'), ("öõ", 'ữ'), ("öù", 'ứ'), ("öï", 'ự'),
    // y: ỵ is one byte
    ("yø", 'ỳ'), ("yû", 'ỷ'), ("yõ", 'ỹ'), ("yù", 'ý'), ("î", 'ỵ'),
    // đ
    ("ñ", 'đ'),
    // A Ă Â
    ("AØ", 'À'), ("AÛ", 'Ả'), ("AÕ", 'Ã'), ("AÙ", 'Á'), ("AÏ", 'Ạ'),
    ("AÊ", 'Ă'), ("AÈ", 'Ằ'), ("AÚ", 'Ẳ'), ("AÜ", 'Ẵ'), ("AÉ", 'Ắ'), ("AË", 'Ặ'),
    ("AÂ", 'Â'), ("AÀ", 'Ầ'), ("AÅ", 'Ẩ'), ("AÃ", 'Ẫ'), ("AÁ", 'Ấ'), ("AÄ", 'Ậ'),
    // E Ê
    ("EØ", 'È'), ("EÛ", 'Ẻ'), ("EÕ", 'Ẽ'), ("EÙ", 'É'), ("EÏ", 'Ẹ'),
    ("EÂ", 'Ê'), ("EÀ", 'Ề'), ("EÅ", 'Ể'), ("EÃ", 'Ễ'), ("EÁ", 'Ế'), ("EÄ", 'Ệ'),
    // I
    ("Ì", 'Ì'), ("Æ", 'Ỉ'), ("Ó", 'Ĩ'), ("Í", 'Í'), ("Ò", 'Ị'),
    // O Ô Ơ
    ("OØ", 'Ò'), ("OÛ", 'Ỏ'), ("OÕ", 'Õ'), ("OÙ", 'Ó'), ("OÏ", 'Ọ'),
    ("OÂ", 'Ô'), ("OÀ", 'Ồ'), ("OÅ", 'Ổ'), ("OÃ", 'Ỗ'), ("OÁ", 'Ố'), ("OÄ", 'Ộ'),
    ("Ô", 'Ơ'), ("ÔØ", 'Ờ'), ("ÔÛ", 'Ở'), ("ÔÕ", 'Ỡ'), ("ÔÙ", 'Ớ'), ("ÔÏ", 'Ợ'),
    // U Ư
    ("UØ", 'Ù'), ("UÛ", 'Ủ'), ("UÕ", 'Ũ'), ("UÙ", 'Ú'), ("UÏ", 'Ụ'),
    ("Ö", 'Ư'), ("ÖØ", 'Ừ'), ("ÖÛ", 'Ử'), ("ÖÕ", 'Ữ'), ("ÖÙ", 'Ứ'), ("ÖÏ", 'Ự'),
    // Y
    ("YØ", 'Ỳ'), ("YÛ", 'Ỷ'), ("YÕ", 'Ỹ'), ("YÙ", 'Ý'), ("Î", 'Ỵ'),
    // Đ
    ("Ñ", 'Đ'),
];

/// Windows-1252 bytes 0x80–0x9F (WHATWG index; unassigned bytes are C1 controls).
pub(super) const CP1252_HIGH: [char; 32] = [
    '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}', '\u{8F}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}', '\u{178}',
];
