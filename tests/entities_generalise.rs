//! Table-driven tests of entity families that press releases nobody tuned on contain
//! (issue #3): foreign organisation names with Spanish, Portuguese, Italian and Dutch heads,
//! English names around a head word, and their negative cases. Sentences written for these
//! tests; names invented or generic.

#[path = "common/entity_stage.rs"]
mod entity_stage;

use entity_stage::{check, find};

/// The organisations found in `text`.
fn organisations(text: &str) -> Vec<String> {
    find(text)
        .into_iter()
        .filter(|e| e.entity_type.label() == "ORG")
        .map(|e| text[e.start..e.end].to_string())
        .collect()
}

#[test]
fn foreign_heads_take_their_complements() {
    check(&[
        (
            "Der Vertrag wurde mit der Gobernación de Cundinamarca in Bogotá unterzeichnet.",
            &[("Gobernación de Cundinamarca", "ORG"), ("Bogotá", "LOC")],
        ),
        (
            "Empfangen wurden die Gäste von der Prefeitura de Curitiba.",
            &[("Prefeitura de Curitiba", "ORG")],
        ),
        (
            "Die Giunta regionale della Lombardia lud zum Gegenbesuch ein.",
            &[("Giunta regionale della Lombardia", "ORG")],
        ),
        (
            "Die Giunta regionale dell'Umbria lud zum Gegenbesuch ein.",
            &[("Giunta regionale dell'Umbria", "ORG")],
        ),
        (
            "Die Kamer van Koophandel und die Hogeschool van Oberwald waren vertreten.",
            &[
                ("Kamer van Koophandel", "ORG"),
                ("Hogeschool van Oberwald", "ORG"),
            ],
        ),
        (
            "Mit der Secretaría de Economía wurde eine Absichtserklärung unterzeichnet.",
            &[("Secretaría de Economía", "ORG")],
        ),
        // A head alone is no name.
        ("Die Giunta tagte am Montag.", &[]),
    ]);
}

#[test]
fn english_names_before_a_head_word() {
    check(&[
        (
            "Mit dabei war Scottish Enterprise, die Förderagentur.",
            &[("Scottish Enterprise", "ORG")],
        ),
        (
            "Die Westhaven Hogeschool und die Oberwald Universiteit kooperieren.",
            &[
                ("Westhaven Hogeschool", "ORG"),
                ("Oberwald Universiteit", "ORG"),
            ],
        ),
        // A German head word after an English name: the name is English.
        (
            "Das Westhaven Energy Cluster und der Oberwald Maritime Battery Cluster kooperieren.",
            &[
                ("Westhaven Energy Cluster", "ORG"),
                ("Oberwald Maritime Battery Cluster", "ORG"),
            ],
        ),
        (
            "Das Buch erschien im Hirzelmann Verlag.",
            &[("Hirzelmann Verlag", "ORG")],
        ),
        // German nouns before a bare head make no name.
        ("Die Firmen Cluster bilden sich.", &[]),
    ]);
}

