//! Small inline SVG charts for the HTML report: no script, no font files,
//! sized by `viewBox` so they scale with the page. Texts come in already
//! translated; everything written here is escaped.

use std::fmt::Write;

/// Escapes text for HTML and SVG (element content and quoted attributes).
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

const PASS: &str = "#2e7d32";
const FAIL: &str = "#c62828";
const INK: &str = "#37474f";
const GRID: &str = "#cfd8dc";

/// One session in a progress chart.
pub struct Point {
    /// Total 0..100.
    pub total: f32,
    /// Passed.
    pub passed: bool,
    /// Tooltip text.
    pub tip: String,
}

/// A trainee's totals in time order, with the pass mark dashed and the
/// first and last dates (`span`) under the axis.
pub fn progress(points: &[Point], pass_mark: f32, label: &str, span: (&str, &str)) -> String {
    let (w, h, l, r, t, b) = (320.0f32, 110.0f32, 30.0f32, 10.0f32, 8.0f32, 16.0f32);
    // Points start clear of the axis labels.
    let (l, gutter) = (l + 6.0, 6.0);
    let pw = w - l - r;
    let ph = h - t - b;
    let x = |i: usize| {
        if points.len() <= 1 {
            l + pw / 2.0
        } else {
            l + pw * i as f32 / (points.len() - 1) as f32
        }
    };
    let y = |v: f32| t + ph * (1.0 - v.clamp(0.0, 100.0) / 100.0);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart progress" viewBox="0 0 {w} {h}" role="img" aria-label="{}" xmlns="http://www.w3.org/2000/svg">"#,
        esc(label)
    );
    let _ = write!(s, "<title>{}</title>", esc(label));
    for v in [0.0, 50.0, 100.0] {
        let _ = write!(
            s,
            r#"<line x1="{}" x2="{}" y1="{y:.1}" y2="{y:.1}" stroke="{GRID}" stroke-width="0.5"/><text x="{}" y="{:.1}" font-size="8" text-anchor="end" fill="{INK}">{v}</text>"#,
            l - gutter,
            w - r,
            l - gutter - 3.0,
            y(v) + 3.0,
            y = y(v)
        );
    }
    let _ = write!(
        s,
        r#"<line class="pass-mark" x1="{}" x2="{}" y1="{y:.1}" y2="{y:.1}" stroke="{INK}" stroke-width="0.8" stroke-dasharray="3 2"/>"#,
        l - gutter,
        w - r,
        y = y(pass_mark)
    );
    let _ = write!(
        s,
        r#"<text x="{}" y="{}" font-size="8" fill="{INK}">{}</text><text x="{}" y="{}" font-size="8" text-anchor="end" fill="{INK}">{}</text>"#,
        l - gutter,
        h - 3.0,
        esc(span.0),
        w - r,
        h - 3.0,
        esc(span.1)
    );
    if points.len() > 1 {
        let path: Vec<String> = points
            .iter()
            .enumerate()
            .map(|(i, p)| format!("{:.1},{:.1}", x(i), y(p.total)))
            .collect();
        let _ = write!(
            s,
            r#"<polyline fill="none" stroke="{INK}" stroke-width="1.2" points="{}"/>"#,
            path.join(" ")
        );
    }
    for (i, p) in points.iter().enumerate() {
        let _ = write!(
            s,
            r#"<circle cx="{:.1}" cy="{:.1}" r="2.6" fill="{}"><title>{}</title></circle>"#,
            x(i),
            y(p.total),
            if p.passed { PASS } else { FAIL },
            esc(&p.tip)
        );
    }
    s.push_str("</svg>");
    s
}

