//! Probe releases for the relation families of issue #5 that the first releases of the corpus
//! did not cover: several signatories at once (lists, bullet lists, "gemeinsam mit"), towns and
//! organisations as parties of a visit, country lists that merely co-occur, and back
//! references. Every text is written for these tests; entities and dates are given by hand:
//! `[Name|TYPE|kb|subtype]` marks an entity (kb `-` for none), `{text|value}` a DATE mention.

#[path = "common/relation_stage.rs"]
mod relation_stage;

use relation_stage::*;

#[test]
fn several_signatories_are_each_others_partners() {
    check(&[
        // A list of organisations as the subject of the signing: every pair signs.
        (
            "Die [Hochschule Coburg|ORG|-|university], die [Universidade do Porto|ORG|-|university], die [Vidraria Atlântica Lda.|ORG|-|company] und das [Instituto Pedro Nunes|ORG|-|research] unterzeichneten am {Dienstag|2023-03-14} ein Memorandum of Understanding.",
            &[
                "AGREEMENT Hochschule Coburg + Instituto Pedro Nunes",
                "AGREEMENT Hochschule Coburg + Universidade do Porto",
                "AGREEMENT Hochschule Coburg + Vidraria Atlântica Lda.",
                "AGREEMENT Instituto Pedro Nunes + Universidade do Porto",
                "AGREEMENT Instituto Pedro Nunes + Vidraria Atlântica Lda.",
                "AGREEMENT Universidade do Porto + Vidraria Atlântica Lda.",
            ],
        ),
        // Partners of one country are partners too when they found something together.
        (
            "[Niedersachsen|LOC|DE-NI|state] und [Dänemark|LOC|DK|country] rücken zusammen\nDas [Kompetenznetz Wasserstoff Niedersachsen e.V.|ORG|-|association], die [Energieagentur Niedersachsen|ORG|-|agency], die [Universität Aalborg|ORG|-|university] und die [Dansk Brint A/S|ORG|-|company] gründen eine Allianz für grünen Wasserstoff.",
            &[
                "COOPERATION Dansk Brint A/S + Energieagentur Niedersachsen",
                "COOPERATION Dansk Brint A/S + Kompetenznetz Wasserstoff Niedersachsen e.V.",
                "COOPERATION Dansk Brint A/S + Universität Aalborg",
                "COOPERATION Energieagentur Niedersachsen + Kompetenznetz Wasserstoff Niedersachsen e.V.",
                "COOPERATION Energieagentur Niedersachsen + Universität Aalborg",
                "COOPERATION Kompetenznetz Wasserstoff Niedersachsen e.V. + Universität Aalborg",
            ],
        ),
        // The signatories in a bullet list after a colon.
        (
            "Ein Rahmenvertrag über die Ausbildung von Pflegekräften wurde am {Freitag|2022-09-02} unterzeichnet. Unterzeichnet haben:\n\n- die [Klinikum Weiden GmbH|ORG|-|company], Weiden,\n- die [Pflegeschule Pilsen|ORG|-|school], Pilsen,\n- die [Hochschule Hof|ORG|-|university].\n\nDie Vereinbarung gilt drei Jahre.",
            &[
                "AGREEMENT Hochschule Hof + Klinikum Weiden GmbH",
                "AGREEMENT Hochschule Hof + Pflegeschule Pilsen",
                "AGREEMENT Klinikum Weiden GmbH + Pflegeschule Pilsen",
            ],
        ),
        // "gemeinsam mit A und B": all three are partners.
        (
            "Die [Stadtwerke Lüneburg|ORG|-|company] haben gemeinsam mit der [Universität Tartu|ORG|-|university] und der [Eesti Energia AS|ORG|-|company] einen Kooperationsvertrag über Wärmespeicher geschlossen.",
            &[
                "AGREEMENT Eesti Energia AS + Stadtwerke Lüneburg",
                "AGREEMENT Eesti Energia AS + Universität Tartu",
                "AGREEMENT Stadtwerke Lüneburg + Universität Tartu",
            ],
        ),
        // Three regions sign: every pair.
        (
            "[Schleswig-Holstein|LOC|DE-SH|state], [Estland|LOC|EE|country] und [Finnland|LOC|FI|country] haben am {Mittwoch|2022-06-08} eine gemeinsame Erklärung zur Offshore-Windenergie unterzeichnet.",
            &[
                "AGREEMENT Estland + Finnland",
                "AGREEMENT Estland + Schleswig-Holstein",
                "AGREEMENT Finnland + Schleswig-Holstein",
            ],
        ),
    ]);
}

