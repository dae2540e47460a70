//! Throughput of each stage and of the whole pipeline on the varied corpus, beside jieba-rs `cut` alone.
//!
//! Reads every text of `../shared/corpus` (the bundled sample when it is absent) once into memory; each
//! benchmark processes all of them, so caches see varied real text rather than one short text repeated.
//! Run: `cargo bench --bench pipeline` (add `--features villages-all` for the gazetteer of all villages).

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use jiceng::text::decode::decode;
use jiceng::text::normalize::Normalized;
use jiceng::{Analyzer, Segmenter};
use std::hint::black_box;
use std::path::Path;
use std::sync::LazyLock;

static TEXTS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("../shared/corpus");
    let mut texts = Vec::new();
    for sub in ["dev", "reports"] {
        let Ok(entries) = std::fs::read_dir(corpus.join(sub)) else { continue };
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths.into_iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
            texts.push(decode(&std::fs::read(path).unwrap()).unwrap().text);
        }
    }
    if texts.is_empty() {
        eprintln!("no shared corpus: benchmarking the bundled sample report");
        texts.push(std::fs::read_to_string(root.join("examples/sample-report.txt")).unwrap());
    }
    texts
});
static ANALYZER: LazyLock<Analyzer> = LazyLock::new(Analyzer::new);
static SEGMENTER: LazyLock<Segmenter> = LazyLock::new(Segmenter::new);
static JIEBA: LazyLock<jieba_rs::Jieba> = LazyLock::new(jieba_rs::Jieba::new);

fn total_bytes() -> u64 {
    TEXTS.iter().map(|t| t.len() as u64).sum()
}

fn stages(c: &mut Criterion) {
    let mut group = c.benchmark_group("stages");
    group.throughput(Throughput::Bytes(total_bytes()));
    group.sample_size(20);
    let encoded: Vec<Vec<u8>> = TEXTS.iter().map(|t| encoding_rs::GB18030.encode(t).0.into_owned()).collect();
    group.bench_function("decode_gb18030", |b| {
        b.iter(|| encoded.iter().map(|bytes| decode(black_box(bytes)).unwrap().text.len()).sum::<usize>())
    });
    group.bench_function("normalize", |b| {
        b.iter(|| TEXTS.iter().map(|t| Normalized::new(black_box(t)).as_str().len()).sum::<usize>())
    });
    group.bench_function("jieba_rs_cut", |b| {
        b.iter(|| TEXTS.iter().map(|t| JIEBA.cut(black_box(t), true).len()).sum::<usize>())
    });
    group.bench_function("segment_with_domain_dictionary", |b| {
        b.iter(|| TEXTS.iter().map(|t| SEGMENTER.cut(black_box(t)).len()).sum::<usize>())
    });
    group.bench_function("places_with_segmentation", |b| {
        b.iter(|| TEXTS.iter().map(|t| ANALYZER.places(black_box(t)).len()).sum::<usize>())
    });
    group.bench_function("analyze", |b| {
        b.iter(|| TEXTS.iter().map(|t| ANALYZER.analyze(black_box(t)).statements.len()).sum::<usize>())
    });
    group.finish();
}

fn batch(c: &mut Criterion) {
    let mut group = c.benchmark_group("batch");
    group.throughput(Throughput::Bytes(total_bytes()));
    group.sample_size(20);
    for threads in [1, std::thread::available_parallelism().map_or(1, |n| n.get())] {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        group.bench_with_input(BenchmarkId::new("analyze_batch", threads), &threads, |b, _| {
            b.iter(|| pool.install(|| ANALYZER.analyze_batch(black_box(&TEXTS)).len()))
        });
    }
    group.finish();
}

fn cold_start(c: &mut Criterion) {
    let seed = TEXTS.first().cloned().unwrap_or_default();
    let mut group = c.benchmark_group("cold_start");
    group.sample_size(10);
    group.bench_function("new_and_first_analysis", |b| {
        b.iter(|| {
            let analyzer = Analyzer::new();
            analyzer.analyze(black_box(&seed)).statements.len()
        })
    });
    group.finish();
}

/// Adversarial input grows linearly: ten times the markers, slogans or suffixes take ten times as long.
fn adversarial(c: &mut Criterion) {
    let mut group = c.benchmark_group("adversarial");
    group.sample_size(10);
    // Each unit repeated without a break: one line, paragraph and sentence (a long run for jieba, posts and
    // names with no punctuation, `<`, `&`, `(` after a character and `?` between characters, each of which sets
    // off a look ahead or back).
    for (name, unit) in [
        ("yishi", "一是落实。"),
        ("slogans", "一核两翼三全四圈五化、"),
        ("suffixes", "社区"),
        ("unbroken_han", "推进完整社区建设关爱一老一小"),
        ("posts", "社区党委书记李华表示"),
        ("markup", "<a&"),
        ("glosses", "社(区?"),
    ] {
        for repeat in [1_000, 10_000] {
            let text = unit.repeat(repeat);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(name, repeat), &text, |b, text| {
                b.iter(|| ANALYZER.analyze(black_box(text)).plan_items.len())
            });
        }
    }
    group.finish();
}

criterion_group!(benches, stages, batch, cold_start, adversarial);
criterion_main!(benches);
