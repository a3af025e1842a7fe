//! Keeps the dependency direction of the README's architecture section: a source file never
//! reaches, through `crate::…` and `super::…` paths, back to itself, and neither does a top-level
//! area (`app/src/<area>/` or `app/src/<file>.rs`): areas are peers over a shared core, and when
//! one needs another, the other never needs it back. The tests read the sources
//! (`scripts/module-graph.py` prints the same graph, with the figures).
use std::collections::{BTreeMap, BTreeSet};

/// Module path ("agenda::claims", "" for lib.rs) → source text, tests and comments cut off.
fn modules() -> BTreeMap<String, String> {
    crate::ui::checks::app_sources()
        .into_iter()
        .map(|(rel, text)| {
            let module = rel.trim_end_matches(".rs").trim_end_matches("/mod").replace('/', "::");
            let module = if module == "lib" { String::new() } else { module };
            let code = text.split("#[cfg(test)]").next().unwrap_or("");
            let code: String = code.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n");
            (module, code)
        })
        .collect()
}

fn is_ident(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'
}

/// The `a::b::c` paths written after each `prefix` in `code`, those inside `prefix{…}` included.
fn paths_after<'a>(code: &'a str, prefix: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    for (at, _) in code.match_indices(prefix) {
        if code[..at].ends_with(|c: char| is_ident(c) || c == ':') {
            continue;
        }
        let rest = &code[at + prefix.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find(';').unwrap_or(group.len());
            out.extend(group[..end].split(|c: char| !(is_ident(c) || c == ':')).map(|p| p.trim_matches(':')).filter(|p| !p.is_empty()));
        } else {
            let end = rest.find(|c: char| !(is_ident(c) || c == ':')).unwrap_or(rest.len());
            out.push(rest[..end].trim_end_matches(':'));
        }
    }
    out
}

/// Which files each file depends on.
fn graph(modules: &BTreeMap<String, String>) -> BTreeMap<&str, BTreeSet<&str>> {
    let resolve = |path: &str| -> Option<&str> {
        let parts: Vec<&str> = path.split("::").collect();
        (1..=parts.len()).rev().find_map(|n| modules.get_key_value(&parts[..n].join("::")).map(|(k, _)| k.as_str()))
    };
    let mut edges = BTreeMap::new();
    for (module, code) in modules {
        // `super` is the parent module, whether the file is `x/mod.rs` or `x.rs`.
        let mut base: Vec<&str> = module.split("::").filter(|s| !s.is_empty()).collect();
        base.pop();
        let mut to = BTreeSet::new();
        let crate_paths = paths_after(code, "crate::").into_iter().map(str::to_string);
        let super_paths = paths_after(code, "super::").into_iter().map(|p| {
            let ups = p.matches("super::").count();
            let stem = &base[..base.len().saturating_sub(ups)];
            [stem.join("::"), p.replace("super::", "")].join("::")
        });
        for path in crate_paths.chain(super_paths) {
            if let Some(target) = resolve(path.trim_start_matches("::")) {
                if target != module && !target.is_empty() {
                    to.insert(target);
                }
            }
        }
        edges.insert(module.as_str(), to);
    }
    edges
}

/// A cycle through the graph, if there is one, as the files along it.
fn find_cycle<'a>(edges: &BTreeMap<&'a str, BTreeSet<&'a str>>) -> Option<Vec<&'a str>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    fn visit<'a>(
        node: &'a str,
        edges: &BTreeMap<&'a str, BTreeSet<&'a str>>,
        marks: &mut BTreeMap<&'a str, Mark>,
        path: &mut Vec<&'a str>,
    ) -> Option<Vec<&'a str>> {
        match marks.get(node) {
            Some(Mark::Done) => return None,
            Some(Mark::Open) => {
                let from = path.iter().position(|n| *n == node).unwrap_or(0);
                return Some([&path[from..], &[node]].concat());
            }
            None => {}
        }
        marks.insert(node, Mark::Open);
        path.push(node);
        for next in edges.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, edges, marks, path) {
                return Some(cycle);
            }
        }
        path.pop();
        marks.insert(node, Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    edges.keys().find_map(|node| visit(node, edges, &mut marks, &mut Vec::new()))
}

