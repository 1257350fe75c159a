//! The relation stage on the gold corpus, fed the GOLD entities and dates of every document of
//! the development split (`doc_id` starting `dev/`): precision, recall and F1 of party pairs
//! (unordered canonical names) and of pairs with their type.
//!
//! Reads the repository's `corpus/` (or `MELDUNG_CORPUS`):
//! `cargo test --test relations_gold -- --nocapture` prints the scores;
//! `MELDUNG_VERBOSE=1` lists every miss and every spurious relation. Only the dev split is
//! read: the test split is held out.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use meldung::calendar::Date;
use meldung::dates::DateMatch;
use meldung::entities::EntityMatch;
use meldung::record::{DateType, EntityType};
use meldung::relations::{RelationInput, RelationRecogniser};
use meldung::tokenise::Tokeniser;
use serde_json::Value;

#[derive(Default, Debug, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn add(&mut self, gold: &BTreeSet<String>, found: &BTreeSet<String>) {
        self.tp += gold.intersection(found).count();
        self.fp += found.difference(gold).count();
        self.fn_ += gold.difference(found).count();
    }
    fn prf(&self) -> (f64, f64, f64) {
        let p = if self.tp + self.fp == 0 {
            0.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        };
        let r = if self.tp + self.fn_ == 0 {
            0.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
}

fn pair_key(a: &str, b: &str) -> String {
    if a <= b {
        format!("{a} | {b}")
    } else {
        format!("{b} | {a}")
    }
}

/// Byte offset of code point offset `chars` in `text`.
fn byte_at(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(b, _)| b)
}

fn entity_type(label: &str) -> EntityType {
    EntityType::from_label(label).expect("gold entity type")
}

fn date_type(label: &str) -> DateType {
    serde_json::from_value(Value::String(label.to_string())).expect("gold date type")
}

