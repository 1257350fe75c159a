//! Prints the tokens and sentences of a file: `cargo run --example tokens -- FILE`.
use meldung::tokenise::Tokeniser;

fn main() {
    let path = std::env::args().nth(1).expect("usage: tokens FILE");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let tokeniser = Tokeniser::load_default().expect("resources");
    let tokens = tokeniser.tokenise(&text);
    for sentence in tokeniser.sentences(&text, &tokens) {
        let shown: Vec<String> = tokens[sentence.first_token..sentence.end_token]
            .iter()
            .map(|t| format!("{}/{:?}", t.text(&text), t.kind))
            .collect();
        println!("{}\n", shown.join(" "));
    }
}
