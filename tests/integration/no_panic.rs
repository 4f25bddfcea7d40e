//! Nothing panics on any input: truncated and byte-mutated copies of every
//! shipped scenario and policy go through the loaders and validators (as
//! scenario and as policy), and each gives a result or errors, never a panic.

use forcesim::diag::Diagnostic;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

fn shipped() -> Vec<PathBuf> {
    let mut v = forcesim::cli::files::ron_files(Path::new("scenarios"));
    v.extend(forcesim::cli::files::ron_files(Path::new(
        "assets/policies",
    )));
    assert!(v.len() >= 6);
    v
}

/// A small deterministic generator (SplitMix64): the same mutations every run.
struct Mix(u64);

impl Mix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Bytes and snippets that stress a RON reader: brackets, quotes, signs,
/// huge and odd numbers, half of a UTF-8 sequence.
const SNIPPETS: &[&[u8]] = &[
    b"(",
    b")",
    b"[",
    b"]",
    b"{",
    b"}",
    b"\"",
    b":",
    b",",
    b"-",
    b".",
    b"0",
    b"e",
    b" ",
    b"\n",
    b"/*",
    b"//",
    b"r#\"",
    b"'",
    b"\\",
    b"#",
    b"NaN",
    b"inf",
    b"-1e999",
    b"1e999",
    b"99999999999999999999",
    b"-5",
    b"Some(",
    b"None",
    b"\xFF",
    b"\xC3",
    b"\xE2\x82",
    b"level(",
    b"()",
    b"[]",
    b"{}",
];

fn mutate(src: &[u8], rng: &mut Mix) -> Vec<u8> {
    let mut v = src.to_vec();
    for _ in 0..1 + rng.below(3) {
        let at = rng.below(v.len() + 1);
        let snippet = SNIPPETS[rng.below(SNIPPETS.len())];
        match rng.below(3) {
            0 => {
                v.splice(at..at, snippet.iter().copied());
            }
            1 if at < v.len() => {
                let end = (at + 1 + rng.below(8)).min(v.len());
                v.drain(at..end);
            }
            _ if at < v.len() => {
                v[at] = snippet[0];
            }
            _ => v.extend_from_slice(snippet),
        }
    }
    v
}

/// Every loader and validator on one input; a panic fails the test with the
/// input that caused it.
fn feed(name: &str, bytes: &[u8], scratch: &Path) {
    let run = || -> Vec<Vec<Diagnostic>> {
        let path = Path::new(name);
        match std::str::from_utf8(bytes) {
            Ok(text) => {
                let a = forcesim::scenario::check_str(path, text)
                    .err()
                    .unwrap_or_default();
                let b = forcesim::policy::check_str(path, text)
                    .err()
                    .unwrap_or_default();
                let loc = forcesim::diag::Locator::new(text);
                let _ = loc.locate("subjects[0].behaviour[0].chance");
                let _ = loc.path_at(text.len() / 2);
                vec![a, b]
            }
            Err(_) => {
                std::fs::write(scratch, bytes).unwrap();
                let a = forcesim::scenario::check_file(scratch)
                    .err()
                    .unwrap_or_default();
                let b = forcesim::policy::check_file(scratch)
                    .err()
                    .unwrap_or_default();
                vec![a, b]
            }
        }
    };
    match catch_unwind(AssertUnwindSafe(run)) {
        Ok(results) => {
            for d in results.iter().flatten() {
                assert!(d.line >= 1 && d.col >= 1, "{d}");
                assert!(!d.text(forcesim::domain::Lang::En).is_empty());
            }
        }
        Err(_) => panic!(
            "{name}: panicked on this input:\n{}",
            String::from_utf8_lossy(bytes)
        ),
    }
}

#[test]
fn truncated_copies_never_panic() {
    let scratch = std::env::temp_dir().join(format!("forcesim-trunc-{}.ron", std::process::id()));
    for f in shipped() {
        let src = std::fs::read(&f).unwrap();
        // About 150 cuts per file, including cuts inside UTF-8 sequences.
        let step = (src.len() / 150).max(1);
        for cut in (0..src.len()).step_by(step) {
            feed(&format!("{}@{cut}", f.display()), &src[..cut], &scratch);
        }
    }
    let _ = std::fs::remove_file(&scratch);
}

#[test]
fn byte_mutated_copies_never_panic() {
    let scratch = std::env::temp_dir().join(format!("forcesim-mut-{}.ron", std::process::id()));
    let mut rng = Mix(0x5EED_F0CE);
    let mut rejected = 0;
    let mut total = 0;
    for f in shipped() {
        let src = std::fs::read(&f).unwrap();
        for i in 0..300 {
            let m = mutate(&src, &mut rng);
            feed(&format!("{}#{i}", f.display()), &m, &scratch);
            total += 1;
            if std::str::from_utf8(&m).map_or(true, |t| {
                forcesim::scenario::check_str(Path::new("x"), t).is_err()
            }) {
                rejected += 1;
            }
        }
    }
    let _ = std::fs::remove_file(&scratch);
    // The mutations really break files (they are not all harmless blanks).
    assert!(rejected * 2 > total, "{rejected} of {total} rejected");
}

#[test]
fn empty_and_odd_inputs_give_errors() {
    let scratch = std::env::temp_dir().join(format!("forcesim-odd-{}.ron", std::process::id()));
    for input in [
        &b""[..],
        b"   ",
        b"()",
        b"[",
        b"\xFF\xFE",
        b"(id: 1e999999999)",
        b"/* never closed",
        &[b'['; 5000][..],
        &[b'('; 5000][..],
    ] {
        feed("odd", input, &scratch);
        if let Ok(t) = std::str::from_utf8(input) {
            assert!(forcesim::scenario::check_str(Path::new("odd"), t).is_err());
            assert!(forcesim::policy::check_str(Path::new("odd"), t).is_err());
        }
    }
    let _ = std::fs::remove_file(&scratch);
}