#[test]
fn towns_that_send_a_delegation_are_visitors() {
    check(&[
        // The title names the town only by its adjective; the delegation comes from the town.
        (
            "Kieler Unternehmen erkunden Ghana\n\nKiel/Accra, 3. Mai 2023 – Eine Delegation aus [Kiel|LOC|-|city] war in dieser Woche in [Ghana|LOC|GH|country] unterwegs. Am Montag besuchten die Gäste aus [Kiel|LOC|-|city] das [Ghana Investment Promotion Centre|ORG|-|agency].",
            &[
                "VISIT Kiel > Ghana",
                "VISIT Kiel > Ghana Investment Promotion Centre",
            ],
        ),
        // "empfangen von": the organisation that receives the delegation is a host.
        (
            "Erfurter Firmen in Usbekistan\n\nEine Delegation aus [Erfurt|LOC|-|city] reiste nach [Usbekistan|LOC|UZ|country]. Empfangen wurde die Delegation von der [Handelskammer Taschkent|ORG|-|chamber].",
            &[
                "VISIT Erfurt > Handelskammer Taschkent",
                "VISIT Erfurt > Usbekistan",
            ],
        ),
    ]);
}

#[test]
fn the_town_a_delegation_travels_to_is_its_host() {
    check(&[
        // The title names the regions only; the town the delegation went to is the host.
        (
            "Polen und Hessen vertiefen Kontakte\n\nEine Delegation aus [Polen|LOC|PL|country] war am {Montag|2024-04-08} nach [Marburg|LOC|-|city] gereist.",
            &["VISIT Polen > Marburg"],
        ),
        // A town where something merely happens is no host.
        (
            "Polen und Hessen vertiefen Kontakte\n\nIn [Marburg|LOC|-|city] trafen sich am {Montag|2024-04-08} Firmen aus [Polen|LOC|PL|country] und [Hessen|LOC|DE-HE|state] zu einem Matchmaking.",
            &["EVENT Hessen + Polen"],
        ),
        // Where guests are ("in X zu Gast", "zu Gast in X") is visited, also a town.
        (
            "Ein Team aus [Aarhus|LOC|-|city] war im {Mai|2024-05} zwei Wochen in [Kassel|LOC|-|city] zu Gast.",
            &["VISIT Aarhus > Kassel"],
        ),
        (
            "Im {Juni|2024-06} waren Studierende aus [Lyon|LOC|-|city] zu Gast in [Jena|LOC|-|city].",
            &["VISIT Lyon > Jena"],
        ),
        // A town where guests merely met is no host.
        (
            "Gäste aus [Aarhus|LOC|-|city] besichtigten in [Kassel|LOC|-|city] ein Werk.",
            &[],
        ),
        // The place after a visit noun and its visitors is where the visit goes; announced,
        // the visit is an intent.
        (
            "Für den {Herbst|2024-FA} ist der Gegenbesuch einer Gruppe aus [Tartu|LOC|-|city] in [Greifswald|LOC|-|city] geplant.",
            &["INTENT Greifswald + Tartu"],
        ),
        (
            "Im {März|2024-03} war eine Abordnung aus [Cluj-Napoca|LOC|-|city] auf Besuch in [Halle (Saale)|LOC|-|city].",
            &["VISIT Cluj-Napoca > Halle (Saale)"],
        ),
        // After a visited body the place is only its seat.
        (
            "Am {Freitag|2024-05-24} folgte ein Besuch beim [Maschinenbau-Cluster Nordhessen|ORG|-|association] in [Baunatal|LOC|-|city].",
            &[],
        ),
        // The place right before the visiting verb is in what is visited, unless a named
        // body stands before it.
        (
            "Im {April|2025-04} will eine Delegation aus [Lappi|LOC|-|region] die Fachmesse Holzbau in [Rosenheim|LOC|-|city] besuchen.",
            &["INTENT Lappi + Rosenheim"],
        ),
        (
            "Im {April|2025-04} will eine Delegation aus [Lappi|LOC|-|region] die [Technische Hochschule Rosenheim|ORG|-|university] in [Rosenheim|LOC|-|city] besuchen.",
            &["INTENT Lappi + Technische Hochschule Rosenheim"],
        ),
    ]);
}

