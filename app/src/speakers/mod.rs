//! Speakers: the profile reused across events, and the talk library.
pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod photo;
#[cfg(feature = "ssr")]
pub mod photo_clean;
#[cfg(feature = "ssr")]
pub mod profile;
#[cfg(feature = "ssr")]
pub mod talks;

use serde::{Deserialize, Serialize};

use domain::cfp::TalkForm;
use domain::profile::ProfileForm;

/// The profile page's data.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileData {
    pub form: ProfileForm,
    /// Where the photo is shown from (upload or URL), if any.
    pub photo_src: Option<String>,
    pub has_uploaded_photo: bool,
}

/// A talk of the library.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TalkData {
    pub id: i32,
    pub talk: TalkForm,
    /// Events it was proposed to: (event name, proposal code, state label).
    pub proposals: Vec<(String, String, String)>,
}
