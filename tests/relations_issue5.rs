//! Probe releases for the failing families of issue #5: an organisation paired with a region,
//! visits that are only planned or offered, places inside the region they belong to, back
//! references to the parties, places that are only background, and bodies named after their
//! region. Every text is written for these tests (none is taken from the corpus or the seeds);
//! entities and dates are given by hand: `[Name|TYPE|kb|subtype|canonical]` marks an entity (kb
//! `-` for none), `{text|value}` a DATE mention.

#[path = "common/relation_stage.rs"]
mod relation_stage;

use relation_stage::*;

#[test]
fn an_organisation_and_a_foreign_region_are_partners() {
    check(&[
        // A chamber signs with a foreign province; a third place in the sentence is only
        // where it happened.
        (
            "Die [Handwerkskammer Koblenz|ORG|-|chamber] und die chilenische Region [Biobío|LOC|CL-BI|state] haben am {Montag|2023-05-08} in [Koblenz|LOC|-|city] eine Kooperationsvereinbarung unterzeichnet.",
            &["AGREEMENT Biobío + Handwerkskammer Koblenz"],
        ),
        // A university and a province want to work together; the country of the province
        // is no partner of its own province.
        (
            "Die [Universität Bremen|ORG|-|university] will künftig enger mit der Provinz [Gauteng|LOC|ZA-GT|state] in [Südafrika|LOC|ZA|country] zusammenarbeiten.",
            &["INTENT Gauteng + Universität Bremen"],
        ),
        // "zwischen" an organisation and a region, with a region of the organisation's own
        // side named as its seat.
        (
            "Unterzeichnet wurde die Absichtserklärung zwischen der [IHK Ostwürttemberg|ORG|-|chamber] aus [Baden-Württemberg|LOC|DE-BW|state] und dem Bundesstaat [Querétaro|LOC|MX-QUE|state].",
            &["AGREEMENT IHK Ostwürttemberg + Querétaro"],
        ),
        // A government body invites a foreign region: an intent between them (and the
        // region the government stands for).
        (
            "Der [Regierungsrat des Kantons Bern|ORG|-|government] hat die Regierung der Provinz [Manitoba|LOC|CA-MB|state] zu einem Gegenbesuch eingeladen.",
            &["INTENT Manitoba + Regierungsrat des Kantons Bern"],
        ),
    ]);
}

#[test]
fn planned_and_offered_visits_are_intents() {
    check(&[
        // A modal verb: the visit is to come.
        (
            "Im Herbst soll eine Delegation aus [Thüringen|LOC|DE-TH|state] die Provinz [Shaanxi|LOC|CN-SN|state] besuchen.",
            &["INTENT Shaanxi + Thüringen"],
        ),
        // "wird … reisen": future tense.
        (
            "Eine Unternehmerdelegation aus [Vorarlberg|LOC|AT-8|state] wird im {März 2025|2025-03} nach [Vietnam|LOC|VN|country] reisen.",
            &["INTENT Vietnam + Vorarlberg"],
        ),
        // An invitation to visit.
        (
            "Zum Abschluss lud Gouverneurin [Ana Ribeiro|PER|-|person] die Delegation aus [Kärnten|LOC|AT-2|state] zu einem Gegenbesuch nach [Minas Gerais|LOC|BR-MG|state] ein.",
            &["INTENT Kärnten + Minas Gerais"],
        ),
        // The visit has happened: a visit.
        (
            "Eine Delegation aus [Thüringen|LOC|DE-TH|state] besuchte am {Montag|2024-04-08} die Provinz [Shaanxi|LOC|CN-SN|state].",
            &["VISIT Thüringen > Shaanxi"],
        ),
    ]);
}

#[test]
fn a_place_is_never_paired_with_the_region_around_it() {
    check(&[
        // A town and the district of the same name.
        (
            "Die Stadt [Rosenheim|LOC|-|city] und der [Landkreis Rosenheim|LOC|-|district|Rosenheim (Landkreis)] haben mit der Region [Trentino|LOC|IT-32|state] eine Vereinbarung zur Ausbildung unterzeichnet.",
            &[
                "AGREEMENT Rosenheim (Landkreis) + Trentino",
                "AGREEMENT Rosenheim + Trentino",
            ],
        ),
        // A county-level city and the macro-region of its country around it.
        (
            "Partnerschaft mit [Pécs|LOC|HU-BA|state] in [Südungarn|LOC|-|macro_region] besiegelt\n\nDie [IHK Regensburg|ORG|-|chamber] und die Kammer von [Pécs|LOC|HU-BA|state] unterzeichneten am {Mittwoch|2023-06-14} einen Partnerschaftsvertrag. Die Region ist eines der Zentren der Autoindustrie in [Ungarn|LOC|HU|country].",
            &["AGREEMENT IHK Regensburg + Pécs"],
        ),
        // A macro-region of the document's home country and its country are one side.
        (
            "Vier Partner aus [Süddeutschland|LOC|-|macro_region] und [Slowenien|LOC|SI|country] haben ein Abkommen über die Ausbildung von Fachkräften unterzeichnet. [Deutschland|LOC|DE|country] fördert das Projekt.",
            &["AGREEMENT Slowenien + Süddeutschland"],
        ),
    ]);
}

#[test]
fn back_references_resolve_to_the_parties_named_before() {
    check(&[
        // "beide Seiten" after a sentence that names the pair.
        (
            "[Brandenburg|LOC|DE-BB|state] und die Woiwodschaft [Westpommern|LOC|PL-32|state] arbeiten seit 2004 zusammen. Am Freitag unterzeichneten beide Seiten eine neue Vereinbarung über den Nahverkehr.",
            &[
                "AGREEMENT Brandenburg + Westpommern",
                "COOPERATION Brandenburg + Westpommern",
            ],
        ),
        // "die Gäste" received by a host: the guests named before.
        (
            "Pfälzer Delegation in Bulgarien\n\nEine Delegation aus [Rheinland-Pfalz|LOC|DE-RP|state] ist am {Montag|2024-09-16} nach [Bulgarien|LOC|BG|country] gereist. In [Plowdiw|LOC|BG-16|state] empfing Gouverneur [Iwan Petrow|PER|-|person] die Gäste.",
            &[
                "VISIT Rheinland-Pfalz > Bulgarien",
                "VISIT Rheinland-Pfalz > Plowdiw",
            ],
        ),
    ]);
}

#[test]
fn places_in_the_background_are_no_partners() {
    check(&[
        // The markets a firm supplies are no partners of its agreement.
        (
            "Die [Kessler Antriebe GmbH|ORG|-|company], die bereits Kunden in [Brasilien|LOC|BR|country], [Indien|LOC|IN|country] und [Mexiko|LOC|MX|country] beliefert, unterzeichnete am {Dienstag|2024-02-06} einen Kooperationsvertrag mit der [Tswana Motors Ltd.|ORG|-|company] aus [Botswana|LOC|BW|country].",
            &["AGREEMENT Kessler Antriebe GmbH + Tswana Motors Ltd."],
        ),
        // A trade route named as background of a cooperation.
        (
            "Der Hafen [Duisburg|LOC|-|city] und die [Chongqing Logistics Group|ORG|-|company] arbeiten seit 2014 eng zusammen; die Züge fahren über [Kasachstan|LOC|KZ|country], [Russland|LOC|RU|country] und [Polen|LOC|PL|country].",
            &["COOPERATION Chongqing Logistics Group + Duisburg"],
        ),
    ]);
}
