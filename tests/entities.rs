//! Table-driven tests of the entity stage on sentences written for them, with the default
//! gazetteers; and the examples of the rule files in `resources/entities/`.

#[path = "common/entity_stage.rs"]
mod entity_stage;

use entity_stage::{check, find, stage};
use meldung::entities::{EntityRecogniser, Files};
use meldung::resources::DataFile;

#[test]
fn regions_with_inflection_compounds_and_capitals() {
    check(&[
        ("Die Wirtschaft Sachsens wächst.", &[("Sachsens", "LOC")]),
        (
            "Exporte Chinas und Koreas stiegen.",
            &[("Chinas", "LOC"), ("Koreas", "LOC")],
        ),
        (
            "Die Bayern-Québec-Partnerschaft besteht seit Jahren.",
            &[("Bayern", "LOC"), ("Québec", "LOC")],
        ),
        (
            "Der Basel-Landschaft-Besuch war ein Erfolg.",
            &[("Basel-Landschaft", "LOC")],
        ),
        (
            "Das Japan-Shandong-Forum tagte.",
            &[("Japan", "LOC"), ("Shandong", "LOC")],
        ),
        (
            "SACHSEN UND BAYERN VEREINBAREN ZUSAMMENARBEIT",
            &[("SACHSEN", "LOC"), ("BAYERN", "LOC")],
        ),
        (
            "Die Delegation reiste nach Tokio und Peking.",
            &[("Tokio", "LOC"), ("Peking", "LOC")],
        ),
        // An adjective is no region.
        ("Die sächsische Wirtschaft und japanische Firmen.", &[]),
    ]);
}

#[test]
fn common_words_need_context() {
    check(&[
        ("Gutes Essen ist wichtig.", &[]),
        ("Die Messe findet in Essen statt.", &[("Essen", "LOC")]),
        ("Die Halle war voll.", &[]),
        ("Gäste aus Halle kamen.", &[("Halle", "LOC")]),
        // A region's German name that the lexicon also lists as a noun is no common word
        // when it has no plural: after the article it is the region.
        (
            "Für das Baskenland unterschrieb die Ministerin.",
            &[("Baskenland", "LOC")],
        ),
        // "im" holds an article: before a town named like an ordinary word it is that word,
        // before a region it is a place preposition.
        ("Der Empfang fand im Haus der Wirtschaft statt.", &[]),
        ("Die Firma hat ein Werk im Wallis.", &[("Wallis", "LOC")]),
    ]);
}

#[test]
fn regions_after_administrative_head_words() {
    check(&[
        ("Gäste aus der Präfektur Aichi kamen.", &[("Aichi", "LOC")]),
        (
            "Der Regierungsrat tagte im Kanton Oberwald.",
            &[("Oberwald", "LOC")],
        ),
        ("Die Provinz Guangdong wächst.", &[("Guangdong", "LOC")]),
        ("Der Freistaat Sachsen fördert das.", &[("Sachsen", "LOC")]),
        (
            "Der Stadtbezirk Xinwu hat viele Firmen.",
            &[("Xinwu", "LOC")],
        ),
    ]);
}

#[test]
fn persons_after_roles_titles_and_honorifics() {
    check(&[
        (
            "Regierungspräsidentin Anna Beispiel begrüßte die Gäste.",
            &[("Anna Beispiel", "PER")],
        ),
        ("Das sagte Frau Keller am Montag.", &[("Keller", "PER")]),
        ("Wir danken Herrn Paul Roth.", &[("Paul Roth", "PER")]),
        ("Es sprach Prof. Dr. Jan Kurz.", &[("Jan Kurz", "PER")]),
        (
            "Wirtschaftsförderer Tobias Mauerberg führte.",
            &[("Tobias Mauerberg", "PER")],
        ),
        (
            "Bürgermeisterin Ute von der Heide kam.",
            &[("Ute von der Heide", "PER")],
        ),
        // A role before a place is no person.
        ("Der Botschafter Japans kam.", &[("Japans", "LOC")]),
    ]);
}

