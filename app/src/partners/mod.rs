//! The partner village: tiers, companies' applications and their pipeline, each partner's space
//! (profile, logo, staff passes, checklist), the booths of the floor map, and the village pages
//! attendees read. Rules in `domain::partners`; a tier's places and a booth are claimed in the
//! database, so two organisers at once never oversell. Every page here is served without the app's
//! wasm (forms post and come back), like the agenda.
#[cfg(feature = "ssr")]
pub mod access;
pub mod admin_api;
#[cfg(feature = "ssr")]
pub mod apply;
#[cfg(feature = "ssr")]
pub mod booths;
#[cfg(feature = "ssr")]
pub mod files;
#[cfg(feature = "ssr")]
pub mod mails;
#[cfg(feature = "ssr")]
pub mod pipeline;
#[cfg(feature = "ssr")]
pub mod reminders;
#[cfg(feature = "ssr")]
pub mod space;
pub mod space_api;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod svg;
#[cfg(feature = "ssr")]
pub mod talks;
#[cfg(feature = "ssr")]
pub mod tiers;
pub mod views;
#[cfg(feature = "ssr")]
pub mod village;
pub mod village_api;
#[cfg(feature = "ssr")]
pub mod words;

#[cfg(feature = "ssr")]
pub mod admin_pages;
#[cfg(feature = "ssr")]
pub mod map_pages;
#[cfg(feature = "ssr")]
pub mod map_svg;
#[cfg(feature = "ssr")]
pub mod space_pages;
#[cfg(feature = "ssr")]
pub mod village_pages;
