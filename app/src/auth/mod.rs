//! Accounts and sessions.
pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod crypto;
#[cfg(feature = "ssr")]
pub mod guard;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod session;
#[cfg(feature = "ssr")]
pub mod throttle;
#[cfg(feature = "ssr")]
pub mod tokens;

use serde::{Deserialize, Serialize};

/// What the browser may know about the signed-in person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub id: i32,
    pub email: String,
    pub display_name: String,
    pub is_admin: bool,
    pub verified: bool,
    /// Reviews (or organises) at least one event: the menu offers "Review".
    pub reviews: bool,
}

/// Only same-site paths may be a target after sign-in (no open redirect).
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(p) if p.starts_with('/') && !p.starts_with("//") && !p.contains('\\') => p.to_string(),
        _ => "/account".to_string(),
    }
}

#[cfg(feature = "ssr")]
impl From<&crate::entities::user::Model> for CurrentUser {
    fn from(u: &crate::entities::user::Model) -> Self {
        CurrentUser {
            id: u.id,
            email: u.email.clone(),
            display_name: u.display_name.clone(),
            is_admin: u.is_admin,
            verified: u.verified_at.is_some(),
            reviews: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(safe_next(Some("/admin")), "/admin");
        assert_eq!(safe_next(Some("//evil.example")), "/account");
        assert_eq!(safe_next(Some("https://evil.example")), "/account");
        assert_eq!(safe_next(None), "/account");
    }
}
