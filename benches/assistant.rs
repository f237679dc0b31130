//! Assistant benchmark: one turn of a conversation in-process on the bundled
//! knowledge base, with each engine, over every sentence of the held-out
//! file (so the figures are on what callers say, not on what the phrases
//! were written for). Prints p50, p99 and max per engine and language, and
//! the classifier's training time.
//!
//! ```text
//! cargo bench --bench assistant
//! ```

use std::path::Path;
use std::time::{Duration, Instant};

use canllaw::assistant::classifier::{Classifier, training_set};
use canllaw::assistant::conversation::{Conversation, Engine};
use canllaw::assistant::eval;
use canllaw::index;
use canllaw::knowledge::load_dir;
use canllaw::lang::Lang;
use canllaw::search::Searcher;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1]
}

fn main() {
    // `cargo bench` passes --bench; a filter that is not ours means skip.
    if std::env::args()
        .skip(1)
        .any(|a| !a.starts_with('-') && a != "assistant")
    {
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let knowledge = root.join("knowledge");
    let kb = load_dir(&knowledge).expect("knowledge loads").kb;
    let data = tempfile::tempdir().unwrap();
    // A fresh searcher (and so an empty response cache) per engine, so
    // neither is timed on searches the other already made.
    let searcher = || {
        let opened = index::open_or_build(&knowledge, data.path(), false, &mut |_, _| {}).unwrap();
        Searcher::new(opened.index).unwrap()
    };
    let text = std::fs::read_to_string(root.join("tests/eval/assistant-heldout.tsv")).unwrap();
    let cases = eval::parse(&text).unwrap();

    let (intents, flags, examples) = training_set(&kb);
    let mut trainings = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        std::hint::black_box(Classifier::train(&intents, &flags, &examples));
        trainings.push(started.elapsed());
    }
    trainings.sort();
    println!(
        "classifier training on {} examples: median {:.0} ms",
        examples.len(),
        trainings[2].as_secs_f64() * 1000.0
    );
    // The shared model, trained once before the turns are timed.
    Classifier::for_kb(&kb);

    for (name, engine) in Engine::ALL {
        let searcher = searcher();
        for lang in Lang::ALL {
            let mut times: Vec<Duration> = Vec::new();
            for _ in 0..3 {
                for case in cases.iter().filter(|c| c.lang == lang) {
                    let mut conversation = Conversation::new(lang);
                    // The first round searches for real, the next two hit
                    // the response cache, as repeated phrases do in a
                    // contact centre.
                    let started = Instant::now();
                    std::hint::black_box(conversation.turn_with(
                        engine,
                        &kb,
                        &searcher,
                        &case.sentence,
                    ));
                    times.push(started.elapsed());
                }
            }
            times.sort();
            println!(
                "turn ({name}, {lang}): {} turns, p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
                times.len(),
                percentile(&times, 0.5).as_secs_f64() * 1000.0,
                percentile(&times, 0.99).as_secs_f64() * 1000.0,
                percentile(&times, 1.0).as_secs_f64() * 1000.0,
            );
        }
    }
}
