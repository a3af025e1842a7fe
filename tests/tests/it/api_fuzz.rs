//! A bounded fuzz run of the REST API: schemathesis (from PyPI, in a venv this test creates under
//! `.tools/` when missing) reads `/api/openapi.json` and sends a few hundred generated requests to
//! a server holding a published schedule. Expected: no server error, every answer as the document
//! says (status, content type, body schema), and every request outside the document's bounds refused.
//!
//! Without python3 the test says so and passes, except under CI=true where that is a failure.
use std::path::{Path, PathBuf};
use std::process::Command;

use estrade_tests::schedule::sched;
use estrade_tests::selection::SLUG;
use estrade_tests::{workspace_root, Backend, Setup};

const SCHEMATHESIS: &str = "4.32.5";
/// Examples per operation and phase; with the coverage phase, a few hundred requests in all.
const MAX_EXAMPLES: &str = "25";

fn installed_version(bin: &Path) -> Option<String> {
    let out = Command::new(bin).arg("--version").output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// The schemathesis command, installed into `.tools/schemathesis` when missing; None without python3.
fn schemathesis() -> Option<PathBuf> {
    let venv = workspace_root().join(".tools/schemathesis");
    let bin = venv.join("bin/schemathesis");
    if installed_version(&bin).is_some_and(|v| v.ends_with(SCHEMATHESIS)) {
        return Some(bin);
    }
    if Command::new("python3").arg("--version").output().map_or(true, |o| !o.status.success()) {
        return None;
    }
    eprintln!("installing schemathesis {SCHEMATHESIS} into {}", venv.display());
    let made = Command::new("python3").arg("-m").arg("venv").arg(&venv).status().expect("python3 -m venv");
    assert!(made.success(), "python3 could not create a venv (Debian: apt-get install python3-venv)");
    let pip = venv.join("bin/pip");
    let installed = Command::new(pip).args(["install", "--quiet", &format!("schemathesis=={SCHEMATHESIS}")]).status().expect("pip");
    assert!(installed.success(), "pip could not install schemathesis {SCHEMATHESIS}");
    Some(bin)
}

/// The seeded event's slug for every operation, and real codes for the talk and speaker operations:
/// generated path values would only ever meet 404s.
fn config(talk: &str, speaker: &str) -> String {
    format!(
        r#"[parameters]
"path.slug" = "{SLUG}"

[[operations]]
include-path = "/api/v1/events/{{slug}}/talks/{{code}}"
parameters = {{ "path.code" = "{talk}" }}

[[operations]]
include-path = "/api/v1/events/{{slug}}/speakers/{{code}}"
parameters = {{ "path.code" = "{speaker}" }}
"#
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_rest_api_holds_under_a_bounded_fuzz_run() {
    let Some(bin) = schemathesis() else {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "python3 is missing: CI must run the REST fuzz test");
        eprintln!("skipped: python3 is not installed, so the REST fuzz run (schemathesis) cannot run");
        return;
    };
    let s = sched(Backend::Sqlite, Setup::default()).await;
    s.publish_sample().await;
    let app = &s.c.app;
    let speakers: serde_json::Value =
        reqwest::get(app.url(&format!("/api/v1/events/{SLUG}/speakers"))).await.unwrap().json().await.unwrap();
    let speaker = speakers["items"][0]["code"].as_str().unwrap().to_string();
    let dir = tempfile::tempdir().unwrap();
    let config_file = dir.path().join("schemathesis.toml");
    std::fs::write(&config_file, config(&s.codes[0], &speaker)).unwrap();

    let out = tokio::process::Command::new(&bin)
        .arg("--config-file")
        .arg(&config_file)
        .args(["run", &app.url("/api/openapi.json")])
        .args(["--checks", "all", "--exclude-checks", "ignored_auth"])
        .args(["--phases", "examples,coverage,fuzzing"])
        .args(["--max-examples", MAX_EXAMPLES, "--seed", "20270310", "--workers", "2"])
        .args(["--generation-database", "none", "--request-timeout", "10", "--no-color"])
        .current_dir(dir.path())
        .output()
        .await
        .expect("schemathesis runs");
    let report = format!("{}\n{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    println!("{report}");
    assert!(out.status.success(), "schemathesis found problems (exit {:?}):\n{report}", out.status.code());
    s.c.app.stop().await;
}
