//! Canonical names of districts: the name without its administrative head word.
//!
//! The gazetteers name a German district by its official form, "Landkreis Böblingen", so that
//! it differs from the town of the same name. Analysts (and the corpus guidelines) name places
//! without their head word, as they name "Präfektur Aichi" "Aichi": the district is
//! "Böblingen", and only where the document also speaks of the town "Böblingen" does it keep
//! a qualifier in brackets, "Böblingen (Landkreis)". The id (`ags:08115`) stays the same.
//! Which words are heads comes from `resources/entities/region_heads.tsv` (subtype
//! `district`).

use super::lexicon::Lexicon;
use super::EntityMatch;
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
