//! SeaORM entities (server only). Tables are created by the `migration` crate.
pub mod event;
pub mod login_failure;
pub mod mail_outbox;
pub mod membership;
pub mod role_invitation;
pub mod session;
pub mod user;
pub mod user_token;
