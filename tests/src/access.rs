//! The role × endpoint matrix: who may call what, the passes that call every endpoint as every role,
//! and what each answer must be. The tables themselves live in `tests/access_matrix.rs`.
use std::collections::{BTreeMap, BTreeSet};

use reqwest::Method;

use crate::matrix::{Answer, Role, World};

/// The least a caller must be for an endpoint to serve them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not.
    Public,
    /// Any signed-in person (the answer is about themselves).
    SignedIn,
    /// A speaker of the proposal, talk or accepted session the arguments point at (not an admin).
    Speaker,
    /// A reviewer or organiser of the event, or an instance admin.
    Reviewer,
    /// A volunteer (or volunteer lead) or organiser of the event, or an instance admin.
    Volunteer,
    /// An organiser of the event, or an instance admin.
    Organiser,
    /// An instance admin.
    Admin,
    /// Whoever holds a mailed secret (a token); the matrix sends a wrong one, which nobody may use.
    Secret,
}

impl Access {
    pub fn allows(self, role: Role) -> bool {
        match self {
            Access::Public => true,
            Access::SignedIn => role != Role::Anonymous,
            Access::Speaker => role == Role::Speaker,
            Access::Reviewer => matches!(role, Role::Reviewer | Role::Organiser | Role::Admin),
            Access::Volunteer => matches!(role, Role::Volunteer | Role::Organiser | Role::Admin),
            Access::Organiser => matches!(role, Role::Organiser | Role::Admin),
            Access::Admin => role == Role::Admin,
            Access::Secret => false,
        }
    }

    /// The roles that get furthest into the endpoint: garbage in each argument is sent as them.
    fn deepest(self) -> &'static [Role] {
        match self {
            Access::Public | Access::Secret => &[Role::Anonymous, Role::Speaker],
            Access::SignedIn | Access::Speaker => &[Role::Speaker],
            Access::Reviewer => &[Role::Reviewer],
            Access::Volunteer => &[Role::Volunteer],
            Access::Organiser => &[Role::Organiser],
            Access::Admin => &[Role::Admin],
        }
    }

    /// Callers first, so that endpoints that change or delete things do it after every refusal.
    pub(crate) fn roles_refused_first(self) -> Vec<Role> {
        let (allowed, refused): (Vec<Role>, Vec<Role>) = Role::ALL.into_iter().partition(|r| self.allows(*r));
        refused.into_iter().chain(allowed).collect()
    }
}

/// A server function: its endpoint under `/api/`, who may call it, and plausible arguments
/// (`a=1&b={slug}`; placeholders are the world's objects in `sel-conf`).
pub struct ServerFn {
    pub path: &'static str,
    pub access: Access,
    pub args: &'static str,
}

/// A route outside the server functions: its axum pattern, who may call it, and a concrete request
/// (`GET /{slug}/schedule.json`).
pub struct Route {
    pub pattern: &'static str,
    pub access: Access,
    pub request: &'static str,
}

/// What the matrix found wrong; reported all at once.
#[derive(Default)]
pub struct Findings(Vec<String>);

impl Findings {
    pub(crate) fn push(&mut self, finding: String) {
        self.0.push(finding);
    }

    pub fn assert_none(&self, what: &str) {
        assert!(self.0.is_empty(), "{what}: {} problem(s):\n{}", self.0.len(), self.0.join("\n"));
    }
}

/// Values that must never make the server fail: a NUL and markup, a negative and an overflowing
/// number, and a long string.
pub fn garbage() -> Vec<String> {
    vec!["\0<x>'\"../../%s ☃ \u{202e}\r\n".to_string(), "-1".to_string(), "99999999999999999999".to_string(), "x".repeat(20_000)]
}

/// Text that would mean a refusal still handed out the event's data.
const SECRETS: [&str; 3] = ["Alpha talk", "ada@example.org", "Night train"];

pub(crate) fn snippet(body: &str) -> String {
    body.chars().take(160).collect::<String>().replace('\n', " ")
}

fn is_app_error(body: &str) -> bool {
    serde_json::from_str::<app::error::AppError>(body).is_ok()
}

pub(crate) fn leaks(body: &str) -> bool {
    SECRETS.iter().any(|s| body.contains(s))
}

/// `a=1&b=x` (after placeholders are filled) as pairs.
pub fn pairs(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (k.to_string(), v.to_string())
        })
        .collect()
}

/// The server functions the app registered, as endpoint (without `/api/`) → method.
pub fn registered_server_fns() -> BTreeMap<String, Method> {
    leptos::server_fn::axum::server_fn_paths()
        .map(|(path, method)| {
            let endpoint = path.strip_prefix("/api/").unwrap_or(path).to_string();
            (endpoint, Method::from_bytes(method.as_str().as_bytes()).expect("a method"))
        })
        .collect()
}

