//! Table-driven tests of the relation stage, one table per pattern family, on sentences
//! written for these tests. Entities and dates are given by hand: `[Name|TYPE|kb|subtype]`
//! marks an entity in the text (kb `-` for none), `{text|value}` a DATE mention.

#[path = "common/relation_stage.rs"]
mod relation_stage;

use meldung::calendar::Date;
use meldung::relations::{RegionEvidence, RelationRecogniser};
use relation_stage::*;

const BY: &str = "[Bayern|LOC|DE-BY|state]";

#[test]
fn agreements() {
    check(&[
        (
            "Die [Hochschule Aalen|ORG|-|university] und die [Universidad de Chile|ORG|-|university] unterzeichneten am {Montag|2023-05-08} ein MoU.",
            &["AGREEMENT Hochschule Aalen + Universidad de Chile"],
        ),
        (
            "[Hessen|LOC|DE-HE|state] und [Ontario|LOC|CA-ON|state] haben eine Absichtserklärung zur Zusammenarbeit in der Wasserstofftechnik unterzeichnet.",
            &["AGREEMENT Hessen + Ontario"],
        ),
        (
            "Zwischen [Tirol|LOC|AT-7|state] und [Hokkaido|LOC|JP-01|state] wurde ein Kooperationsvertrag geschlossen.",
            &["AGREEMENT Hokkaido + Tirol"],
        ),
        // The venue of a signing is no party.
        (
            "Die [Kessler GmbH|ORG|-|company] und die [Hanwa Co., Ltd.|ORG|-|company] schlossen in [Stuttgart|LOC|-|city] einen Kooperationsvertrag.",
            &["AGREEMENT Hanwa Co., Ltd. + Kessler GmbH"],
        ),
        // A ministry signs for its Land: the region pair is a relation too.
        (
            "Das [Sächsische Staatsministerium für Wirtschaft|ORG|-|ministry|Sächsisches Staatsministerium für Wirtschaft] und die [Volksregierung der Provinz Hubei|ORG|-|government] unterzeichneten eine Vereinbarung. [Sachsen|LOC|DE-SN|state] und [Hubei|LOC|CN-HB|state] sind Partner.",
            &[
                "AGREEMENT Hubei + Sachsen",
                "AGREEMENT Sächsisches Staatsministerium für Wirtschaft + Volksregierung der Provinz Hubei",
            ],
        ),
    ]);
}

#[test]
fn visits() {
    check(&[
        (
            "Eine Delegation aus [Thüringen|LOC|DE-TH|state] besuchte am {Dienstag|2024-04-09} die Provinz [Gyeonggi|LOC|KR-41|state].",
            &["VISIT Thüringen > Gyeonggi"],
        ),
        (
            "Landrätin [Ulrike Brenneisen|PER|-|person] empfing die Gäste aus [Aichi|LOC|JP-23|state] im Landratsamt in [Ludwigsburg|LOC|-|city]. Ludwigsburg und [Baden-Württemberg|LOC|DE-BW|state] werben um Investoren.",
            &["VISIT Aichi > Baden-Württemberg"],
        ),
        (
            "WIRTSCHAFTSDELEGATION AUS [SICHUAN|LOC|CN-SC|state|Sichuan] ZU BESUCH IN [NIEDERSACHSEN|LOC|DE-NI|state|Niedersachsen]",
            &["VISIT Sichuan > Niedersachsen"],
        ),
        // The subject of "besuchte" is the visitor, the object the host.
        (
            "Der Gouverneur der Präfektur [Shizuoka|LOC|JP-22|state], [Kenji Morikawa|PER|-|person], hat mit einer Delegation den Kanton [Aargau|LOC|CH-AG|state] besucht.",
            &["VISIT Shizuoka > Aargau"],
        ),
        // "die Delegation" later refers back to the visitor.
        (
            "Eine Delegation aus [Québec|LOC|CA-QC|state] reiste nach [Bayern|LOC|DE-BY|state]. Danach besuchte die Delegation die [Technische Universität München|ORG|-|university].",
            &[
                "VISIT Québec > Bayern",
                "VISIT Québec > Technische Universität München",
            ],
        ),
    ]);
}

#[test]
fn cooperation() {
    check(&[
        (
            "[Oberösterreich|LOC|AT-4|state] und [Ohio|LOC|US-OH|state] sind seit {2009|2009} Partnerregionen.",
            &["COOPERATION Oberösterreich + Ohio"],
        ),
        (
            "Die Regierungen von [Baselland|LOC|CH-BL|state|Basel-Landschaft] und [Toyama|LOC|JP-16|state] unterhalten seit Jahren gute Beziehungen.",
            &["COOPERATION Basel-Landschaft + Toyama"],
        ),
        // A partnership that does not exist is none.
        (
            "Eine formelle Partnerschaft zwischen [Aargau|LOC|CH-AG|state] und [Shizuoka|LOC|JP-22|state] gibt es bislang nicht.",
            &[],
        ),
        // The cooperation an agreement is about is not reported twice.
        (
            "[Sachsen|LOC|DE-SN|state] und [Hubei|LOC|CN-HB|state] vereinbarten eine Zusammenarbeit in der Medizintechnik.",
            &["AGREEMENT Hubei + Sachsen"],
        ),
    ]);
}

