//! Canonical names settled per document, once every mention is known.
//!
//! - **Districts** are named without their administrative head word. The gazetteers name a German district by its official form, "Landkreis Böblingen", so that
//!   it differs from the town of the same name. Analysts (and the corpus guidelines) name
//!   places without their head word, as they name "Präfektur Aichi" "Aichi": the district is
//!   "Böblingen", and only where the document also speaks of the town "Böblingen" does it
//!   keep a qualifier in brackets, "Böblingen (Landkreis)". The id (`ags:08115`) stays the
//!   same. Which words are heads comes from `resources/entities/region_heads.tsv` (subtype
//!   `district`).
//! - **Organisations with a registry id** are named as the document writes their full name.
//!   The registry's name is often an English one ("Széchenyi István University") while a
//!   release writes the official name in the organisation's language ("Széchenyi István
//!   Egyetem"), which is the name the analyst reads and searches for. Where the document
//!   writes the registry's name itself, that name stays; acronyms and short names never
//!   become the name. The
//!   id (`ror:…`) is what links the organisation across documents.
//! - **A name in brackets right after an organisation** is another name of it: "Industrie-
//!   und Handelskammer der Oblast Lwiw (Lviv Chamber of Commerce and Industry, LCCI)",
//!   "Deutsch-Amerikanische Handelskammer (AHK USA-Süd)". Every mention of the bracketed
//!   name takes the full name, as acronyms already do, so that the document speaks of one
//!   organisation, not of two that could be each other's partners.

use super::lexicon::Lexicon;
use super::EntityMatch;
use crate::gazetteer::Flags;
use crate::record::EntityType;

/// Renames every district whose canonical name starts with a district head word ("Landkreis
/// Gifhorn" → "Gifhorn"), with the head as a bracketed qualifier when another place of the
/// document has the bare name ("Gifhorn (Landkreis)" next to the town "Gifhorn").
pub(super) fn name_districts(lex: &Lexicon, entities: &mut [EntityMatch]) {
    let mut renamed: Vec<(usize, usize)> = Vec::new();
    for (i, e) in entities.iter().enumerate() {
        if e.entity_type != EntityType::Location || e.subtype.as_deref() != Some("district") {
            continue;
        }
        let Some((head, name)) = e.canonical.split_once(' ') else {
            continue;
        };
        let is_district_head = lex
            .region_heads
            .get(head)
            .is_some_and(|h| h.subtype == "district");
        if is_district_head && !name.is_empty() {
            renamed.push((i, head.len()));
        }
    }
    for (i, head_len) in renamed {
        let name = entities[i].canonical[head_len + 1..].to_string();
        let town_named_alike = entities.iter().any(|other| {
            other.entity_type == EntityType::Location
                && other.subtype.as_deref() != Some("district")
                && other.canonical == name
        });
        entities[i].canonical = if town_named_alike {
            format!("{name} ({})", &entities[i].canonical[..head_len])
        } else {
            name
        };
    }
}

