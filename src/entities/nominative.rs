//! The nominative canonical name of an organisation found by a rule in an inflected form.
//!
//! Press releases name organisations in every case ("mit der Technischen Universität München",
//! "des Fraunhofer-Instituts für …", "im Bayerischen Staatsministerium für …"); the canonical
//! name is the nominative. The leading adjectives lose the weak ending `-en` for the strong
//! nominative of the head noun's gender (`-e`, `-es`, `-er`), and the head noun loses a
//! genitive `-s`/`-es`. Endings and genders come from `resources/entities/cues.tsv`; a head
//! noun of unknown gender leaves the name as written.

use crate::gazetteer::fold;

use super::lexicon::Cues;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Gender {
    Feminine,
    Neuter,
    Masculine,
}

/// The gender of a folded noun by its longest listed ending.
fn gender(cues: &Cues, folded: &str) -> Option<Gender> {
    [
        (Gender::Feminine, &cues.feminine),
        (Gender::Neuter, &cues.neuter),
        (Gender::Masculine, &cues.masculine),
    ]
    .into_iter()
    .flat_map(|(gender, endings)| {
        endings
            .iter()
            .filter(move |ending| folded.ends_with(*ending))
            .map(move |ending| (ending.len(), gender))
    })
    .max_by_key(|&(len, _)| len)
    .map(|(_, gender)| gender)
}

/// The head noun without a genitive ending, and its gender: "Instituts" → ("Institut",
/// neuter). Feminine nouns take no genitive ending.
fn head_noun<'w>(cues: &Cues, word: &'w str) -> Option<(&'w str, Gender)> {
    let folded = fold(word);
    if let Some(gender) = gender(cues, &folded) {
        return Some((word, gender));
    }
    for ending in ["es", "s"] {
        if let Some(stem) = word.strip_suffix(ending) {
            let gender = gender(cues, &fold(stem));
            if let Some(gender @ (Gender::Neuter | Gender::Masculine)) = gender {
                return Some((stem, gender));
            }
        }
    }
    None
}

/// The nominative of an organisation name as written.
///
/// # Example
/// ```
/// use meldung::entities::{nominative, Lexicon, Files};
/// let lexicon = Lexicon::load(&Files::default_files()).unwrap();
/// let cases = [
///     ("Technischen Universität Musterstadt", "Technische Universität Musterstadt"),
///     ("Bayerischen Staatsministerium für Wirtschaft", "Bayerisches Staatsministerium für Wirtschaft"),
///     ("Amtes für Statistik", "Amt für Statistik"),
///     ("Bremen Invest", "Bremen Invest"),
/// ];
/// for (written, expected) in cases {
///     assert_eq!(nominative(&lexicon, written), expected);
/// }
/// ```
pub fn nominative(lexicon: &super::Lexicon, name: &str) -> String {
    let cues = &lexicon.cues;
    let words: Vec<&str> = name.split(' ').collect();
    let adjectives = words
        .iter()
        .take(words.len().saturating_sub(1))
        .take_while(|word| {
            word.chars().next().is_some_and(char::is_uppercase) && {
                let folded = fold(word);
                cues.adjective_ending
                    .iter()
                    .any(|ending| folded.ends_with(ending))
            }
        })
        .count();
    let Some(&head) = words.get(adjectives) else {
        return name.to_string();
    };
    if !head.chars().next().is_some_and(char::is_uppercase) {
        return name.to_string();
    }
    let Some((head, gender)) = head_noun(cues, head) else {
        return name.to_string();
    };
    let mut out = String::with_capacity(name.len() + 2);
    for adjective in &words[..adjectives] {
        // Drop the final n of the weak ending: "Technischen" → "Technische".
        out.push_str(&adjective[..adjective.len() - 1]);
        match gender {
            Gender::Feminine => {}
            Gender::Neuter => out.push('s'),
            Gender::Masculine => out.push('r'),
        }
        out.push(' ');
    }
    out.push_str(head);
    for rest in &words[adjectives + 1..] {
        out.push(' ');
        out.push_str(rest);
    }
    out
}