#[test]
fn events() {
    check(&[
        (
            "Beim [Bayern|LOC|DE-BY|state]-[Québec|LOC|CA-QC|state]-Forum in [Montréal|LOC|-|city] trafen sich Fachleute.",
            &["EVENT Bayern + Québec"],
        ),
        // Adjectives stand for regions of the document; the one named side is completed by
        // the document's main region of the other side.
        (
            "[Sachsen|LOC|DE-SN|state] wirbt in [Vietnam|LOC|VN|country]. Auf dem Forum in [Hanoi|LOC|-|city] stellten sich vietnamesische Firmen vor. Sachsen ist stark.",
            &["EVENT Sachsen + Vietnam"],
        ),
        (
            "Organisiert hatten das Matchmaking die [Wirtschaftsförderung Sachsen GmbH|ORG|-|agency] und die [Vietnamesische Handelskammer|ORG|-|chamber].",
            &["EVENT Vietnamesische Handelskammer + Wirtschaftsförderung Sachsen GmbH"],
        ),
        // "am Rande des Forums" is the setting of the signing, not an event relation.
        (
            "Am Rande des Forums unterzeichneten die [Alpha GmbH|ORG|-|company] und die [Beta Inc.|ORG|-|company] einen Kooperationsvertrag.",
            &["AGREEMENT Alpha GmbH + Beta Inc."],
        ),
    ]);
}

#[test]
fn intents() {
    check(&[
        (
            "[Nordrhein-Westfalen|LOC|DE-NW|state] und [Western Australia|LOC|AU-WA|state] wollen künftig in der Wasserstofftechnik zusammenarbeiten.",
            &["INTENT Nordrhein-Westfalen + Western Australia"],
        ),
        // An announced visit is an intent to meet.
        (
            "[Tirol|LOC|AT-7|state] wirbt um Gäste. Im Herbst wird eine Delegation aus [Hokkaido|LOC|JP-01|state] in [Innsbruck|LOC|-|city] erwartet.",
            &["INTENT Hokkaido + Tirol"],
        ),
        // "beide Seiten": the pair just talked about.
        (
            "[Hessen|LOC|DE-HE|state] und [Karnataka|LOC|IN-KA|state] pflegen Kontakte. Beide Seiten wollen ihre Beziehungen vertiefen.",
            &["COOPERATION Hessen + Karnataka", "INTENT Hessen + Karnataka"],
        ),
    ]);
}

#[test]
fn never_a_place_with_its_own_region_nor_mere_co_occurrence() {
    check(&[
        (
            "[Sachsen|LOC|DE-SN|state] und [Deutschland|LOC|DE|country] vereinbaren eine Kooperation.",
            &[],
        ),
        (
            "Die [Kessler GmbH|ORG|-|company] aus [Bayern|LOC|DE-BY|state] eröffnet ein Werk in [Polen|LOC|PL|country].",
            &[],
        ),
        (
            "Die Exportquote liegt bei 43 Prozent; [Japan|LOC|JP|country] gehört zu den wichtigsten Märkten von [Aargau|LOC|CH-AG|state].",
            &[],
        ),
    ]);
}

#[test]
fn contact_block_and_captions_are_not_read() {
    let text = format!(
        "{BY} wirbt um Fachkräfte.\n\nFoto: Delegation aus [Ohio|LOC|US-OH|state] bei der Unterzeichnung mit Bayern.\n\nPressekontakt:\nZusammenarbeit [Ohio|LOC|US-OH|state] und Bayern"
    );
    let d = doc(&text);
    assert_eq!(shown(&d, &run(&d)), Vec::<String>::new());
}

#[test]
fn one_relation_per_type_and_pair_with_all_evidence() {
    let d = doc("[Hessen|LOC|DE-HE|state] und [Ontario|LOC|CA-ON|state] arbeiten seit {2001|2001} zusammen in einer Partnerschaft. Die Partnerschaft zwischen Hessen und [Ontario|LOC|CA-ON|state] wächst.");
    let relations = run(&d);
    assert_eq!(relations.len(), 1, "{:?}", shown(&d, &relations));
    let r = &relations[0];
    assert_eq!(r.all_evidence.len(), 2);
    assert_eq!(r.evidence, r.all_evidence[0]);
    assert_eq!(r.date_value.as_deref(), Some("2001"));
    assert_eq!(r.date, Some(0));
    assert_eq!(r.cameo.as_ref().map(|c| c.0.as_str()), Some("050"));
}

