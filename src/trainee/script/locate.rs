//! A small RON locator: maps a path such as `steps[2].when` to the place in
//! the source where that value starts, so semantic errors in a script can be
//! reported as `FILE:LINE:COL`. It tolerates anything (it only scans tokens),
//! so it never fails on text that already parsed.

/// Positions of every value in a RON text, by path.
#[derive(Debug, Clone, Default)]
pub struct Locator {
    /// (path, start byte, end byte) for each value, in source order.
    entries: Vec<(String, usize, usize)>,
    /// Byte offset of each line start.
    lines: Vec<usize>,
    text: String,
}

#[derive(Debug)]
struct Frame {
    /// Path of the container itself.
    path: String,
    /// `[` list, `(` struct/tuple, `{` map.
    kind: u8,
    /// Index of the current element (lists and tuples).
    index: usize,
    /// Field name seen last (structs).
    field: Option<String>,
    /// Start of the current element's value (for recording on close).
    elem_start: Option<usize>,
}

impl Locator {
    /// Scans `text`.
    pub fn new(text: &str) -> Self {
        let mut lines = vec![0];
        lines.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        let mut loc = Locator {
            entries: Vec::new(),
            lines,
            text: text.to_string(),
        };
        loc.scan();
        loc
    }

    fn scan(&mut self) {
        let text = std::mem::take(&mut self.text);
        let b = text.as_bytes();
        let mut stack: Vec<Frame> = Vec::new();
        let mut i = 0;
        // Path of the element about to start (set when a value begins).
        let elem_path = |stack: &Vec<Frame>| -> String {
            match stack.last() {
                None => String::new(),
                Some(f) => match (f.kind, &f.field) {
                    (b'(', Some(name)) => join(&f.path, name),
                    (b'(', None) | (b'[', _) | (b'{', _) => format!("{}[{}]", f.path, f.index),
                    _ => f.path.clone(),
                },
            }
        };
        while i < b.len() {
            let c = b[i];
            match c {
                b' ' | b'\t' | b'\r' | b'\n' => i += 1,
                b'/' if b.get(i + 1) == Some(&b'/') => {
                    while i < b.len() && b[i] != b'\n' {
                        i += 1;
                    }
                }
                b'/' if b.get(i + 1) == Some(&b'*') => {
                    i += 2;
                    while i + 1 < b.len() && !(b[i] == b'*' && b[i + 1] == b'/') {
                        i += 1;
                    }
                    i += 2;
                }
                b'(' | b'[' | b'{' => {
                    let path = match stack.last_mut() {
                        Some(f) if f.elem_start.is_some() => {
                            // `name(` : a variant or struct name already opened the value.
                            elem_path_of(f)
                        }
                        _ => {
                            let p = elem_path(&stack);
                            if let Some(f) = stack.last_mut() {
                                f.elem_start = Some(i);
                            }
                            p
                        }
                    };
                    stack.push(Frame {
                        path,
                        kind: c,
                        index: 0,
                        field: None,
                        elem_start: None,
                    });
                    i += 1;
                }
                b')' | b']' | b'}' => {
                    if let Some(mut f) = stack.pop() {
                        self.close_elem(&mut f, i);
                    }
                    i += 1;
                }
                b',' => {
                    if let Some(f) = stack.last_mut() {
                        let mut taken = Frame {
                            path: f.path.clone(),
                            kind: f.kind,
                            index: f.index,
                            field: f.field.clone(),
                            elem_start: f.elem_start,
                        };
                        self.close_elem(&mut taken, i);
                        let f = stack.last_mut().expect("checked above");
                        f.index += 1;
                        f.field = None;
                        f.elem_start = None;
                    }
                    i += 1;
                }
                b'"' => {
                    let start = i;
                    i += 1;
                    while i < b.len() && b[i] != b'"' {
                        if b[i] == b'\\' {
                            i += 1;
                        }
                        i += 1;
                    }
                    i += 1;
                    self.begin_value(&mut stack, start);
                }
                b':' => i += 1,
                _ => {
                    let start = i;
                    while i < b.len() && !b" \t\r\n,:()[]{}\"/".contains(&b[i]) {
                        i += 1;
                    }
                    if i == start {
                        i += 1;
                        continue;
                    }
                    // A field name is an identifier followed by `:` inside a struct.
                    let mut j = i;
                    while j < b.len() && b[j].is_ascii_whitespace() {
                        j += 1;
                    }
                    let in_struct = stack.last().is_some_and(|f| f.kind == b'(');
                    let is_field = in_struct
                        && b.get(j) == Some(&b':')
                        && stack.last().is_some_and(|f| f.elem_start.is_none());
                    if is_field {
                        if let Some(f) = stack.last_mut() {
                            f.field = Some(text[start..i].to_string());
                        }
                    } else {
                        self.begin_value(&mut stack, start);
                    }
                }
            }
        }
        // Containers left open by truncated text still get a position.
        while let Some(mut f) = stack.pop() {
            self.close_elem(&mut f, b.len());
        }
        self.text = text;
    }

