//! A tolerant RON *locator*: scans a file's text once and remembers where every
//! value, struct field and map key starts, so that a semantic problem found on
//! the parsed data (`subjects[2].behaviour[0].chance`) can be reported at the
//! line and column an instructor wrote it. It never fails: on text it cannot
//! follow it keeps what it has read so far.
//!
//! Paths are written the way problems name them: fields and map keys after a
//! dot (`map.walls`, `title.en`), list and tuple items in brackets (`walls[3]`),
//! and keys that are not plain words in quoted brackets (`title["e n"]`).

/// Deepest nesting followed; deeper text is skipped (ron stops at 128 too).
const MAX_DEPTH: usize = 160;

/// Where each item of a RON text starts.
#[derive(Debug, Clone)]
pub struct Locator {
    root: Option<Node>,
    /// Byte offset of the start of each line.
    line_starts: Vec<usize>,
    text: String,
    duplicate_keys: Vec<(usize, String)>,
}

#[derive(Debug, Clone)]
struct Node {
    start: usize,
    end: usize,
    kind: Kind,
}

#[derive(Debug, Clone)]
enum Kind {
    Scalar,
    /// `[a, b]`.
    Seq(Vec<Node>),
    /// `(a, b)` or `name(a, b)`.
    Tuple(Vec<Node>),
    /// `(a: 1)` or `name(a: 1)`.
    Struct(Vec<Entry>),
    /// `{"k": v}`.
    Map(Vec<Entry>),
}

#[derive(Debug, Clone)]
struct Entry {
    key: String,
    key_start: usize,
    value: Node,
}

/// One step of a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    /// A struct field or a map key.
    Key(String),
    /// A list or tuple item.
    Index(usize),
}

/// Splits a path such as `subjects[2].behaviour[0].chance` into steps.
/// Text it cannot read ends the path there.
pub fn parse_path(path: &str) -> Vec<Seg> {
    let mut segs = Vec::new();
    let b = path.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'.' => i += 1,
            b'[' => {
                if b.get(i + 1) == Some(&b'"') {
                    let rest = &path[i + 2..];
                    let Some(close) = rest.find("\"]") else { break };
                    segs.push(Seg::Key(rest[..close].to_string()));
                    i += 2 + close + 2;
                } else {
                    let rest = &path[i + 1..];
                    let Some(close) = rest.find(']') else { break };
                    let Ok(n) = rest[..close].trim().parse() else {
                        break;
                    };
                    segs.push(Seg::Index(n));
                    i += 1 + close + 1;
                }
            }
            _ => {
                let rest = &path[i..];
                let len = rest.find(['.', '[']).unwrap_or(rest.len());
                segs.push(Seg::Key(rest[..len].to_string()));
                i += len;
            }
        }
    }
    segs
}

/// Writes a map key as a path step: `.en`, or `["e n"]` when not a plain word.
pub fn key_seg(key: &str) -> String {
    if !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        format!(".{key}")
    } else {
        format!("[\"{}\"]", key.replace('"', "'"))
    }
}

fn path_string(segs: &[Seg]) -> String {
    let mut s = String::new();
    for seg in segs {
        match seg {
            Seg::Key(k) => {
                let step = key_seg(k);
                if s.is_empty() {
                    s.push_str(step.trim_start_matches('.'));
                } else {
                    s.push_str(&step);
                }
            }
            Seg::Index(n) => s.push_str(&format!("[{n}]")),
        }
    }
    s
}

impl Locator {
    /// Scans `text`.
    pub fn new(text: &str) -> Locator {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let mut p = Scanner {
            s: text.as_bytes(),
            i: 0,
            failed: false,
            depth: 0,
            duplicate_keys: Vec::new(),
        };
        p.skip_ws();
        p.skip_attributes();
        let root = p.value();
        Locator {
            root,
            line_starts,
            text: text.to_string(),
            duplicate_keys: p.duplicate_keys,
        }
    }

    /// Length of the text in bytes.
    pub fn text_len(&self) -> usize {
        self.text.len()
    }

