//! Table-driven tests of organisation names with their complements and of their nominative
//! canonical names: chambers, embassies, German bodies abroad, governments, names led by a
//! place, foreign heads, Gaelic surnames. Sentences written for these tests.

#[path = "common/entity_stage.rs"]
mod entity_stage;

use entity_stage::{check, check_org_canonicals, org_canonicals};

#[test]
fn inflected_names_have_their_nominative_as_canonical() {
    let cases = [
        (
            "Die Vertreter der Deutsch-Kolumbianischen Industrie- und Handelskammer reisten ab.",
            "Deutsch-Kolumbianischen Industrie- und Handelskammer",
            "Deutsch-Kolumbianische Industrie- und Handelskammer",
        ),
        (
            "Ein Vertrag mit der Ostbayerischen Industrie- und Handelskammer zu Passau wurde unterzeichnet.",
            "Ostbayerischen Industrie- und Handelskammer zu Passau",
            "Ostbayerische Industrie- und Handelskammer zu Passau",
        ),
        (
            "Das Bayerische Staatsministerium für Umwelt lud ein.",
            "Bayerische Staatsministerium für Umwelt",
            "Bayerisches Staatsministerium für Umwelt",
        ),
        (
            "Die Leiterin des Departements für Bildung und Kultur sprach.",
            "Departements für Bildung und Kultur",
            "Departement für Bildung und Kultur",
        ),
        (
            "Er dankte dem Wirtschafts- und Sozialministerium des Landes Brandenburg.",
            "Wirtschafts- und Sozialministerium des Landes Brandenburg",
            "Wirtschafts- und Sozialministerium des Landes Brandenburg",
        ),
        // A company name whose head noun's gender is not listed takes its legal form's.
        (
            "Die Anlage wurde von der Emsländischen Milchtechnik GmbH geliefert.",
            "Emsländischen Milchtechnik GmbH",
            "Emsländische Milchtechnik GmbH",
        ),
    ];
    for (text, span, canonical) in cases {
        assert_eq!(
            org_canonicals(text),
            vec![(span.to_string(), canonical.to_string())],
            "{text}"
        );
    }
}

#[test]
fn complements_that_belong_to_the_name_are_kept() {
    check(&[
        // A chamber with its seat and the district it serves.
        (
            "Die IHK Würzburg für Unterfranken lud Firmen ein.",
            &[("IHK Würzburg für Unterfranken", "ORG")],
        ),
        // A German body abroad names its seat; a bilateral name does not need it.
        (
            "Die Deutsche Wirtschaftsvereinigung in Kenia (DWK) lud ein.",
            &[
                ("Deutsche Wirtschaftsvereinigung in Kenia", "ORG"),
                ("DWK", "ORG"),
            ],
        ),
        (
            "Sie leitete die Delegation der Deutschen Wirtschaft in Ghana.",
            &[("Delegation der Deutschen Wirtschaft in Ghana", "ORG")],
        ),
        // An embassy named with "von" and its seat.
        (
            "Ein Gruß kam von der Botschaft von Kolumbien in der Bundesrepublik Deutschland.",
            &[(
                "Botschaft von Kolumbien in der Bundesrepublik Deutschland",
                "ORG",
            )],
        ),
        (
            "Der Austausch mit der Botschaft von Kolumbien begann 2020.",
            &[("Botschaft von Kolumbien", "ORG")],
        ),
        // A government's official title; generic ones leave the place.
        (
            "Die Regierung der Autonomen Provinz Bozen lud ein.",
            &[("Regierung der Autonomen Provinz Bozen", "ORG")],
        ),
        (
            "Die Regierung des Bundesstaates Queensland unterzeichnete.",
            &[("Queensland", "LOC")],
        ),
        ("Die Regierung Japans begrüßte das.", &[("Japans", "LOC")]),
        // The seat is part of the name when the acronym follows it.
        (
            "Studierende der Technischen Universität in Sofia (TUS) kommen nach Kiel.",
            &[
                ("Technischen Universität in Sofia", "ORG"),
                ("TUS", "ORG"),
                ("Kiel", "LOC"),
            ],
        ),
        (
            "Die Technische Universität in Sofia unterzeichnete.",
            &[("Technische Universität", "ORG"), ("Sofia", "LOC")],
        ),
        // A known organisation in the genitive stays itself.
        (
            "Die Deutsche Handelsgesellschaft in Frankfurt meldet Zahlen.",
            &[
                ("Deutsche Handelsgesellschaft", "ORG"),
                ("Frankfurt", "LOC"),
            ],
        ),
    ]);
    let text = "Die Deutsche Wirtschaftsvereinigung in Kenia (DWK) lud ein. Die DWK zahlt.";
    for (span, canonical) in org_canonicals(text) {
        assert_eq!(
            canonical, "Deutsche Wirtschaftsvereinigung in Kenia",
            "{span}"
        );
    }
}

