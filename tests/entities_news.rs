//! Table-driven tests of the rule families for running news text: places after place
//! prepositions and in lists, city districts, news agencies and capitals in datelines,
//! persons named in the possessive or after an occupation, kinship word or role,
//! newspapers and broadcasters, organisations after a describing noun, sports clubs.
//! Sentences written for these tests.

#[path = "common/entity_stage.rs"]
mod entity_stage;

use entity_stage::check;

#[test]
fn unknown_words_with_a_place_name_ending_after_a_place_preposition_are_places() {
    check(&[
        (
            "Das Werk in Oberwaldingen wird erweitert.",
            &[("Oberwaldingen", "LOC")],
        ),
        (
            "Die Gäste kamen aus Beispielhausen.",
            &[("Beispielhausen", "LOC")],
        ),
        (
            "Seit dem Mittelalter steht in Kranowice eine Mühle.",
            &[("Kranowice", "LOC")],
        ),
        // "im" stands before nouns too; a name particle is no preposition.
        ("Das war im Vorfeld bekannt.", &[]),
        ("Im Umfeld der Messe gab es Gespräche.", &[]),
        // Without a preposition the ending alone is not enough.
        ("Die Sandsteinburg wurde renoviert.", &[]),
    ]);
}

#[test]
fn a_listed_place_with_a_hyphen_and_a_name_after_a_preposition_is_a_district() {
    check(&[
        (
            "Die Feier fand in Dresden-Lindenwerder statt.",
            &[("Dresden-Lindenwerder", "LOC")],
        ),
        (
            "Er zog nach Leipzig-Mockwitz.",
            &[("Leipzig-Mockwitz", "LOC")],
        ),
        // Without a preposition the compound is a noun with a place inside.
        ("Die Dresden-Reise war ein Erfolg.", &[("Dresden", "LOC")]),
    ]);
}

#[test]
fn unknown_names_coordinated_with_a_place_after_a_preposition_are_places() {
    check(&[
        (
            "Die Firma hat Werke in Leipzig, Kornwinkel und Beispielau.",
            &[
                ("Leipzig", "LOC"),
                ("Kornwinkel", "LOC"),
                ("Beispielau", "LOC"),
            ],
        ),
        (
            "Der Bus fährt zwischen Chemnitz und Oberbrunn.",
            &[("Chemnitz", "LOC"), ("Oberbrunn", "LOC")],
        ),
        // Abstract nouns after a place are none; nor are words after a place without a
        // preposition before it.
        (
            "Wir liefern in Dresden und Umgebung.",
            &[("Dresden", "LOC")],
        ),
        (
            "Leipzig und Kornwinkel haben gewonnen.",
            &[("Leipzig", "LOC")],
        ),
        // A name after a comma must continue the list.
        (
            "In Leipzig, Beispiel sagte das schon, wächst die Zahl.",
            &[("Leipzig", "LOC")],
        ),
    ]);
}

#[test]
fn short_words_in_brackets_after_a_dateline_place_are_news_agencies() {
    check(&[
        (
            "Leipzig (dpa) – Die Messe beginnt.",
            &[("Leipzig", "LOC"), ("dpa", "ORG")],
        ),
        (
            "Dresden/Leipzig (ots) - Die Zahl steigt.",
            &[("Dresden", "LOC"), ("Leipzig", "LOC"), ("ots", "ORG")],
        ),
        // Not at the start of the sentence, or a place in the brackets: no agency.
        (
            "Die Firma aus Leipzig (Sachsen) wächst.",
            &[("Leipzig", "LOC"), ("Sachsen", "LOC")],
        ),
        ("Anna Beispiel (46) kam.", &[("Anna Beispiel", "PER")]),
    ]);
}

#[test]
fn places_in_capitals_open_a_dateline() {
    check(&[
        ("LEIPZIG – Die Messe beginnt.", &[("LEIPZIG", "LOC")]),
        (
            "DRESDEN (dpa) - Die Zahl steigt.",
            &[("DRESDEN", "LOC"), ("dpa", "ORG")],
        ),
        // Inside a sentence capitals are emphasis or an acronym.
        ("Die Zahl der Gäste in LEIPZIG wächst.", &[]),
    ]);
}

#[test]
fn unknown_names_in_the_possessive_after_a_preposition_are_persons() {
    check(&[
        (
            "Nach Kellermanns Rücktritt übernahm sie das Amt.",
            &[("Kellermanns", "PER")],
        ),
        (
            "Über Brandlers Entscheidung wird gestritten.",
            &[("Brandlers", "PER")],
        ),
        // Plurals and Latin endings are common nouns; a lower-case word after is no noun.
        ("Nach Abschluss Bericht folgt mehr.", &[]),
        ("Mit Autos Geld verdienen ist schwer.", &[]),
        ("Seit Jahrens wird gebaut.", &[]),
    ]);
}