#[test]
fn cameo_codes_follow_the_trigger() {
    let cases: &[(&str, &str, &str, f64)] = &[
        ("[Hessen|LOC|DE-HE|state] und [Ontario|LOC|CA-ON|state] unterzeichneten eine Absichtserklärung.", "AGREEMENT", "057", 8.0),
        ("Eine Delegation aus [Hessen|LOC|DE-HE|state] besuchte [Ontario|LOC|CA-ON|state].", "VISIT", "042", 1.9),
        ("Der Premier von [Ontario|LOC|CA-ON|state] empfing die Gäste aus [Hessen|LOC|DE-HE|state].", "VISIT", "043", 2.8),
        ("[Hessen|LOC|DE-HE|state] und [Ontario|LOC|CA-ON|state] pflegen eine enge Zusammenarbeit der Unternehmen.", "COOPERATION", "061", 6.4),
        ("[Hessen|LOC|DE-HE|state] und [Ontario|LOC|CA-ON|state] pflegen eine enge Partnerschaft der Schulen.", "COOPERATION", "050", 3.5),
        ("Auf der Konferenz trafen sich [Hessen|LOC|DE-HE|state] und [Ontario|LOC|CA-ON|state].", "EVENT", "044", 2.5),
        ("[Hessen|LOC|DE-HE|state] bekundete Interesse an einer Zusammenarbeit mit [Ontario|LOC|CA-ON|state].", "INTENT", "030", 4.0),
    ];
    for (marked, relation_type, code, goldstein) in cases {
        let d = doc(marked);
        let relations = run(&d);
        let r = relations
            .iter()
            .find(|r| r.relation_type == *relation_type)
            .unwrap_or_else(|| {
                panic!(
                    "no {relation_type} in {}: {:?}",
                    d.text,
                    shown(&d, &relations)
                )
            });
        assert_eq!(r.cameo, Some((code.to_string(), *goldstein)), "{}", d.text);
        assert!(r.confidence > 0.0 && r.confidence <= 1.0);
    }
}

#[test]
fn visitor_comes_first_whatever_the_verb() {
    for marked in [
        "Eine Delegation aus [Hessen|LOC|DE-HE|state] besuchte [Ontario|LOC|CA-ON|state].",
        "In [Ontario|LOC|CA-ON|state] empfing man die Gäste aus [Hessen|LOC|DE-HE|state].",
        "Die hessische Delegation war zu Gast in [Ontario|LOC|CA-ON|state]. [Hessen|LOC|DE-HE|state] ist zufrieden.",
    ] {
        let d = doc(marked);
        assert_eq!(shown(&d, &run(&d)), vec!["VISIT Hessen > Ontario"], "{}", d.text);
    }
}

#[test]
fn people_topics_and_dates() {
    let d = doc("Ministerin [Anna Berg|PER|-|person] und Gouverneur [Kim Lee|PER|-|person] unterzeichneten am {Montag|2023-03-13} für [Hessen|LOC|DE-HE|state] und [Gyeonggi|LOC|KR-41|state] eine Absichtserklärung über Medizintechnik und Robotik.");
    let relations = run(&d);
    assert_eq!(relations.len(), 1, "{:?}", shown(&d, &relations));
    let r = &relations[0];
    assert_eq!(r.people.len(), 2);
    assert_eq!(r.people_roles, vec![Some("signatory".to_string()); 2]);
    assert_eq!(r.topics, vec!["Medizintechnik", "Robotik"]);
    assert_eq!(r.date_value.as_deref(), Some("2023-03-13"));
}

#[test]
fn heute_is_the_publication_day() {
    let d = doc("[Hessen|LOC|DE-HE|state] und [Ontario|LOC|CA-ON|state] unterzeichnen heute eine Absichtserklärung.");
    let published = Date::new(2024, 5, 24);
    let r = run_with(&d, &[], published);
    assert_eq!(r[0].date, None);
    assert_eq!(r[0].date_value.as_deref(), Some("2024-05-24"));
    let d = doc("[Hessen|LOC|DE-HE|state] und [Ontario|LOC|CA-ON|state] unterzeichneten gestern eine Absichtserklärung.");
    let r = run_with(&d, &[], published);
    assert_eq!(r[0].date_value.as_deref(), Some("2024-05-23"));
}

#[test]
fn region_evidence_from_the_entity_stage_is_used() {
    // "nipponische" is no derivable adjective; the entity stage says it is Japan.
    let d = doc("[Tirol|LOC|AT-7|state] wirbt. Die nipponische Delegation besuchte das Land. [Japan|LOC|JP|country] ist ein Markt.");
    assert_eq!(shown(&d, &run(&d)), Vec::<String>::new());
    let start = d.text.find("nipponische").unwrap();
    let evidence = RegionEvidence {
        start,
        end: start + "nipponische".len(),
        canonical: "Japan".to_string(),
        kb_id: Some("JP".to_string()),
    };
    let got = shown(&d, &run_with(&d, &[evidence], None));
    assert_eq!(got, vec!["VISIT Japan > Tirol"]);
}

#[test]
fn trigger_examples_fire() {
    let recogniser = RelationRecogniser::load_default().unwrap();
    let examples = recogniser.check_examples();
    assert!(examples.len() > 50);
    for (line, example, fired) in examples {
        assert!(
            fired,
            "resources/relations/triggers.tsv:{line}: example {example:?} does not fire"
        );
    }
}

#[test]
fn offsets_stay_exact_in_non_ascii_text() {
    let d = doc("„Größer“: [Québec|LOC|CA-QC|state] und [Bayern|LOC|DE-BY|state] schließen ein Abkommen über Künstliche Intelligenz.");
    let r = &run(&d)[0];
    let (start, end) = r.evidence;
    assert!(d.text.is_char_boundary(start) && d.text.is_char_boundary(end));
    assert!(d.text[start..end].contains("Abkommen"));
    assert_eq!(r.topics, vec!["Künstliche Intelligenz"]);
}