#[test]
fn persons_by_first_name_and_east_asian_names() {
    check(&[
        (
            "Laut Markus Feldtmann steigt der Umsatz.",
            &[("Markus Feldtmann", "PER")],
        ),
        (
            "Staatspräsidentin Kim Min-jun reiste an.",
            &[("Kim Min-jun", "PER")],
        ),
        (
            "Es sprach Wang Xiaoming über Handel.",
            &[("Wang Xiaoming", "PER")],
        ),
        (
            "Dazu sagte Choi Dong Hyun am Rande.",
            &[("Choi Dong Hyun", "PER")],
        ),
        (
            "Dazu sagte Minjun Park am Rande.",
            &[("Minjun Park", "PER")],
        ),
    ]);
}

#[test]
fn surnames_link_to_the_full_name() {
    let text = "Staatsministerin Petra Wendeler eröffnete. Wendeler betonte die Chancen.";
    let found = find(text);
    let persons: Vec<(&str, &str)> = found
        .iter()
        .map(|e| (&text[e.start..e.end], e.canonical.as_str()))
        .collect();
    assert_eq!(
        persons,
        vec![
            ("Petra Wendeler", "Petra Wendeler"),
            ("Wendeler", "Petra Wendeler")
        ]
    );
    assert_eq!(found[1].source, "link:surname");
}

#[test]
fn organisations_by_head_words_legal_forms_and_english_names() {
    check(&[
        (
            "Das Sächsische Staatsministerium für Wirtschaft, Arbeit und Verkehr lud ein.",
            &[(
                "Sächsische Staatsministerium für Wirtschaft, Arbeit und Verkehr",
                "ORG",
            )],
        ),
        (
            "Die Handelskommission des Bezirks Xinwu reiste an.",
            &[("Handelskommission des Bezirks Xinwu", "ORG")],
        ),
        (
            "Die Musterwerk GmbH investiert.",
            &[("Musterwerk GmbH", "ORG")],
        ),
        (
            "Der Probenfreunde e.V. lädt ein.",
            &[("Probenfreunde e.V.", "ORG")],
        ),
        (
            "Vertreter des Oberwald Council for the Promotion of Trade Xinwu Sub-Council kamen.",
            &[(
                "Oberwald Council for the Promotion of Trade Xinwu Sub-Council",
                "ORG",
            )],
        ),
        (
            "Das ProbenInnovationsZentrum Dresden öffnet.",
            &[("ProbenInnovationsZentrum Dresden", "ORG")],
        ),
        (
            "Die Ausstellung im Museum.XY war gut.",
            &[("Museum.XY", "ORG")],
        ),
        // A bare head is no organisation.
        ("Die Landesregierung und das Ministerium teilten mit.", &[]),
        // A place inside an organisation's name is not marked separately.
        (
            "Die Universität Leipzig forscht.",
            &[("Universität Leipzig", "ORG")],
        ),
    ]);
}

#[test]
fn organisations_named_in_an_inflected_case_get_their_nominative_canonical_name() {
    // (sentence, organisation as written, canonical)
    let cases: &[(&str, &str, &str)] = &[
        (
            "Die Delegation besuchte die Labore der Technischen Hochschule Rheinbach.",
            "Technischen Hochschule Rheinbach",
            "Technische Hochschule Rheinbach",
        ),
        (
            "Vertreter des Sächsischen Staatsministeriums für Umwelt und Landwirtschaft sprachen.",
            "Sächsischen Staatsministeriums für Umwelt und Landwirtschaft",
            "Sächsisches Staatsministerium für Umwelt und Landwirtschaft",
        ),
        (
            "Die Leiterin des Instituts für Angewandte Optik stellte das Projekt vor.",
            "Instituts für Angewandte Optik",
            "Institut für Angewandte Optik",
        ),
        (
            "Gemeinsam mit dem Hessischen Landesamt für Statistik entsteht eine Studie.",
            "Hessischen Landesamt für Statistik",
            "Hessisches Landesamt für Statistik",
        ),
        (
            "Die Technische Universität Wendelstein lädt ein.",
            "Technische Universität Wendelstein",
            "Technische Universität Wendelstein",
        ),
    ];
    for &(text, written, canonical) in cases {
        let found = find(text);
        let org = found
            .iter()
            .find(|e| &text[e.start..e.end] == written)
            .unwrap_or_else(|| panic!("{written:?} not found in {text:?}: {found:?}"));
        assert_eq!(org.canonical, canonical, "{text}");
    }
}