    /// 1-based line and column (in characters, as ron counts) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line];
        let col = self
            .text
            .get(start..offset)
            .map(|s| s.chars().count())
            .unwrap_or(offset - start);
        (line + 1, col + 1)
    }

    /// Byte offset of a 1-based line and column.
    pub fn offset(&self, line: usize, col: usize) -> usize {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1)) else {
            return self.text.len();
        };
        let rest = &self.text[start..];
        rest.char_indices()
            .nth(col.saturating_sub(1))
            .map(|(i, _)| start + i)
            .unwrap_or(self.text.len())
    }

    /// Where the value at `path` starts, as line and column. When the path goes
    /// further than the text (a field left to its default), the deepest item
    /// that exists is given; `1:1` when nothing was read at all.
    pub fn locate(&self, path: &str) -> (usize, usize) {
        self.line_col(self.find(path, false))
    }

    /// Like [`Locator::locate`], but for a field or map key gives the key's
    /// position (to point at a misspelt language key rather than its text).
    pub fn locate_key(&self, path: &str) -> (usize, usize) {
        self.line_col(self.find(path, true))
    }

    fn find(&self, path: &str, at_key: bool) -> usize {
        let Some(mut node) = self.root.as_ref() else {
            return 0;
        };
        let segs = parse_path(path);
        let mut at = node.start;
        for (n, seg) in segs.iter().enumerate() {
            let last = n + 1 == segs.len();
            match step(node, seg) {
                Some((key_start, next)) => {
                    at = if last && at_key {
                        key_start.unwrap_or(next.start)
                    } else {
                        next.start
                    };
                    node = next;
                }
                None => break,
            }
        }
        at
    }

    /// The path of the deepest item that contains the byte offset, and the
    /// kind of container holding it (for messages about ron errors).
    pub fn path_at(&self, offset: usize) -> String {
        self.context_at(offset).0
    }

    /// The path at `offset`, and whether the innermost container there is a
    /// `{...}` map (a text in several languages, or a map of options).
    pub fn context_at(&self, offset: usize) -> (String, bool) {
        let mut segs = Vec::new();
        let mut in_map = false;
        let Some(mut node) = self.root.as_ref() else {
            return (String::new(), false);
        };
        loop {
            let next = match &node.kind {
                Kind::Scalar => None,
                Kind::Seq(items) | Kind::Tuple(items) => items
                    .iter()
                    .enumerate()
                    .find(|(_, it)| it.start <= offset && offset < it.end.max(it.start + 1))
                    .map(|(i, it)| (Seg::Index(i), it)),
                Kind::Struct(entries) | Kind::Map(entries) => {
                    in_map = matches!(node.kind, Kind::Map(_));
                    entries
                        .iter()
                        .find(|e| {
                            e.key_start <= offset && offset < e.value.end.max(e.value.start + 1)
                        })
                        .map(|e| (Seg::Key(e.key.clone()), &e.value))
                }
            };
            match next {
                Some((seg, child)) => {
                    if !matches!(child.kind, Kind::Scalar) {
                        in_map = false;
                    }
                    segs.push(seg);
                    node = child;
                }
                None => break,
            }
        }
        (path_string(&segs), in_map)
    }

    /// The start of the innermost `(...)` or `[...]`/`{...}` item containing
    /// `offset` (a missing field is reported at the item that lacks it).
    pub fn item_start_at(&self, offset: usize) -> usize {
        let Some(mut node) = self.root.as_ref() else {
            return 0;
        };
        let mut best = node.start;
        loop {
            let child = match &node.kind {
                Kind::Scalar => None,
                Kind::Seq(items) | Kind::Tuple(items) => items
                    .iter()
                    .find(|it| it.start <= offset && offset < it.end.max(it.start + 1)),
                Kind::Struct(entries) | Kind::Map(entries) => entries
                    .iter()
                    .find(|e| {
                        e.value.start <= offset && offset < e.value.end.max(e.value.start + 1)
                    })
                    .map(|e| &e.value),
            };
            match child {
                Some(c) if !matches!(c.kind, Kind::Scalar) => {
                    best = c.start;
                    node = c;
                }
                _ => break,
            }
        }
        best
    }

    /// The field names of the file's top-level `( ... )`.
    pub fn top_level_keys(&self) -> Vec<String> {
        match self.root.as_ref().map(|n| &n.kind) {
            Some(Kind::Struct(entries)) => entries.iter().map(|e| e.key.clone()).collect(),
            _ => Vec::new(),
        }
    }

    /// Map keys or struct fields written twice in the same item: (offset of
    /// the second one, the key).
    pub fn duplicate_keys(&self) -> &[(usize, String)] {
        &self.duplicate_keys
    }

    /// The text of the scalar at `path` (a number, a name or a quoted string as
    /// written), if the path ends on one.
    pub fn scalar_text(&self, path: &str) -> Option<&str> {
        let mut node = self.root.as_ref()?;
        for seg in parse_path(path) {
            node = step(node, &seg)?.1;
        }
        match node.kind {
            Kind::Scalar => self.text.get(node.start..node.end),
            _ => None,
        }
    }

    /// The offset of the first character at or after `offset` that is not a
    /// blank or inside a comment.
    pub fn skip_blanks(&self, offset: usize) -> usize {
        let mut sc = Scanner {
            s: self.text.as_bytes(),
            i: offset.min(self.text.len()),
            failed: false,
            depth: 0,
            duplicate_keys: Vec::new(),
        };
        sc.skip_ws();
        sc.i.min(self.text.len())
    }

    /// Just after the last non-blank character before `offset` (where a
    /// missing comma belongs).
    pub fn end_of_previous(&self, offset: usize) -> usize {
        let before = self.text.get(..offset.min(self.text.len())).unwrap_or("");
        before.trim_end().len()
    }

    /// The token (a word, a number or a quoted string) starting at `offset`.
    pub fn token_at(&self, offset: usize) -> &str {
        let rest = self.text.get(offset..).unwrap_or("");
        if rest.starts_with('"') {
            let mut escaped = false;
            for (i, c) in rest.char_indices().skip(1) {
                match c {
                    '\\' if !escaped => escaped = true,
                    '"' if !escaped => return &rest[..=i],
                    '\n' => return &rest[..i],
                    _ => escaped = false,
                }
            }
            return rest;
        }
        let end = rest
            .char_indices()
            .find(|&(_, c)| !(c.is_alphanumeric() || matches!(c, '_' | '.' | '-' | '+')))
            .map(|(i, _)| i)
            .unwrap_or(rest.len());
        if end == 0 {
            // A lone bracket or punctuation mark.
            return rest
                .chars()
                .next()
                .filter(|c| !c.is_whitespace())
                .map(|c| &rest[..c.len_utf8()])
                .unwrap_or("");
        }
        &rest[..end]
    }
}