#[test]
fn names_led_by_a_place_or_brand_extend_to_their_legal_form() {
    check(&[
        (
            "Beteiligt ist die Leipzig Partner für Standortmarketing GmbH.",
            &[("Leipzig Partner für Standortmarketing GmbH", "ORG")],
        ),
        // A place in the sentence before the name is no part of it.
        (
            "Er traf in Berlin Vertreter für Beispiel GmbH.",
            &[("Berlin", "LOC"), ("Beispiel GmbH", "ORG")],
        ),
        (
            "Die Firma heidelbergwerk Solutions AG in Heidelberg investiert.",
            &[
                ("heidelbergwerk Solutions AG", "ORG"),
                ("Heidelberg", "LOC"),
            ],
        ),
        (
            "Die Hochschule Mittweida und die Beispiel Systems S.R.L. kooperieren.",
            &[
                ("Hochschule Mittweida", "ORG"),
                ("Beispiel Systems S.R.L.", "ORG"),
            ],
        ),
        (
            "Die Agentur Enterprise Georgia lud ein.",
            &[("Enterprise Georgia", "ORG")],
        ),
        (
            "Der Direktor von Enterprise Georgia sprach.",
            &[("Enterprise Georgia", "ORG")],
        ),
    ]);
}

#[test]
fn foreign_heads_and_units() {
    check(&[
        (
            "Partner ist die Camera di Commercio di Brescia.",
            &[("Camera di Commercio di Brescia", "ORG")],
        ),
        (
            "Pressestelle Landratsamt Esslingen, Pulverwiesen 11, 73728 Esslingen",
            &[("Landratsamt Esslingen", "ORG"), ("Esslingen", "LOC")],
        ),
    ]);
}

#[test]
fn gaelic_particles_are_inside_person_names() {
    check(&[
        (
            "Siobhán Ní Dhomhnaill, Geschäftsführerin der Beispiel Ltd., und Professor Pádraig Mac Giolla Bhríde sprachen.",
            &[
                ("Siobhán Ní Dhomhnaill", "PER"),
                ("Beispiel Ltd.", "ORG"),
                ("Pádraig Mac Giolla Bhríde", "PER"),
            ],
        ),
        (
            "Geschäftsführer Eoin Ó Súilleabháin eröffnete das Werk.",
            &[("Eoin Ó Súilleabháin", "PER")],
        ),
    ]);
}

#[test]
fn short_forms_link_to_the_documents_specific_organisation() {
    // A listed acronym alone names the one chamber of the document written with it.
    let text = "Die IHK Würzburg für Unterfranken lud ein. IHK-Präsidentin Eva Muster sprach.";
    let found = org_canonicals(text);
    assert_eq!(found.len(), 2, "{found:?}");
    for (_, canonical) in &found {
        assert_eq!(canonical, "IHK Würzburg für Unterfranken");
    }
    // The short form of an embassy named with its seat.
    let text = "Die Botschaft von Kolumbien in der Bundesrepublik Deutschland lud ein. \
                Kontakt: Botschaft von Kolumbien, Presseabteilung.";
    let found = org_canonicals(text);
    assert_eq!(found.len(), 2, "{found:?}");
    for (_, canonical) in &found {
        assert_eq!(
            canonical,
            "Botschaft von Kolumbien in der Bundesrepublik Deutschland"
        );
    }
    // An abbreviated kind of university opens the name and links to the name written out.
    let text = "Die TU Bergakademie Freiberg forscht in Sambia. Die Technische Universität \
                Bergakademie Freiberg lud ein.";
    let found = org_canonicals(text);
    assert_eq!(
        found,
        vec![
            (
                "TU Bergakademie Freiberg".to_string(),
                "Technische Universität Bergakademie Freiberg".to_string()
            ),
            (
                "Technische Universität Bergakademie Freiberg".to_string(),
                "Technische Universität Bergakademie Freiberg".to_string()
            ),
        ],
    );
    // Two chambers: the acronym alone stays unlinked to either.
    let text = "Die IHK Würzburg und die IHK Aachen luden ein. Die IHK-Präsidentin sprach.";
    let found = org_canonicals(text);
    assert!(
        found
            .iter()
            .all(|(written, canonical)| written != "IHK" || !canonical.starts_with("IHK ")),
        "{found:?}"
    );
}

