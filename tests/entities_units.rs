//! Table-driven tests of organisation and person families seen in press releases: named
//! sub-units of organisations, bilateral chambers with their seat, second seats after a
//! slash, departments after a role. Sentences written for these tests.

#[path = "common/entity_stage.rs"]
mod entity_stage;

use entity_stage::check;

#[test]
fn a_named_sub_unit_is_one_organisation_with_its_parent() {
    check(&[
        (
            "Die Regionaldirektion Bayern der Bundesagentur für Arbeit teilte mit.",
            &[(
                "Regionaldirektion Bayern der Bundesagentur für Arbeit",
                "ORG",
            )],
        ),
        (
            "Die Außenstelle Leipzig des Bundesamtes für Migration und Flüchtlinge schließt.",
            &[(
                "Außenstelle Leipzig des Bundesamtes für Migration und Flüchtlinge",
                "ORG",
            )],
        ),
        (
            "Die Geschäftsstelle Nord der Industrie- und Handelskammer Stuttgart lud ein.",
            &[(
                "Geschäftsstelle Nord der Industrie- und Handelskammer Stuttgart",
                "ORG",
            )],
        ),
        // Without a name of its own the unit is a description: only the organisation.
        (
            "Die Geschäftsstelle der Industrie- und Handelskammer Stuttgart lud ein.",
            &[("Industrie- und Handelskammer Stuttgart", "ORG")],
        ),
        // No organisation after the genitive: the place stays a place.
        (
            "Das Büro Sachsen der Stadt liegt am Markt.",
            &[("Sachsen", "LOC")],
        ),
    ]);
}

#[test]
fn a_bilateral_chamber_leaves_its_seat_outside() {
    check(&[
        (
            "Die Deutsch-Chinesische Handelskammer in Shanghai organisierte die Reise.",
            &[
                ("Deutsch-Chinesische Handelskammer", "ORG"),
                ("Shanghai", "LOC"),
            ],
        ),
        (
            "Er arbeitete für die Deutsch-Japanische Industrie- und Handelskammer in Tokio.",
            &[
                ("Deutsch-Japanische Industrie- und Handelskammer", "ORG"),
                ("Tokio", "LOC"),
            ],
        ),
        // A chamber named after one country keeps "in …" (its official name).
        (
            "Die Deutsche Industrie- und Handelskammer in Vietnam lud ein.",
            &[("Deutsche Industrie- und Handelskammer in Vietnam", "ORG")],
        ),
    ]);
}

#[test]
fn a_second_seat_after_a_slash_belongs_to_the_name() {
    check(&[
        (
            "Die Hochschule Emden/Leer und die Fachhochschule Kiel/Eckernförde kooperieren.",
            &[
                ("Hochschule Emden/Leer", "ORG"),
                ("Fachhochschule Kiel/Eckernförde", "ORG"),
            ],
        ),
        // A photo credit: the person after the slash is no seat.
        (
            "Foto: Hochschule Emden/Anna Beispiel",
            &[("Hochschule Emden", "ORG"), ("Anna Beispiel", "PER")],
        ),
        // Blanks around the slash: two names.
        (
            "Die Hochschule Emden / Bremen lud ein.",
            &[("Hochschule Emden", "ORG"), ("Bremen", "LOC")],
        ),
    ]);
}

#[test]
fn a_department_after_a_role_is_no_person() {
    check(&[
        (
            "Kontakt: Jens Hagedorn, Leiter Unternehmenskommunikation, Hauptstraße 1.",
            &[("Jens Hagedorn", "PER")],
        ),
        ("Seit 2019 ist er Leiter Außenwirtschaft der Kammer.", &[]),
        ("Sie war Referentin Marketing bei der Agentur.", &[]),
        (
            "Die Beratung erfolgte durch Leiter Vertrieb Anton Beispiel.",
            &[("Anton Beispiel", "PER")],
        ),
        // A surname after the role is still a person.
        (
            "Die Beratung erfolgte durch Vertriebsleiter Oberhuber.",
            &[("Oberhuber", "PER")],
        ),
    ]);
}

#[test]
fn a_short_name_dashed_to_the_full_name_is_one_organisation() {
    check(&[
        (
            "Beteiligt ist auch das Polytechnikum – Institute of Technology Oberwald.",
            &[("Polytechnikum – Institute of Technology Oberwald", "ORG")],
        ),
        (
            "Die Standortagentur Oberwald Invest – Wirtschaftsagentur Nord GmbH lud ein.",
            &[("Oberwald Invest – Wirtschaftsagentur Nord GmbH", "ORG")],
        ),
        // An aside between two dashes is no name.
        (
            "Mit dem Vertrag – Beispiel Antriebe AG zahlt – ist alles klar.",
            &[("Beispiel Antriebe AG", "ORG")],
        ),
        // A common noun before the dash: no name.
        (
            "Die Kooperation mit der Wirtschaft – Technische Universität Dresden lud ein.",
            &[("Technische Universität Dresden", "ORG")],
        ),
    ]);
}

#[test]
fn a_full_name_written_again_is_taken_whole() {
    check(&[
        (
            "Vizepräsident Okke Beispielmann unterschrieb. Foto: v.l.n.r. Okke Beispielmann und Anna Muster.",
            &[
                ("Okke Beispielmann", "PER"),
                ("Okke Beispielmann", "PER"),
                ("Anna Muster", "PER"),
            ],
        ),
        // Another word before the surname stays outside.
        (
            "Vizepräsident Okke Beispielmann unterschrieb. Danach dankte Beispielmann den Gästen.",
            &[("Okke Beispielmann", "PER"), ("Beispielmann", "PER")],
        ),
    ]);
}

#[test]
fn a_listed_administration_named_like_its_place_is_the_place() {
    check(&[
        (
            "Im Lahn-Dill-Kreis gibt es viele Zulieferer.",
            &[("Lahn-Dill-Kreis", "LOC")],
        ),
        (
            "Der Kanton Zürich unterzeichnete in Bern.",
            &[("Zürich", "LOC"), ("Bern", "LOC")],
        ),
    ]);
}