#[test]
fn organisation_spans_with_truncations_places_and_legal_forms() {
    check(&[
        // Coordinated truncations belong to the name.
        (
            "Die Industrie- und Handelskammer Leipzig lud ein.",
            &[("Industrie- und Handelskammer Leipzig", "ORG")],
        ),
        (
            "Die Probenbau- und Messtechnik GmbH investiert.",
            &[("Probenbau- und Messtechnik GmbH", "ORG")],
        ),
        // A bare "Amt" or "Zentrum" heads a name only with "für".
        (
            "Das Amt für Handel der Provinz Hunan lud ein.",
            &[("Amt für Handel der Provinz Hunan", "ORG")],
        ),
        (
            "Das Zentrum der Stadt Leipzig ist voll.",
            &[("Leipzig", "LOC")],
        ),
        // A genitive region complement.
        (
            "Das Ministerium für Verkehr des Saarlandes lud ein.",
            &[("Ministerium für Verkehr des Saarlandes", "ORG")],
        ),
        // The place after an English head is not part of the name.
        (
            "Die Oberwald University in Hunan forscht.",
            &[("Oberwald University", "ORG"), ("Hunan", "LOC")],
        ),
        // International legal forms after a comma.
        (
            "Die Probenwerk, Inc. investiert.",
            &[("Probenwerk, Inc.", "ORG")],
        ),
        // A hyphen compound with a name before the head.
        (
            "Die Oberwald-Universität forscht.",
            &[("Oberwald-Universität", "ORG")],
        ),
        // Generic time nouns are no places.
        ("Ende März kam es zum Ende der Gespräche.", &[]),
    ]);
}

#[test]
fn acronyms_defined_in_the_document_link_to_the_full_name() {
    let text =
        "Die Oberwald Medical Techno Valley Foundation (OMTV) lud ein. Die OMTV fördert Firmen.";
    let found = find(text);
    let shown: Vec<(&str, &str, &str)> = found
        .iter()
        .map(|e| {
            (
                &text[e.start..e.end],
                e.canonical.as_str(),
                e.source.as_str(),
            )
        })
        .collect();
    assert_eq!(
        shown,
        vec![
            (
                "Oberwald Medical Techno Valley Foundation",
                "Oberwald Medical Techno Valley Foundation",
                // "Foundation" is both a legal form and an English head word.
                "rule:org_legal_form"
            ),
            (
                "OMTV",
                "Oberwald Medical Techno Valley Foundation",
                "link:acronym"
            ),
            (
                "OMTV",
                "Oberwald Medical Techno Valley Foundation",
                "link:acronym"
            ),
        ]
    );
}

#[test]
fn canonical_names_and_ids_come_from_the_gazetteer() {
    let text = "Holland und Sachsen kooperieren mit Südkorea.";
    let found = find(text);
    let ids: Vec<(&str, &str, Option<&str>, Option<&str>)> = found
        .iter()
        .map(|e| {
            (
                &text[e.start..e.end],
                e.canonical.as_str(),
                e.kb_id.as_deref(),
                e.subtype.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        ids,
        vec![
            ("Holland", "Niederlande", Some("NL"), Some("country")),
            ("Sachsen", "Sachsen", Some("DE-SN"), Some("state")),
            ("Südkorea", "Südkorea", Some("KR"), Some("country")),
        ]
    );
    assert!(found.iter().all(|e| e.source == "gazetteers/regions.tsv"));
}

#[test]
fn user_gazetteers_add_entries_and_report_bad_rows() {
    let (tokeniser, _) = stage();
    let mine = DataFile {
        name: "my_regions.tsv",
        content: "# surface\ttype\tcanonical\tkb_id\tsubtype\tweight\tflags\nNordprobenland\tLOC\tNordprobenland\tx:1\tstate\t0\t\n",
    };
    let recogniser = EntityRecogniser::load(&[mine]).unwrap();
    let text = "Firmen aus Nordprobenland kamen.";
    let tokens = tokeniser.tokenise(text);
    let found = recogniser.find(text, &tokens, &tokeniser.sentences(text, &tokens));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].kb_id.as_deref(), Some("x:1"));
    assert_eq!(found[0].source, "my_regions.tsv");
    let bad = DataFile {
        name: "bad.tsv",
        content: "Nordprobenland\tLOC\tNordprobenland\t\tstate\tviele\t\n",
    };
    let err = EntityRecogniser::load(&[bad]).unwrap_err();
    assert_eq!((err.file.as_str(), err.line), ("bad.tsv", 1));
}

