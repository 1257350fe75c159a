//! Offsets are sacred: for arbitrary input, every span's text is exactly the slice of the input
//! at its code point offsets and at its byte offsets; tokens and sentences lie on char
//! boundaries, in order, without overlap.

use std::sync::OnceLock;

use meldung::{Document, Pipeline};
use proptest::prelude::*;

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| Pipeline::load_default().expect("default resources"))
}

fn char_slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

fn check_record(text: &str) {
    let record = pipeline().extract(&Document::new("p", text));
    assert_eq!(record.char_count, text.chars().count());
    let spans = record
        .entities
        .iter()
        .map(|e| (&e.text, e.start, e.end, e.byte_start, e.byte_end))
        .chain(
            record
                .dates
                .iter()
                .map(|d| (&d.text, d.start, d.end, d.byte_start, d.byte_end)),
        )
        .chain(record.relations.iter().map(|r| {
            let ev = &r.evidence;
            (&ev.text, ev.start, ev.end, ev.byte_start, ev.byte_end)
        }));
    for (span_text, start, end, byte_start, byte_end) in spans {
        assert!(start < end, "empty span {span_text:?}");
        assert_eq!(&char_slice(text, start, end), span_text);
        assert_eq!(&text[byte_start..byte_end], span_text);
    }
    for pair in record.entities.windows(2) {
        assert!(
            pair[0].end <= pair[1].start,
            "overlapping entities {:?} {:?}",
            pair[0].text,
            pair[1].text
        );
    }
}

fn check_tokens(text: &str) {
    let tokeniser = &pipeline().tokeniser;
    let tokens = tokeniser.tokenise(text);
    let mut previous_end = 0;
    for token in &tokens {
        assert!(token.start < token.end, "empty token at {}", token.start);
        assert!(
            token.start >= previous_end,
            "tokens overlap or go backwards at {}",
            token.start
        );
        assert!(text.is_char_boundary(token.start) && text.is_char_boundary(token.end));
        // Tokens never contain the separators they were split at (multi-part abbreviations
        // like "z. B." may hold single spaces).
        assert!(!token.text(text).contains('\n'));
        previous_end = token.end;
    }
    let sentences = tokeniser.sentences(text, &tokens);
    let mut next_token = 0;
    for sentence in &sentences {
        assert_eq!(sentence.first_token, next_token);
        assert!(text.is_char_boundary(sentence.start) && text.is_char_boundary(sentence.end));
        next_token = sentence.end_token;
    }
    assert_eq!(next_token, tokens.len());
}

/// German-looking text: words, numbers, dates, punctuation and awkward characters mixed.
fn germanish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Präfektur".to_string()),
        Just("Aichi".to_string()),
        Just("Baden-Württemberg-Besuch".to_string()),
        Just("z. B.".to_string()),
        Just("24.".to_string()),
        Just("25.09.2012".to_string()),
        Just("14:30".to_string()),
        Just("Uhr".to_string()),
        Just("e.V.".to_string()),
        Just("„".to_string()),
        Just("“".to_string()),
        Just("\u{AD}".to_string()),
        Just("\u{A0}".to_string()),
        Just("\u{200B}".to_string()),
        Just("\r\n".to_string()),
        Just("\n\n".to_string()),
        Just("🇩🇪".to_string()),
        Just("ẞ".to_string()),
        Just("-".to_string()),
        Just(". ".to_string()),
        "[a-zäöüßA-ZÄÖÜ]{1,12}",
        "[0-9]{1,5}",
        "[ .,;:!?()/–-]{1,3}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn spans_slice_exactly_on_arbitrary_unicode(text in any::<String>()) {
        check_tokens(&text);
        check_record(&text);
    }

    #[test]
    fn spans_slice_exactly_on_german_like_text(text in germanish()) {
        check_tokens(&text);
        check_record(&text);
    }
}