#[test]
fn the_town_people_come_from_is_their_side() {
    check(&[
        // The title names the countries only; the firms come from a region without a code.
        (
            "Neue Kontakte nach Chile\n\nBeim Matchmaking am {Donnerstag|2024-04-11} trafen zwanzig Firmen aus [Ostwestfalen-Lippe|LOC|-|region] auf Importeure aus [Chile|LOC|CL|country].",
            &["EVENT Chile + Ostwestfalen-Lippe"],
        ),
        // A team from a town travels: the town is the visitor.
        (
            "Forschung für Reisfelder in Vietnam\n\nIm {März|2024-03} reiste ein Team aus [Greifswald|LOC|-|city] nach [Vietnam|LOC|VN|country].",
            &["VISIT Greifswald > Vietnam"],
        ),
        // Firms from two countries coordinated under one "aus" meet each other.
        (
            "Neue Kontakte nach Chile\n\nAm {Donnerstag|2024-04-11} kamen in Dortmund rund sechzig Firmen aus [Deutschland|LOC|DE|country] und [Chile|LOC|CL|country] zusammen.",
            &["EVENT Chile + Deutschland"],
        ),
        // A town that only locates a firm is still no party.
        (
            "Neue Kontakte nach Chile\n\nDie [Weberei Brandt GmbH|ORG|-|company] aus [Bielefeld|LOC|-|city] unterzeichnete mit der [Textiles del Sur S.A.|ORG|-|company] einen Liefervertrag.",
            &["AGREEMENT Textiles del Sur S.A. + Weberei Brandt GmbH"],
        ),
    ]);
}

#[test]
fn a_town_named_as_a_body_is_a_party() {
    check(&[
        // "die Stadt X", "die Y Kommune": the towns act, though the title does not name them.
        (
            "Eifel und Jütland feiern Jubiläum\n\nIm {Mai|2023-05} besiegelten die Stadt [Wittlich|LOC|-|city] und die [Silkeborg|LOC|-|city] Kommune eine Städtepartnerschaft.",
            &["AGREEMENT Silkeborg + Wittlich"],
        ),
        // Without a head word the towns stay in the background, as any town the title does
        // not name.
        (
            "Eifel und Jütland feiern Jubiläum\n\nIm {Mai|2023-05} unterzeichneten die [Eifelbau GmbH|ORG|-|company] aus [Wittlich|LOC|-|city] und die [Jydsk Træ A/S|ORG|-|company] aus [Silkeborg|LOC|-|city] einen Liefervertrag.",
            &["AGREEMENT Eifelbau GmbH + Jydsk Træ A/S"],
        ),
        // Where the signing takes place is no party, also after a head word.
        (
            "Eifel und Jütland feiern Jubiläum\n\nDie [Eifelbau GmbH|ORG|-|company] und die [Jydsk Træ A/S|ORG|-|company] unterzeichneten in der Stadt [Wittlich|LOC|-|city] einen Liefervertrag.",
            &["AGREEMENT Eifelbau GmbH + Jydsk Træ A/S"],
        ),
    ]);
}

