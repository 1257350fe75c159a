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
    cues.gender_of_ending(folded.as_bytes())
        .map(|gender| match gender {
            0 => Gender::Feminine,
            1 => Gender::Neuter,
            _ => Gender::Masculine,
        })
}

/// The head noun without a genitive ending, and its gender: "Instituts" → ("Institut",
/// neuter). Feminine nouns take no genitive ending. `folded` is the [`fold`] of `word`
/// (the fold of a stem is the same prefix of it: [`fold`] folds character by character).
fn head_noun<'w>(cues: &Cues, word: &'w str, folded: &str) -> Option<(&'w str, Gender)> {
    if let Some(gender) = gender(cues, folded) {
        return Some((word, gender));
    }
    for ending in ["es", "s"] {
        if let Some(stem) = word.strip_suffix(ending) {
            let gender = gender(cues, &folded[..stem.len()]);
            if let Some(gender @ (Gender::Neuter | Gender::Masculine)) = gender {
                return Some((stem, gender));
            }
        }
    }
    None
}

/// The words of a name, split at blanks (a byte loop: cheaper than the `char` pattern's
/// searcher for names of a few words).
fn words(name: &str) -> Vec<&str> {
    let mut words = Vec::with_capacity(8);
    let mut from = 0;
    for (at, &b) in name.as_bytes().iter().enumerate() {
        if b == b' ' {
            words.push(&name[from..at]);
            from = at + 1;
        }
    }
    words.push(&name[from..]);
    words
}

/// `bytes.ends_with(end)` compared byte by byte: the endings are a few bytes long, shorter
/// than the call to `memcmp` the slice comparison makes.
#[inline]
fn ends_with(bytes: &[u8], end: &[u8]) -> bool {
    bytes.len() >= end.len()
        && bytes[bytes.len() - end.len()..]
            .iter()
            .zip(end)
            .all(|(a, b)| a == b)
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
///     ("Deutsch-Kolumbianischen Industrie- und Handelskammer", "Deutsch-Kolumbianische Industrie- und Handelskammer"),
///     ("Bayerische Landesamt für Umwelt", "Bayerisches Landesamt für Umwelt"),
///     ("Bremen Invest", "Bremen Invest"),
///     ("Emsländischen Milchtechnik GmbH", "Emsländische Milchtechnik GmbH"),
/// ];
/// for (written, expected) in cases {
///     assert_eq!(nominative(&lexicon, written), expected);
/// }
/// ```
pub fn nominative(lexicon: &super::Lexicon, name: &str) -> String {
    nominative_folded(lexicon, name, &fold(name))
}

/// [`nominative`] of `name` with its [`fold`] `folded_name` at hand: a name found in a
/// document is a range of its text, and its fold the same range of the document's fold
/// ([`fold`] folds character by character, keeping byte lengths), so it is not folded again.
pub(crate) fn nominative_folded(lexicon: &super::Lexicon, name: &str, folded_name: &str) -> String {
    debug_assert_eq!(folded_name, fold(name));
    let cues = &lexicon.cues;
    let words = words(name);
    // A word's fold is the same range of the name's.
    let folded = |word: &str| {
        let at = word.as_ptr() as usize - name.as_ptr() as usize;
        &folded_name[at..at + word.len()]
    };
    // Per leading adjective: whether it has the weak ending -en ("Technischen", dropped to
    // -e) or already -e ("das Bayerische Staatsministerium", "der Grosse Rat").
    let weak: Vec<bool> = words
        .iter()
        .take(words.len().saturating_sub(1))
        .map_while(|word| {
            if !word.chars().next().is_some_and(char::is_uppercase) {
                return None;
            }
            let folded = folded(word);
            let bytes = folded.as_bytes();
            // Every adjective ending ends in -en (checked at load): most words are ruled
            // out by their last two bytes.
            if bytes.ends_with(b"en")
                && cues
                    .adjective_ending
                    .iter()
                    .any(|e| ends_with(bytes, e.as_bytes()))
            {
                return Some(true);
            }
            // A noun of its own ("Zentrale", "Initiative") is no adjective (the listed
            // endings tested before the gender: the cheaper test).
            let e_form = bytes.ends_with(b"e")
                && cues
                    .adjective_ending
                    .iter()
                    .any(|e| ends_with(bytes, &e.as_bytes()[..e.len() - 1]))
                && gender(cues, folded).is_none();
            e_form.then_some(false)
        })
        .collect();
    let adjectives = weak.len();
    // Coordinated truncations before the head noun: "Industrie- und Handelskammer",
    // "Wirtschafts-, Verkehrs- und Bauministerium": the last noun is the head.
    let mut at = adjectives;
    while words
        .get(at)
        .is_some_and(|w| w.ends_with('-') || w.ends_with("-,"))
    {
        at += 1;
        if words
            .get(at)
            .is_some_and(|w| matches!(*w, "und" | "oder" | "sowie"))
        {
            at += 1;
        }
    }
    let Some(&head) = words.get(at) else {
        return name.to_string();
    };
    if !head.chars().next().is_some_and(char::is_uppercase) {
        return name.to_string();
    }
    // A company's name takes the gender of its legal form when its head noun's is not
    // known: "der Emsländischen Milchtechnik GmbH" is "die Emsländische Milchtechnik GmbH".
    let legal_gender = || {
        (adjectives > 0
            && at + 1 < words.len()
            && cues.feminine_legal_form.contains(words[words.len() - 1]))
        .then_some((head, Gender::Feminine))
    };
    let Some((head, gender)) = head_noun(cues, head, folded(head)).or_else(legal_gender) else {
        return name.to_string();
    };
    let mut out = String::with_capacity(name.len() + 2);
    for (adjective, &weak) in words[..adjectives].iter().zip(&weak) {
        // Drop the final n of the weak ending: "Technischen" → "Technische".
        out.push_str(if weak {
            &adjective[..adjective.len() - 1]
        } else {
            adjective
        });
        match gender {
            Gender::Feminine => {}
            Gender::Neuter => out.push('s'),
            Gender::Masculine => out.push('r'),
        }
        out.push(' ');
    }
    for between in &words[adjectives..at] {
        out.push_str(between);
        out.push(' ');
    }
    out.push_str(head);
    for rest in &words[at + 1..] {
        out.push(' ');
        out.push_str(rest);
    }
    out
}