/// Follows one step from `node`. A single-item tuple (`Some(x)`, a newtype
/// variant `interviewed("x")`) is looked through when the step is a key.
fn step<'a>(node: &'a Node, seg: &Seg) -> Option<(Option<usize>, &'a Node)> {
    match (&node.kind, seg) {
        (Kind::Struct(entries) | Kind::Map(entries), Seg::Key(k)) => entries
            .iter()
            .find(|e| &e.key == k)
            .map(|e| (Some(e.key_start), &e.value)),
        (Kind::Seq(items) | Kind::Tuple(items), Seg::Index(i)) => items.get(*i).map(|n| (None, n)),
        (Kind::Map(entries), Seg::Index(i)) => {
            entries.get(*i).map(|e| (Some(e.key_start), &e.value))
        }
        (Kind::Tuple(items), Seg::Key(_)) if items.len() == 1 => step(&items[0], seg),
        _ => None,
    }
}

struct Scanner<'a> {
    s: &'a [u8],
    i: usize,
    failed: bool,
    depth: usize,
    duplicate_keys: Vec<(usize, String)>,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn skip_ws(&mut self) {
        loop {
            match self.peek() {
                Some(c) if c.is_ascii_whitespace() => self.i += 1,
                Some(b'/') if self.s.get(self.i + 1) == Some(&b'/') => {
                    while let Some(c) = self.peek() {
                        if c == b'\n' {
                            break;
                        }
                        self.i += 1;
                    }
                }
                Some(b'/') if self.s.get(self.i + 1) == Some(&b'*') => {
                    // Block comments nest in RON.
                    self.i += 2;
                    let mut level = 1;
                    while level > 0 {
                        match (self.peek(), self.s.get(self.i + 1)) {
                            (None, _) => {
                                self.failed = true;
                                return;
                            }
                            (Some(b'/'), Some(b'*')) => {
                                level += 1;
                                self.i += 2;
                            }
                            (Some(b'*'), Some(b'/')) => {
                                level -= 1;
                                self.i += 2;
                            }
                            _ => self.i += 1,
                        }
                    }
                }
                _ => return,
            }
        }
    }

    /// `#![enable(implicit_some)]` lines before the value.
    fn skip_attributes(&mut self) {
        while self.peek() == Some(b'#') {
            while let Some(c) = self.peek() {
                self.i += 1;
                if c == b']' {
                    break;
                }
            }
            self.skip_ws();
        }
    }

    fn eat(&mut self, c: u8) -> bool {
        self.skip_ws();
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn ident(&mut self) -> Option<(usize, String)> {
        self.skip_ws();
        let start = self.i;
        if self.s.get(self.i..).unwrap_or(&[]).starts_with(b"r#") {
            self.i += 2;
        }
        let word_start = self.i;
        match self.peek() {
            Some(c) if c.is_ascii_alphabetic() || c == b'_' => {}
            _ => {
                self.i = start;
                return None;
            }
        }
        while let Some(c) = self.peek() {
            if c.is_ascii_alphanumeric() || c == b'_' {
                self.i += 1;
            } else {
                break;
            }
        }
        let word = String::from_utf8_lossy(&self.s[word_start..self.i]).into_owned();
        Some((start, word))
    }

    /// Skips a quoted string (`"..."`, `r#"..."#`, `b"..."`) or char literal.
    fn quoted(&mut self) {
        if self.peek() == Some(b'b') {
            self.i += 1;
        }
        if self.peek() == Some(b'r') {
            self.i += 1;
            let mut hashes = 0;
            while self.peek() == Some(b'#') {
                hashes += 1;
                self.i += 1;
            }
            if self.peek() != Some(b'"') {
                self.failed = true;
                return;
            }
            self.i += 1;
            loop {
                match self.peek() {
                    None => {
                        self.failed = true;
                        return;
                    }
                    Some(b'"') => {
                        self.i += 1;
                        let close = self.s[self.i..].iter().take_while(|&&c| c == b'#').count();
                        if close >= hashes {
                            self.i += hashes;
                            return;
                        }
                    }
                    _ => self.i += 1,
                }
            }
        }
        let quote = self.peek().unwrap_or(b'"');
        self.i += 1;
        loop {
            match self.peek() {
                None => {
                    self.failed = true;
                    return;
                }
                Some(b'\\') => self.i = (self.i + 2).min(self.s.len()),
                Some(c) if c == quote => {
                    self.i += 1;
                    return;
                }
                _ => self.i += 1,
            }
        }
    }

    fn value(&mut self) -> Option<Node> {
        if self.failed {
            return None;
        }
        self.skip_ws();
        let start = self.i;
        let c = self.peek()?;
        let s = self.s;
        // `r"..."`, `r#"..."#`, `b"..."`, `br"..."`, `b'x'`; not `r#ident`.
        let after_b = if c == b'b' { self.i + 1 } else { self.i };
        let raw_or_byte_string = if s.get(after_b) == Some(&b'r') {
            let hashes = s[after_b + 1..].iter().take_while(|&&c| c == b'#').count();
            s.get(after_b + 1 + hashes) == Some(&b'"')
        } else {
            c == b'b' && matches!(s.get(self.i + 1), Some(b'"') | Some(b'\''))
        };
        if c == b'"' || c == b'\'' || raw_or_byte_string {
            self.quoted();
            return Some(Node {
                start,
                end: self.i.min(self.s.len()),
                kind: Kind::Scalar,
            });
        }
        match c {
            b'(' => {
                self.i += 1;
                Some(self.group(start))
            }
            b'[' => {
                self.i += 1;
                Some(self.seq(start))
            }
            b'{' => {
                self.i += 1;
                Some(self.map(start))
            }
            b'0'..=b'9' | b'+' | b'-' | b'.' => {
                self.i += 1;
                while let Some(c) = self.peek() {
                    let exp_sign = matches!(c, b'+' | b'-')
                        && matches!(self.s.get(self.i - 1), Some(b'e') | Some(b'E'));
                    if c.is_ascii_alphanumeric() || c == b'_' || c == b'.' || exp_sign {
                        self.i += 1;
                    } else {
                        break;
                    }
                }
                Some(Node {
                    start,
                    end: self.i,
                    kind: Kind::Scalar,
                })
            }
            _ => {
                let Some((_, _)) = self.ident() else {
                    self.failed = true;
                    return None;
                };
                let end = self.i;
                self.skip_ws();
                if self.peek() == Some(b'(') {
                    self.i += 1;
                    Some(self.group(start))
                } else {
                    Some(Node {
                        start,
                        end,
                        kind: Kind::Scalar,
                    })
                }
            }
        }
    }

    fn enter(&mut self) -> bool {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.failed = true;
        }
        !self.failed
    }

    /// After `(`: a struct (`a: 1, ...`) or a tuple (`1, 2`).
    fn group(&mut self, start: usize) -> Node {
        if !self.enter() {
            return Node {
                start,
                end: self.i,
                kind: Kind::Tuple(Vec::new()),
            };
        }
        let save = self.i;
        let is_struct = match self.ident() {
            Some(_) => {
                self.skip_ws();
                self.peek() == Some(b':') && self.s.get(self.i + 1) != Some(&b':')
            }
            None => false,
        };
        self.i = save;
        let kind = if is_struct {
            let mut entries: Vec<Entry> = Vec::new();
            while !self.failed && !self.eat(b')') {
                let Some((key_start, key)) = self.ident() else {
                    self.failed = true;
                    break;
                };
                if !self.eat(b':') {
                    self.failed = true;
                    break;
                }
                let Some(value) = self.value() else { break };
                if entries.iter().any(|e| e.key == key) {
                    self.duplicate_keys.push((key_start, key.clone()));
                }
                entries.push(Entry {
                    key,
                    key_start,
                    value,
                });
                if self.eat(b',') {
                    continue;
                }
                if !self.eat(b')') {
                    self.failed = true;
                }
                break;
            }
            Kind::Struct(entries)
        } else {
            Kind::Tuple(self.items(b')'))
        };
        self.depth -= 1;
        Node {
            start,
            end: self.i,
            kind,
        }
    }

    fn seq(&mut self, start: usize) -> Node {
        if !self.enter() {
            return Node {
                start,
                end: self.i,
                kind: Kind::Seq(Vec::new()),
            };
        }
        let items = self.items(b']');
        self.depth -= 1;
        Node {
            start,
            end: self.i,
            kind: Kind::Seq(items),
        }
    }

    /// Comma-separated values up to `close`.
    fn items(&mut self, close: u8) -> Vec<Node> {
        let mut items = Vec::new();
        while !self.failed && !self.eat(close) {
            let Some(v) = self.value() else {
                self.failed = true;
                break;
            };
            items.push(v);
            if self.eat(b',') {
                continue;
            }
            if !self.eat(close) {
                self.failed = true;
            }
            break;
        }
        items
    }

    fn map(&mut self, start: usize) -> Node {
        if !self.enter() {
            return Node {
                start,
                end: self.i,
                kind: Kind::Map(Vec::new()),
            };
        }
        let mut entries: Vec<Entry> = Vec::new();
        while !self.failed && !self.eat(b'}') {
            let Some(k) = self.value() else {
                self.failed = true;
                break;
            };
            let raw = String::from_utf8_lossy(&self.s[k.start..k.end.min(self.s.len())]);
            let key = raw.trim_matches('"').to_string();
            if !self.eat(b':') {
                self.failed = true;
                break;
            }
            let Some(value) = self.value() else { break };
            if entries.iter().any(|e| e.key == key) {
                self.duplicate_keys.push((k.start, key.clone()));
            }
            entries.push(Entry {
                key,
                key_start: k.start,
                value,
            });
            if self.eat(b',') {
                continue;
            }
            if !self.eat(b'}') {
                self.failed = true;
            }
            break;
        }
        self.depth -= 1;
        Node {
            start,
            end: self.i,
            kind: Kind::Map(entries),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = r#"// a comment
(
    id: "x",
    title: { "en": "Hi", "xx": "?" },
    subjects: [
        (id: "a", spawn: (1.0, 2.0)),
        (
            id: "b",
            behaviour: [
                (on: near(3.0), chance: 1.5),
            ],
        ),
    ],
    objectives: [(id: "o", goal: interviewed("b"))],
)
"#;

    #[test]
    fn locates_fields_items_and_keys() {
        let l = Locator::new(SRC);
        assert_eq!(l.locate("id"), (3, 9));
        assert_eq!(l.locate("subjects[0]"), (6, 9));
        assert_eq!(l.locate("subjects[0].spawn"), (6, 26));
        assert_eq!(l.locate("subjects[1].behaviour[0].chance"), (10, 41));
        assert_eq!(l.locate("subjects[1].behaviour[0].on"), (10, 22));
        assert_eq!(l.locate("title.xx"), (4, 32));
        assert_eq!(l.locate_key("title.xx"), (4, 26));
        assert_eq!(l.locate("objectives[0].goal"), (14, 34));
        assert_eq!(l.locate("objectives[0].goal[0]"), (14, 46));
    }

    #[test]
    fn a_path_beyond_the_text_gives_the_deepest_item() {
        let l = Locator::new(SRC);
        assert_eq!(l.locate("subjects[0].behaviour[2].chance"), (6, 9));
        assert_eq!(l.locate("nothing"), (2, 1));
    }

    #[test]
    fn paths_at_offsets() {
        let l = Locator::new(SRC);
        let at = l.offset(10, 41);
        assert_eq!(l.path_at(at), "subjects[1].behaviour[0].chance");
        assert_eq!(l.item_start_at(at), l.offset(10, 17));
        let (path, in_map) = l.context_at(l.offset(4, 26));
        assert_eq!(path, "title.xx");
        assert!(in_map);
    }

    #[test]
    fn finds_duplicate_keys() {
        let l = Locator::new("({\"en\": \"a\", \"en\": \"b\"}, (a: 1, a: 2))");
        let keys: Vec<_> = l.duplicate_keys().iter().map(|(_, k)| k.as_str()).collect();
        assert_eq!(keys, ["en", "a"]);
    }

    #[test]
    fn path_syntax_round_trips() {
        assert_eq!(
            parse_path("a[2].b[\"e n\"].c"),
            vec![
                Seg::Key("a".into()),
                Seg::Index(2),
                Seg::Key("b".into()),
                Seg::Key("e n".into()),
                Seg::Key("c".into())
            ]
        );
        assert_eq!(key_seg("en"), ".en");
        assert_eq!(key_seg("e n"), "[\"e n\"]");
    }

    #[test]
    fn never_panics_on_broken_text() {
        let l = Locator::new(SRC);
        for cut in 0..SRC.len() {
            if !SRC.is_char_boundary(cut) {
                continue;
            }
            let part = Locator::new(&SRC[..cut]);
            let _ = part.locate("subjects[1].behaviour[0].chance");
            let _ = part.path_at(cut);
        }
        let _ = l.token_at(SRC.len());
        let deep = "[".repeat(10_000);
        let _ = Locator::new(&deep).locate("a[0]");
        for s in [
            "r#",
            "b",
            "\"abc",
            "/* x",
            "(a:",
            "{",
            "r#\"x",
            "'",
            "(x: r#\"a\"#)",
        ] {
            let _ = Locator::new(s).locate("x");
        }
    }
}
