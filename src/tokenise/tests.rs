//! Table-driven tokeniser and sentence-splitter tests, on sentences written for them.

use super::{TokenKind, Tokeniser};
use std::sync::OnceLock;

fn tokeniser() -> &'static Tokeniser {
    static TOKENISER: OnceLock<Tokeniser> = OnceLock::new();
    TOKENISER.get_or_init(|| Tokeniser::load_default().expect("default resources"))
}

fn surfaces(text: &str) -> Vec<&str> {
    tokeniser()
        .tokenise(text)
        .iter()
        .map(|t| t.text(text))
        .collect()
}

/// (text, expected token surfaces)
const TOKEN_CASES: &[(&str, &[&str])] = &[
    // Abbreviations keep their period, alone and in spaced multi-part forms.
    ("z. B. Dr. Meier", &["z. B.", "Dr.", "Meier"]),
    (
        "z.B. bei Prof. Dr. Anna Roth",
        &["z.B.", "bei", "Prof.", "Dr.", "Anna", "Roth"],
    ),
    (
        "der Verband e. V. und die Musterhilfe e.V.",
        &[
            "der",
            "Verband",
            "e. V.",
            "und",
            "die",
            "Musterhilfe",
            "e.V.",
        ],
    ),
    (
        "ca. 5 Mio. Euro bzw. 3 Mrd. Yen",
        &["ca.", "5", "Mio.", "Euro", "bzw.", "3", "Mrd.", "Yen"],
    ),
    (
        "Foto (v.l.n.r.): A. Berg",
        &["Foto", "(", "v.l.n.r.", ")", ":", "A.", "Berg"],
    ),
    ("Foto v. l. n. r. Berg", &["Foto", "v. l. n. r.", "Berg"]),
    (
        "Tel. 0711 123-45, Nr. 7",
        &["Tel.", "0711", "123-45", ",", "Nr.", "7"],
    ),
    (
        "Vom 3. bis 5. Nov. tagt",
        &["Vom", "3.", "bis", "5.", "Nov.", "tagt"],
    ),
    (
        "Herr Dipl.-Ing. Kurt Weber",
        &["Herr", "Dipl.-Ing.", "Kurt", "Weber"],
    ),
    // Ordinals and numeric dates.
    ("am 24. September 2012", &["am", "24.", "September", "2012"]),
    ("Stand: 25.09.2012.", &["Stand", ":", "25.09.2012", "."]),
    (
        "am 28.3.2014 und am 1.4.",
        &["am", "28.3.2014", "und", "am", "1.4."],
    ),
    ("seit 2012-09-25 gilt", &["seit", "2012-09-25", "gilt"]),
    ("vom 12.–14. Juni", &["vom", "12.", "–", "14.", "Juni"]),
    (
        "Kaiser Wilhelm II. kam",
        &["Kaiser", "Wilhelm", "II.", "kam"],
    ),
    // Times and numbers.
    ("um 14:30 Uhr", &["um", "14:30", "Uhr"]),
    (
        "1.000.000 Euro, 3,5 Prozent, 12.5 km",
        &[
            "1.000.000",
            "Euro",
            ",",
            "3,5",
            "Prozent",
            ",",
            "12.5",
            "km",
        ],
    ),
    (
        "rund 50 km² (318 km²)",
        &["rund", "50", "km²", "(", "318", "km²", ")"],
    ),
    ("+49 351 7965602", &["+49", "351", "7965602"]),
    ("±3 Grad und ±", &["±3", "Grad", "und", "±"]),
    ("Tel. 0351/8925582", &["Tel.", "0351", "/", "8925582"]),
    // E-mail addresses, URLs, domains, hashtags.
    (
        "an info@example-cluster.de.",
        &["an", "info@example-cluster.de", "."],
    ),
    (
        "unter https://www.example.org/presse?id=3, dort",
        &["unter", "https://www.example.org/presse?id=3", ",", "dort"],
    ),
    (
        "Quelle: german.example.gov.cn",
        &["Quelle", ":", "german.example.gov.cn"],
    ),
    ("(www.ihk-beispiel.de)", &["(", "www.ihk-beispiel.de", ")"]),
    (
        "#Wasserstoff und @Messe_Beispiel",
        &["#Wasserstoff", "und", "@Messe_Beispiel"],
    ),
    (
        "im Kulturhaus.NRW heute",
        &["im", "Kulturhaus.NRW", "heute"],
    ),
    // Hyphen compounds and truncations.
    (
        "beide Life-Sciences-Standorte",
        &["beide", "Life-Sciences-Standorte"],
    ),
    (
        "Wirtschafts- und Verbandsvertretern",
        &["Wirtschafts-", "und", "Verbandsvertretern"],
    ),
    (
        "Forschungs-, Entwicklungs- oder Vertriebszentren",
        &[
            "Forschungs-",
            ",",
            "Entwicklungs-",
            "oder",
            "Vertriebszentren",
        ],
    ),
    (
        "die Bayern-Québec-Partnerschaft",
        &["die", "Bayern-Québec-Partnerschaft"],
    ),
    (
        "trotz COVID-19 und 30-köpfiger Gruppe",
        &["trotz", "COVID-19", "und", "30-köpfiger", "Gruppe"],
    ),
    (
        "Jinan/China und Biotechnologie/Life Sciences",
        &[
            "Jinan",
            "/",
            "China",
            "und",
            "Biotechnologie",
            "/",
            "Life",
            "Sciences",
        ],
    ),
    // Quotes, German and typographic.
    (
        "„Wir freuen uns“, sagte sie.",
        &["„", "Wir", "freuen", "uns", "“", ",", "sagte", "sie", "."],
    ),
    (
        "das \"Biotal\"-Netz und 'Zitat'",
        &[
            "das", "\"", "Biotal", "\"", "-", "Netz", "und", "'", "Zitat", "'",
        ],
    ),
    (
        "»Kooperation« und ‚Austausch‘",
        &["»", "Kooperation", "«", "und", "‚", "Austausch", "‘"],
    ),
    (
        "Er sagte: ,Gut.'",
        &["Er", "sagte", ":", ",", "Gut", ".", "'"],
    ),
    // Soft hyphens, non-breaking and zero-width spaces separate or stay inside as they should.
    (
        "Wirt\u{AD}schafts\u{AD}förderung",
        &["Wirt\u{AD}schafts\u{AD}förderung"],
    ),
    ("5\u{A0}Mio.\u{A0}Euro", &["5", "Mio.", "Euro"]),
    ("Dr.\u{202F}Weber\u{200B}und", &["Dr.", "Weber", "und"]),
    // Ellipses and sentence punctuation.
    (
        "Und dann... Schluss!",
        &["Und", "dann", "...", "Schluss", "!"],
    ),
    ("Warum?! Darum.", &["Warum", "?", "!", "Darum", "."]),
    ("usw. Danach", &["usw.", "Danach"]),
    // Plain words of any script, and the characters the byte-level fast path must not take
    // for letters.
    (
        "Größe 3×4 und Straße, Ärger.",
        &["Größe", "3", "×", "4", "und", "Straße", ",", "Ärger", "."],
    ),
    ("Łódź und Kraków.", &["Łódź", "und", "Kraków", "."]),
    ("Москва и Αθήνα", &["Москва", "и", "Αθήνα"]),
    (
        "Wort\u{2060}Wort\u{3000}Ende\u{85}da",
        &["Wort", "Wort", "Ende", "da"],
    ),
    ("a ÷ b", &["a", "÷", "b"]),
    // Digit chunks and words with a final period.
    (
        "2012 gegründet, 1998.",
        &["2012", "gegründet", ",", "1998", "."],
    ),
    ("Teil IV. Danach", &["Teil", "IV.", "Danach"]),
    // Company forms abroad keep their periods.
    (
        "die Indus Motors Pvt. Ltd. und Lion Foods Sdn. Bhd. aus",
        &[
            "die", "Indus", "Motors", "Pvt.", "Ltd.", "und", "Lion", "Foods", "Sdn.", "Bhd.", "aus",
        ],
    ),
];