#[test]
fn towns_are_parties_only_when_the_title_names_them() {
    check(&[
        // The title is about the two Länder; the towns are where things happen.
        (
            "[Thüringen|LOC|DE-TH|state] und [Ontario|LOC|CA-ON|state] vertiefen Zusammenarbeit\nDie Delegation aus [Ontario|LOC|CA-ON|state] besuchte [Jena|LOC|geonames:1|city] und [Thüringen|LOC|DE-TH|state].",
            &["COOPERATION Ontario + Thüringen", "VISIT Ontario > Thüringen"],
        ),
        // The title names the towns: a twinning of towns.
        (
            "[Jena|LOC|geonames:1|city] und [Kanazawa|LOC|geonames:2|city] feiern Partnerschaft\nEine Delegation aus [Kanazawa|LOC|geonames:2|city] besuchte [Jena|LOC|geonames:1|city].",
            &["COOPERATION Jena + Kanazawa", "VISIT Kanazawa > Jena"],
        ),
    ]);
}

#[test]
fn hosts_visitors_and_travel_words() {
    check(&[
        // A host greets "die Delegation" of a document about two regions: the visitor is the
        // host's counterpart.
        (
            "[Gyeonggi|LOC|KR-41|state] und [Thüringen|LOC|DE-TH|state] bauen Kontakte aus\n\nDie Wirtschaftsministerin von [Thüringen|LOC|DE-TH|state] begrüßte am Montag die Delegation.",
            &["VISIT Gyeonggi > Thüringen"],
        ),
        // "Delegation der Kammer": the body the delegation belongs to visits; "in die" is
        // where it goes.
        (
            "Eine Delegation der [Handwerkskammer Dresden|ORG|-|chamber] war in die Woiwodschaft [Niederschlesien|LOC|PL-02|state] gereist.",
            &["VISIT Handwerkskammer Dresden > Niederschlesien"],
        ),
        // Arrived from abroad: the host is the document's home region.
        (
            "Firmen aus [Hessen|LOC|DE-HE|state] suchen Partner\n\nAus [Kenia|LOC|KE|country] war eine Wirtschaftsdelegation angereist. Die Firmen aus [Hessen|LOC|DE-HE|state] zeigten Solartechnik.",
            &["VISIT Kenia > Hessen"],
        ),
        // A district the title names is the home side, not the country it lies in.
        (
            "Delegation aus [Michigan|LOC|US-MI|state] im Landkreis [Esslingen|LOC|-|district]\n\nDie Gäste aus [Michigan|LOC|US-MI|state] waren vier Tage zu Gast. [Esslingen|LOC|-|district] ist einer der stärksten Kreise [Deutschlands|LOC|DE|country|Deutschland].",
            &["VISIT Michigan > Esslingen"],
        ),
    ]);
}

#[test]
fn media_and_audiences_are_no_triggers() {
    check(&[
        (
            "[Sachsen|LOC|DE-SN|state] und [Ontario|LOC|CA-ON|state] berieten per Videokonferenz.",
            &[],
        ),
        (
            "Auf einer Pressekonferenz stellten [Sachsen|LOC|DE-SN|state] und [Ontario|LOC|CA-ON|state] ihre Bilanz vor.",
            &[],
        ),
        (
            "Die [Messe Stuttgart|ORG|-|company] zählte 5000 Besucher aus [Japan|LOC|JP|country].",
            &[],
        ),
    ]);
}

#[test]
fn declared_intents_are_not_yet_agreements() {
    check(&[
        (
            "[Tirol|LOC|AT-7|state] und [Oregon|LOC|US-OR|state] unterzeichneten ein MoU. Beide Seiten wollen die Zusammenarbeit nun verstetigen.",
            &["AGREEMENT Oregon + Tirol", "INTENT Oregon + Tirol"],
        ),
        (
            "Die Landräte kündigten an, eine Absichtserklärung zwischen [Tirol|LOC|AT-7|state] und [Oregon|LOC|US-OR|state] vorzubereiten.",
            &["INTENT Oregon + Tirol"],
        ),
        // What follows a colon is a statement of its own: the signing has happened.
        (
            "Am Rande des Forums unterzeichneten die [Lindner Solartechnik GmbH|ORG|-|company] und die [Accra Cold Storage Ltd.|ORG|-|company] eine Absichtserklärung: Die Firma soll Kühlhäuser ausrüsten.",
            &["AGREEMENT Accra Cold Storage Ltd. + Lindner Solartechnik GmbH"],
        ),
    ]);
}

/// The families of issue #5, on sentences written for these tests.
#[test]
fn cooperation_stated_by_split_verbs_and_nouns() {
    check(&[
        // A separable verb: "arbeiten … zusammen".
        (
            "Die [Hochschule Aalen|ORG|-|university] und die [Universidad de Chile|ORG|-|university] arbeiten seit {2012|2012} in der Batterieforschung zusammen.",
            &["COOPERATION Hochschule Aalen + Universidad de Chile"],
        ),
        (
            "Auch die [Hochschule Kempten|ORG|-|university] und die [Monash University|ORG|-|university] stehen seit {2019|2019} in Kontakt.",
            &["COOPERATION Hochschule Kempten + Monash University"],
        ),
        // The head of a compound decides: a "Kooperationsforum" is an event.
        (
            "Am Freitag organisierte die [Alpha Agentur|ORG|-|agency] gemeinsam mit der [Beta Kammer|ORG|-|chamber] ein Kooperationsforum.",
            &["EVENT Alpha Agentur + Beta Kammer"],
        ),
    ]);
}

