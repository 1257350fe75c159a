//! The date stage of the full pipeline on WikiWarsDE (narrative mode), scored strict, relaxed
//! and by value. Skips with a message when the shared data is absent. Set
//! `MELDUNG_WW_ERRORS=1` to print every error.

use std::path::PathBuf;

use meldung::eval::wikiwars::{align_dates, read_dir, score_dates, DateScores};
use meldung::Pipeline;

fn data_dir() -> PathBuf {
    let shared = std::env::var_os("MELDUNG_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    shared.join("data/wikiwarsde")
}

#[test]
fn wikiwarsde_scores_stay_above_the_floor() {
    let dir = data_dir();
    if !dir.join("key").is_dir() {
        eprintln!(
            "SKIPPED: WikiWarsDE not found at {} (set MELDUNG_SHARED to the shared folder)",
            dir.display()
        );
        return;
    }
    let articles = read_dir(&dir).expect("WikiWarsDE reads");
    assert_eq!(articles.len(), 22);
    let gold_total: usize = articles.iter().map(|a| a.gold.dates.len()).sum();
    assert!(gold_total > 2200, "gold expressions: {gold_total}");

    let pipeline = Pipeline::load_default().expect("resources load");
    let show_errors = std::env::var_os("MELDUNG_WW_ERRORS").is_some();
    let mut total = DateScores::default();
    for article in &articles {
        let record = pipeline.extract(&article.document);
        assert_eq!(
            record.published, None,
            "{}: no publication date",
            record.doc_id
        );
        let scores = score_dates(&article.gold.dates, &record.dates);
        total.add(scores);
        if show_errors {
            let gold = &article.gold.dates;
            let predicted = &record.dates;
            let pairs = align_dates(gold, predicted);
            let mut gold_hit = vec![false; gold.len()];
            let mut predicted_hit = vec![false; predicted.len()];
            for &(g, p) in &pairs {
                gold_hit[g] = true;
                predicted_hit[p] = true;
                let (gd, pd) = (&gold[g], &predicted[p]);
                if gd.start != pd.start || gd.end != pd.end {
                    println!("SPAN\t{}\t{:?}\t{:?}", record.doc_id, gd.text, pd.text);
                }
                if gd.value != pd.value {
                    println!(
                        "VALUE\t{}\t{:?}\t{}\t{}",
                        record.doc_id, gd.text, gd.value, pd.value
                    );
                }
            }
            for (g, hit) in gold_hit.iter().enumerate() {
                if !hit {
                    println!(
                        "MISS\t{}\t{:?}\t{}",
                        record.doc_id, gold[g].text, gold[g].value
                    );
                }
            }
            for (p, hit) in predicted_hit.iter().enumerate() {
                if !hit {
                    let pd = &predicted[p];
                    println!("FALSE\t{}\t{:?}\t{}", record.doc_id, pd.text, pd.value);
                }
            }
        }
    }
    println!(
        "WikiWarsDE, {} articles, narrative mode:\n{total}",
        articles.len()
    );
    // Regression floor, below the measured figures (see the branch report).
    assert!(total.strict.f1() >= 0.80, "strict {}", total.strict);
    assert!(total.relaxed.f1() >= 0.88, "relaxed {}", total.relaxed);
    assert!(total.value.f1() >= 0.70, "value {}", total.value);
}