#[test]
fn tokens_match_the_table() {
    for &(text, expected) in TOKEN_CASES {
        assert_eq!(surfaces(text), expected, "tokenising {text:?}");
    }
}

/// (text, token surface, expected kind)
const KIND_CASES: &[(&str, &str, TokenKind)] = &[
    ("am 24. September", "24.", TokenKind::Ordinal),
    ("im Jahr 2012. Die", "2012", TokenKind::Number),
    ("25.09.2012", "25.09.2012", TokenKind::Date),
    ("bis 25.09. in Bonn", "25.09.", TokenKind::Date),
    ("um 14:30 Uhr", "14:30", TokenKind::Time),
    ("z. B. hier", "z. B.", TokenKind::Abbreviation),
    ("A. Berg", "A.", TokenKind::Abbreviation),
    ("an info@example.de", "info@example.de", TokenKind::Email),
    ("www.example.de", "www.example.de", TokenKind::Url),
    ("#Robotik", "#Robotik", TokenKind::Hashtag),
    ("Wirtschafts- und", "Wirtschafts-", TokenKind::Truncation),
    ("„Zitat“", "„", TokenKind::Quote),
    ("5 €", "€", TokenKind::Symbol),
    ("3,5 %", "3,5", TokenKind::Number),
    ("30-köpfige", "30-köpfige", TokenKind::Number),
    ("COVID-19", "COVID-19", TokenKind::Word),
    ("Forum.SH", "Forum.SH", TokenKind::Word),
    ("seit 2012 hier", "2012", TokenKind::Number),
    ("Teil IV. Danach", "IV.", TokenKind::Ordinal),
    ("in Kraków.", "Kraków", TokenKind::Word),
    ("die Größe", "Größe", TokenKind::Word),
];

#[test]
fn token_kinds_match_the_table() {
    for &(text, surface, kind) in KIND_CASES {
        let tokens = tokeniser().tokenise(text);
        let token = tokens
            .iter()
            .find(|t| t.text(text) == surface)
            .unwrap_or_else(|| panic!("no token {surface:?} in {text:?}: {:?}", surfaces(text)));
        assert_eq!(token.kind, kind, "kind of {surface:?} in {text:?}");
    }
}

