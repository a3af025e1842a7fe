//! SeaORM entities (server only). Tables are created by the `migration` crate.
pub mod cfp_settings;
pub mod cospeaker_invitation;
pub mod event;
pub mod format;
pub mod login_failure;
pub mod mail_outbox;
pub mod membership;
pub mod proposal;
pub mod proposal_speaker;
pub mod role_invitation;
pub mod session;
pub mod speaker_profile;
pub mod talk;
pub mod track;
pub mod user;
pub mod user_token;