#[test]
fn region_evidence_lists_adjectives_and_demonyms() {
    let (tokeniser, recogniser) = stage();
    let text = "Japanische und chinesische Firmen trafen Dresdner Forscher.";
    let found = recogniser.find_region_evidence(text, &tokeniser.tokenise(text));
    let shown: Vec<(&str, &str)> = found
        .iter()
        .map(|e| (&text[e.start..e.end], e.canonical.as_str()))
        .collect();
    assert_eq!(
        shown,
        vec![
            ("Japanische", "Japan"),
            ("chinesische", "China"),
            ("Dresdner", "Dresden")
        ]
    );
}

#[test]
fn resource_examples_find_their_bracketed_name() {
    let examples = Files::default_files().examples().unwrap();
    assert!(examples.len() > 50);
    let mut failures = Vec::new();
    for (example, label) in examples {
        let found = find(&example.text);
        let hit = found.iter().any(|e| {
            e.start == example.expected.start
                && e.end == example.expected.end
                && e.entity_type.label() == label
        });
        if !hit {
            let shown: Vec<String> = found
                .iter()
                .map(|e| {
                    format!(
                        "{}:{}",
                        e.entity_type.label(),
                        &example.text[e.start..e.end]
                    )
                })
                .collect();
            failures.push(format!(
                "{}:{}: expected {label} {:?} in {:?}, found {shown:?}",
                example.file,
                example.line,
                &example.text[example.expected.clone()],
                example.text
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn mentions_are_sorted_and_do_not_overlap() {
    let text =
        "Die Technische Universität München und die TUM-Partner aus Shandong, Jinan und Qingdao \
                trafen Frau Dr. Lena Berger von der Musterwerk AG in Frankfurt am Main.";
    let found = find(text);
    assert!(found.len() >= 5, "{found:?}");
    for pair in found.windows(2) {
        assert!(pair[0].end <= pair[1].start, "{pair:?}");
    }
    for e in &found {
        assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
    }
}

#[test]
fn odd_texts_give_char_boundary_spans_without_panicking() {
    let (tokeniser, recogniser) = stage();
    let texts = [
        "",
        "ẞ",
        "GROẞE FREUDE IN SACHSEN",
        "Ä-Ö-Ü und 𝕏-Sachsen-Ärger 😀 Präfektur",
        "Frau",
        "Herrn Dr.",
        "Sachsens\u{00a0}Wirtschaft\r\nin\tBayern",
        "Die Universität (",
        "e.V. GmbH",
    ];
    for text in texts {
        let tokens = tokeniser.tokenise(text);
        let sentences = tokeniser.sentences(text, &tokens);
        for e in recogniser.find(text, &tokens, &sentences) {
            assert!(
                e.start < e.end && text.is_char_boundary(e.start) && text.is_char_boundary(e.end)
            );
        }
        for e in recogniser.find_region_evidence(text, &tokens) {
            assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
        }
    }
}

#[test]
fn places_joined_by_hyphens_rivers_and_compass_prefixes() {
    check(&[
        (
            "Das Start-up aus Québec-Stadt und ein Büro in Berlin-Mitte.",
            &[("Québec-Stadt", "LOC"), ("Berlin-Mitte", "LOC")],
        ),
        (
            "Die Firma zog nach Mülheim an der Ruhr und nach Esslingen am Neckar.",
            &[
                ("Mülheim an der Ruhr", "LOC"),
                ("Esslingen am Neckar", "LOC"),
            ],
        ),
        // The weekday after "am" is no river.
        (
            "Die Gäste waren in Dresden am Montag.",
            &[("Dresden", "LOC")],
        ),
        (
            "Firmen aus Westchina und Mitteldeutschland kamen.",
            &[("Westchina", "LOC"), ("Mitteldeutschland", "LOC")],
        ),
        // The longest prefix: "Nordost" + "schweiz", not "Nord" + "ostschweiz".
        (
            "Betriebe aus der Nordostschweiz und aus Südwestpolen kamen.",
            &[("Nordostschweiz", "LOC"), ("Südwestpolen", "LOC")],
        ),
        ("Der Mittelstand und die Ostsee-Wirtschaft wachsen.", &[]),
        // A Korean province's ending "-do" stays outside, like a head word.
        (
            "Firmen aus Gyeonggi-do kamen nach Mainz.",
            &[("Gyeonggi", "LOC"), ("Mainz", "LOC")],
        ),
        (
            "Die Woiwodschaft Lebus und der Stadtteil Kornwinkel feiern.",
            &[("Lebus", "LOC"), ("Kornwinkel", "LOC")],
        ),
    ]);
}

#[test]
fn common_nouns_after_determiners_are_no_places() {
    check(&[
        // "Halle" in "in Halle" is the city; the other two are halls.
        (
            "Die Firma in Halle baut die neue Halle 4. Diese Halle ist groß.",
            &[("Halle", "LOC")],
        ),
        ("Gäste aus Essen kamen zu einem Essen.", &[("Essen", "LOC")]),
    ]);
}

#[test]
fn foreign_language_organisations() {
    check(&[
        (
            "Das Forum lud das Ministère de l'Économie du Québec ein.",
            &[("Ministère de l'Économie du Québec", "ORG")],
        ),
        (
            "Die Agence pour le développement de l'emploi hat eingeladen.",
            &[("Agence pour le développement de l'emploi", "ORG")],
        ),
        (
            "Mit dabei war der Conseil régional du Grand Est.",
            &[("Conseil régional du Grand Est", "ORG")],
        ),
        (
            "Die Wielkopolska Izba Rzemieślnicza lud ein.",
            &[("Wielkopolska Izba Rzemieślnicza", "ORG")],
        ),
        (
            "Die Universidade Federal de Minas Gerais forscht.",
            &[("Universidade Federal de Minas Gerais", "ORG")],
        ),
    ]);
}

#[test]
fn organisation_names_with_acronyms_descriptors_and_places() {
    check(&[
        // "ACR – Full Name" is one name and defines the acronym.
        (
            "Der Rat der MWG – Musterstädter Wirtschaftsgesellschaft mbH tagte. Die MWG wächst.",
            &[
                ("MWG – Musterstädter Wirtschaftsgesellschaft mbH", "ORG"),
                ("MWG", "ORG"),
            ],
        ),
        // A descriptive noun before the name is no part of it; a place is.
        (
            "Die Software-Firma Beispiel Analytics GmbH wächst.",
            &[("Beispiel Analytics GmbH", "ORG")],
        ),
        // In the genitive too, and a compound of a listed trade.
        (
            "Der Umsatz des Pumpen-Herstellers Beispiel Fluidtechnik Ltd. stieg.",
            &[("Beispiel Fluidtechnik Ltd.", "ORG")],
        ),
        (
            "Die Muttergesellschaft Beispiel Holding AG zahlt.",
            &[("Beispiel Holding AG", "ORG")],
        ),
        (
            "Der Branchenverband Kunststoffnetz Nord e.V. tagte.",
            &[("Kunststoffnetz Nord e.V.", "ORG")],
        ),
        (
            "Die Wirtschaftsförderungsgesellschaft Hamm mbH lädt ein.",
            &[("Wirtschaftsförderungsgesellschaft Hamm mbH", "ORG")],
        ),
        // An acronym of the name's initials closes it.
        (
            "Das Fraunhofer-Institut für Angewandte Optik und Feinmechanik IOF forscht.",
            &[(
                "Fraunhofer-Institut für Angewandte Optik und Feinmechanik IOF",
                "ORG",
            )],
        ),
        (
            "Die Hochschule für Technik HFG forscht.",
            &[("Hochschule für Technik", "ORG")],
        ),
        (
            "Die Tagung fand in der IHK für Rheinhessen statt.",
            &[("IHK für Rheinhessen", "ORG")],
        ),
    ]);
}

#[test]
fn persons_by_speech_verbs_initials_ages_and_family_names() {
    check(&[
        (
            "„Wir sind bereit“, sagte Keller. Danach sprach Frau Roth.",
            &[("Keller", "PER"), ("Roth", "PER")],
        ),
        (
            "„Das ist gut“, so Brenner, „und wichtig.“",
            &[("Brenner", "PER")],
        ),
        // A place after the verb stays a place.
        ("Das sagte Sachsen.", &[("Sachsen", "LOC")]),
        ("Das Buch schrieb A. Wiegand.", &[("A. Wiegand", "PER")]),
        (
            "Heidi Beispiel (37) bleibt in Berlin.",
            &[("Heidi Beispiel", "PER"), ("Berlin", "LOC")],
        ),
        (
            "Vorsitzender Nguyen Thanh Long begrüßte die Gäste.",
            &[("Nguyen Thanh Long", "PER")],
        ),
    ]);
    // East Asian family names come first: a later "Zhou" is Zhou Minghao.
    let text = "Vizegouverneur Zhou Minghao kam. Zhou betonte die Partnerschaft.";
    let found = find(text);
    let shown: Vec<(&str, &str)> = found
        .iter()
        .map(|e| (&text[e.start..e.end], e.canonical.as_str()))
        .collect();
    assert_eq!(
        shown,
        vec![("Zhou Minghao", "Zhou Minghao"), ("Zhou", "Zhou Minghao")]
    );
}

#[test]
fn datelines_postcodes_and_surnames_spelled_like_places() {
    check(&[
        (
            "Kiel, 3. April 2024 – Die Firma wächst.",
            &[("Kiel", "LOC")],
        ),
        ("Anschrift: Musterweg 5, 24105 Kiel", &[("Kiel", "LOC")]),
        // Without a preposition the town's name is the person's surname …
        (
            "Vizebürgermeister Takahiro Ueda kam. Ueda lobte die Firmen.",
            &[("Takahiro Ueda", "PER"), ("Ueda", "PER")],
        ),
        // … unless the document names the place with a preposition.
        (
            "Bürgermeisterin Petra Hamm kam aus Hamm. Hamm wächst.",
            &[("Petra Hamm", "PER"), ("Hamm", "LOC"), ("Hamm", "LOC")],
        ),
    ]);
}

#[test]
fn seats_of_chambers_and_embassies_and_places_named_after_head_words() {
    check(&[
        (
            "Die Deutsche Industrie- und Handelskammer in Vietnam lud ein.",
            &[("Deutsche Industrie- und Handelskammer in Vietnam", "ORG")],
        ),
        (
            "Die Botschaft der Republik Korea in Berlin lud ein.",
            &[("Botschaft der Republik Korea in Berlin", "ORG")],
        ),
        // A university's place after "in" is its location, not part of its name.
        (
            "Die Technische Universität Dresden in Sachsen forscht.",
            &[
                ("Technische Universität Dresden", "ORG"),
                ("Sachsen", "LOC"),
            ],
        ),
        (
            "Der Stadtbezirk Xinwu wächst. Firmen aus Xinwu kamen. Xinwu ist groß.",
            &[("Xinwu", "LOC"), ("Xinwu", "LOC"), ("Xinwu", "LOC")],
        ),
        (
            "Die Freie Hansestadt Bremen und die Republik Korea kooperieren.",
            &[("Bremen", "LOC"), ("Republik Korea", "LOC")],
        ),
    ]);
}