/// (text, expected sentences)
const SENTENCE_CASES: &[(&str, &[&str])] = &[
    (
        "Die Delegation kam am 24. September nach Bonn. Sie blieb drei Tage.",
        &[
            "Die Delegation kam am 24. September nach Bonn.",
            "Sie blieb drei Tage.",
        ],
    ),
    (
        "Das war im Jahr 2012. Die Partner trafen sich erneut.",
        &["Das war im Jahr 2012.", "Die Partner trafen sich erneut."],
    ),
    (
        "Es sprach Dr. Weber, z. B. über Robotik. Dann Prof. Lang.",
        &[
            "Es sprach Dr. Weber, z. B. über Robotik.",
            "Dann Prof. Lang.",
        ],
    ),
    (
        "Es gab Messen, Foren usw. Danach folgte ein Empfang.",
        &["Es gab Messen, Foren usw.", "Danach folgte ein Empfang."],
    ),
    (
        "Mitglieder des Vereins e. V. Mustertal kamen.",
        &["Mitglieder des Vereins e. V. Mustertal kamen."],
    ),
    // A foreign legal form closes the name: a capitalised word after it opens a sentence,
    // a bracket does not.
    (
        "Partner ist die Beispiel Digital d.o.o. Am Montag kommt die Muster Ltd. (ML) dazu.",
        &[
            "Partner ist die Beispiel Digital d.o.o.",
            "Am Montag kommt die Muster Ltd. (ML) dazu.",
        ],
    ),
    (
        "Am 3. Oktober ist Feiertag. 2020 war es anders.",
        &["Am 3. Oktober ist Feiertag.", "2020 war es anders."],
    ),
    (
        "Er sagte: „Wir kommen wieder.“ Dann ging er.",
        &["Er sagte: „Wir kommen wieder.“", "Dann ging er."],
    ),
    ("Wirklich? Ja! Gut so.", &["Wirklich?", "Ja!", "Gut so."]),
    (
        "Infos unter www.example.de. Anmeldung bis 1. Mai.",
        &["Infos unter www.example.de.", "Anmeldung bis 1. Mai."],
    ),
    (
        "Kontakt: A. Berg, Tel. 0711 12345.",
        &["Kontakt: A. Berg, Tel. 0711 12345."],
    ),
    // Headline, date line and paragraphs: line structure counts.
    (
        "Delegation aus Aichi in Stuttgart\n\n14.03.2023\nDie Gäste kamen gestern an.",
        &[
            "Delegation aus Aichi in Stuttgart",
            "14.03.2023",
            "Die Gäste kamen gestern an.",
        ],
    ),
    (
        "Ein Satz ohne Punkt\nNoch einer",
        &["Ein Satz ohne Punkt", "Noch einer"],
    ),
    // A line that plainly continues is not a boundary.
    (
        "Die Partner aus Bayern,\nQuébec und Shandong trafen sich.",
        &["Die Partner aus Bayern,\nQuébec und Shandong trafen sich."],
    ),
    (
        "Die Vertreter der Wirtschafts-\nund Handelskammern kamen.",
        &["Die Vertreter der Wirtschafts-\nund Handelskammern kamen."],
    ),
    (
        "Die Delegation besuchte\ndie Messe in Hannover.",
        &["Die Delegation besuchte\ndie Messe in Hannover."],
    ),
    (
        "Erste Zeile.\r\nZweite Zeile.\r\n",
        &["Erste Zeile.", "Zweite Zeile."],
    ),
    ("Ende...", &["Ende..."]),
    ("", &[]),
    (
        "Die Indus Motors Pvt. Ltd. unterzeichnete. Danach sprach sie.",
        &[
            "Die Indus Motors Pvt. Ltd. unterzeichnete.",
            "Danach sprach sie.",
        ],
    ),
];

#[test]
fn sentences_match_the_table() {
    for &(text, expected) in SENTENCE_CASES {
        let tokens = tokeniser().tokenise(text);
        let sentences: Vec<&str> = tokeniser()
            .sentences(text, &tokens)
            .iter()
            .map(|s| s.text(text))
            .collect();
        assert_eq!(sentences, expected, "splitting {text:?}");
    }
}

#[test]
fn sentences_cover_every_token_once_in_order() {
    let text = "Titel\n\nDresden, 28. März 2014 - Der Verband e. V. und die Firma AG haben ca. 5 Mio. Euro \
                investiert. Es folgt usw. Mehr unter www.example.de.";
    let tokens = tokeniser().tokenise(text);
    let sentences = tokeniser().sentences(text, &tokens);
    let mut next = 0;
    for sentence in &sentences {
        assert_eq!(sentence.first_token, next);
        assert!(sentence.end_token > sentence.first_token);
        assert_eq!(sentence.start, tokens[sentence.first_token].start);
        assert_eq!(sentence.end, tokens[sentence.end_token - 1].end);
        next = sentence.end_token;
    }
    assert_eq!(next, tokens.len());
}
