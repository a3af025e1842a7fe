//! Both languages have the same keys: a key missing in one fails here, with its name.
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn locales_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")
}

/// The keys of one catalogue file, flattened (`a.b.c`), plural forms (`_one`, `_other`…) folded into their key.
fn keys_of(file: &Path) -> BTreeSet<String> {
    let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let mut keys = BTreeSet::new();
    flatten("", &value, &mut keys);
    keys
}

fn flatten(prefix: &str, value: &serde_json::Value, keys: &mut BTreeSet<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                let name = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                flatten(&name, v, keys);
            }
        }
        _ => {
            keys.insert(without_plural_suffix(prefix).to_string());
        }
    }
}

fn without_plural_suffix(key: &str) -> &str {
    ["_zero", "_one", "_two", "_few", "_many", "_other"].iter().find_map(|s| key.strip_suffix(s)).unwrap_or(key)
}

fn catalogue_files(language: &str) -> BTreeSet<String> {
    std::fs::read_dir(locales_dir().join(language))
        .expect("a folder per language")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".json"))
        .collect()
}

#[test]
fn every_key_exists_in_every_language() {
    let mut languages: Vec<String> = std::fs::read_dir(locales_dir())
        .expect("app/locales")
        .filter_map(|e| e.ok().filter(|e| e.path().is_dir())?.file_name().into_string().ok())
        .collect();
    languages.sort_by_key(|l| l != "en");
    assert!(languages.len() >= 2, "{languages:?}");
    let files = catalogue_files("en");
    assert!(!files.is_empty());
    let mut problems = Vec::new();
    for language in &languages[1..] {
        if catalogue_files(language) != files {
            problems.push(format!("{language} has not the same catalogue files as en"));
        }
    }
    for file in &files {
        let reference = keys_of(&locales_dir().join("en").join(file));
        for language in &languages[1..] {
            let keys = keys_of(&locales_dir().join(language.as_str()).join(file));
            for missing in reference.difference(&keys) {
                problems.push(format!("{language}/{file}: missing {missing}"));
            }
            for extra in keys.difference(&reference) {
                problems.push(format!("en/{file}: missing {extra} (only in {language})"));
            }
        }
    }
    assert!(problems.is_empty(), "catalogues differ:\n{}", problems.join("\n"));
}

/// Catalogue texts may sit where Leptos writes text unescaped (`<noscript>`): none holds markup.
#[test]
fn no_catalogue_text_holds_markup() {
    let mut found = Vec::new();
    for language in std::fs::read_dir(locales_dir()).expect("app/locales").flatten() {
        for file in std::fs::read_dir(language.path()).expect("a language folder").flatten() {
            let text = std::fs::read_to_string(file.path()).expect("readable catalogue");
            let value: serde_json::Value = serde_json::from_str(&text).expect("JSON catalogue");
            let mut strings = Vec::new();
            texts(&value, &mut strings);
            found.extend(strings.into_iter().filter(|s| s.contains('<')).map(|s| format!("{}: {s}", file.path().display())));
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

fn texts(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => map.values().for_each(|v| texts(v, out)),
        serde_json::Value::String(s) => out.push(s.clone()),
        _ => {}
    }
}

#[test]
fn the_check_sees_a_missing_key_and_folds_plurals() {
    let mut a = BTreeSet::new();
    flatten("", &serde_json::json!({"x": {"y_one": "1", "y_other": "n"}, "z": "z"}), &mut a);
    assert_eq!(a, BTreeSet::from(["x.y".to_string(), "z".to_string()]));
}
