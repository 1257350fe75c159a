//! Every rule's example (resources/dates/rules/*.tsv) must produce its expected span and value.

use meldung::calendar::Date;
use meldung::dates::DateRecogniser;

#[test]
fn every_rule_example_produces_its_expected_span_and_value() {
    let dates = DateRecogniser::load_default().expect("date resources load");
    let mut failures = Vec::new();
    for rule in dates.rules() {
        let (anchor, sentence) = match rule.example.strip_prefix('@') {
            Some(rest) => {
                let (anchor, sentence) = rest.split_once(' ').expect("anchor then sentence");
                let anchor = match anchor {
                    "none" => None,
                    iso => Some(Date::parse_iso(iso).expect("valid example anchor")),
                };
                (anchor, sentence)
            }
            None => (Date::new(2019, 6, 20), rule.example.as_str()),
        };
        let (span, value) = rule.expected.rsplit_once('=').expect("span=value");
        let found = dates.find_explained(sentence, &[], anchor);
        let hit = found
            .iter()
            .any(|(m, _)| &sentence[m.start..m.end] == span && m.value == value);
        if !hit {
            let shown: Vec<String> = found
                .iter()
                .map(|(m, r)| format!("{:?}={} ({r})", &sentence[m.start..m.end], m.value))
                .collect();
            failures.push(format!(
                "{} ({}): {sentence:?} expected {span:?}={value}, found {shown:?}",
                rule.name, rule.origin
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
