//! Table-driven tests of the date stage, one table per family, with the anchor given.
//! Sentences are written for these tests.

use meldung::calendar::Date;
use meldung::dates::DateRecogniser;
use meldung::record::DateType;

fn recogniser() -> DateRecogniser {
    DateRecogniser::load_default().expect("date resources load")
}

fn anchor(iso: &str) -> Option<Date> {
    Some(Date::parse_iso(iso).expect("valid anchor"))
}

/// `(text, anchor, expected [(span, value)])`: the expected expressions, all of them, in order.
type Case<'a> = (&'a str, Option<Date>, &'a [(&'a str, &'a str)]);

fn check(cases: &[Case<'_>]) {
    let dates = recogniser();
    let mut failures = Vec::new();
    for (text, anchor, expected) in cases {
        let found: Vec<(String, String)> = dates
            .find(text, &[], *anchor)
            .iter()
            .map(|m| (text[m.start..m.end].to_string(), m.value.clone()))
            .collect();
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(s, v)| (s.to_string(), v.to_string()))
            .collect();
        if found != expected {
            failures.push(format!(
                "{text:?}\n  expected {expected:?}\n  found    {found:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn absolute_dates_in_common_german_forms() {
    let a = anchor("2019-06-20");
    check(&[
        (
            "Stichtag ist der 25.09.2012.",
            a,
            &[("25.09.2012", "2012-09-25")],
        ),
        (
            "Am 28.3.2014 unterschrieben sie.",
            a,
            &[("28.3.2014", "2014-03-28")],
        ),
        ("Datum: 2012-09-25", a, &[("2012-09-25", "2012-09-25")]),
        (
            "Sie kamen am 24. September 2012 an.",
            a,
            &[("24. September 2012", "2012-09-24")],
        ),
        (
            "Montag, 24. September 2012, war ein Festtag.",
            a,
            &[("Montag, 24. September 2012", "2012-09-24")],
        ),
        (
            "Bis 24. Sept. 2012 läuft die Frist.",
            a,
            &[("24. Sept. 2012", "2012-09-24")],
        ),
        (
            "Seit März 2014 gilt der Vertrag.",
            a,
            &[("März 2014", "2014-03")],
        ),
        (
            "Die Firma wurde im Jahr 2007 gegründet.",
            a,
            &[("Jahr 2007", "2007")],
        ),
        ("Der Verein wurde 1998 gegründet.", a, &[("1998", "1998")]),
        ("Seit 2000 arbeiten beide zusammen.", a, &[("2000", "2000")]),
        (
            "Am 3. Jänner 2020 beginnt der Kurs.",
            a,
            &[("3. Jänner 2020", "2020-01-03")],
        ),
        (
            "Die SMEC 2019 findet in Dresden statt.",
            a,
            &[("2019", "2019")],
        ),
    ]);
}

#[test]
fn dates_without_a_year_take_it_from_the_anchor_or_stay_open() {
    check(&[
        (
            "Am 12. Juni fand das Treffen statt.",
            anchor("2019-06-20"),
            &[("12. Juni", "2019-06-12")],
        ),
        (
            "Am 30. Juli fand das Treffen statt.",
            None,
            &[("30. Juli", "XXXX-07-30")],
        ),
        // A release of December speaking of January means the next one.
        (
            "Am 10. Januar beginnt die Messe.",
            anchor("2019-12-05"),
            &[("10. Januar", "2020-01-10")],
        ),
        // Narrative: the year of the date mentioned before.
        (
            "Im März 1916 begann die Offensive. Am 2. Juni griff er an.",
            None,
            &[("März 1916", "1916-03"), ("2. Juni", "1916-06-02")],
        ),
    ]);
}

#[test]
fn a_bare_weekday_points_back_unless_its_sentence_looks_ahead() {
    let a = anchor("2019-06-20"); // a Thursday
    check(&[
        // Reports of what happened: the last such weekday, the publication day included.
        (
            "Am Freitag unterzeichneten beide Seiten den Vertrag.",
            a,
            &[("Freitag", "2019-06-14")],
        ),
        (
            "Die Gäste besichtigten am Sonntag den Hafen.",
            a,
            &[("Sonntag", "2019-06-16")],
        ),
        (
            "Am Donnerstag besuchte die Gruppe das Institut.",
            a,
            &[("Donnerstag", "2019-06-20")],
        ),
        // A sentence that looks ahead: the next one.
        (
            "Am Montag wird der Vertrag unterzeichnet.",
            a,
            &[("Montag", "2019-06-24")],
        ),
        (
            "Am Samstag reist die Delegation weiter nach Hamburg.",
            a,
            &[("Samstag", "2019-06-22")],
        ),
        // "letzten" / "kommenden" say it themselves.
        (
            "Am kommenden Dienstag unterzeichneten sie nichts.",
            a,
            &[("kommenden Dienstag", "2019-06-25")],
        ),
    ]);
}

#[test]
fn seasons_with_a_shift_weekday_dayparts_and_years_ago() {
    let a = anchor("2019-06-20"); // a Thursday
    check(&[
        // The next season that has not begun, the last one that has ended.
        (
            "Im kommenden Frühjahr reist eine Delegation nach Chile.",
            a,
            &[("kommenden Frühjahr", "2020-SP")],
        ),
        (
            "Im vergangenen Herbst wurde der Vertrag unterzeichnet.",
            a,
            &[("vergangenen Herbst", "2018-FA")],
        ),
        (
            "Der letzte Winter war mild.",
            anchor("2019-01-15"),
            &[("letzte Winter", "2017-WI")],
        ),
        // A weekday with its part of the day, in one word.
        (
            "Am Mittwochabend empfing der Landrat die Gäste.",
            a,
            &[("Mittwochabend", "2019-06-19TEV")],
        ),
        (
            "Am Montagvormittag wird der Vertrag unterzeichnet.",
            a,
            &[("Montagvormittag", "2019-06-24TMO")],
        ),
        // "Vor" at the start of a sentence, as "vor" inside one.
        (
            "Vor drei Jahren begann die Partnerschaft.",
            a,
            &[("Vor drei Jahren", "2016")],
        ),
    ]);
}

#[test]
fn relative_expressions_resolve_against_the_publication_date() {
    let a = anchor("2019-06-20"); // a Thursday
    check(&[
        (
            "Gestern unterzeichneten sie.",
            a,
            &[("Gestern", "2019-06-19")],
        ),
        ("Heute öffnet die Messe.", a, &[("Heute", "2019-06-20")]),
        ("Die Messe öffnet morgen.", a, &[("morgen", "2019-06-21")]),
        (
            "Vorgestern kam die Delegation.",
            a,
            &[("Vorgestern", "2019-06-18")],
        ),
        (
            "Am Mittwoch kam die Delegation.",
            a,
            &[("Mittwoch", "2019-06-19")],
        ),
        (
            "Am Montag kommt die Delegation.",
            a,
            &[("Montag", "2019-06-17")],
        ),
        (
            "Letzte Woche kam die Delegation.",
            a,
            &[("Letzte Woche", "2019-W24")],
        ),
        (
            "Im vergangenen Jahr kamen 300 Gäste.",
            a,
            &[("vergangenen Jahr", "2018")],
        ),
        (
            "Im kommenden Jahr folgt der Gegenbesuch.",
            a,
            &[("kommenden Jahr", "2020")],
        ),
        (
            "Die Arbeiten enden Ende Oktober.",
            a,
            &[("Ende Oktober", "2019-10")],
        ),
        (
            "Die Anlage startet Anfang 2020.",
            a,
            &[("Anfang 2020", "2020")],
        ),
        (
            "Der Bau beginnt Mitte des Jahres.",
            a,
            &[("Mitte des Jahres", "2019")],
        ),
        (
            "Im ersten Quartal 2020 stieg der Umsatz.",
            a,
            &[("ersten Quartal 2020", "2020-Q1")],
        ),
        (
            "Im letzten Quartal 2018 sank der Umsatz.",
            a,
            &[("letzten Quartal 2018", "2018-Q4")],
        ),
        (
            "Im Sommer 2019 startet das Projekt.",
            a,
            &[("Sommer 2019", "2019-SU")],
        ),
        (
            "Im Herbst folgt die zweite Runde.",
            a,
            &[("Herbst", "2019-FA")],
        ),
        (
            "Die Firma wurde vor zehn Jahren gegründet.",
            a,
            &[("vor zehn Jahren", "2009")],
        ),
        (
            "Gegenüber dem Vorjahr stieg der Umsatz.",
            a,
            &[("Vorjahr", "2018")],
        ),
    ]);
}

#[test]
fn vague_references_only_in_texts_without_a_publication_date() {
    // Press releases leave "derzeit", "künftig", "damals" unmarked (corpus/GUIDELINES.md §4);
    // narrative texts, as in TIMEX2 gold, mark them as references.
    let a = anchor("2024-03-12");
    check(&[
        (
            "Derzeit arbeiten 40 Beschäftigte am Standort, künftig sollen es 60 sein.",
            a,
            &[],
        ),
        (
            "Damals gründete er die Firma; am 4. März wurde der Vertrag unterzeichnet.",
            a,
            &[("4. März", "2024-03-04")],
        ),
        (
            "Derzeit arbeiten 40 Beschäftigte am Standort, künftig sollen es 60 sein.",
            None,
            &[("Derzeit", "PRESENT_REF"), ("künftig", "FUTURE_REF")],
        ),
        (
            "Im Jahr 1912 brach der Krieg aus; damals war die Armee schwach.",
            None,
            &[("Jahr 1912", "1912"), ("damals", "PAST_REF")],
        ),
    ]);
}

#[test]
fn press_releases_leave_modifiers_out_of_a_duration() {
    // corpus/GUIDELINES.md §4; narrative (TIMEX2) gold keeps them in the span.
    let a = anchor("2024-03-12");
    check(&[
        (
            "Die Firma ist seit mehr als 35 Jahren in der Region tätig.",
            a,
            &[("35 Jahren", "P35Y")],
        ),
        (
            "In den ersten zwei Jahren fördert das Land das Projekt mit rund 18 Monaten Vorlauf.",
            a,
            &[("zwei Jahren", "P2Y"), ("18 Monaten", "P18M")],
        ),
        (
            "In den vergangenen fünf Jahren wuchs der Handel.",
            a,
            &[("vergangenen fünf Jahren", "P5Y")],
        ),
        (
            "Die Belagerung dauerte mehr als drei Monate.",
            None,
            &[("mehr als drei Monate", "P3M")],
        ),
    ]);
}

#[test]
fn a_weekday_after_gestern_is_checked_against_it() {
    // 2012-09-25 is a Tuesday: "gestern, Montag" agrees.
    check(&[(
        "Gestern, Montag, besuchte eine Delegation die Stadt.",
        anchor("2012-09-25"),
        &[("Gestern, Montag", "2012-09-24")],
    )]);
    // Published a day late (Wednesday): the weekday wins.
    check(&[(
        "Gestern, Montag, besuchte eine Delegation die Stadt.",
        anchor("2012-09-26"),
        &[("Gestern, Montag", "2012-09-24")],
    )]);
    check(&[(
        "Gestern Montag, 24. September 2012, besuchte eine Delegation die Stadt.",
        anchor("2012-09-25"),
        &[
            ("Gestern", "2012-09-24"),
            ("Montag, 24. September 2012", "2012-09-24"),
        ],
    )]);
}

#[test]
fn ranges_normalise_each_end() {
    let a = anchor("2019-06-20");
    check(&[
        (
            "Die Tagung läuft vom 30. Oktober bis 1. Nov. 2019.",
            a,
            &[
                ("30. Oktober", "2019-10-30"),
                ("1. Nov. 2019", "2019-11-01"),
            ],
        ),
        (
            "Die Tagung läuft vom 12.–14. Juni 2019.",
            a,
            &[("12.", "2019-06-12"), ("14. Juni 2019", "2019-06-14")],
        ),
        (
            "Das Programm lief von 2014 bis 2016.",
            a,
            &[("2014", "2014"), ("2016", "2016")],
        ),
        (
            "Die Ausstellung läuft vom 30. Dezember bis 2. Januar 2021.",
            a,
            &[
                ("30. Dezember", "2020-12-30"),
                ("2. Januar 2021", "2021-01-02"),
            ],
        ),
    ]);
}

#[test]
fn durations_sets_times_centuries_and_decades() {
    let a = anchor("2019-06-20");
    check(&[
        (
            "Das Projekt läuft seit ca. 6 Jahren.",
            a,
            &[("6 Jahren", "P6Y")],
        ),
        ("Die Messe dauert drei Tage.", a, &[("drei Tage", "P3D")]),
        (
            "Beide arbeiten seit mehreren Jahren zusammen.",
            a,
            &[("mehreren Jahren", "PXY")],
        ),
        (
            "Die Messe findet jährlich statt.",
            a,
            &[("jährlich", "P1Y")],
        ),
        (
            "Die Feier beginnt um 14 Uhr.",
            a,
            &[("14 Uhr", "XXXX-XX-XXT14:00")],
        ),
        (
            "Am 12. Juni beginnt um 14:30 Uhr die Feier.",
            a,
            &[
                ("12. Juni", "2019-06-12"),
                ("14:30 Uhr", "2019-06-12T14:30"),
            ],
        ),
        // A programme: the day stated once, the times in lines of their own; a daypart in a
        // later sentence is on the day mentioned last, not on the publication date.
        (
            "Programm am Dienstag, 25. Juni 2019\n09:30 Uhr Begrüßung\n11 Uhr Vorträge",
            a,
            &[
                ("Dienstag, 25. Juni 2019", "2019-06-25"),
                ("09:30 Uhr", "2019-06-25T09:30"),
                ("11 Uhr", "2019-06-25T11:00"),
            ],
        ),
        (
            "Der Vertrag wurde am 14. Juni unterzeichnet. Am Nachmittag besichtigten die Gäste den Hafen.",
            a,
            &[
                ("14. Juni", "2019-06-14"),
                ("Nachmittag", "2019-06-14TAF"),
            ],
        ),
        (
            "Das Haus stammt aus dem 20. Jahrhundert.",
            a,
            &[("20. Jahrhundert", "19")],
        ),
        (
            "In den 1990er Jahren wuchs die Stadt.",
            a,
            &[("1990er Jahren", "199")],
        ),
    ]);
}

#[test]
fn types_follow_timex3() {
    let dates = recogniser();
    let text = "Am 12. Juni um 14 Uhr, drei Tage lang, jährlich.";
    let types: Vec<DateType> = dates
        .find(text, &[], anchor("2019-06-20"))
        .iter()
        .map(|m| m.date_type)
        .collect();
    assert_eq!(
        types,
        [
            DateType::Date,
            DateType::Time,
            DateType::Duration,
            DateType::Set
        ]
    );
}

#[test]
fn numbers_that_are_not_dates() {
    let a = anchor("2019-06-20");
    check(&[
        ("Telefon: 0351 7965602, Fax 0351 7965603", a, &[]),
        // Extensions after a hyphen or a space on a contact line.
        ("Tel. +49 89 2162-2019, presse@example.org", a, &[]),
        ("Kontakt: Anna Berg, Telefon 0421 9600 1998", a, &[]),
        ("Fax: 030 12345-2010", a, &[]),
        ("Postanschrift: Lange Straße 5, 30169 Hannover", a, &[]),
        (
            "Auf einer Fläche von über 50 km² entsteht ein Gebiet (318 km²).",
            a,
            &[],
        ),
        ("Die Version 2.1.3 ist verfügbar.", a, &[]),
        ("Das Büro liegt in der Hauptstraße 12.", a, &[]),
        ("Grafik135.png", a, &[]),
        ("Die Folgen von COVID-19 sind spürbar.", a, &[]),
        ("Rund 2000 Mitarbeiter arbeiten dort.", a, &[]),
        ("Der Preis liegt bei 1999 Euro.", a, &[]),
        // "letzten" is the last of a quarter or half year, not the 4th century.
        ("Die Bauten des letzten Jahrhunderts verfallen.", a, &[]),
    ]);
}

#[test]
fn calendar_weeks_genitive_quarters_slash_ranges_and_ages() {
    let a = anchor("2025-02-20");
    check(&[
        // Calendar weeks: ISO week values, the year from the anchor unless written.
        (
            "Bewerbungen sind bis KW 12 möglich, die Fertigung läuft seit KW14.",
            a,
            &[("KW 12", "2025-W12"), ("KW14", "2025-W14")],
        ),
        (
            "Der Besuch folgt in der 20. Kalenderwoche 2026 und in KW 3/2027.",
            a,
            &[("20. Kalenderwoche 2026", "2026-W20"), ("KW 3/2027", "2027-W03")],
        ),
        ("Die KW 60 gibt es nicht.", a, &[]),
        // A weekday of the week before or after the publication date's week (a Thursday);
        // the weekday and the week are two expressions (GUIDELINES §4).
        (
            "Am Montag der kommenden Woche und am Freitag vergangener Woche tagte der Rat.",
            a,
            &[
                ("Montag", "2025-02-24"),
                ("kommenden Woche", "2025-W09"),
                ("Freitag", "2025-02-14"),
                ("vergangener Woche", "2025-W07"),
            ],
        ),
        // A quarter or half year in the genitive, with and without a part word before it.
        (
            "Die Zulassung ist für Ende des dritten Quartals geplant.",
            a,
            &[("Ende des dritten Quartals", "2025-Q3")],
        ),
        (
            "Für Anfang des zweiten Halbjahres 2026 plant die Kammer eine Reise.",
            a,
            &[("Anfang des zweiten Halbjahres 2026", "2026-H2")],
        ),
        (
            "Die Zahlen des ersten Halbjahres liegen vor, die des 2. Quartals folgen.",
            a,
            &[("ersten Halbjahres", "2025-H1"), ("2. Quartals", "2025-Q2")],
        ),
        // A weekday before a day and month without a year.
        (
            "Der Minister hat am Dienstag, 04.03., die Kammer besucht.",
            a,
            &[("Dienstag, 04.03.", "2025-03-04")],
        ),
        // Two days joined by a slash.
        (
            "Das Fest ist am 2./3. Mai.",
            a,
            &[("2.", "2025-05-02"), ("3. Mai", "2025-05-03")],
        ),
        // Ages and anniversaries in digits are no durations in press releases (GUIDELINES §4);
        // words and other units stay.
        (
            "Der 45-jährige Ingenieur feiert das 30-jährige Bestehen nach der dreijährigen Bauzeit.",
            a,
            &[("dreijährigen", "P3Y")],
        ),
        (
            "In 20-minütigen Gesprächen und 14-tägigen Kursen ging es um Zölle.",
            a,
            &[("20-minütigen", "PT20M"), ("14-tägigen", "P14D")],
        ),
    ]);
}

#[test]
fn publication_dates_from_the_text() {
    let dates = recogniser();
    let cases: &[(&str, Option<&str>)] = &[
        ("Delegation zu Besuch\n\n25.09.2012\nGestern kam eine Delegation.", Some("2012-09-25")),
        ("Neuigkeiten\n\n20.06.2019\nAm 12. Juni fand ein Treffen statt.", Some("2019-06-20")),
        ("Dresden, 28. März 2014 - Der Verband und der Cluster arbeiten zusammen.", Some("2014-03-28")),
        ("Hannover, 22.11.2017 (PresseBox) - Die Messe beginnt.", Some("2017-11-22")),
        ("Die Messe war ein Erfolg.\nveröffentlicht am 13.07.2006", Some("2006-07-13")),
        (
            "Ein Besuch aus Japan\n\nDie Gäste kamen am 3. Mai 2012 an.\n\nAmt für Wirtschaft\n\nBasel, 25. September 2012\n",
            Some("2012-09-25"),
        ),
        ("Frankfurt am Main, den 3. Mai 2021: Die Bank meldet Zahlen.", Some("2021-05-03")),
        // An agency's or press office's tag in parentheses before the place.
        ("(ots) Berlin, 4. März 2024 – Der Senat lädt ein.", Some("2024-03-04")),
        ("Landespressedienst\n\n(LPD) Graz, 12.11.2023 – Die Steiermark und Slowenien planen.", Some("2023-11-12")),
        ("(Eine sehr lange Bemerkung in Klammern) Berlin, 4. März 2024 – Text.", None),
        // A header before the place, two sites, a full stop after the date.
        ("Pressemitteilung 12/2023 | Kassel, 7. Juni 2023\n\nDie Stadt lädt ein.", Some("2023-06-07")),
        ("Frankfurt am Main / San Sebastián de los Reyes, 02.10.2022 – Die beiden Firmen arbeiten zusammen.", Some("2022-10-02")),
        ("Rathaus aktuell\nNr. 4/2024\n\nKassel, 14.02.2024. Im Rathaus wurde ein Vertrag unterzeichnet.", Some("2024-02-14")),
        ("Der Vertrag gilt ab 14.02.2024. Im Rathaus wurde gefeiert.", None),
        // A short header cut off from the date by a bar or a middle dot.
        ("Presseinformation | 03.09.2024\n\nDie Kammer lädt ein.", Some("2024-09-03")),
        ("Aktuelles · 5. Mai 2022\n\nDer Kreis meldet Zahlen.", Some("2022-05-05")),
        ("Umsatz 2023 | Gewinn 2024 | Prognose | 05.05.2025 | Ausblick\nText.", None),
        // A date in a sentence is not a publication date; nothing defaults to today.
        ("Der Vertrag wurde am 3. Mai 2012 in Basel unterzeichnet.", None),
        // A date read whole where it runs past the first 160 bytes of its line.
        (
            "Diese Mitteilung der Stadtwerke über die neuen Tarife für Strom, Gas und Fernwärme im kommenden Winter wurde auf der Internetseite veröffentlicht am 13.07.2006\nText.",
            Some("2006-07-13"),
        ),
        ("Eine Meldung ohne Datum.", None),
    ];
    let mut failures = Vec::new();
    for (text, expected) in cases {
        let found = dates
            .publication_date(text, &[])
            .map(|f| f.date.to_string());
        if found.as_deref() != *expected {
            failures.push(format!("{text:?}: expected {expected:?}, found {found:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn one_pass_finds_what_the_two_searches_find() {
    let dates = recogniser();
    let texts = [
        "Hannover, 22.11.2017 (PresseBox) - Die Messe beginnt morgen und endet am Freitag.",
        "Neuigkeiten\n\n20.06.2019\nAm 12. Juni fand ein Treffen statt; am Montag folgt das nächste.",
        "Ein Besuch\n\nDie Gäste kamen am 3. Mai an und reisen am Sonntag weiter.\n\nBasel, 25. September 2012\n",
        "Der Vertrag wurde am 3. Mai 2012 unterzeichnet. Seit 1998 wächst die Firma, heute um 14:30 Uhr.",
        "Eine Meldung ohne Datum.",
        "",
    ];
    for text in texts {
        for given in [None, anchor("2020-02-29")] {
            let found = dates.analyse(text, &[], given);
            let published = match given {
                Some(_) => None,
                None => dates.publication_date(text, &[]),
            };
            assert_eq!(found.published, published, "{text:?}");
            let anchor = given.or(published.map(|p| p.date));
            assert_eq!(found.dates, dates.find(text, &[], anchor), "{text:?}");
        }
    }
}

#[test]
fn the_system_clock_is_never_read() {
    // Without an anchor, relative expressions stay open or anchor to the text.
    check(&[
        ("Heute öffnet die Messe.", None, &[("Heute", "PRESENT_REF")]),
        (
            "Im vergangenen Jahr kamen 300 Gäste.",
            None,
            &[("vergangenen Jahr", "XXXX")],
        ),
    ]);
}