#[test]
fn planned_cooperation_is_an_intent() {
    check(&[
        // Still to come: an intent, no cooperation.
        (
            "Die [Kammer Alpha|ORG|-|chamber] und die [Kammer Beta|ORG|-|chamber] arbeiten künftig enger zusammen.",
            &["INTENT Kammer Alpha + Kammer Beta"],
        ),
        (
            "Die [Alpha Agentur|ORG|-|agency] und die [Beta Invest|ORG|-|agency] wollen bis Ende des Jahres eine gemeinsame Anlaufstelle für Firmen einrichten.",
            &["INTENT Alpha Agentur + Beta Invest"],
        ),
        // Existing and to be deepened: both.
        (
            "[Tirol|LOC|AT-7|state] und [Hokkaido|LOC|JP-01|state] arbeiten bereits seit Jahren zusammen und wollen künftig auch in der Forschung zusammenarbeiten.",
            &["COOPERATION Hokkaido + Tirol", "INTENT Hokkaido + Tirol"],
        ),
        // An invited delegation has not visited yet.
        (
            "[Hessen|LOC|DE-HE|state] wirbt um Partner. Der Gouverneur von [Ashanti|LOC|GH-AH|state] lud eine hessische Unternehmerdelegation zu einem Besuch ein.",
            &["INTENT Ashanti + Hessen"],
        ),
        // An announced trip: the travellers and each place they are to go, as for a visit.
        (
            "Die [Kammer Nord|ORG|-|chamber] plant für den Herbst eine Unternehmerreise nach [Tiflis|LOC|GE-TB|state] und [Batumi|LOC|GE-AJ|state].",
            &["INTENT Kammer Nord + Tiflis", "INTENT Batumi + Kammer Nord"],
        ),
        (
            "Im Mai wird eine Delegation aus [Ontario|LOC|CA-ON|state] die Stadt [Ulm|LOC|-|city] besuchen.",
            &["INTENT Ontario + Ulm"],
        ),
    ]);
}

#[test]
fn visits_without_a_visit_verb() {
    check(&[
        (
            "Die Ministerin leitete eine Wirtschaftsdelegation aus [Thüringen|LOC|DE-TH|state] nach [Südkorea|LOC|KR|country].",
            &["VISIT Thüringen > Südkorea"],
        ),
        // "aus X zurückgekehrt": X is where the delegation went.
        (
            "[Sachsen-Anhalt|LOC|DE-ST|state] wirbt um Investoren. Die Ministerin leitete eine Delegation, die gestern aus [Südkorea|LOC|KR|country] zurückgekehrt ist.",
            &["VISIT Sachsen-Anhalt > Südkorea"],
        ),
        // "des Besuchs" is the document's visit; the visitor went where the sentence places it.
        (
            "Eine Delegation aus [Shizuoka|LOC|JP-22|state] besuchte den Kanton [Aargau|LOC|CH-AG|state]. Im Mittelpunkt des Besuchs stand ein Rundgang im [Paul Scherrer Institut|ORG|-|research], zu dem die [Alpha Agentur|ORG|-|agency] geladen hatte.",
            &[
                "VISIT Shizuoka > Aargau",
                "VISIT Shizuoka > Paul Scherrer Institut",
            ],
        ),
        (
            "Eine Delegation aus [Michigan|LOC|US-MI|state] war in [Böblingen|LOC|-|district] zu Gast. Am Dienstag hatte die Delegation die [Alpha Fahrzeugbau GmbH|ORG|-|company] besichtigt.",
            &[
                "VISIT Michigan > Alpha Fahrzeugbau GmbH",
                "VISIT Michigan > Böblingen",
            ],
        ),
    ]);
}

#[test]
fn settings_events_and_described_places() {
    check(&[
        // The setting governs its noun phrase only: the verb after it states the agreement.
        (
            "Am Rande des Summits vereinbarten die [Alpha GmbH|ORG|-|company] und die [Beta Inc.|ORG|-|company] eine Kooperation.",
            &["AGREEMENT Alpha GmbH + Beta Inc."],
        ),
        // An event also relates the regions its organisers come from; an event one side
        // organises brings in the document's other side.
        (
            "[Sachsen|LOC|DE-SN|state] wirbt in [Vietnam|LOC|VN|country] um Partner. Das Forum organisierten die [Wirtschaftsförderung Sachsen GmbH|ORG|-|agency] und die [Alpha Handelskammer|ORG|-|chamber].",
            &[
                "EVENT Alpha Handelskammer + Wirtschaftsförderung Sachsen GmbH",
                "EVENT Sachsen + Vietnam",
            ],
        ),
        // An adjective before a place locates it ("der Berliner Bezirk X") and is no party;
        // a dateline "Berlin, den …" names the newsroom.
        (
            "[Lichtenberg|LOC|-|district] und Shanghaier Stadtbezirk [Pudong|LOC|-|district] vereinbaren Partnerschaft\n\n[Berlin|LOC|DE-BE|state], den {3. Mai 2024|2024-05-03} – Der Berliner Bezirk [Lichtenberg|LOC|-|district] und der Shanghaier Stadtbezirk [Pudong|LOC|-|district] arbeiten künftig zusammen. [Shanghai|LOC|CN-SH|state] und [Berlin|LOC|DE-BE|state] sind Partner.",
            &["AGREEMENT Lichtenberg + Pudong", "INTENT Lichtenberg + Pudong"],
        ),
        // So does a genitive before the head word; an origin before an article does not.
        (
            "Eine Delegation aus [Sachsen|LOC|DE-SN|state] besucht [Shanghais|LOC|CN-SH|state|Shanghai] Stadtbezirk [Pudong|LOC|-|district].",
            &["VISIT Sachsen > Pudong"],
        ),
        (
            "Im Mai hat eine Delegation aus [Japan|LOC|JP|country] den Landkreis [Ebersberg|LOC|-|district] besucht.",
            &["VISIT Japan > Ebersberg"],
        ),
    ]);
}