#[test]
fn relations_on_gold_dev_split() {
    // The repository's corpus, or another one named by MELDUNG_CORPUS.
    let corpus = std::env::var_os("MELDUNG_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus"));
    let gold_path = corpus.join("gold.jsonl");
    let Ok(gold) = std::fs::read_to_string(&gold_path) else {
        eprintln!(
            "relations_gold: {} not found (run corpus/tools/build_gold.py); skipping",
            gold_path.display()
        );
        return;
    };
    let verbose = std::env::var_os("MELDUNG_VERBOSE").is_some();
    let tokeniser = Tokeniser::load_default().unwrap();
    let recogniser = RelationRecogniser::load_default().unwrap();
    // gold.jsonl has no `country` on its entities, and no kb_id on towns: derive it as the
    // entity stage does, from the ISO id's prefix or from the gazetteer's `country=` hint of
    // the row with the canonical name (the most populous such place).
    let regions = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("gazetteers/regions.tsv"),
    )
    .unwrap();
    let mut by_name: HashMap<&str, (u64, String)> = HashMap::new();
    for row in regions.lines().filter(|l| !l.starts_with('#')) {
        let cols: Vec<&str> = row.split('\t').collect();
        if cols.len() < 7 || cols[1] != "LOC" {
            continue;
        }
        let Some(country) = cols[6].split(',').find_map(|f| f.strip_prefix("country=")) else {
            continue;
        };
        let weight: u64 = cols[5].parse().unwrap_or(0);
        for name in [cols[2], cols[0]] {
            let entry = by_name.entry(name).or_insert((weight, country.to_string()));
            if weight > entry.0 {
                *entry = (weight, country.to_string());
            }
        }
    }
    let country_of = |e: &Value| -> Option<String> {
        if let Some(c) = e["country"].as_str() {
            return Some(c.to_string());
        }
        if e["type"].as_str() != Some("LOC") {
            return None;
        }
        if let Some(kb) = e["kb_id"].as_str() {
            let head = kb.split('-').next().unwrap_or("");
            if head.len() == 2 && head.bytes().all(|b| b.is_ascii_uppercase()) {
                return Some(head.to_string());
            }
        }
        // Gold writes "Böblingen (Landkreis)" and "Córdoba (Stadt)" where the gazetteer has
        // "Landkreis Böblingen" and "Córdoba"; the surface form may be listed too.
        let canonical = e["canonical"].as_str()?;
        let (base, qualifier) = match canonical.split_once(" (") {
            Some((base, rest)) => (base, rest.trim_end_matches(')')),
            None => (canonical, ""),
        };
        let qualified = format!("{qualifier} {base}");
        let found = [canonical, qualified.as_str(), base, e["text"].as_str()?]
            .into_iter()
            .find_map(|name| by_name.get(name))
            .map(|(_, c)| c.clone());
        found
    };
    let mut pairs = Counts::default();
    let mut typed = Counts::default();
    let mut docs = 0;
    for line in gold.lines().filter(|l| !l.trim().is_empty()) {
        let record: Value = serde_json::from_str(line).expect("gold line is JSON");
        let doc_id = record["doc_id"].as_str().unwrap();
        if !doc_id.starts_with("dev/") {
            continue; // the test split is held out
        }
        docs += 1;
        let text = std::fs::read_to_string(corpus.join(format!("{doc_id}.txt"))).unwrap();
        let entities: Vec<EntityMatch> = record["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| EntityMatch {
                start: byte_at(&text, e["start"].as_u64().unwrap() as usize),
                end: byte_at(&text, e["end"].as_u64().unwrap() as usize),
                entity_type: entity_type(e["type"].as_str().unwrap()),
                canonical: e["canonical"].as_str().unwrap().to_string(),
                kb_id: e["kb_id"].as_str().map(str::to_string),
                subtype: e["subtype"].as_str().map(str::to_string),
                country: country_of(e),
                source: "gold".to_string(),
            })
            .collect();
        let dates: Vec<DateMatch> = record["dates"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| DateMatch {
                start: byte_at(&text, d["start"].as_u64().unwrap() as usize),
                end: byte_at(&text, d["end"].as_u64().unwrap() as usize),
                date_type: date_type(d["type"].as_str().unwrap()),
                value: d["value"].as_str().unwrap().to_string(),
            })
            .collect();
        let published = record["published"].as_str().and_then(Date::parse_iso);
        let tokens = tokeniser.tokenise(&text);
        let sentences = tokeniser.sentences(&text, &tokens);
        let input = RelationInput {
            published,
            ..RelationInput::new(&text, &tokens, &sentences, &entities, &dates)
        };
        let found = recogniser.find_in(&input);

        let mut gold_pairs = BTreeSet::new();
        let mut gold_typed = BTreeSet::new();
        for r in record["relations"].as_array().unwrap() {
            let parties: Vec<&str> = r["parties"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p.as_str().unwrap())
                .collect();
            let key = pair_key(parties[0], parties[1]);
            gold_typed.insert(format!("{} {key}", r["type"].as_str().unwrap()));
            gold_pairs.insert(key);
        }
        let mut found_pairs = BTreeSet::new();
        let mut found_typed = BTreeSet::new();
        for r in &found {
            let key = pair_key(
                &entities[r.parties[0]].canonical,
                &entities[r.parties[1]].canonical,
            );
            found_typed.insert(format!("{} {key}", r.relation_type));
            found_pairs.insert(key);
        }
        pairs.add(&gold_pairs, &found_pairs);
        typed.add(&gold_typed, &found_typed);
        if verbose {
            eprintln!("== {doc_id}");
            for miss in gold_typed.difference(&found_typed) {
                eprintln!("   missed   {miss}");
            }
            for extra in found_typed.difference(&gold_typed) {
                let r = found.iter().find(|r| {
                    format!(
                        "{} {}",
                        r.relation_type,
                        pair_key(
                            &entities[r.parties[0]].canonical,
                            &entities[r.parties[1]].canonical
                        )
                    ) == *extra
                });
                let evidence = r.map(|r| &text[r.evidence.0..r.evidence.1]).unwrap_or("");
                eprintln!(
                    "   spurious {extra}    <- {:.80}",
                    evidence.replace('\n', " ")
                );
            }
        }
    }
    if docs == 0 {
        eprintln!(
            "relations_gold: no dev documents in {}; skipping",
            gold_path.display()
        );
        return;
    }
    let (pp, pr, pf) = pairs.prf();
    let (tp, tr, tf) = typed.prf();
    eprintln!("relations_gold: {docs} dev documents with gold entities and dates");
    eprintln!(
        "  pairs       P {pp:.3}  R {pr:.3}  F1 {pf:.3}   (tp {} fp {} fn {})",
        pairs.tp, pairs.fp, pairs.fn_
    );
    eprintln!(
        "  pairs+type  P {tp:.3}  R {tr:.3}  F1 {tf:.3}   (tp {} fp {} fn {})",
        typed.tp, typed.fp, typed.fn_
    );
    // A floor far below the goal, to catch a broken stage, not to tune to.
    assert!(pf >= 0.4, "pair F1 {pf:.3} collapsed");
}