/// The top-level area of a module: "agenda" for "agenda::claims"; a top-level file is its own area.
fn area(module: &str) -> &str {
    module.split("::").next().unwrap_or(module)
}

/// Which areas each area depends on (lib.rs, which mounts every area, left out).
fn areas<'a>(edges: &BTreeMap<&'a str, BTreeSet<&'a str>>) -> BTreeMap<&'a str, BTreeSet<&'a str>> {
    let mut out: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (from, tos) in edges.iter().filter(|(from, _)| !from.is_empty()) {
        let targets = out.entry(area(from)).or_default();
        targets.extend(tos.iter().map(|to| area(to)).filter(|to| *to != area(from)));
    }
    out
}

/// The file arrows behind the area arrow `from` → `to`.
fn arrows_between<'a>(edges: &BTreeMap<&'a str, BTreeSet<&'a str>>, from: &str, to: &str) -> Vec<String> {
    edges
        .iter()
        .filter(|(f, _)| !f.is_empty() && area(f) == from)
        .flat_map(|(f, tos)| tos.iter().filter(|t| area(t) == to).map(move |t| format!("{f} → {t}")))
        .collect()
}

#[test]
fn no_source_file_depends_on_itself_through_others() {
    let modules = modules();
    let edges = graph(&modules);
    assert!(edges.len() > 100 && edges.values().map(BTreeSet::len).sum::<usize>() > 300, "the sources were read");
    if let Some(cycle) = find_cycle(&edges) {
        panic!("import cycle: {}\nMove what both sides need to a module below them (see README, Architecture).", cycle.join(" → "));
    }
}

#[test]
fn no_area_depends_on_itself_through_others() {
    let modules = modules();
    let edges = graph(&modules);
    let between = areas(&edges);
    assert!(between.len() > 15, "the areas were read");
    if let Some(cycle) = find_cycle(&between) {
        let why: Vec<String> =
            cycle.windows(2).map(|w| format!("  {} → {}: {}", w[0], w[1], arrows_between(&edges, w[0], w[1]).join(", "))).collect();
        panic!(
            "import cycle between areas: {}\n{}\nMove what both sides need to a module below them, or the page that gathers both above them (see README, Architecture).",
            cycle.join(" → "),
            why.join("\n")
        );
    }
}

#[test]
fn a_cycle_is_found_when_there_is_one() {
    let modules: BTreeMap<String, String> = [
        ("a".to_string(), "use crate::b::thing;".to_string()),
        ("b".to_string(), "use crate::{c::{x, y}, d};".to_string()),
        ("c".to_string(), "fn f() { super::a::g() }".to_string()),
        ("c::e".to_string(), "use super::super::d;".to_string()),
        ("d".to_string(), String::new()),
    ]
    .into();
    let edges = graph(&modules);
    assert_eq!(edges["b"], ["c", "d"].into());
    assert_eq!(edges["c::e"], ["d"].into());
    assert_eq!(find_cycle(&edges), Some(vec!["a", "b", "c", "a"]));
    let without: BTreeMap<String, String> = modules.into_iter().filter(|(k, _)| !k.starts_with('c')).collect();
    assert_eq!(find_cycle(&graph(&without)), None);
}

#[test]
fn a_cycle_between_areas_is_found_without_a_file_cycle() {
    let modules: BTreeMap<String, String> = [
        ("a".to_string(), String::new()),
        ("a::x".to_string(), "use crate::b::y;".to_string()),
        ("a::z".to_string(), String::new()),
        ("b".to_string(), String::new()),
        ("b::y".to_string(), "use crate::a::z;".to_string()),
        ("c".to_string(), "use crate::a::x;".to_string()),
    ]
    .into();
    let edges = graph(&modules);
    assert_eq!(find_cycle(&edges), None);
    let between = areas(&edges);
    assert_eq!(between["c"], ["a"].into());
    assert_eq!(find_cycle(&between), Some(vec!["a", "b", "a"]));
    assert_eq!(arrows_between(&edges, "b", "a"), ["b::y → a::z"]);
    let without: BTreeMap<String, String> = modules.into_iter().filter(|(k, _)| k != "b::y").collect();
    assert_eq!(find_cycle(&areas(&graph(&without))), None);
}