#[test]
fn statements_booths_and_region_names_of_several_words() {
    check(&[
        // A colon opens a statement of its own: its adjectives are no parties of the agreement.
        (
            "Die [Alpha Solar GmbH|ORG|-|company] und die [Accra Cooling Ltd.|ORG|-|company] unterzeichneten eine Absichtserklärung: Die hessische Firma liefert Anlagen an das ghanaische Unternehmen. [Hessen|LOC|DE-HE|state] und [Ghana|LOC|GH|country] freut das.",
            &["AGREEMENT Accra Cooling Ltd. + Alpha Solar GmbH"],
        ),
        // A booth is no event.
        (
            "Die [Alpha GmbH|ORG|-|company] und die [Beta Ltd.|ORG|-|company] sprachen am Messestand der [Gamma Messe AG|ORG|-|company] über Preise.",
            &[],
        ),
        // An organisation named after a region of several words stands for it at an event.
        (
            "[Saarland|LOC|DE-SL|state], [Luxemburg|LOC|LU|country] und [Grand Est|LOC|FR-GES|state] suchen Fachkräfte. [Luxemburg|LOC|LU|country] wirbt. Das Forum organisierten das [Ministerium für Arbeit des Saarlandes|ORG|-|ministry] und der [Conseil régional du Grand Est|ORG|-|government].",
            &[
                "EVENT Conseil régional du Grand Est + Ministerium für Arbeit des Saarlandes",
                "EVENT Grand Est + Saarland",
            ],
        ),
    ]);
}

#[test]
fn one_body_is_no_pair_with_itself_its_part_or_its_gloss() {
    check(&[
        // The entity stage may name one body twice; a part and its whole are no partners.
        (
            "Das Forum organisierten die [SFG – Steirische Wirtschaftsförderungsgesellschaft mbH|ORG|-|agency] und die [Steirische Wirtschaftsförderungsgesellschaft mbH|ORG|-|agency].",
            &[],
        ),
        (
            "Das [Institut für Physik der Universität Leipzig|ORG|-|university] und die [Universität Leipzig|ORG|-|university] unterzeichneten eine Vereinbarung.",
            &[],
        ),
        // A name in brackets glosses the organisation before it.
        (
            "Die [Kammer Alpha|ORG|-|chamber] und die [Izba Beta|ORG|-|chamber] ([Westliche Kammer|ORG|-|chamber]) unterzeichneten einen Kooperationsvertrag.",
            &["AGREEMENT Izba Beta + Kammer Alpha"],
        ),
    ]);
}

#[test]
fn attending_a_signing_is_not_signing() {
    check(&[
        (
            "An der Unterzeichnung nahmen Staatsrätin [Eva Lind|PER|-|person] aus [Bremen|LOC|DE-HB|state] und Vizebürgermeister [Li Wei|PER|-|person] aus [Tianjin|LOC|CN-TJ|state] teil.",
            &[],
        ),
        (
            "Anwesend war auch der Minister von [Karnataka|LOC|IN-KA|state], als die [Alpha GmbH|ORG|-|company] und die [Beta Ltd.|ORG|-|company] einen Kooperationsvertrag unterzeichneten.",
            &["AGREEMENT Alpha GmbH + Beta Ltd."],
        ),
    ]);
}