#[test]
fn governments_named_by_a_demonym_alone_are_descriptions() {
    check(&[
        ("Die Bündner Regierung hat entschieden.", &[]),
        ("Die Kärntner Landesregierung hat entschieden.", &[]),
        // A declined adjective makes the title; a complement names the body.
        (
            "Die Bayerische Staatsregierung hat entschieden.",
            &[("Bayerische Staatsregierung", "ORG")],
        ),
        (
            "Das Thüringer Ministerium für Wirtschaft lud ein.",
            &[("Thüringer Ministerium für Wirtschaft", "ORG")],
        ),
        // In the genitive after another head it names that one.
        (
            "Er sprach für das Amt der Kärntner Landesregierung.",
            &[("Amt der Kärntner Landesregierung", "ORG")],
        ),
        // An administrative noun without a name describes.
        (
            "Bei der Standortsuche half die Wirtschaftsförderung des Landkreises.",
            &[],
        ),
        (
            "Die Wirtschaftsförderung des Landkreises Beispiel half.",
            &[("Wirtschaftsförderung des Landkreises Beispiel", "ORG")],
        ),
    ]);
}

#[test]
fn a_listed_name_takes_the_documents_full_name_with_its_closing_acronym() {
    let text = "Das Fraunhofer IWU koordiniert das Projekt. Das Fraunhofer-Institut für \
                Werkzeugmaschinen und Umformtechnik IWU bringt Erfahrung ein.";
    let found = org_canonicals(text);
    assert_eq!(found.len(), 2, "{found:?}");
    for (_, canonical) in &found {
        assert_eq!(
            canonical,
            "Fraunhofer-Institut für Werkzeugmaschinen und Umformtechnik IWU"
        );
    }
}

#[test]
fn names_spelled_by_their_acronym_with_a_region_in_them_are_organisations() {
    let cases: [(&str, &[(&str, &str)]); 3] = [
        // Foreign names without a German head word: the acronym spells their capitalised
        // words, link words ("de la", "d'") aside, and a region is part of the name.
        (
            "Partner ist die Agrupació d'Empreses de la Fusta de Catalunya (AEFC) in Vic.",
            &[
                (
                    "Agrupació d'Empreses de la Fusta de Catalunya",
                    "Agrupació d'Empreses de la Fusta de Catalunya",
                ),
                ("AEFC", "Agrupació d'Empreses de la Fusta de Catalunya"),
            ],
        ),
        (
            "Mit dabei war auch Rheinland-Pfalz Export Partners (RPEP) aus Mainz.",
            &[
                (
                    "Rheinland-Pfalz Export Partners",
                    "Rheinland-Pfalz Export Partners",
                ),
                ("RPEP", "Rheinland-Pfalz Export Partners"),
            ],
        ),
        // A term with an acronym names no body: no region, no head word.
        ("Themen waren Künstliche Intelligenz (KI) und Robotik.", &[]),
    ];
    check_org_canonicals(&cases);
}

#[test]
fn a_describing_organisation_in_apposition_takes_the_name_it_describes() {
    let cases: [(&str, &[(&str, &str)]); 4] = [
        // A legal name, then what it is.
        (
            "Vertreten war die Nordlicht Invest GmbH, die Landesgesellschaft für Ansiedlung, mit drei Fachleuten.",
            &[
                ("Nordlicht Invest GmbH", "Nordlicht Invest GmbH"),
                ("Landesgesellschaft für Ansiedlung", "Nordlicht Invest GmbH"),
            ],
        ),
        // The acronym in brackets between them.
        (
            "Eingeladen hatte Thüringen Trade & Invest (TTI), die Agentur für Außenwirtschaft des Landes.",
            &[
                ("Thüringen Trade & Invest", "Thüringen Trade & Invest"),
                ("TTI", "Thüringen Trade & Invest"),
                ("Agentur für Außenwirtschaft des Landes", "Thüringen Trade & Invest"),
            ],
        ),
        // An acronym no list holds, described by the apposition, is an organisation
        // wherever it stands.
        (
            "Organisiert hat die Reise NORVEK, die Agentur für Exportförderung. NORVEK lädt 2027 erneut ein.",
            &[
                ("NORVEK", "NORVEK"),
                ("Agentur für Exportförderung", "NORVEK"),
                ("NORVEK", "NORVEK"),
            ],
        ),
        // A list is no apposition.
        (
            "Beteiligt sind die Muster AG, die Agentur für Arbeit und die Stadt.",
            &[
                ("Muster AG", "Muster AG"),
                ("Agentur für Arbeit", "Agentur für Arbeit"),
            ],
        ),
    ];
    check_org_canonicals(&cases);
}

/// `(text, canonical, id)` of the places the entity stage finds in `text`.
fn place_names(text: &str) -> Vec<(String, String, Option<String>)> {
    entity_stage::find(text)
        .into_iter()
        .filter(|e| e.entity_type.label() == "LOC")
        .map(|e| (text[e.start..e.end].to_string(), e.canonical, e.kb_id))
        .collect()
}

