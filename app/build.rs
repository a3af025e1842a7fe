//! Generates the `i18n` module from the catalogues in `locales/<language>/<namespace>.json`
//! (leptos_i18n): a key missing in one language is reported here and fails the catalogue test.
use std::error::Error;
use std::path::PathBuf;

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};

/// The catalogue files of the default language name the namespaces (one per area): a new area
/// adds `locales/<language>/<area>.json` for every language, nothing else.
fn namespaces() -> Result<Vec<String>, Box<dyn Error>> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir("locales/en")? {
        let name = entry?.file_name().into_string().map_err(|n| format!("catalogue name {n:?} is not UTF-8"))?;
        if let Some(stem) = name.strip_suffix(".json") {
            names.push(stem.to_string());
        }
    }
    names.sort();
    Ok(names)
}

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=Cargo.toml");
    println!("cargo::rerun-if-changed=locales/en");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?).join("i18n");
    let options = ParseOptions::default().interpolate_display(true);
    let config = Config::new("en")?.add_locale("fr")?.add_namespaces(namespaces()?)?.parse_options(options);
    let translations = TranslationsInfos::parse(config)?;
    translations.emit_diagnostics();
    translations.rerun_if_locales_changed();
    translations.generate_i18n_module(out)?;
    Ok(())
}
