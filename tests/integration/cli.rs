//! The `jiceng` command: files, folders, standard input, formats, and errors reported per input.

use crate::schema::{assert_matches_analysis, assert_matches_error};
use crate::support::{repo, sample_path};
use serde_json::Value;
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn jiceng(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_jiceng"))
        .args(args)
        .current_dir(repo())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the jiceng binary runs");
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or_default()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn lines(output: &Output) -> Vec<Value> {
    String::from_utf8(output.stdout.clone()).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn analyzes_the_sample_as_one_json_object() {
    let output = jiceng(&["analyze", "examples/sample-report.txt"], None);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let analysis: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_matches_analysis(&analysis);
    assert_eq!(analysis["id"], "examples/sample-report.txt");
    let names: Vec<Option<&str>> =
        analysis["statements"].as_array().unwrap().iter().map(|s| s["speaker"]["name"].as_str()).collect();
    // The title before the first header is a statement of nobody.
    assert_eq!(names, [None, Some("王丽"), Some("李建国"), Some("陈静"), Some("赵明")]);
}

#[test]
fn reads_standard_input_when_no_path_is_given() {
    let text = std::fs::read(sample_path()).unwrap();
    let output = jiceng(&["analyze", "--format", "jsonl"], Some(&text));
    assert!(output.status.success());
    let records = lines(&output);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["id"], "-");
    assert_eq!(records[0]["statements"].as_array().unwrap().len(), 5);
}

#[test]
fn a_bad_input_is_reported_and_the_others_still_analyzed() {
    let dir = std::env::temp_dir().join(format!("jiceng-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("nested")).unwrap();
    std::fs::copy(sample_path(), dir.join("a.txt")).unwrap();
    std::fs::write(
        dir.join("nested/b.txt"),
        (0..4000u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect::<Vec<u8>>(),
    )
    .unwrap();
    std::fs::write(
        dir.join("c.txt"),
        encoding_rs::GBK.encode("李华 金牛区抚琴街道西南街社区党总支书记\n一是做好服务。").0,
    )
    .unwrap();
    std::fs::write(dir.join("ignored.md"), "not a text file of the corpus").unwrap();
    let out = dir.join("out.jsonl");
    let output = jiceng(&["analyze", dir.to_str().unwrap(), "-o", out.to_str().unwrap()], None);
    assert_eq!(output.status.code(), Some(1), "a failed input makes the run fail");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("b.txt") && stderr.contains("not decodable"), "{stderr}");
    let records: Vec<Value> =
        std::fs::read_to_string(&out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let names: Vec<&str> = records.iter().map(|r| r["id"].as_str().unwrap().rsplit('/').next().unwrap()).collect();
    assert_eq!(names, ["a.txt", "c.txt", "b.txt"], "folders are walked recursively in sorted order, .txt only");
    assert_matches_analysis(&records[0]);
    assert_eq!(records[1]["statements"][0]["speaker"]["name"], "李华", "a GBK file is detected and decoded");
    assert_matches_error(&records[2]);
    assert!(records[2]["error"].as_str().unwrap().contains("not decodable"));
    std::fs::remove_dir_all(&dir).unwrap();
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("jiceng-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_folder_run_accounts_for_every_input_and_reruns_incrementally() {
    let dir = temp_dir("folder");
    let docs = dir.join("docs");
    std::fs::create_dir_all(docs.join("2025")).unwrap();
    let sample = std::fs::read_to_string(sample_path()).unwrap();
    std::fs::write(docs.join("a-utf8.txt"), &sample).unwrap();
    std::fs::write(docs.join("b-gbk.txt"), encoding_rs::GBK.encode(&sample).0).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(sample.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(docs.join("2025/c-utf16.txt"), utf16).unwrap();
    std::fs::write(
        docs.join("d-binary.txt"),
        (0..3000u32).map(|i| (i.wrapping_mul(2654435761) >> 11) as u8).collect::<Vec<u8>>(),
    )
    .unwrap();
    std::fs::write(docs.join("e-empty.txt"), b"").unwrap();
    let results = dir.join("results.jsonl");
    let run = || {
        jiceng(
            &["analyze", docs.to_str().unwrap(), "-o", results.to_str().unwrap(), "--incremental", "--jobs", "2"],
            None,
        )
    };

    let output = run();
    assert_eq!(output.status.code(), Some(1), "a failed input makes the run fail");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("d-binary.txt") && stderr.contains("not decodable"), "{stderr}");
    let records: Vec<Value> =
        std::fs::read_to_string(&results).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let names: Vec<&str> = records.iter().map(|r| r["id"].as_str().unwrap().rsplit('/').next().unwrap()).collect();
    assert_eq!(
        names,
        ["c-utf16.txt", "a-utf8.txt", "b-gbk.txt", "d-binary.txt", "e-empty.txt"],
        "every input, in path order"
    );
    for i in [0, 1, 2] {
        assert_eq!(records[i]["statements"], records[1]["statements"], "the same text in three encodings");
        assert_matches_analysis(&records[i]);
    }
    assert_matches_error(&records[3]);
    assert!(records[3]["error"].as_str().unwrap().contains("control characters"));
    assert_eq!(records[4]["chars"], 0);
    assert!(!std::fs::read_dir(&dir).unwrap().any(|e| e.unwrap().file_name().to_string_lossy().contains("partial")));

    // Nothing changed: nothing is analyzed, and the results stay as they were.
    let before = std::fs::read_to_string(&results).unwrap();
    let output = run();
    assert!(String::from_utf8_lossy(&output.stderr).contains("nothing new to analyze (5 unchanged, 0 removed)"));
    assert_eq!(std::fs::read_to_string(&results).unwrap(), before);

    // One file changed, one deleted: one analyzed, the deleted one's record dropped.
    std::fs::write(docs.join("e-empty.txt"), "李华 金牛区抚琴街道西南街社区党总支书记\n一是做好服务。").unwrap();
    std::fs::remove_file(docs.join("b-gbk.txt")).unwrap();
    let output = run();
    assert!(String::from_utf8_lossy(&output.stderr).contains("1 analyzed, 0 failed, 3 unchanged, 1 removed"));
    let records: Vec<Value> =
        std::fs::read_to_string(&results).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(records.len(), 4);
    assert_eq!(records[3]["statements"][0]["speaker"]["name"], "李华");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn export_writes_the_long_tables_of_the_sample() {
    let dir = temp_dir("export");
    let results = dir.join("results.jsonl");
    let output =
        jiceng(&["analyze", "examples/sample-report.txt", "--format", "jsonl", "-o", results.to_str().unwrap()], None);
    assert!(output.status.success());
    let export = |table: &str, extra: &[&str]| {
        let mut args = vec!["export", results.to_str().unwrap(), "--table", table];
        args.extend(extra);
        let output = jiceng(&args, None);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8(output.stdout).unwrap()
    };
    let statements = export("statements", &[]);
    let lines: Vec<&str> = statements.lines().collect();
    assert_eq!(lines[0], "id,statement,speaker,role,organization,county,start,end,speaker_start,speaker_end");
    assert_eq!(lines.len(), 6, "a header and one row per statement");
    assert!(lines[1].starts_with("examples/sample-report.txt,0,,,,"), "{}", lines[1]);
    assert!(lines[2].starts_with("examples/sample-report.txt,1,王丽,党委书记,锦江区春熙路街道总府路社区,"));
    let plan_items = export("plan_items", &[]);
    assert!(
        plan_items.lines().any(|l| l.contains(",王丽,") && l.contains(",一是,一是深化完整社区建设")),
        "{plan_items}"
    );
    assert!(plan_items.lines().any(|l| l.contains(",陈静,") && l.contains(",最后,")), "{plan_items}");
    let themes = export("themes", &["--bom"]);
    assert!(themes.starts_with("\u{feff}id,statement,"));
    assert!(themes.lines().any(|l| l.contains(",赵明,") && l.contains(",rural_revitalization,乡村振兴,")), "{themes}");
    let formulas = export("formulas", &["--format", "tsv"]);
    assert!(formulas.lines().any(|l| l.contains("\t三区联动\t3区\t")), "{formulas}");

    let output = jiceng(&["summary", results.to_str().unwrap()], None);
    let summary = String::from_utf8(output.stdout).unwrap();
    assert!(summary.starts_with("1 documents"), "{summary}");
    assert!(summary.lines().any(|l| l.contains("rural_revitalization") && l.contains("乡村振兴")), "{summary}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn max_document_mb_refuses_larger_documents_with_an_error_record() {
    let dir = temp_dir("max-document");
    std::fs::write(dir.join("small.txt"), "一是推进完整社区建设。").unwrap();
    std::fs::write(dir.join("large.txt"), "一是推进完整社区建设。".repeat(100)).unwrap();
    let output = jiceng(&["analyze", dir.to_str().unwrap(), "--max-document-mb", "0.001"], None);
    assert_eq!(output.status.code(), Some(1), "a refused document makes the run fail");
    let records = lines(&output);
    assert_eq!(records.len(), 2);
    assert_matches_error(&records[0]);
    assert!(records[0]["id"].as_str().unwrap().ends_with("large.txt"));
    assert_eq!(records[0]["error"], "document of 3300 bytes exceeds the limit of 1000 bytes");
    assert_matches_analysis(&records[1]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("large.txt") && stderr.contains("exceeds the limit"), "{stderr}");
    let output = jiceng(&["analyze", "--max-document-mb", "-1"], Some(b""));
    assert_eq!(output.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_invalid_taxonomy_or_place_file_is_named_with_its_line_and_field() {
    let dir = temp_dir("invalid-data");
    let taxonomy = dir.join("themes.toml");
    std::fs::write(
        &taxonomy,
        "[[themes]]\nid = \"night_market\"\nlabel = \"\"\ncategory = \"发展\"\nkeywords = [\"夜市\"]\n",
    )
    .unwrap();
    let places = dir.join("places.tsv");
    std::fs::write(&places, "# my places\n锦绣花园\testate\n交子公园\tplanet\n").unwrap();
    let good_places = dir.join("good.tsv");
    std::fs::write(&good_places, "锦绣花园\testate\n").unwrap();

    let output = jiceng(&["analyze", "--taxonomy", taxonomy.to_str().unwrap()], Some("社区".as_bytes()));
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("themes.toml") && stderr.contains("line 2") && stderr.contains("`label`"), "{stderr}");

    let output = jiceng(
        &["analyze", "--taxonomy", taxonomy.to_str().unwrap(), "--places", places.to_str().unwrap()],
        Some("社区".as_bytes()),
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    // Places are loaded first: the first failing file is named, and only it.
    assert!(stderr.contains("places.tsv") && !stderr.contains("themes.toml"), "the failing file alone: {stderr}");

    let output = jiceng(&["themes", "--places", places.to_str().unwrap()], None);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("places.tsv") && stderr.contains("line 3") && stderr.contains("unknown kind `planet`"),
        "{stderr}"
    );
    let output = jiceng(&["themes", "--places", good_places.to_str().unwrap()], None);
    assert!(output.status.success());
    std::fs::remove_dir_all(&dir).unwrap();
}