#[test]
fn districts_are_named_without_their_head_word_unless_the_town_is_named_too() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        // The district alone: its name, as "Präfektur Aichi" is "Aichi".
        (
            "Der Landkreis Ludwigsburg unterzeichnete eine Vereinbarung mit Jiangsu.",
            &[("Ludwigsburg", "Ludwigsburg"), ("Jiangsu", "Jiangsu")],
        ),
        (
            "Landrätin Eva Muster vertrat den Kreis Mettmann in Tokio.",
            &[("Mettmann", "Mettmann"), ("Tokio", "Tokio")],
        ),
        // District and town of the same name in one text: the district keeps a qualifier.
        (
            "Der Landkreis Gifhorn und die Stadt Gifhorn luden gemeinsam ein.",
            &[("Gifhorn", "Gifhorn (Landkreis)"), ("Gifhorn", "Gifhorn")],
        ),
        // A district whose official name has no head word keeps it.
        (
            "Der Lahn-Dill-Kreis empfing Gäste aus Ungarn.",
            &[("Lahn-Dill-Kreis", "Lahn-Dill-Kreis"), ("Ungarn", "Ungarn")],
        ),
    ];
    for (text, expected) in cases {
        let found = place_names(text);
        let shown: Vec<(&str, &str)> = found
            .iter()
            .map(|(t, c, _)| (t.as_str(), c.as_str()))
            .collect();
        assert_eq!(shown, *expected, "{text}");
        // The id is that of the district whatever its name.
        for (t, _, id) in &found {
            if t == "Ludwigsburg" || t == "Mettmann" {
                assert!(
                    id.as_deref().is_some_and(|id| id.starts_with("ags:")),
                    "{text}: {id:?}"
                );
            }
        }
    }
}

#[test]
fn registry_organisations_are_named_as_the_document_writes_their_full_name() {
    check_org_canonicals(&[
        // The official name in the organisation's language, not the registry's English name.
        (
            "Die Politechnika Warszawska und die Univerzita Karlova gründen ein Labor.",
            &[
                ("Politechnika Warszawska", "Politechnika Warszawska"),
                ("Univerzita Karlova", "Univerzita Karlova"),
            ],
        ),
        // Where the registry's name is written too, it stays.
        (
            "Die Charles University (Univerzita Karlova) lud nach Prag ein.",
            &[
                ("Charles University", "Charles University"),
                ("Univerzita Karlova", "Charles University"),
            ],
        ),
        // A short name is no full name: the registry's name stays.
        (
            "Forschende der TU Dresden reisten nach Japan.",
            &[("TU Dresden", "Technische Universität Dresden")],
        ),
    ]);
}

#[test]
fn a_name_in_brackets_after_an_organisation_is_that_organisation() {
    check_org_canonicals(&[
        // An English name in brackets (with an acronym after it): both names, and the English
        // one again later, are one chamber.
        (
            "Die Industrie- und Handelskammer der Oblast Tscherkassy (Cherkasy Chamber of Commerce and Industry, CCCI) unterzeichnete den Vertrag. Die Cherkasy Chamber of Commerce and Industry vertritt 400 Firmen.",
            &[
                (
                    "Industrie- und Handelskammer der Oblast Tscherkassy",
                    "Industrie- und Handelskammer der Oblast Tscherkassy",
                ),
                (
                    "Cherkasy Chamber of Commerce and Industry",
                    "Industrie- und Handelskammer der Oblast Tscherkassy",
                ),
                (
                    "Cherkasy Chamber of Commerce and Industry",
                    "Industrie- und Handelskammer der Oblast Tscherkassy",
                ),
            ],
        ),
        // The bracket after the complement of an unnamed whole names the whole: the
        // complement keeps its own name.
        (
            "Das Kinderhilfswerk der Vereinten Nationen (UNICEF) warnte.",
            &[
                ("Vereinten Nationen", "Vereinte Nationen"),
                ("UNICEF", "UNICEF"),
            ],
        ),
    ]);
}

#[test]
fn place_names_are_canonical_without_romanisation_marks() {
    // GeoNames spells these with the marks of scholarly transcription ("Rājkot", "Kyōto",
    // "Ālbū Kamāl"); German text and the guidelines' canonical names do not.
    let text = "Die Delegation reiste über Rajkot und Thane nach Kyoto; in Albu Kamal blieb sie.";
    let found = place_names(text);
    for name in ["Rajkot", "Thane", "Kyoto", "Albu Kamal"] {
        assert!(
            found.iter().any(|(t, c, _)| t == name && c == name),
            "{name}: {found:?}"
        );
    }
}