#[test]
fn the_stops_of_a_trip_are_visited() {
    check(&[
        // The towns a trip stops at are hosts of the document's visitor, though the title
        // names only the regions.
        (
            "Hamburg und Galicien rücken zusammen\n\nMit einer Delegation aus [Hamburg|LOC|DE-HH|state] ist die Senatorin am {Montag|2024-04-08} nach [Galicien|LOC|ES-GA|state] gereist. Stationen der Reise waren [Vigo|LOC|-|city] und [Lugo|LOC|-|city].",
            &[
                "VISIT Hamburg > Galicien",
                "VISIT Hamburg > Lugo",
                "VISIT Hamburg > Vigo",
            ],
        ),
        // Without a stop word the towns of the sentence are background.
        (
            "Hamburg und Galicien rücken zusammen\n\nMit einer Delegation aus [Hamburg|LOC|DE-HH|state] ist die Senatorin am {Montag|2024-04-08} nach [Galicien|LOC|ES-GA|state] gereist. Die Häfen von [Vigo|LOC|-|city] und [Lugo|LOC|-|city] wachsen seit Jahren.",
            &["VISIT Hamburg > Galicien"],
        ),
    ]);
}

#[test]
fn the_visitors_bodies_and_members_visit_too() {
    check(&[
        // The body that leads the delegation is on the side of the town it is named after.
        (
            "Erfurter Firmen in Usbekistan\n\nEine Delegation aus [Erfurt|LOC|-|city] unter Leitung der [Wirtschaftsförderung Erfurt GmbH|ORG|-|agency] besuchte am {Montag|2023-10-09} die [Handelskammer Taschkent|ORG|-|chamber].",
            &[
                "VISIT Erfurt > Handelskammer Taschkent",
                "VISIT Wirtschaftsförderung Erfurt GmbH > Handelskammer Taschkent",
            ],
        ),
        // The ministry of the guests' country visits with them; members of the delegation
        // named later visit the same host.
        (
            "Die Gäste aus [Estland|LOC|EE|country], angeführt von Staatssekretär [Tarmo Kask|PER|-|person] vom [Wirtschaftsministerium Estlands|ORG|-|ministry], besuchten die [Hochschule Stralsund|ORG|-|university]. Zur Delegation gehörte auch eine Abordnung der [Universität Tartu|ORG|-|university].",
            &[
                "VISIT Estland > Hochschule Stralsund",
                "VISIT Universität Tartu > Hochschule Stralsund",
                "VISIT Wirtschaftsministerium Estlands > Hochschule Stralsund",
            ],
        ),
        // A relative clause about the first host does not end the list of hosts: the
        // article after ", sowie" opens no clause.
        (
            "Eine Delegation aus [Anhui|LOC|CN-AH|state] besuchte am {Montag|2023-10-09} [Ulm|LOC|-|city]. Danach besichtigte die Delegation die [Donaustahl Werkzeugbau GmbH|ORG|-|company], die seit 2019 in [Bayern|LOC|DE-BY|state] ein zweites Werk betreibt, sowie die [Universität Ulm|ORG|-|university].",
            &[
                "VISIT Anhui > Donaustahl Werkzeugbau GmbH",
                "VISIT Anhui > Ulm",
                "VISIT Anhui > Universität Ulm",
            ],
        ),
        // A sentence opening with "Geplant" lists what is still to come: no visit yet. (The
        // intent it states, Hessen + Kenya Export Agency, is not found: the agency has no
        // side, so the stage cannot complete the pair.)
        (
            "[Hessen|LOC|DE-HE|state] wirbt in [Kenia|LOC|KE|country] um Partner. Geplant sind Gespräche im Ministerium, ein Besuch bei der [Kenya Export Agency|ORG|-|agency] und ein Empfang der Botschaft.",
            &[],
        ),
    ]);
}