#[test]
fn an_english_head_with_the_country_it_serves() {
    check(&[(
        "Die Messe organisierte Enterprise Singapore gemeinsam mit der Kammer.",
        &[("Enterprise Singapore", "ORG")],
    )]);
    // Without a country after it the head is no name.
    for text in [
        "Die Enterprise kam in Kiel an.",
        "Sie nutzt Enterprise Software.",
    ] {
        assert_eq!(organisations(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn a_second_surname_after_a_first_name_and_a_surname() {
    check(&[
        (
            "Das Werk leitet Mário Pereira Lopes.",
            &[("Mário Pereira Lopes", "PER")],
        ),
        (
            "Anwesend waren Lucía Fernández Ruiz und Pedro Gómez Vidal.",
            &[
                ("Lucía Fernández Ruiz", "PER"),
                ("Pedro Gómez Vidal", "PER"),
            ],
        ),
        (
            "Geschäftsführer Tomás Aguirre Salas eröffnete das Werk.",
            &[("Tomás Aguirre Salas", "PER")],
        ),
        (
            "Auf dem Foto (v.l.n.r.): Søren Højgaard Nissen, Dr. Inken Paulsen.",
            &[("Søren Højgaard Nissen", "PER"), ("Inken Paulsen", "PER")],
        ),
        // Two first names and a surname spelled like a province, closed by a comma.
        (
            "Dabei war der Gouverneur, Ahmet Selçuk Karaman, mit dem Konsul.",
            &[("Ahmet Selçuk Karaman", "PER")],
        ),
        // A German noun after a German name is the sentence going on.
        (
            "Dabei überreichte Peter Schmidt Blumen und Geschenke.",
            &[("Peter Schmidt", "PER")],
        ),
        (
            "Dort dankte Thomas Müller Kollegen für die Arbeit.",
            &[("Thomas Müller", "PER")],
        ),
    ]);
}

#[test]
fn the_office_of_a_government_is_one_organisation() {
    check(&[
        (
            "Rückfragehinweis: Amt der Steiermärkischen Landesregierung, Abteilung 12.",
            &[("Amt der Steiermärkischen Landesregierung", "ORG")],
        ),
        (
            "Die Abteilung im Amt der Oberwalder Landesregierung lud ein.",
            &[("Amt der Oberwalder Landesregierung", "ORG")],
        ),
    ]);
}

#[test]
fn english_units_described_generically_are_no_organisations() {
    check(&[
        (
            "Kontakt: International Office der Hochschule Mittweida, Tel. 03727 58-1234.",
            &[("Hochschule Mittweida", "ORG")],
        ),
        (
            "Das Welcome Center der Universität Rostock betreut die Gäste.",
            &[("Universität Rostock", "ORG")],
        ),
        (
            "Der Dekan des College of Engineering der Westhaven University sprach.",
            &[("Westhaven University", "ORG")],
        ),
    ]);
    // A unit with a name of its own is an organisation.
    assert_eq!(
        organisations("Das Indo-German Centre for Smart Manufacturing des Instituts wächst."),
        vec!["Indo-German Centre for Smart Manufacturing".to_string()]
    );
}

#[test]
fn a_name_before_a_bracketed_country_or_state_is_a_place() {
    check(&[
        (
            "Die Stadt unterhält Partnerschaften mit Pontarlier (Frankreich) und Zittau (Sachsen).",
            &[
                ("Pontarlier", "LOC"),
                ("Frankreich", "LOC"),
                ("Zittau", "LOC"),
                ("Sachsen", "LOC"),
            ],
        ),
        (
            "Die Firma hat Werke in Kralupy (Tschechien) und Skawina (Polen).",
            &[
                ("Kralupy", "LOC"),
                ("Tschechien", "LOC"),
                ("Skawina", "LOC"),
                ("Polen", "LOC"),
            ],
        ),
        // After a capitalised word, an article or "&" the name is something else.
        ("Die Messe Intec (Sachsen) beginnt.", &[("Sachsen", "LOC")]),
        (
            "Die Bilder gingen an Kornfeld & Klippmann (Bayern).",
            &[("Bayern", "LOC")],
        ),
        // Persons keep their names; derived nouns are no places.
        (
            "Markus Weber (Sachsen) sprach.",
            &[("Markus Weber", "PER"), ("Sachsen", "LOC")],
        ),
        (
            "Es gab Angriffe auf Regierungen (Georgien).",
            &[("Georgien", "LOC")],
        ),
    ]);
}

#[test]
fn a_list_after_a_common_word_place_takes_no_plural_compounds() {
    let places = |text: &str| -> Vec<String> {
        find(text)
            .into_iter()
            .filter(|e| e.entity_type.label() == "LOC")
            .map(|e| text[e.start..e.end].to_string())
            .collect()
    };
    let text = "Die Firma war bei Messen, Geschäftstreffen und Konferenzen präsent.";
    let found = places(text);
    assert!(
        !found
            .iter()
            .any(|p| p == "Geschäftstreffen" || p == "Konferenzen"),
        "{found:?}"
    );
    // Real lists go on after such a place and after others.
    assert_eq!(
        places("Die Firma hat Standorte in Essen, Kettwig und Kerken."),
        vec!["Essen", "Kettwig", "Kerken"]
    );
    assert_eq!(
        places("Die Firma hat Standorte in Bremen, Kerken und Uelzen."),
        vec!["Bremen", "Kerken", "Uelzen"]
    );
}
