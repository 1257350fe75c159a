//! Table-driven tests of organisation families of press releases: short forms of names
//! given with their legal form, associations named by their bare head word, units of a
//! university, names after a bare head word. Sentences written for these tests.

#[path = "common/entity_stage.rs"]
mod entity_stage;

use entity_stage::{check, check_org_canonicals, find, org_canonicals};

#[test]
fn names_given_with_a_legal_form_are_the_organisation_without_it() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "Die Kessler Antriebstechnik GmbH hat ein Werk eröffnet. Kessler Antriebstechnik \
             investierte 20 Millionen Euro.",
            &[
                (
                    "Kessler Antriebstechnik GmbH",
                    "Kessler Antriebstechnik GmbH",
                ),
                ("Kessler Antriebstechnik", "Kessler Antriebstechnik GmbH"),
            ],
        ),
        // The short form may come first (a headline) and wins over a person's name.
        (
            "Brandt Systemtechnik wächst\nDie Brandt Systemtechnik AG beschäftigt 300 Menschen.",
            &[
                ("Brandt Systemtechnik", "Brandt Systemtechnik AG"),
                ("Brandt Systemtechnik AG", "Brandt Systemtechnik AG"),
            ],
        ),
        // ... and over a place read in it.
        (
            "Die Bremerhaven Port GmbH lud ein. Bremerhaven Port wird ausgebaut.",
            &[
                ("Bremerhaven Port GmbH", "Bremerhaven Port GmbH"),
                ("Bremerhaven Port", "Bremerhaven Port GmbH"),
            ],
        ),
        // Inside a longer name the short form is not the organisation.
        (
            "Die Nordlicht Logistik GmbH wächst. Die Neue Nordlicht Logistik ist etwas anderes.",
            &[("Nordlicht Logistik GmbH", "Nordlicht Logistik GmbH")],
        ),
    ];
    check_org_canonicals(cases);
}

#[test]
fn a_name_with_a_legal_form_alone_is_no_short_form_of_a_place() {
    // "Sachsen" is a place, not the short form of "Sachsen GmbH".
    check(&[(
        "Die Sachsen GmbH lud ein. Sachsen wirbt um Fachkräfte.",
        &[("Sachsen GmbH", "ORG"), ("Sachsen", "LOC")],
    )]);
}

#[test]
fn associations_named_by_their_bare_head_word_keep_it() {
    check(&[
        (
            "Das Cluster Optik & Photonik Hessen e.V. lud zum Forum ein.",
            &[("Cluster Optik & Photonik Hessen e.V.", "ORG")],
        ),
        (
            "Das Netzwerk Wasserstoff Niedersachsen e.V. wächst.",
            &[("Netzwerk Wasserstoff Niedersachsen e.V.", "ORG")],
        ),
        // A describing compound stays outside.
        (
            "Der Branchenverband Probenbau Oberwald e.V. tagte.",
            &[("Probenbau Oberwald e.V.", "ORG")],
        ),
        // A company after a describing noun keeps it outside too.
        (
            "Die Software-Firma Beispiel Analytics GmbH wächst.",
            &[("Beispiel Analytics GmbH", "ORG")],
        ),
    ]);
}

#[test]
fn units_of_a_university_described_by_their_field_are_the_university() {
    check(&[
        (
            "Forscher des Instituts für Werkstofftechnik der Hochschule Karlsruhe entwickelten das Verfahren.",
            &[("Hochschule Karlsruhe", "ORG")],
        ),
        (
            "Das Institut für Physik der Universität Rostock lud ein.",
            &[("Universität Rostock", "ORG")],
        ),
        // A named institute keeps its own name.
        (
            "Das Fraunhofer-Institut für Lasertechnik lud ein.",
            &[("Fraunhofer-Institut für Lasertechnik", "ORG")],
        ),
        // Not a university: the name with its complement.
        (
            "Das Ministerium für Wirtschaft des Landes Sachsen-Anhalt lud ein.",
            &[("Ministerium für Wirtschaft des Landes Sachsen-Anhalt", "ORG")],
        ),
    ]);
}

