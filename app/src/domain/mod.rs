//! Pure rules, no IO: compiled for the browser and the server so both apply the same checks.
pub mod accounts;
pub mod agenda;
pub mod availability;
pub mod backoff;
pub mod cfp;
pub mod claims;
pub mod decision_mail;
pub mod events;
pub mod interest;
pub mod profile;
pub mod programme;
pub mod redirect;
pub mod review;
pub mod roles;
pub mod schedule;
pub mod throttle;
pub mod text;
pub mod timetable;
pub mod tokens;
pub mod venue;
// Reads files with quick-xml and chrono-tz, which only the server has.
// Parses form bodies and addresses with the url crate, which only the server has.
#[cfg(feature = "ssr")]
pub mod form_flash;
#[cfg(feature = "ssr")]
pub mod frab;
#[cfg(feature = "ssr")]
pub mod frab_import;
#[cfg(feature = "ssr")]
pub mod ical;
#[cfg(feature = "ssr")]
pub mod zoned;
