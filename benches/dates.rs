//! Date-stage throughput: publication date + temporal expressions, one core.
//!
//! Three groups, each running the publication-date search and the date search per document as
//! the pipeline does:
//! - `dates/press_releases`: one dense press release written for this benchmark (many dates,
//!   ranges, times and quantities per line), repeated 64 times: the worst case of the genre;
//! - `dates/corpus_releases`: the realistic releases of the gold corpus's dev split
//!   (`corpus/dev/*.txt`, read at bench time; skipped with a message if absent): the genre the
//!   product is for, short texts where per-document costs weigh;
//! - `dates/shared_news`: when present, the news texts of the shared data
//!   (`$MELDUNG_SHARED/data/news/german_news_docs.jsonl`, default `../shared` next to the
//!   repository), read at bench time: longer texts with fewer dates.

use std::hint::black_box;

#[path = "common/corpora.rs"]
mod corpora;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use meldung::dates::DateRecogniser;

const RELEASE: &str = "Neue Partnerschaft zwischen Forschungsverbund und Industrie

Hannover, 22.11.2017 (PresseBox) - Der Verband der Medizintechnik und das Institut für
Werkstoffkunde haben am Dienstag, 21. November 2017, eine Kooperationsvereinbarung
unterzeichnet. Die Zusammenarbeit ist zunächst auf drei Jahre angelegt und soll Anfang 2018
mit einem gemeinsamen Labor beginnen. Bereits im vergangenen Jahr hatten beide Seiten auf der
Fachmesse in Düsseldorf (14.–17. November 2016) erste Gespräche geführt.

\"Wir arbeiten seit mehreren Jahren an diesem Thema\", sagte die Geschäftsführerin. Im ersten
Quartal 2018 sollen zwölf Stellen besetzt werden; bis Ende 2020 sind weitere 25 vorgesehen. Das
Institut wurde 1998 gegründet und beschäftigt heute rund 2000 Mitarbeiter an vier Standorten.

Die Auftaktveranstaltung findet am 12. Januar um 14:30 Uhr im Hörsaal 3 statt. Anmeldung bis
zum 5.01. unter Telefon 0511 7624301 oder per E-Mail. Der Workshop wird jährlich wiederholt;
der nächste Termin ist für den Sommer 2018 geplant. Die Ergebnisse werden im Frühjahr
veröffentlicht.

Über den Verband: Der Verband vertritt seit 1975 die Interessen von über 400 Unternehmen. Sein
Umsatz stieg gegenüber dem Vorjahr um 4,5 Prozent auf 318 Millionen Euro. Die Mitglieder
kommen jährlich zur Mitgliederversammlung zusammen, zuletzt am 3. Mai in Berlin.

Kontakt: Pressestelle, Lange Straße 5, 30169 Hannover, Telefon 0511 7624300.
";

/// The date stage over each document as the pipeline runs it: publication date and dates in
/// one pass.
fn run(dates: &DateRecogniser, docs: &[&str]) -> usize {
    docs.iter()
        .map(|doc| dates.analyse(doc, &[], None).dates.len())
        .sum()
}

fn bench(c: &mut Criterion) {
    let dates = DateRecogniser::load_default().expect("resources load");
    let mut group = c.benchmark_group("dates");
    let releases: Vec<&str> = std::iter::repeat(RELEASE).take(64).collect();
    group.throughput(Throughput::Bytes((RELEASE.len() * releases.len()) as u64));
    group.bench_function("press_releases", |b| {
        b.iter(|| run(&dates, black_box(&releases)))
    });
    if let Some(corpus) = corpora::dev_releases() {
        let docs: Vec<&str> = corpus.iter().map(String::as_str).collect();
        let bytes: usize = docs.iter().map(|d| d.len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function("corpus_releases", |b| {
            b.iter(|| run(&dates, black_box(&docs)))
        });
    } else {
        eprintln!("corpus/dev/*.txt not found: the corpus releases are not measured");
    }
    if let Some(news) = corpora::news_texts() {
        // One document per line of the file, each with its own publication-date search.
        let docs: Vec<&str> = news.iter().map(String::as_str).collect();
        let bytes: usize = docs.iter().map(|d| d.len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.sample_size(10);
        group.bench_function("shared_news", |b| b.iter(|| run(&dates, black_box(&docs))));
    } else {
        eprintln!("shared news texts not found: only the written release is measured");
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
