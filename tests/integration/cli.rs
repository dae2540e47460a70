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
    let names: Vec<&str> =
        analysis["statements"].as_array().unwrap().iter().map(|s| s["speaker"]["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["王丽", "李建国", "陈静", "赵明"]);
}

#[test]
fn reads_standard_input_when_no_path_is_given() {
    let text = std::fs::read(sample_path()).unwrap();
    let output = jiceng(&["analyze", "--format", "jsonl"], Some(&text));
    assert!(output.status.success());
    let records = lines(&output);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["id"], "-");
    assert_eq!(records[0]["statements"].as_array().unwrap().len(), 4);
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
