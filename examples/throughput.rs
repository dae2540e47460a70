//! The Rust half of `benches/compare.py`: throughput of jieba-rs `cut` alone (one thread) and of
//! `Analyzer::analyze_batch` on a rayon pool of 1 and of N threads, all on the same texts.
//!
//! Reads the texts from a JSON-lines file (one JSON string per line, as compare.py writes it) and prints MB/s
//! (10^6 bytes of UTF-8 input per second, the best of `--runs` runs) — as a table, or as one JSON object with
//! `--json`. Run: `cargo run --release --example throughput -- TEXTS.jsonl [--threads N] [--runs R] [--json]`.

use jiceng::Analyzer;
use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

struct Options {
    path: String,
    threads: usize,
    runs: usize,
    json: bool,
}

fn parse_args() -> Result<Options, String> {
    let mut options = Options {
        path: String::new(),
        threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
        runs: 3,
        json: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => options.json = true,
            "--threads" | "--runs" => {
                let value = args.next().and_then(|v| v.parse::<usize>().ok()).filter(|&n| n > 0);
                let value = value.ok_or_else(|| format!("{arg} takes a positive number"))?;
                if arg == "--threads" { options.threads = value } else { options.runs = value }
            }
            _ if options.path.is_empty() && !arg.starts_with("--") => options.path = arg,
            _ => return Err(format!("unexpected argument {arg:?}")),
        }
    }
    if options.path.is_empty() {
        return Err("usage: throughput TEXTS.jsonl [--threads N] [--runs R] [--json]".into());
    }
    Ok(options)
}

fn read_texts(path: &str) -> Result<Vec<String>, String> {
    let data = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    data.lines()
        .filter(|line| !line.trim().is_empty())
        .enumerate()
        .map(|(i, line)| serde_json::from_str(line).map_err(|e| format!("{path}: record {}: {e}", i + 1)))
        .collect()
}

/// The shortest of `runs` timings of `job`: on a shared machine the fastest run is the one least disturbed.
fn best_of(runs: usize, mut job: impl FnMut() -> usize) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(job());
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() -> ExitCode {
    let options = match parse_args() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("throughput: {message}");
            return ExitCode::from(2);
        }
    };
    let texts = match read_texts(&options.path) {
        Ok(texts) => texts,
        Err(message) => {
            eprintln!("throughput: {message}");
            return ExitCode::FAILURE;
        }
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    // Loading dictionaries is not part of throughput: both are built before the clock starts.
    let jieba = jieba_rs::Jieba::new();
    let analyzer = Analyzer::new();

    let mut results: Vec<(String, Duration)> = Vec::new();
    let cut = best_of(options.runs, || texts.iter().map(|t| jieba.cut(black_box(t), true).len()).sum());
    results.push(("jieba_rs_cut".into(), cut));
    let mut pools = vec![1];
    if options.threads > 1 {
        pools.push(options.threads);
    }
    for threads in pools {
        let pool = match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
            Ok(pool) => pool,
            Err(err) => {
                eprintln!("throughput: cannot start {threads} threads: {err}");
                return ExitCode::FAILURE;
            }
        };
        let time = best_of(options.runs, || pool.install(|| analyzer.analyze_batch(black_box(&texts)).len()));
        results.push((format!("analyze_batch_{threads}"), time));
    }

    let mb_per_s = |time: &Duration| bytes as f64 / 1e6 / time.as_secs_f64();
    if options.json {
        let rates: serde_json::Map<_, _> =
            results.iter().map(|(name, time)| (name.clone(), serde_json::json!(mb_per_s(time)))).collect();
        let report = serde_json::json!({
            "documents": texts.len(),
            "bytes": bytes,
            "threads": options.threads,
            "runs": options.runs,
            "mb_per_s": rates,
        });
        println!("{report}");
    } else {
        println!("{} documents, {:.1} MB, best of {} runs", texts.len(), bytes as f64 / 1e6, options.runs);
        for (name, time) in &results {
            println!("{name:<20} {:>8.1} MB/s  ({:.3} s)", mb_per_s(time), time.as_secs_f64());
        }
    }
    ExitCode::SUCCESS
}
