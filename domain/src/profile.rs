//! Rules for a speaker's profile and photo.
use serde::{Deserialize, Serialize};
use validator::ValidateUrl;

use crate::problem::{collect, FieldProblem, Problem};

/// The largest photo accepted, in bytes.
pub const PHOTO_MAX_BYTES: usize = 2 * 1024 * 1024;

/// The profile fields as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileForm {
    pub public_name: String,
    pub bio: String,
    pub company: String,
    pub job_title: String,
    pub photo_url: String,
    pub website: String,
    pub github: String,
    pub linkedin: String,
    pub social: String,
    pub city: String,
    pub private_notes: String,
}

fn too_long(value: &str, max: usize) -> Option<Problem> {
    let n = super::text::typed_len(value.trim());
    (n > max).then_some(Problem::TooLong { max, have: n })
}

/// An optional web address: empty, or an http(s) URL.
pub fn check_url(value: &str) -> Option<Problem> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    if !(v.starts_with("https://") || v.starts_with("http://")) || !v.validate_url() {
        return Some(Problem::UrlInvalid);
    }
    too_long(v, 300)
}

/// A GitHub user name (letters, digits, single dashes) or a github.com address.
fn check_github(value: &str) -> Option<Problem> {
    let v = value.trim();
    if v.is_empty() || v.starts_with("https://github.com/") {
        return check_url(v);
    }
    let ok = v.len() <= 39 && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') && !v.starts_with('-') && !v.ends_with('-');
    (!ok).then_some(Problem::GithubInvalid)
}

/// A fediverse or Bluesky handle (@name@server, name.bsky.social) or an address.
fn check_social(value: &str) -> Option<Problem> {
    let v = value.trim();
    if v.starts_with("http") {
        return check_url(v);
    }
    let ok = v.is_empty() || (!v.contains(char::is_whitespace) && v.contains('.') && v.len() <= 200);
    (!ok).then_some(Problem::SocialInvalid)
}

pub fn profile_errors(form: &ProfileForm) -> Vec<FieldProblem> {
    let name = if form.public_name.trim().is_empty() { Some(Problem::PublicNameMissing) } else { too_long(&form.public_name, 80) };
    collect([
        ("public_name", name),
        ("bio", too_long(&form.bio, 3000)),
        ("company", too_long(&form.company, 100)),
        ("job_title", too_long(&form.job_title, 100)),
        ("photo_url", check_url(&form.photo_url)),
        ("website", check_url(&form.website)),
        ("github", check_github(&form.github)),
        ("linkedin", check_url(&form.linkedin)),
        ("social", check_social(&form.social)),
        ("city", too_long(&form.city, 80)),
        ("private_notes", too_long(&form.private_notes, 2000)),
    ])
}

/// The kinds of image accepted as a photo: (MIME type, file extension).
pub const PHOTO_TYPES: [(&str, &str); 3] = [("image/jpeg", "jpg"), ("image/png", "png"), ("image/webp", "webp")];

/// What went wrong with an uploaded photo, as a code for the page's address and a [`Problem`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoProblem {
    Missing,
    TooBig,
    NotAnImage,
    /// Too many pixels to decode safely (width or height over `PHOTO_MAX_SIDE`).
    TooManyPixels,
}

/// The widest or tallest photo accepted, in pixels.
pub const PHOTO_MAX_SIDE: u32 = 8000;

impl PhotoProblem {
    pub const ALL: [PhotoProblem; 4] = [PhotoProblem::Missing, PhotoProblem::TooBig, PhotoProblem::NotAnImage, PhotoProblem::TooManyPixels];

    pub fn code(self) -> &'static str {
        match self {
            PhotoProblem::Missing => "missing",
            PhotoProblem::TooBig => "too-big",
            PhotoProblem::NotAnImage => "not-an-image",
            PhotoProblem::TooManyPixels => "too-many-pixels",
        }
    }

    pub fn problem(self) -> Problem {
        match self {
            PhotoProblem::Missing => Problem::PhotoMissing,
            PhotoProblem::TooBig => Problem::PhotoTooBig { max_mb: PHOTO_MAX_BYTES / (1024 * 1024) },
            PhotoProblem::NotAnImage => Problem::PhotoNotAnImage,
            PhotoProblem::TooManyPixels => Problem::PhotoTooManyPixels { max_side: PHOTO_MAX_SIDE },
        }
    }

    pub fn from_code(code: &str) -> Option<PhotoProblem> {
        PhotoProblem::ALL.into_iter().find(|p| p.code() == code)
    }
}

/// Checks an upload's size and its content's MIME type (sniffed from its bytes, not its name);
/// returns the file extension to store it under.
pub fn check_photo(len: usize, sniffed_mime: Option<&str>) -> Result<&'static str, PhotoProblem> {
    if len == 0 {
        return Err(PhotoProblem::Missing);
    }
    if len > PHOTO_MAX_BYTES {
        return Err(PhotoProblem::TooBig);
    }
    PHOTO_TYPES.iter().find(|(mime, _)| Some(*mime) == sniffed_mime).map(|(_, ext)| *ext).ok_or(PhotoProblem::NotAnImage)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> ProfileForm {
        ProfileForm {
            public_name: "Awa Diallo".into(),
            website: "https://awa.example".into(),
            github: "awa-d".into(),
            social: "@awa@mastodon.social".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_valid_profile_passes() {
        assert!(profile_errors(&valid()).is_empty());
    }

    #[test]
    fn links_must_be_web_addresses() {
        let bad = ProfileForm { website: "javascript:alert(1)".into(), linkedin: "linkedin".into(), ..valid() };
        assert_eq!(
            profile_errors(&bad),
            [FieldProblem::new("website", Problem::UrlInvalid), FieldProblem::new("linkedin", Problem::UrlInvalid)]
        );
        let long = ProfileForm { public_name: "x".repeat(81), social: "not a handle".into(), ..valid() };
        assert_eq!(
            profile_errors(&long),
            [FieldProblem::new("public_name", Problem::TooLong { max: 80, have: 81 }), FieldProblem::new("social", Problem::SocialInvalid)]
        );
    }

    #[test]
    fn github_takes_a_name_or_an_address() {
        assert!(check_github("octocat").is_none());
        assert!(check_github("https://github.com/octocat").is_none());
        assert_eq!(check_github("not a name"), Some(Problem::GithubInvalid));
    }

    #[test]
    fn photos_are_checked_by_size_and_content() {
        assert_eq!(check_photo(1000, Some("image/png")), Ok("png"));
        assert_eq!(check_photo(PHOTO_MAX_BYTES + 1, Some("image/png")), Err(PhotoProblem::TooBig));
        assert_eq!(check_photo(1000, Some("application/pdf")), Err(PhotoProblem::NotAnImage));
        assert_eq!(check_photo(1000, None), Err(PhotoProblem::NotAnImage));
        assert_eq!(check_photo(0, None), Err(PhotoProblem::Missing));
        assert_eq!(PhotoProblem::from_code("too-big"), Some(PhotoProblem::TooBig));
        assert_eq!(PhotoProblem::TooBig.problem(), Problem::PhotoTooBig { max_mb: 2 });
    }
}
