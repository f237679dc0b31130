//! Search benchmarks: query latency on the bundled knowledge base and on a
//! synthetic one of 100,000 documents generated from it (Welsh and English),
//! and index build time.
//!
//! ```text
//! cargo bench --bench search                    # everything
//! CANLLAW_BENCH_DOCS=20000 cargo bench --bench search
//! ```
//!
//! Criterion reports mean times; before that, a latency report prints p50,
//! p99 and max per corpus and language over every query of the evaluation
//! sets, which is what the README's figures come from.

use std::path::Path;
use std::time::{Duration, Instant};

use canllaw::index::expansions::{self, Expansion};
use canllaw::index::{self, IndexDoc, SearchIndex, documents};
use canllaw::knowledge::load_dir;
use canllaw::lang::Lang;
use canllaw::search::eval;
use canllaw::search::{SearchRequest, Searcher};
use criterion::Criterion;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn queries(files: &[&str]) -> Vec<(Lang, String)> {
    let mut out = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(root().join("tests/eval").join(file)).unwrap();
        out.extend(
            eval::parse(&text)
                .unwrap()
                .into_iter()
                .map(|q| (q.lang, q.query)),
        );
    }
    out
}

/// A tiny deterministic generator, so every run indexes the same corpus.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

/// `n` documents made from the bundled ones: each takes one bundled
/// document's title and keywords and a body of sentences drawn from other
/// documents in the same language, so the vocabulary and lengths are real.
fn synthetic(base: &[IndexDoc], n: usize) -> Vec<IndexDoc> {
    let mut rng = Lcg(42);
    let sentences = |lang: Lang| -> Vec<String> {
        base.iter()
            .filter(|d| d.lang == lang)
            .flat_map(|d| {
                d.body
                    .split(['.', '\n'])
                    .map(str::trim)
                    .filter(|s| s.len() > 20)
                    .map(String::from)
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    let pools = [sentences(Lang::Cy), sentences(Lang::En)];
    (0..n)
        .map(|i| {
            let d = &base[i % base.len()];
            let pool = &pools[if d.lang == Lang::Cy { 0 } else { 1 }];
            let body: Vec<&str> = (0..12)
                .map(|_| pool[rng.next() % pool.len()].as_str())
                .collect();
            IndexDoc {
                id: format!("{}-{i}", d.id),
                body: body.join(". "),
                ..d.clone()
            }
        })
        .collect()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn latency_report(name: &str, searcher: &Searcher, queries: &[(Lang, String)]) {
    for lang in Lang::ALL {
        let mut times = Vec::new();
        // Warm up once, then five rounds over every query.
        for round in 0..6 {
            for (l, q) in queries.iter().filter(|(l, _)| *l == lang) {
                let mut req = SearchRequest::new(q.clone());
                req.lang = Some(*l);
                let t = Instant::now();
                let resp = searcher.search_uncached(&req).unwrap();
                let elapsed = t.elapsed();
                std::hint::black_box(resp);
                if round > 0 {
                    times.push(elapsed);
                }
            }
        }
        times.sort();
        println!(
            "latency {name:<10} {lang}: n={:<4} p50={:>8.3?} p99={:>8.3?} max={:>8.3?}",
            times.len(),
            percentile(&times, 0.5),
            percentile(&times, 0.99),
            times[times.len() - 1]
        );
    }
}

fn open(docs: &[IndexDoc], expansions: &[Expansion], dir: &Path) -> (SearchIndex, Duration) {
    let t = Instant::now();
    let index = index::build_into(dir, docs, expansions, &mut |_, _| {}).unwrap();
    (index, t.elapsed())
}

fn main() {
    let kb = load_dir(&root().join("knowledge")).unwrap().kb;
    let base = documents(&kb);
    let expansions = expansions::of(&kb);
    let short = queries(&["dev.tsv", "extra.tsv"]);
    // Whole spoken sentences (six words or more): the real-world questions
    // and the held-out caller sentences.
    let sentences: Vec<(Lang, String)> = queries(&["realworld.tsv", "sentences.tsv"])
        .into_iter()
        .filter(|(_, q)| q.split_whitespace().count() >= 6)
        .collect();
    let n: usize = std::env::var("CANLLAW_BENCH_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);

    let small_dir = tempfile::tempdir().unwrap();
    let (small, small_build) = open(&base, &expansions, small_dir.path());
    let small = Searcher::new(small).unwrap();
    println!(
        "index build bundled ({} docs): {small_build:.2?}",
        base.len()
    );

    let big_docs = synthetic(&base, n);
    let big_dir = tempfile::tempdir().unwrap();
    let (big, big_build) = open(&big_docs, &expansions, big_dir.path());
    let big = Searcher::new(big).unwrap();
    println!("index build synthetic ({n} docs): {big_build:.2?}");

    latency_report("bundled", &small, &short);
    latency_report("sentences", &small, &sentences);
    latency_report(&format!("{}k", n / 1000), &big, &short);

    let mut c = Criterion::default().configure_from_args();
    for (name, searcher) in [("bundled", &small), ("synthetic", &big)] {
        let mut group = c.benchmark_group(format!("search/{name}"));
        for lang in Lang::ALL {
            let qs: Vec<&String> = short
                .iter()
                .filter(|(l, _)| *l == lang)
                .map(|(_, q)| q)
                .collect();
            let mut i = 0;
            group.bench_function(lang.code(), |b| {
                b.iter(|| {
                    i = (i + 1) % qs.len();
                    let mut req = SearchRequest::new(qs[i].clone());
                    req.lang = Some(lang);
                    searcher.search_uncached(&req).unwrap()
                })
            });
        }
        group.finish();
    }
    let mut group = c.benchmark_group("index");
    group.sample_size(10);
    group.bench_function("build-bundled", |b| {
        b.iter(|| {
            let dir = tempfile::tempdir().unwrap();
            open(&base, &expansions, dir.path())
        })
    });
    group.finish();
    c.final_summary();
}