#[test]
fn generic_words_state_nothing_without_what_they_are_about() {
    check(&[
        // "geschlossen", "verlängert", "organisiert" are everyday words: without an agreement,
        // a cooperation or an event in the sentence they state no relation.
        (
            "Die Grenzübergänge zwischen [Österreich|LOC|AT|country] und [Slowenien|LOC|SI|country] bleiben bis Montag geschlossen.",
            &[],
        ),
        (
            "Der Verein aus [Bremen|LOC|DE-HB|state] hat den Vertrag mit dem Stürmer aus [Ghana|LOC|GH|country] bis 2027 verlängert.",
            &[],
        ),
        (
            "Die Polizei in [Hamburg|LOC|DE-HH|state] und die Behörden in [Polen|LOC|PL|country] gehen gegen die organisierte Kriminalität vor.",
            &[],
        ),
        (
            "Die Regierung von [Bayern|LOC|DE-BY|state] begrüßte die Entscheidung der Kommission in [Belgien|LOC|BE|country].",
            &[],
        ),
        (
            "Das Programm aus [Österreich|LOC|AT|country] kann auch in [Südtirol|LOC|IT-32|state] über Satellit empfangen werden.",
            &[],
        ),
        // A measurement, a knife or a parliament are no trade fair or congress.
        (
            "[Sachsen|LOC|DE-SN|state] und [Polen|LOC|PL|country] messen gemeinsam die Feinstaubwerte.",
            &[],
        ),
        (
            "Ein Kongressabgeordneter aus [Ohio|LOC|US-OH|state] kritisierte die Zölle gegen [Mexiko|LOC|MX|country].",
            &[],
        ),
        // Rejected, frozen or denied, a cooperation or a visit is none.
        (
            "Die Regierung in [Bayern|LOC|DE-BY|state] lehnte eine Zusammenarbeit mit der Provinz [Hubei|LOC|CN-HB|state] ab.",
            &[],
        ),
        (
            "[Dänemark|LOC|DK|country] hat seine Beziehungen zu [Belarus|LOC|BY|country] eingefroren.",
            &[],
        ),
        (
            "Der Fahrer aus [Tschechien|LOC|CZ|country] kritisierte das Besuchsrecht in [Bayern|LOC|DE-BY|state].",
            &[],
        ),
        // A congress hall and a parliament are no congress.
        (
            "Im Volkskongress in [Peking|LOC|CN-BJ|state] sprach ein Abgeordneter über die Zölle gegen [Kanada|LOC|CA|country].",
            &[],
        ),
        // A law or a petition is signed, but it is no agreement between the two.
        (
            "Der Präsident von [Polen|LOC|PL|country] hat ein Gesetz unterzeichnet, das Firmen aus [Russland|LOC|RU|country] ausschließt.",
            &[],
        ),
        // An announcement is an intent to meet only when it announces a visit or a meeting.
        (
            "Der Minister aus [Bayern|LOC|DE-BY|state] kündigte an, die Steuern für Firmen aus [Tschechien|LOC|CZ|country] zu senken.",
            &[],
        ),
        (
            "Der Gouverneur von [Ohio|LOC|US-OH|state] kündigte an, im Herbst nach [Bayern|LOC|DE-BY|state] zu reisen.",
            &["INTENT Bayern + Ohio"],
        ),
        // With what they are about, they do, also when the sentence before names it.
        (
            "Die Absichtserklärung lag am Montag zur Unterschrift bereit. Die Zeremonie fand im Rathaus statt. Für [Tirol|LOC|AT-7|state] unterschrieb Landesrat [Paul Huber|PER|-|person], für das [Trentino|LOC|IT-32|state] Assessorin [Anna Rossi|PER|-|person].",
            &["AGREEMENT Tirol + Trentino"],
        ),
        (
            "Die [Stadtwerke Kiel AG|ORG|-|company] und die [Aarhus Havn A/S|ORG|-|company] unterzeichneten einen Liefervertrag.",
            &["AGREEMENT Aarhus Havn A/S + Stadtwerke Kiel AG"],
        ),
        (
            "[Brandenburg|LOC|DE-BB|state] und [Lebus|LOC|PL-08|state] haben ihre Kooperationsvereinbarung um fünf Jahre verlängert.",
            // "ihre": the cooperation exists, and goes on.
            &["AGREEMENT Brandenburg + Lebus", "COOPERATION Brandenburg + Lebus"],
        ),
        (
            "Die [Handelskammer Hamburg|ORG|-|chamber] und die [Kammer von Danzig|ORG|-|chamber] verlängern ihre Partnerschaft.",
            &["COOPERATION Handelskammer Hamburg + Kammer von Danzig"],
        ),
        (
            "Die [Agentur Nord GmbH|ORG|-|agency] und die [Camera di Commercio di Torino|ORG|-|chamber] organisierten in Lübeck einen Unternehmertag.",
            &["EVENT Agentur Nord GmbH + Camera di Commercio di Torino"],
        ),
        (
            "Ministerpräsident [Karl Berger|PER|-|person] aus [Hessen|LOC|DE-HE|state] empfing Gouverneurin [Maria Lopez|PER|-|person] aus [Jalisco|LOC|MX-JAL|state].",
            &["VISIT Jalisco > Hessen"],
        ),
        (
            "Die [Agentur Nord GmbH|ORG|-|agency] und die [Camera di Commercio di Torino|ORG|-|chamber] stellten auf der Fachmesse gemeinsam aus.",
            &["EVENT Agentur Nord GmbH + Camera di Commercio di Torino"],
        ),
    ]);
}

