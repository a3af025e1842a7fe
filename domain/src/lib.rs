//! Pure rules, no IO, no Leptos, no database: compiled for the browser and the server so both apply
//! the same checks. `cargo test -p domain` runs them in seconds.
pub mod accounts;
pub mod agenda;
pub mod availability;
pub mod backoff;
pub mod cfp;
pub mod claims;
pub mod decision_mail;
pub mod events;
pub mod interest;
pub mod pages;
pub mod partners;
pub mod problem;
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
pub mod volunteers;