#[test]
fn organisers_of_an_event_are_partners_and_lists_of_origins_are_not() {
    check(&[
        // Two organisers of one country organise together.
        (
            "Der Logistiktag fand am {Mittwoch|2024-05-15} statt. Ausgerichtet wurde er von der [Messe Erfurt GmbH|ORG|-|company] und dem [Verband Mitteldeutscher Spediteure e.V.|ORG|-|association].",
            &["EVENT Messe Erfurt GmbH + Verband Mitteldeutscher Spediteure e.V."],
        ),
        // Suppliers from two Länder meet buyers from three countries: each side meets each
        // of the other, never its own list.
        (
            "Beim Zulieferertag trafen Firmen aus [Sachsen|LOC|DE-SN|state] und [Thüringen|LOC|DE-TH|state] auf Einkäufer aus [Georgien|LOC|GE|country], [Armenien|LOC|AM|country] und [Aserbaidschan|LOC|AZ|country].",
            &[
                "EVENT Armenien + Sachsen",
                "EVENT Armenien + Thüringen",
                "EVENT Aserbaidschan + Sachsen",
                "EVENT Aserbaidschan + Thüringen",
                "EVENT Georgien + Sachsen",
                "EVENT Georgien + Thüringen",
            ],
        ),
    ]);
}

#[test]
fn intents_of_one_body() {
    check(&[
        // "will … ausbauen" (one body) is an intent like "wollen".
        (
            "Die [Handwerkskammer Trier|ORG|-|chamber] will die Zusammenarbeit mit der [Chambre des Métiers Luxembourg|ORG|-|chamber] ausbauen.",
            &["INTENT Chambre des Métiers Luxembourg + Handwerkskammer Trier"],
        ),
    ]);
}

#[test]
fn an_embassy_is_on_the_side_of_its_country_not_of_its_seat() {
    check(&[
        // The embassy names its host country after "in": it stands for Ghana, so the forum
        // brings Ghana together with the firms from Bavaria, not with Germany.
        (
            "[Ghana|LOC|GH|country] und [Bayern|LOC|DE-BY|state]\n\nDie [Botschaft der Republik Ghana in der Bundesrepublik Deutschland|ORG|-|government] hatte gemeinsam mit der [Industrie- und Handelskammer Nürnberg für Mittelfranken|ORG|-|chamber] Unternehmen aus [Bayern|LOC|DE-BY|state] zum ersten Ghana-Wirtschaftsforum eingeladen. Der Handel zwischen [Deutschland|LOC|DE|country] und [Ghana|LOC|GH|country] wächst.",
            &[
                "EVENT Bayern + Ghana",
                "EVENT Botschaft der Republik Ghana in der Bundesrepublik Deutschland + Industrie- und Handelskammer Nürnberg für Mittelfranken",
            ],
        ),
    ]);
}

#[test]
fn regions_in_a_list_of_markets_are_no_partners() {
    check(&[
        // A trade treaty between third countries is background, not a relation of the
        // release.
        (
            "[Sachsen|LOC|DE-SN|state] wirbt in [Chile|LOC|CL|country]. Chile hat ein Freihandelsabkommen mit [Peru|LOC|PE|country] und [Kolumbien|LOC|CO|country].",
            &[],
        ),
        // Markets, not partners: no relation among the countries of the list.
        (
            "[Sachsen|LOC|DE-SN|state] und [Vietnam|LOC|VN|country] wollen enger zusammenarbeiten. Die Firmen liefern bereits nach [Kambodscha|LOC|KH|country], [Laos|LOC|LA|country] und [Thailand|LOC|TH|country].",
            &["INTENT Sachsen + Vietnam"],
        ),
    ]);
}