    fn begin_value(&mut self, stack: &mut [Frame], at: usize) {
        if let Some(f) = stack.last_mut() {
            if f.elem_start.is_none() {
                f.elem_start = Some(at);
            }
        } else {
            self.entries.push((String::new(), at, at));
        }
    }

    fn close_elem(&mut self, f: &mut Frame, end: usize) {
        if let Some(start) = f.elem_start.take() {
            self.entries.push((elem_path_of(f), start, end));
        }
    }

    /// Byte span of the value at `path`.
    pub fn span(&self, path: &str) -> Option<(usize, usize)> {
        self.entries
            .iter()
            .find(|(p, _, _)| p == path)
            .map(|&(_, s, e)| (s, e))
    }

    /// 1-based line and column of the value at `path`, or of its nearest
    /// located ancestor (`steps[2].when.all[1]` falls back to `steps[2].when`),
    /// or 1:1.
    pub fn find(&self, path: &str) -> (usize, usize) {
        let mut p = path.to_string();
        loop {
            if let Some((s, _)) = self.span(&p) {
                return self.line_col(s);
            }
            match p.rfind(['.', '[']) {
                Some(k) => p.truncate(k),
                None => return (1, 1),
            }
        }
    }

    /// Position of the string literal `"needle"` inside the value at `path`
    /// (falls back to the value's own position).
    pub fn find_str_in(&self, path: &str, needle: &str) -> (usize, usize) {
        let quoted = format!("\"{needle}\"");
        if let Some((s, e)) = self.span(path)
            && let Some(k) = self.text[s..e.min(self.text.len())].find(&quoted)
        {
            return self.line_col(s + k);
        }
        self.find(path)
    }

    /// 1-based line and column of a byte offset (columns count characters).
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let line = self.lines.partition_point(|&l| l <= offset).max(1);
        let start = self.lines[line - 1];
        let col = self
            .text
            .get(start..offset)
            .map(|s| s.chars().count())
            .unwrap_or(0)
            + 1;
        (line, col)
    }
}

fn elem_path_of(f: &Frame) -> String {
    match (f.kind, &f.field) {
        (b'(', Some(name)) => join(&f.path, name),
        _ => format!("{}[{}]", f.path, f.index),
    }
}

fn join(base: &str, name: &str) -> String {
    if base.is_empty() {
        name.to_string()
    } else {
        format!("{base}.{name}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = r#"// a script
(
    name: "demo",
    steps: [
        (at: 1.0, do: [radio(call_in)]),
        (
            id: "walk",
            when: all([distance(to: "driver", below: 3.0), visible("driver")]),
            move_to: person("driver"),
        ),
    ],
)"#;

    #[test]
    fn finds_fields_and_elements() {
        let l = Locator::new(SRC);
        assert_eq!(l.find("name"), (3, 11));
        assert_eq!(l.find("steps"), (4, 12));
        assert_eq!(l.find("steps[0]"), (5, 9));
        assert_eq!(l.find("steps[0].at"), (5, 14));
        assert_eq!(l.find("steps[0].do"), (5, 23));
        assert_eq!(l.find("steps[1]"), (6, 9));
        assert_eq!(l.find("steps[1].id"), (7, 17));
        assert_eq!(l.find("steps[1].when"), (8, 19));
        assert_eq!(l.find("steps[1].move_to"), (9, 22));
    }

    #[test]
    fn falls_back_to_ancestors_and_finds_strings() {
        let l = Locator::new(SRC);
        assert_eq!(l.find("steps[1].when.nonsense[4]"), (8, 19));
        assert_eq!(l.find_str_in("steps[1].when", "driver"), (8, 37));
        assert_eq!(l.find("nothing"), (1, 1));
    }

    #[test]
    fn never_panics_on_garbage() {
        for text in [
            "",
            "(((",
            ")]}",
            "\"unterminated",
            "(a: [1, 2",
            "/* open",
            "é(ü: \"ß\")",
        ] {
            let l = Locator::new(text);
            let _ = l.find("a[1]");
            let _ = l.find_str_in("a", "x");
        }
    }
}