/// Renames every organisation with a registry id whose registry name the document never
/// writes to the first full name the document gives it: a listed form of the same entry that
/// is no acronym, written exactly as listed (not inflected), and not much shorter than the
/// registry's name, without an abbreviated word and not the registry's name without its
/// legal form (short names such as "TU Dresden", "IST Austria", "U.S. Air Force" or "Acerta
/// Pharma" for "Acerta Pharma BV" are no full names). `listed_flags` gives, for a
/// mention, the flags of the list entry its text is written as, if it is.
pub(super) fn name_as_written(
    text: &str,
    entities: &mut [EntityMatch],
    mut listed_flags: impl FnMut(&EntityMatch) -> Option<Flags>,
) {
    let listed: Vec<Option<Flags>> = entities
        .iter()
        .map(|e| {
            if e.entity_type == EntityType::Organisation && e.kb_id.is_some() {
                listed_flags(e)
            } else {
                None
            }
        })
        .collect();
    // (registry id, the name the document writes) of the organisations to rename; an id
    // whose registry name stays is listed with `None`, so that it is decided once.
    let mut names: Vec<(&str, Option<String>)> = Vec::new();
    for e in entities.iter() {
        let Some(kb) = e.kb_id.as_deref() else {
            continue;
        };
        if e.entity_type != EntityType::Organisation || names.iter().any(|(k, _)| *k == kb) {
            continue;
        }
        let mentions = || {
            entities
                .iter()
                .zip(&listed)
                .filter(move |(m, _)| m.kb_id.as_deref() == Some(kb))
        };
        let writes_registry_name = mentions().any(|(m, _)| text[m.start..m.end] == e.canonical);
        let written_full_name = mentions()
            .map(|(m, flags)| (&text[m.start..m.end], flags))
            .find(|(written, flags)| {
                let words = written.split_whitespace().count();
                flags.is_some_and(|f| !f.contains(Flags::ACRONYM))
                    && words >= 2
                    && !written.split_whitespace().any(is_abbreviation)
                    && !e
                        .canonical
                        .strip_prefix(written)
                        .is_some_and(|rest| rest.starts_with(' '))
                    && words + 1 >= e.canonical.split_whitespace().count()
            })
            .map(|(written, _)| written.to_string());
        names.push((kb, written_full_name.filter(|_| !writes_registry_name)));
    }
    let names: Vec<(String, String)> = names
        .into_iter()
        .filter_map(|(kb, name)| Some((kb.to_string(), name?)))
        .collect();
    for e in entities.iter_mut() {
        if e.entity_type != EntityType::Organisation {
            continue;
        }
        if let Some((_, name)) = e
            .kb_id
            .as_deref()
            .and_then(|kb| names.iter().find(|(k, _)| k == kb))
        {
            e.canonical.clone_from(name);
        }
    }
}

/// A word written as an abbreviation: two or more capitals ("TU", "IST", "TÜV") or with a dot
/// ("U.S.").
/// Gives every organisation named in brackets right after another organisation ("A (B)", "A
/// (B, C)") that organisation's canonical name, id and subtype, in all its mentions, unless an
/// earlier step has already named it otherwise than as written.
pub(super) fn name_bracketed_aliases(text: &str, entities: &mut [EntityMatch]) {
    let is_org = |e: &EntityMatch| e.entity_type == EntityType::Organisation;
    // (alias canonical, index of the full name's mention)
    let mut aliases: Vec<(String, usize)> = Vec::new();
    for (i, full) in entities.iter().enumerate() {
        if !is_org(full) {
            continue;
        }
        for alias in entities[i + 1..].iter() {
            if alias.start < full.end {
                continue;
            }
            let between = &text[full.end..alias.start];
            let opens = between.trim() == "(";
            let closes = text[alias.end..].trim_start().starts_with([')', ',', ';']);
            // Only a name that no list holds and nothing else has linked yet: a listed name
            // is an organisation of its own ("… der WHO (Weltgesundheitsorganisation)"), an
            // acronym an earlier step named ("(TUT)" → "Tampere University") keeps that name.
            let unlinked = alias.canonical == text[alias.start..alias.end]
                && (alias.source.starts_with("rule:") || alias.source.starts_with("link:"));
            if opens
                && closes
                && is_org(alias)
                && unlinked
                && alias.canonical != full.canonical
                && !genitive_complement(&text[..full.start])
            {
                aliases.push((alias.canonical.clone(), i));
            }
            break;
        }
    }
    for (alias, i) in aliases {
        let (canonical, kb_id, subtype) = {
            let full = &entities[i];
            (
                full.canonical.clone(),
                full.kb_id.clone(),
                full.subtype.clone(),
            )
        };
        for e in entities
            .iter_mut()
            .filter(|e| is_org(e) && e.canonical == alias)
        {
            e.canonical.clone_from(&canonical);
            if kb_id.is_some() || e.kb_id.is_none() {
                e.kb_id.clone_from(&kb_id);
            }
            e.subtype.clone_from(&subtype);
        }
    }
}

/// Whether a name after `before` is the genitive complement of a noun the entities do not
/// cover ("Kinderhilfswerk der Vereinten Nationen (UNICEF)"): the bracket then names the
/// whole, not the complement.
fn genitive_complement(before: &str) -> bool {
    let mut words = before.trim_end().rsplit(' ');
    let article = words.next().unwrap_or("");
    let noun = words.next().unwrap_or("");
    matches!(article, "der" | "des") && noun.starts_with(char::is_uppercase)
}

fn is_abbreviation(word: &str) -> bool {
    word.contains('.') || word.chars().filter(|c| c.is_uppercase()).count() >= 2
}