#[test]
fn what_two_parties_agreed_to_do_is_an_agreement_and_an_intent() {
    check(&[
        // Concluded ("vereinbarten"), with the future in what was agreed after the comma.
        (
            "In Lissabon vereinbarten die [Wirtschaftsförderung Vorpommern GmbH|ORG|-|agency] und die [AICEP Portugal Global|ORG|-|agency], künftig Anfragen von Zulieferern gemeinsam zu beantworten.",
            &[
                "AGREEMENT AICEP Portugal Global + Wirtschaftsförderung Vorpommern GmbH",
                "INTENT AICEP Portugal Global + Wirtschaftsförderung Vorpommern GmbH",
            ],
        ),
        // An agreement still to come is an intent only.
        (
            "Die [Wirtschaftsförderung Vorpommern GmbH|ORG|-|agency] und die [AICEP Portugal Global|ORG|-|agency] wollen im Herbst eine Kooperationsvereinbarung unterzeichnen.",
            &["INTENT AICEP Portugal Global + Wirtschaftsförderung Vorpommern GmbH"],
        ),
    ]);
}

#[test]
fn a_setting_holds_back_the_event_it_names_not_the_verb_after_it() {
    check(&[
        // "Am Rande" with a verb right after it: the signing happened.
        (
            "Am Rande unterzeichneten die [Brandt Agrartechnik GmbH|ORG|-|company] aus [Vechta|LOC|-|city] und die [Nile Valley Pumps Ltd.|ORG|-|company] am {Dienstag|2024-04-09} einen Vertriebsvertrag.",
            &["AGREEMENT Brandt Agrartechnik GmbH + Nile Valley Pumps Ltd."],
        ),
        // "Am Rande des Forums": the forum is only the setting of what follows.
        (
            "Am Rande des Forums sprachen Vertreter der [Brandt Agrartechnik GmbH|ORG|-|company] und der [Nile Valley Pumps Ltd.|ORG|-|company] über Pumpen.",
            &[],
        ),
    ]);
}

#[test]
fn co_organisers_of_an_event_are_partners_also_of_one_country() {
    check(&[
        // Two organisers of one country (both named after Sachsen).
        (
            "Wirtschaftstag in [Sachsen|LOC|DE-SN|state]\n\nDer Wirtschaftstag fand am {12. März|2024-03-12} statt und wurde von der [Wirtschaftsförderung Sachsen GmbH|ORG|-|agency] gemeinsam mit dem [Sächsischen Maschinenbauverband|ORG|-|association] organisiert.",
            &["EVENT Sächsischen Maschinenbauverband + Wirtschaftsförderung Sachsen GmbH"],
        ),
        // The same two as mere guests of the event are no pair.
        (
            "Wirtschaftstag in [Sachsen|LOC|DE-SN|state]\n\nZum Wirtschaftstag am {12. März|2024-03-12} kamen auch die [Wirtschaftsförderung Sachsen GmbH|ORG|-|agency] und der [Sächsische Maschinenbauverband|ORG|-|association].",
            &[],
        ),
    ]);
}

#[test]
fn both_companies_are_the_companies_just_talked_about() {
    check(&[
        // The last pair named is two regions: "beide Unternehmen" are not they.
        (
            "[Sachsen|LOC|DE-SN|state] und [Vietnam|LOC|VN|country] unterzeichneten eine Absichtserklärung. Beide Unternehmen wollen künftig enger zusammenarbeiten.",
            &["AGREEMENT Sachsen + Vietnam"],
        ),
        // The last pair is two companies: they are.
        (
            "Die [Muster Speicher GmbH|ORG|-|company] und die [Beispiel Grid Ltd.|ORG|-|company] unterzeichneten eine Absichtserklärung. Beide Unternehmen wollen enger zusammenarbeiten.",
            &[
                "AGREEMENT Beispiel Grid Ltd. + Muster Speicher GmbH",
                "INTENT Beispiel Grid Ltd. + Muster Speicher GmbH",
            ],
        ),
    ]);
}

