//! Server functions of the call for volunteers: anyone may read it; a signed-in person applies.
use std::collections::BTreeMap;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::views::CallView;
use crate::error::AppError;

/// The application form as sent: ticked days and teams arrive as `days[d-2027-03-10]=on`, `teams[t-3]=on`
/// (a key starting with a digit would be read as a list index).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplyForm {
    #[serde(default)]
    pub days: BTreeMap<String, String>,
    #[serde(default)]
    pub teams: BTreeMap<String, String>,
    #[serde(default)]
    pub tshirt: String,
    #[serde(default)]
    pub languages: String,
    #[serde(default)]
    pub note: String,
}

/// The prefix of a ticked day's key, `days[d-2027-03-10]`.
pub const DAY_KEY: &str = "d-";
/// The prefix of a ticked team's key, `teams[t-3]`.
pub const TEAM_KEY: &str = "t-";

impl ApplyForm {
    pub fn answers(&self) -> domain::volunteers::application::ApplicationForm {
        domain::volunteers::application::ApplicationForm {
            days: self.days.keys().map(|k| k.strip_prefix(DAY_KEY).unwrap_or(k).to_string()).collect(),
            teams: self.teams.keys().map(|k| k.strip_prefix(TEAM_KEY).unwrap_or(k).to_string()).collect(),
            tshirt: self.tshirt.clone(),
            languages: self.languages.clone(),
            note: self.note.clone(),
        }
    }
}

#[server(endpoint = "volunteers/call")]
pub async fn load_call(slug: String) -> Result<CallView, AppError> {
    let state = crate::state::app_state();
    let viewer = crate::auth::session::current_user(&state.db).await?;
    let e = crate::events::service::visible_model(&state.db, &slug, viewer.as_ref()).await?;
    super::call::call_view(&state.db, &e, viewer.as_ref()).await
}

/// Applies (or updates one's answers); signed-in people only.
#[server(endpoint = "volunteers/apply")]
pub async fn apply_to_volunteer(slug: String, #[server(flatten)] form: ApplyForm) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let me = crate::auth::guard::require_user(&state.db).await?;
    let e = crate::events::service::visible_model(&state.db, &slug, Some(&me)).await?;
    super::call::apply(&state.db, &e, &me, &form.answers(), state.clock.now()).await?;
    leptos_axum::redirect(&format!("{}?applied=1#mine", crate::plumbing::urls::volunteer_call(&e.slug)));
    Ok(())
}