#[test]
fn datelines_and_subordinate_clauses() {
    check(&[
        // "Ort –" opens the text: the newsroom's place is no party.
        (
            "Gäste aus Schlesien\n[Dresden|LOC|DE-SN|state] – Eine Delegation aus [Schlesien|LOC|PL-24|state] besuchte die Universität in [Prag|LOC|CZ-10|state].",
            &["VISIT Schlesien > Prag"],
        ),
        (
            "Gäste aus Schlesien\n[Dresden|LOC|DE-SN|state]/[Breslau|LOC|PL-02|state], {3. Mai 2024|2024-05-03} – Die Ministerin aus [Schlesien|LOC|PL-24|state] besuchte [Bayern|LOC|DE-BY|state].",
            &["VISIT Schlesien > Bayern"],
        ),
        (
            "Gäste aus Schlesien\n[Dresden|LOC|DE-SN|state]/[Breslau|LOC|PL-02|state] – Die Ministerin aus [Schlesien|LOC|PL-24|state] besuchte [Bayern|LOC|DE-BY|state].",
            &["VISIT Schlesien > Bayern"],
        ),
        // What a signed agreement is to do later does not make the signing an intent.
        (
            "[Sachsen|LOC|DE-SN|state] und [Niederschlesien|LOC|PL-02|state] haben eine Vereinbarung unterzeichnet, die den Austausch von Fachkräften erleichtern soll.",
            &["AGREEMENT Niederschlesien + Sachsen"],
        ),
        (
            "[Bayern|LOC|DE-BY|state] und [Québec|LOC|CA-QC|state] haben vereinbart, dass ihre Hochschulen künftig Studierende austauschen werden.",
            &["AGREEMENT Bayern + Québec"],
        ),
        // A signing still to come is.
        (
            "[Sachsen|LOC|DE-SN|state] und [Niederschlesien|LOC|PL-02|state] sollen im Mai eine Vereinbarung unterzeichnen.",
            &["INTENT Niederschlesien + Sachsen"],
        ),
    ]);
}

#[test]
fn clauses_back_references_habits_and_attendees() {
    check(&[
        // Comma clause: a party named in a relative clause about something else is no party.
        (
            "[Hessen|LOC|DE-HE|state] und [Ontario|LOC|CA-ON|state] unterzeichneten eine Vereinbarung, die auch Firmen aus [Mexiko|LOC|MX|country] offensteht.",
            &["AGREEMENT Hessen + Ontario"],
        ),
        // A clause that states the relation itself names its parties.
        (
            "Bei dem Matchmaking, das die [Agentur Nord GmbH|ORG|-|agency] gemeinsam mit der [Kammer Posen|ORG|-|chamber] organisiert hatte, trafen Firmen aus [Bremen|LOC|DE-HB|state] auf Partner aus [Polen|LOC|PL|country].",
            &["EVENT Agentur Nord GmbH + Kammer Posen", "EVENT Bremen + Polen"],
        ),
        // "Die Partner" refers back to the pair just named.
        (
            "[Tirol|LOC|AT-7|state] und [Hokkaido|LOC|JP-01|state] arbeiten seit {2015|2015} im Tourismus zusammen. Die Partner unterzeichneten am {Montag|2024-05-06} eine Absichtserklärung.",
            &["AGREEMENT Hokkaido + Tirol", "COOPERATION Hokkaido + Tirol"],
        ),
        // Recurring: "zum zehnten Mal" is no single event between the two.
        (
            "Das [Sachsen|LOC|DE-SN|state]-[Böhmen|LOC|CZ-20|state]-Forum findet jedes Jahr statt.",
            &[],
        ),
        // Apposition: the region describes the association.
        (
            "Der [Verband der Metallindustrie|ORG|-|association] des Freistaates [Sachsen|LOC|DE-SN|state] und die [Kammer Breslau|ORG|-|chamber] unterzeichneten ein MoU.",
            &["AGREEMENT Kammer Breslau + Verband der Metallindustrie"],
        ),
        // The visitor is the delegation's body; its region too.
        (
            "Eine Delegation der [IHK Chemnitz|ORG|-|chamber] besuchte die Provinz [Jiangsu|LOC|CN-JS|state].",
            &["VISIT IHK Chemnitz > Jiangsu"],
        ),
        // A person stands for the body she leads.
        (
            "Ministerpräsidentin [Eva Klein|PER|-|person] aus [Thüringen|LOC|DE-TH|state] besuchte den Gouverneur von [Ohio|LOC|US-OH|state].",
            &["VISIT Thüringen > Ohio"],
        ),
        // Adjective compounds.
        (
            "Die deutsch-japanische Wirtschaftskonferenz brachte Firmen aus [Bayern|LOC|DE-BY|state] und [Aichi|LOC|JP-23|state] zusammen. [Deutschland|LOC|DE|country] und [Japan|LOC|JP|country] sind Partner.",
            &["EVENT Aichi + Bayern"],
        ),
        // Participants of a fair are no pair of organisers.
        (
            "An der Messe in [Hannover|LOC|DE-NI|state] nahmen 300 Firmen teil, darunter die [Alpha GmbH|ORG|-|company] und die [Beta Ltd.|ORG|-|company].",
            &[],
        ),
    ]);
}

#[test]
fn we_in_a_quote_is_the_issuing_body() {
    check(&[
        // The organisation the release names most speaks as "wir".
        (
            "Das [Institut Nord|ORG|-|research] meldet einen Erfolg. „Seit {2019|2019} arbeiten wir eng mit der [Universidad del Sur|ORG|-|university] in [Chile|LOC|CL|country] zusammen“, sagte die Direktorin des [Institut Nord|ORG|-|research].",
            &["COOPERATION Institut Nord + Universidad del Sur"],
        ),
        // Named once only: no issuing body is known.
        (
            "„Seit {2019|2019} arbeiten wir eng mit der [Universidad del Sur|ORG|-|university] zusammen“, sagte die Direktorin.",
            &[],
        ),
    ]);
}
