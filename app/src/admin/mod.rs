//! Instance administration: events, their members and roles, failed mails.
pub mod api;
pub mod pages;