#[test]
fn a_body_that_only_signs_treaties_frames_other_relations() {
    check(&[
        // A treaty: the EU is a party.
        (
            "Das Freihandelsabkommen zwischen der [EU|ORG|-|other|Europäische Union] und [Südkorea|LOC|KR|country] wurde 2011 unterzeichnet.",
            &["AGREEMENT Europäische Union + Südkorea"],
        ),
        // A project the EU funds: it is no partner.
        (
            "Das [Beispielnetz e.V.|ORG|-|cluster] und die [Universität Oulu|ORG|-|university] arbeiten seit 2023 in einem [EU|ORG|-|other|Europäische Union]-Projekt zusammen.",
            &["COOPERATION Beispielnetz e.V. + Universität Oulu"],
        ),
    ]);
}

#[test]
fn a_head_noun_after_an_article_stands_for_the_body_named_before() {
    check(&[
        // "die Kammer" is the one chamber of the text; "das Wirtschaftsministerium" the
        // ministry whose name holds "Wirtschaft".
        (
            "Die [Handwerkskammer Trier|ORG|-|chamber] stellt ihr Programm vor. Am {Montag|2023-05-08} unterzeichnete die Kammer mit der [Cámara de Comercio de Sevilla|ORG|-|chamber] eine Absichtserklärung.",
            &["AGREEMENT Cámara de Comercio de Sevilla + Handwerkskammer Trier"],
        ),
        (
            "Das [Ministerium für Wirtschaft und Arbeit des Saarlandes|ORG|-|ministry] lädt ein. Eine Absichtserklärung zwischen dem Wirtschaftsministerium und der [Agencia de Desarrollo de Navarra|ORG|-|agency] wurde am {Dienstag|2023-05-09} unterzeichnet.",
            &["AGREEMENT Agencia de Desarrollo de Navarra + Ministerium für Wirtschaft und Arbeit des Saarlandes"],
        ),
        // Two universities could be meant: "die Universität" stands for neither.
        (
            "Die [Universität Kassel|ORG|-|university] und die [Universität Gent|ORG|-|university] arbeiten bei Batterien eng zusammen. Die Universität unterzeichnete mit der [Agentschap Innoveren & Ondernemen|ORG|-|agency] eine Absichtserklärung.",
            &["COOPERATION Universität Gent + Universität Kassel"],
        ),
        // A head inside a name, or after "in der", is no reference.
        (
            "Die [Hochschule Anhalt|ORG|-|university] berichtet. In der Hochschule unterzeichneten Vertreter der [Provinz Limburg|LOC|NL-LI|province] eine Absichtserklärung.",
            &[],
        ),
    ]);
}

#[test]
fn a_visit_someone_will_make_is_an_intent_and_a_contract_concluded_an_agreement() {
    check(&[
        (
            "Im Herbst will eine Delegation aus [Aragón|LOC|ES-AR|state] die [Hochschule Ansbach|ORG|-|university] besuchen.",
            &["INTENT Aragón + Hochschule Ansbach"],
        ),
        (
            "Die [Feldmann Antriebstechnik GmbH|ORG|-|company] und die [Talleres Ebro S.L.|ORG|-|company] schlossen am {Mittwoch|2023-10-11} einen Liefervertrag über fünf Jahre.",
            &["AGREEMENT Feldmann Antriebstechnik GmbH + Talleres Ebro S.L."],
        ),
    ]);
}

#[test]
fn the_issuer_coordinates_the_project_whose_partners_it_lists() {
    check(&[(
        "Die [Hochschule Zittau/Görlitz|ORG|-|university] startet ein Projekt. Die [Hochschule Zittau/Görlitz|ORG|-|university] koordiniert das Vorhaben. Partner sind die [Technische Universität Liberec|ORG|-|university] und die [Preciosa Glass a.s.|ORG|-|company].",
        &[
            "COOPERATION Hochschule Zittau/Görlitz + Preciosa Glass a.s.",
            "COOPERATION Hochschule Zittau/Görlitz + Technische Universität Liberec",
            "COOPERATION Preciosa Glass a.s. + Technische Universität Liberec",
        ],
    )]);
}