#[test]
fn a_name_after_a_bare_head_word_is_the_organisations_name() {
    check(&[
        (
            "Die Hochschule Oberwald fördert das Projekt.",
            &[("Hochschule Oberwald", "ORG")],
        ),
        (
            "Die Universität Oberwald kooperiert mit Partnern.",
            &[("Universität Oberwald", "ORG")],
        ),
        // A common noun after the head is no name.
        ("Die Universität Studenten zählt viele.", &[]),
        // After an adjective the head describes ("seiner alten Universität Oberwald").
        ("Er blieb seiner alten Universität Oberwald treu.", &[]),
        // Only after a university head: after others often a common noun.
        ("Laut Gesetz hat die Stiftung Geld.", &[]),
    ]);
}

#[test]
fn chambers_abroad_name_their_region_after_an_article() {
    check(&[
        (
            "Die Handelskammer für das südliche Afrika lud ein.",
            &[("Handelskammer für das südliche Afrika", "ORG")],
        ),
        // No place after the article: the complement ends before it.
        (
            "Die Handelskammer Hamburg wirbt für das neue Programm.",
            &[("Handelskammer Hamburg", "ORG")],
        ),
    ]);
}

#[test]
fn short_names_in_brackets_after_an_organisation_are_that_organisation() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "Die National Westhaven University of Technology (Westhaven Tech) lud ein. \
             Westhaven Tech bietet Kurse an.",
            &[
                (
                    "National Westhaven University of Technology",
                    "National Westhaven University of Technology",
                ),
                (
                    "Westhaven Tech",
                    "National Westhaven University of Technology",
                ),
                (
                    "Westhaven Tech",
                    "National Westhaven University of Technology",
                ),
            ],
        ),
        (
            "Forscher des Max-Planck-Instituts für Probenkunde (MPI PK) forschen. Das MPI PK \
             lud ein.",
            &[
                (
                    "Max-Planck-Instituts für Probenkunde",
                    "Max-Planck-Institut für Probenkunde",
                ),
                ("MPI PK", "Max-Planck-Institut für Probenkunde"),
                ("MPI PK", "Max-Planck-Institut für Probenkunde"),
            ],
        ),
        // A single word must recur to be a short name.
        (
            "Die Technische Hochschule Westhaven (Foto) lud ein.",
            &[("Technische Hochschule", "Technische Hochschule")],
        ),
    ];
    check_org_canonicals(cases);
    // A place in brackets stays a place.
    check(&[(
        "Die Universität Oberwald (Bayern) lud ein.",
        &[("Universität Oberwald", "ORG"), ("Bayern", "LOC")],
    )]);
}

#[test]
fn acronyms_with_a_place_take_its_compass_word_adjective_and_seat() {
    check(&[
        (
            "Die IHK Nord Westfalen lud ein.",
            &[("IHK Nord Westfalen", "ORG")],
        ),
        (
            "Die IHK Mittlerer Niederrhein lud ein.",
            &[("IHK Mittlerer Niederrhein", "ORG")],
        ),
        (
            "Die IHK Ostwestfalen zu Bielefeld lud ein.",
            &[("IHK Ostwestfalen zu Bielefeld", "ORG")],
        ),
    ]);
}

#[test]
fn fields_after_a_bare_head_before_the_region_it_serves_are_part_of_the_name() {
    check(&[
        (
            "Das Departement Bau und Umwelt des Kantons Aargau teilte mit.",
            &[("Departement Bau und Umwelt des Kantons Aargau", "ORG")],
        ),
        (
            "Das Departement Finanzen und Ressourcen des Kantons Aargau teilte mit.",
            &[(
                "Departement Finanzen und Ressourcen des Kantons Aargau",
                "ORG",
            )],
        ),
        // Without the region the rule does not take the fields (they may be objects).
        ("Das Departement Finanzen und Ressourcen teilte mit.", &[]),
    ]);
}

