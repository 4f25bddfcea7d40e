//! "Did you mean ...?": the closest valid name to a misspelt one, and lists of
//! choices written for people.

use crate::i18n::{Arg, Msg};

/// Edit distance between two words, counted in characters: insertions,
/// deletions, substitutions and swaps of two neighbours (`spwan` -> `spawn`)
/// each cost one.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // d[i][j]: distance between a[..i] and b[..j].
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j - 1] + cost)
                .min(d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[a.len()][b.len()]
}

/// The valid name closest to `word`, when it is close enough to be a likely
/// typo (about a third of the word's letters wrong at most; one always allowed).
pub fn closest<'a, I>(word: &str, choices: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let word_lower = word.to_lowercase();
    let limit = ((word.chars().count() + 1) / 3).max(1);
    choices
        .into_iter()
        .map(|c| (edit_distance(&word_lower, &c.to_lowercase()), c))
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

/// `; did you mean "x"?` when a close choice exists.
pub fn did_you_mean<'a, I>(word: &str, choices: I) -> Option<Msg>
where
    I: IntoIterator<Item = &'a str>,
{
    closest(word, choices).map(|c| Msg::new("diag-did-you-mean").with("guess", c))
}

/// `; did you mean "x"? REST` when a close choice exists, else `; REST`.
pub fn suggest_then<'a, I>(word: &str, choices: I, rest: Msg) -> Msg
where
    I: IntoIterator<Item = &'a str>,
{
    match closest(word, choices) {
        Some(c) => Msg::new("diag-did-you-mean-then")
            .with("guess", c)
            .with("rest", rest),
        None => Msg::new("diag-then").with("rest", rest),
    }
}

/// `a, b or c` (the choices are the file's own words; "or" is translated).
pub fn one_of<S: AsRef<str>>(choices: &[S]) -> Arg {
    match choices {
        [] => Arg::Text(String::new()),
        [one] => Arg::Text(one.as_ref().to_string()),
        [init @ .., last] => Msg::new("diag-one-of")
            .with(
                "init",
                init.iter()
                    .map(AsRef::as_ref)
                    .collect::<Vec<_>>()
                    .join(", "),
            )
            .with("last", last.as_ref())
            .into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Lang;
    use crate::i18n::{Labels, render, render_arg};

    fn en(m: Msg) -> String {
        render(Lang::En, &m, &Labels::new())
    }

    #[test]
    fn distances() {
        assert_eq!(edit_distance("spwan", "spawn"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn suggests_only_close_names() {
        let fields = ["id", "name", "role", "spawn", "heading"];
        assert_eq!(closest("spwan", fields), Some("spawn"));
        assert_eq!(closest("rol", fields), Some("role"));
        assert_eq!(closest("velocity", fields), None);
        assert_eq!(
            did_you_mean("Spawn", fields).map(en).as_deref(),
            Some("; did you mean \"spawn\"?")
        );
        let rest = || Msg::verbatim("valid: x");
        assert_eq!(
            en(suggest_then("spwan", fields, rest())),
            "; did you mean \"spawn\"? valid: x"
        );
        assert_eq!(en(suggest_then("zzz", fields, rest())), "; valid: x");
    }

    #[test]
    fn lists_choices() {
        let r = |a: Arg, l| render_arg(l, &a, &Labels::new()).into_string();
        assert_eq!(r(one_of(&["a", "b", "c"]), Lang::En), "a, b or c");
        assert_eq!(r(one_of(&["a", "b", "c"]), Lang::Ru), "a, b или c");
        assert_eq!(r(one_of(&["a"]), Lang::En), "a");
    }
}
