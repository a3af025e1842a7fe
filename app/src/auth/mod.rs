//! Accounts and sessions.
pub mod api;
#[cfg(feature = "ssr")]
pub mod guard;
#[cfg(feature = "ssr")]
pub mod roles;
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
    /// Organises or leads the volunteers of at least one event: the menu offers "Manage".
    #[serde(default)]
    pub manages: bool,
    /// The language chosen for pages and mails, if any.
    pub language: Option<String>,
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
            manages: false,
            language: u.language.clone(),
        }
    }
}
