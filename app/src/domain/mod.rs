//! Pure rules, no IO: compiled for the browser and the server so both apply the same checks.
pub mod accounts;
pub mod backoff;
pub mod events;
pub mod roles;
pub mod tokens;