/// Every registered server function has an entry, and every entry is a registered function.
pub fn check_table_covers(table: &[ServerFn]) -> Vec<String> {
    let registered: BTreeSet<String> = registered_server_fns().into_keys().collect();
    let listed: BTreeSet<String> = table.iter().map(|e| e.path.to_string()).collect();
    let mut out: Vec<String> = registered
        .difference(&listed)
        .map(|p| format!("new server function /api/{p} has no entry in the access table (tests/tests/it/access_matrix.rs): add one"))
        .collect();
    out.extend(
        listed.difference(&registered).map(|p| format!("the access table lists /api/{p}, which is no longer a server function: remove it")),
    );
    if listed.len() != table.len() {
        out.push("the access table lists a server function twice".into());
    }
    out
}

impl World {
    /// Calls a server function as `role`; signs the role in again when the function ended its session.
    async fn call_fn(&mut self, role: Role, method: &Method, endpoint: &str, args: &[(String, String)]) -> Answer {
        let answer = self.send(role, method.clone(), &format!("/api/{endpoint}"), args).await;
        if endpoint == "auth/sign_out" && role != Role::Anonymous {
            self.sign_in_again(role).await;
        }
        answer
    }
}

fn check_refused(f: &mut Findings, what: &str, a: &Answer) {
    if !matches!(a.status, 401 | 403 | 404) || !is_app_error(&a.body) || leaks(&a.body) {
        f.push(format!("{what}: should be refused (401/403/404 and an error), got {} {}", a.status, snippet(&a.body)));
    }
}

pub(crate) fn check_no_server_error(f: &mut Findings, what: &str, a: &Answer) {
    if a.status >= 500 {
        f.push(format!("{what}: server error {} {}", a.status, snippet(&a.body)));
    }
}

/// Plausible arguments, every role: refusals below the minimum, service above it, and at least one
/// allowed role gets past the check (else the refusals prove nothing).
pub async fn plausible_pass(w: &mut World, table: &[ServerFn], f: &mut Findings) {
    let methods = registered_server_fns();
    for e in table {
        let Some(method) = methods.get(e.path) else { continue };
        let args = pairs(&w.fill(e.args));
        let mut got_past = false;
        for role in e.access.roles_refused_first() {
            let a = w.call_fn(role, method, e.path, &args).await;
            let what = format!("/api/{} as {role:?}", e.path);
            if e.access == Access::Secret {
                if !(400..500).contains(&a.status) || !is_app_error(&a.body) {
                    f.push(format!("{what} with a wrong token: should be a 4xx error, got {} {}", a.status, snippet(&a.body)));
                }
            } else if !e.access.allows(role) {
                check_refused(f, &what, &a);
            } else {
                check_no_server_error(f, &what, &a);
                if matches!(a.status, 401 | 403) {
                    f.push(format!("{what}: the table allows this role, the server refused it ({})", a.status));
                }
                got_past |= !matches!(a.status, 401 | 403 | 404);
            }
        }
        if !matches!(e.access, Access::Public | Access::Secret) && !got_past {
            f.push(format!("/api/{}: no allowed role got past the access check: make its arguments in the table plausible", e.path));
        }
    }
}

/// The public functions asked about the draft `other-conf`: only its organiser and admins see it.
pub async fn draft_event_pass(w: &mut World, table: &[ServerFn], f: &mut Findings) {
    let methods = registered_server_fns();
    for e in table.iter().filter(|e| e.access == Access::Public && e.args.contains("{slug}")) {
        let Some(method) = methods.get(e.path) else { continue };
        let args = pairs(&w.fill(&e.args.replace("{slug}", "{other_slug}")));
        for role in Role::ALL {
            let a = w.call_fn(role, method, e.path, &args).await;
            let what = format!("/api/{} of the draft event as {role:?}", e.path);
            if matches!(role, Role::OtherOrganiser | Role::Admin) {
                check_no_server_error(f, &what, &a);
            } else if !(a.status == 200 && a.body.trim() == "null") {
                check_refused(f, &what, &a);
            }
        }
    }
}

/// No arguments, then every argument garbage, as every role; then each argument in turn garbage
/// (the others plausible) as the roles that get furthest. Never a server error.
pub async fn garbage_pass(w: &mut World, table: &[ServerFn], f: &mut Findings) {
    let methods = registered_server_fns();
    let junk = garbage();
    for e in table {
        let Some(method) = methods.get(e.path) else { continue };
        let args = pairs(&w.fill(e.args));
        let all_junk: Vec<(String, String)> = args.iter().map(|(k, _)| (k.clone(), junk[0].clone())).collect();
        for role in Role::ALL {
            for (label, sent) in [("no arguments", &vec![]), ("garbage in every argument", &all_junk)] {
                let a = w.call_fn(role, method, e.path, sent).await;
                check_no_server_error(f, &format!("/api/{} as {role:?} with {label}", e.path), &a);
            }
        }
        for role in e.access.deepest() {
            for i in 0..args.len() {
                for (n, value) in junk.iter().enumerate() {
                    let mut sent = args.clone();
                    sent[i].1 = value.clone();
                    let a = w.call_fn(*role, method, e.path, &sent).await;
                    check_no_server_error(f, &format!("/api/{} as {role:?} with garbage #{n} in {}", e.path, args[i].0), &a);
                }
            }
        }
    }
}