#[test]
fn a_french_departement_with_its_name_is_no_organisation() {
    let text = "Die Präfektur des Departements Pas-de-Calais teilte mit.";
    assert_eq!(org_canonicals(text), vec![], "{text}");
}

#[test]
fn english_names_with_in_and_company_words_are_organisations() {
    check(&[
        (
            "Die Invest in Westhaven GmbH lud ein.",
            &[("Invest in Westhaven GmbH", "ORG")],
        ),
        // A German verb before "in" is no part of the name.
        (
            "Die Bank investiert in Beispiel GmbH Anteile.",
            &[("Beispiel GmbH", "ORG")],
        ),
        (
            "Nordwind Robotics hat in Ulm ein Werk eröffnet.",
            &[("Nordwind Robotics", "ORG"), ("Ulm", "LOC")],
        ),
    ]);
}

#[test]
fn persons_named_with_their_role_in_an_apposition() {
    check(&[
        (
            "Anwesend war auch Prakash Kulkarni, Minister für Großindustrie.",
            &[("Prakash Kulkarni", "PER")],
        ),
        (
            "Laut Rahul Deshpande, stellvertretender Direktor des Instituts, wächst der Markt.",
            &[("Rahul Deshpande", "PER")],
        ),
        // An article before the words: a description, not a person.
        (
            "Die Firma Nordmetall, Hersteller von Pumpen, wächst.",
            &[("Nordmetall", "ORG")],
        ),
        // No role after the comma.
        ("Die Region Bajío, Zentrum der Autoindustrie, wächst.", &[]),
    ]);
}

#[test]
fn names_of_three_words_closed_by_punctuation_or_after_a_role() {
    check(&[
        (
            "Der Minister der Region, Yaw Boakye Darko, lud ein.",
            &[("Yaw Boakye Darko", "PER")],
        ),
        // A common noun after the name is no part of it.
        (
            "Dort traf Paul Muster Kunden (aus Kiel).",
            &[("Paul Muster", "PER"), ("Kiel", "LOC")],
        ),
        (
            "Gouverneur Ahmet Selçuk Karaman eröffnete das Werk.",
            &[("Ahmet Selçuk Karaman", "PER")],
        ),
    ]);
}

#[test]
fn acronyms_defined_in_brackets_name_the_organisation_with_a_place_after_them() {
    check(&[
        (
            "Die Investitions- und Probengesellschaft Sachsen-Anhalt mbH (IPG) wirbt. Die IPG \
             Sachsen-Anhalt organisiert die Reise.",
            &[
                (
                    "Investitions- und Probengesellschaft Sachsen-Anhalt mbH",
                    "ORG",
                ),
                ("IPG", "ORG"),
                ("IPG Sachsen-Anhalt", "ORG"),
            ],
        ),
        // Not defined in the document: the place alone.
        (
            "Laut QPG Sachsen-Anhalt wächst der Markt.",
            &[("Sachsen-Anhalt", "LOC")],
        ),
    ]);
}

#[test]
fn a_double_surname_used_alone_is_taken_whole() {
    let text = "Staatssekretärin María Fernanda Ruiz Olvera warb für die Region. Ruiz Olvera \
                lud die Firmen ein. Olvera dankte.";
    let found: Vec<(String, String)> = find(text)
        .into_iter()
        .map(|e| (text[e.start..e.end].to_string(), e.canonical))
        .collect();
    let full = "María Fernanda Ruiz Olvera".to_string();
    assert_eq!(
        found,
        vec![
            (full.clone(), full.clone()),
            ("Ruiz Olvera".to_string(), full.clone()),
            ("Olvera".to_string(), full),
        ]
    );
}