/// Totals in ten bins of ten points, the pass mark as a line.
pub fn histogram(totals: &[f32], pass_mark: f32, label: &str, axis: &str) -> String {
    let (w, h, l, r, t, b) = (320.0f32, 120.0f32, 24.0f32, 8.0f32, 8.0f32, 22.0f32);
    let pw = w - l - r;
    let ph = h - t - b;
    let mut bins = [0usize; 10];
    for &v in totals {
        bins[((v.clamp(0.0, 100.0) / 10.0) as usize).min(9)] += 1;
    }
    let top = bins.iter().copied().max().unwrap_or(0).max(1) as f32;
    let bw = pw / 10.0;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart histogram" viewBox="0 0 {w} {h}" role="img" aria-label="{}" xmlns="http://www.w3.org/2000/svg">"#,
        esc(label)
    );
    let _ = write!(s, "<title>{}</title>", esc(label));
    let _ = write!(
        s,
        r#"<line x1="{l}" x2="{}" y1="{}" y2="{}" stroke="{INK}" stroke-width="0.8"/>"#,
        w - r,
        t + ph,
        t + ph
    );
    let _ = write!(
        s,
        r#"<text x="{}" y="{}" font-size="8" text-anchor="end" fill="{INK}">{}</text>"#,
        l - 3.0,
        t + 6.0,
        top as usize
    );
    for (i, &n) in bins.iter().enumerate() {
        let bh = ph * n as f32 / top;
        let x = l + bw * i as f32;
        let lo = i * 10;
        let fill = if (lo as f32) + 10.0 <= pass_mark {
            FAIL
        } else {
            PASS
        };
        let _ = write!(
            s,
            r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{fill}" opacity="0.8"><title>{lo}–{}: {n}</title></rect>"#,
            x + 1.0,
            t + ph - bh,
            bw - 2.0,
            bh,
            lo + 10
        );
        let _ = write!(
            s,
            r#"<text x="{:.1}" y="{}" font-size="7" text-anchor="middle" fill="{INK}">{lo}</text>"#,
            x,
            t + ph + 9.0
        );
    }
    let px = l + pw * pass_mark.clamp(0.0, 100.0) / 100.0;
    let _ = write!(
        s,
        r#"<line class="pass-mark" x1="{px:.1}" x2="{px:.1}" y1="{t}" y2="{}" stroke="{INK}" stroke-width="0.8" stroke-dasharray="3 2"/>"#,
        t + ph
    );
    let _ = write!(
        s,
        r#"<text x="{}" y="{}" font-size="8" text-anchor="middle" fill="{INK}">{}</text>"#,
        l + pw / 2.0,
        h - 2.0,
        esc(axis)
    );
    s.push_str("</svg>");
    s
}

/// One horizontal bar split into shares (count, colour, legend text).
pub fn stacked_bar(parts: &[(usize, &str, String)], label: &str) -> String {
    let (w, h) = (640.0f32, 46.0f32);
    let total: usize = parts.iter().map(|p| p.0).sum();
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart agreement" viewBox="0 0 {w} {h}" role="img" aria-label="{}" xmlns="http://www.w3.org/2000/svg">"#,
        esc(label)
    );
    let _ = write!(s, "<title>{}</title>", esc(label));
    let mut x = 0.0f32;
    let mut lx = 0.0f32;
    for (n, colour, text) in parts {
        let pw = if total == 0 {
            0.0
        } else {
            w * *n as f32 / total as f32
        };
        if pw > 0.0 {
            let _ = write!(
                s,
                r#"<rect x="{x:.1}" y="0" width="{pw:.1}" height="20" fill="{colour}"><title>{}: {n}</title></rect>"#,
                esc(text)
            );
        }
        x += pw;
        let _ = write!(
            s,
            r#"<rect x="{lx:.1}" y="30" width="10" height="10" fill="{colour}"/><text x="{:.1}" y="39" font-size="11" fill="{INK}">{} ({n})</text>"#,
            lx + 14.0,
            esc(text)
        );
        lx += 14.0 + 10.0 + 7.0 * text.chars().count() as f32 + 30.0;
    }
    s.push_str("</svg>");
    s
}

/// Colours of the agreement bar.
pub const AGREED: &str = PASS;
/// Disputed.
pub const DISPUTED: &str = FAIL;
/// Not judged.
pub const NOT_JUDGED: &str = GRID;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_escape_their_texts_and_draw_one_mark_per_value() {
        let pts: Vec<Point> = [40.0, 75.0, 90.0]
            .iter()
            .map(|&total| Point {
                total,
                passed: total >= 70.0,
                tip: "<b>&".into(),
            })
            .collect();
        let s = progress(&pts, 70.0, "a \"b\"", ("2025-01-01", "2025-02-01"));
        assert_eq!(s.matches("<circle").count(), 3);
        assert!(s.contains("&lt;b&gt;&amp;"));
        assert!(s.contains("a &quot;b&quot;"));
        let h = histogram(&[5.0, 15.0, 100.0, 99.0], 70.0, "x", "y");
        assert_eq!(h.matches("<rect").count(), 10);
        assert!(h.contains("<title>90–100: 2</title>"));
    }
}