#[test]
fn occupations_and_kinship_words_before_a_name_lead_to_a_person() {
    check(&[
        (
            "Den Ausgleich schoss Stürmer Kai Beispiel.",
            &[("Kai Beispiel", "PER")],
        ),
        (
            "Unterstützt wird er von seinem Bruder Tobiel.",
            &[("Tobiel", "PER")],
        ),
        (
            "Das Lied schrieb Rapper Benno Kraxl.",
            &[("Benno Kraxl", "PER")],
        ),
        (
            "Sein Teamkollege Paolo Muster wurde Zweiter.",
            &[("Paolo Muster", "PER")],
        ),
    ]);
}

#[test]
fn newspapers_and_broadcasters_with_a_modifier_are_organisations() {
    check(&[
        (
            "Das sagte er der Oberwalder Zeitung.",
            &[("Oberwalder Zeitung", "ORG")],
        ),
        (
            "Die Jury des Westhavener Rundfunks lobte das Hörbuch.",
            &[("Westhavener Rundfunks", "ORG")],
        ),
        // The bare head word is a noun.
        ("Die Zeitung berichtete darüber.", &[]),
    ]);
}

#[test]
fn a_single_name_after_a_describing_noun_closed_by_a_verb_is_an_organisation() {
    check(&[
        (
            "Der Spielzeughersteller Brixo liegt im Plan.",
            &[("Brixo", "ORG")],
        ),
        (
            "Die Fluggesellschaft Aerowind fliegt ab Mai.",
            &[("Aerowind", "ORG")],
        ),
        (
            "Der Mobilfunkbetreiber Telvano konnte zulegen.",
            &[("Telvano", "ORG")],
        ),
        // A noun after the describing noun, or a conjunction after the name: none.
        ("Der Konzern Gewinne erzielte viel.", &[]),
        ("Der Hersteller Umsatz und Gewinn steigerte.", &[]),
    ]);
}

#[test]
fn sports_clubs_with_a_founding_year_are_organisations() {
    check(&[
        (
            "Das Spiel gegen Mainz 05 endete torlos.",
            &[("Mainz 05", "ORG")],
        ),
        (
            "Er spielte bei der SG 01 Kornwinkel.",
            &[("SG 01 Kornwinkel", "ORG")],
        ),
        // A place and a number without leading zero is none.
        ("In Mainz 15 Prozent mehr.", &[("Mainz", "LOC")]),
    ]);
}

#[test]
fn a_surname_after_a_verb_of_saying_may_be_followed_by_an_article_or_preposition() {
    check(&[
        (
            "„Wir sind zufrieden“, sagte Brandler der Zeitung.",
            &[("Brandler", "PER")],
        ),
        (
            "„Das Werk wächst“, sagte Kellermann am Montag.",
            &[("Kellermann", "PER")],
        ),
        (
            "„Das ist gut“, sagte Brandler gegenüber Journalisten.",
            &[("Brandler", "PER")],
        ),
        // A verb or noun after the capitalised word: no person.
        ("Dann sagte Anfang Mai niemand etwas.", &[]),
    ]);
}

#[test]
fn an_adjective_may_stand_between_a_possessive_name_and_its_noun() {
    check(&[(
        "Nach Kellermanns überraschendem Rücktritt übernahm sie.",
        &[("Kellermanns", "PER")],
    )]);
}

#[test]
fn a_smaller_state_named_like_a_first_name_may_start_a_persons_name() {
    check(&[
        (
            "Die Forscherin Lara Beispiel kam nach Leipzig.",
            &[("Lara Beispiel", "PER"), ("Leipzig", "LOC")],
        ),
        (
            "Lara Beispiel kam nach Leipzig.",
            &[("Lara Beispiel", "PER"), ("Leipzig", "LOC")],
        ),
        // Alone it stays the state; a big state named like a first name stays a place.
        ("Die Delegation reiste nach Lara.", &[("Lara", "LOC")]),
    ]);
}

#[test]
fn a_first_name_standing_alone_inside_a_sentence_is_a_person() {
    check(&[
        ("Am Ende half Gregor sofort.", &[("Gregor", "PER")]),
        (
            "Sie wusste nicht, dass Mathilde schon abgereist war.",
            &[("Mathilde", "PER")],
        ),
        // After an article or an article and adjective it is a noun; a particle after it
        // continues a name; a capitalised word after it is a surname (another rule).
        ("Das ist der erste Roman des Jahres.", &[]),
        ("Dann kam die neue Fritz in den Handel.", &[]),
        ("Sie spielte mit Josef von Oberfeld.", &[]),
        // A first name given only abroad is not enough alone.
        ("Er hatte keine Chance mehr.", &[]),
    ]);
}
