//! The date rules' patterns run in one leftmost-first DFA: in an alternation of words the first
//! alternative that matches wins, even when a later one would match more. "(?:Quartal|Quartals)"
//! at the end of a pattern then ends the match inside "Quartals", the word-boundary check drops
//! it, and the date is lost. So an alternative must never come before a longer one it begins.

use std::path::Path;

/// Groups `(?:…)` / `(?P<name>…)` without nested groups, as their alternatives.
fn literal_alternations(pattern: &str) -> Vec<Vec<&str>> {
    let mut groups = Vec::new();
    let bytes = pattern.as_bytes();
    for (open, _) in pattern.match_indices('(') {
        let body_start = if pattern[open..].starts_with("(?:") {
            open + 3
        } else if pattern[open..].starts_with("(?P<") {
            match pattern[open..].find('>') {
                Some(close) => open + close + 1,
                None => continue,
            }
        } else {
            continue;
        };
        let Some(len) = pattern[body_start..].find([')', '(']) else {
            continue;
        };
        if bytes[body_start + len] != b')' {
            continue; // a nested group: not a plain list of words
        }
        let alternatives: Vec<&str> = pattern[body_start..body_start + len].split('|').collect();
        let literal = alternatives
            .iter()
            .all(|a| !a.is_empty() && a.chars().all(|c| c.is_alphanumeric() || c == '-'));
        if alternatives.len() > 1 && literal {
            groups.push(alternatives);
        }
    }
    groups
}

#[test]
fn no_alternative_comes_before_a_longer_one_it_begins() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("resources/dates/rules");
    let mut problems = Vec::new();
    let mut groups_checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "tsv") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for (n, line) in text.lines().enumerate() {
            let fields: Vec<&str> = line.split('\t').collect();
            if line.starts_with('#') || fields.len() < 3 {
                continue;
            }
            for alternatives in literal_alternations(fields[2]) {
                groups_checked += 1;
                for (i, earlier) in alternatives.iter().enumerate() {
                    for later in &alternatives[i + 1..] {
                        if later.starts_with(earlier) {
                            problems.push(format!(
                                "{}:{}: rule {}: {earlier:?} comes before {later:?}",
                                path.display(),
                                n + 1,
                                fields[0]
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(groups_checked > 20, "only {groups_checked} groups found");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_check_finds_a_shorter_word_first() {
    let groups =
        literal_alternations("(?P<half>[12])\\.{S}(?:Halbjahr|Halbjahres)(?:{S}(?P<year>x))?");
    assert_eq!(groups, vec![vec!["Halbjahr", "Halbjahres"]]);
    assert!(literal_alternations("(?:(?P<part>{PART}){S}des{S})?").is_empty());
}
