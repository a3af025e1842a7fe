//! Estrade's database schema. One change per migration; never edit a landed one.
pub use sea_orm_migration::prelude::*;

mod m0001_users;
mod m0002_events;
mod m0003_memberships;
mod m0004_sessions;
mod m0005_user_tokens;
mod m0006_mail_outbox;
mod m0007_login_attempts;
mod m0008_role_invitations;
mod m0009_cfp_settings;
mod m0010_formats;
mod m0011_tracks;
mod m0012_speaker_profiles;
mod m0013_talks;
mod m0014_proposals;
mod m0015_proposal_speakers;
mod m0016_cospeaker_invitations;
mod m0017_review_settings;
mod m0018_reviews;
mod m0019_review_overrides;
mod m0020_decisions;
mod m0021_decision_templates;
mod m0022_selection_log;
mod m0023_format_slots;
mod m0024_rooms;
mod m0025_event_days;
mod m0026_schedule_items;
mod m0027_schedule_versions;
mod m0028_speaker_unavailability;
mod m0029_mail_attachments;
mod m0030_user_public_codes;
mod m0031_favourites;
mod m0032_speaker_claims;
mod m0035_throttle_counters;
mod m0036_drop_login_failures;
mod m0040_proposal_review_codes;
mod m0043_form_flashes;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m0001_users::Migration),
            Box::new(m0002_events::Migration),
            Box::new(m0003_memberships::Migration),
            Box::new(m0004_sessions::Migration),
            Box::new(m0005_user_tokens::Migration),
            Box::new(m0006_mail_outbox::Migration),
            Box::new(m0007_login_attempts::Migration),
            Box::new(m0008_role_invitations::Migration),
            Box::new(m0009_cfp_settings::Migration),
            Box::new(m0010_formats::Migration),
            Box::new(m0011_tracks::Migration),
            Box::new(m0012_speaker_profiles::Migration),
            Box::new(m0013_talks::Migration),
            Box::new(m0014_proposals::Migration),
            Box::new(m0015_proposal_speakers::Migration),
            Box::new(m0016_cospeaker_invitations::Migration),
            Box::new(m0017_review_settings::Migration),
            Box::new(m0018_reviews::Migration),
            Box::new(m0019_review_overrides::Migration),
            Box::new(m0020_decisions::Migration),
            Box::new(m0021_decision_templates::Migration),
            Box::new(m0022_selection_log::Migration),
            Box::new(m0023_format_slots::Migration),
            Box::new(m0024_rooms::Migration),
            Box::new(m0025_event_days::Migration),
            Box::new(m0026_schedule_items::Migration),
            Box::new(m0027_schedule_versions::Migration),
            Box::new(m0028_speaker_unavailability::Migration),
            Box::new(m0029_mail_attachments::Migration),
            Box::new(m0030_user_public_codes::Migration),
            Box::new(m0031_favourites::Migration),
            Box::new(m0032_speaker_claims::Migration),
            Box::new(m0035_throttle_counters::Migration),
            Box::new(m0036_drop_login_failures::Migration),
            Box::new(m0040_proposal_review_codes::Migration),
            Box::new(m0043_form_flashes::Migration),
        ]
    }
}

/// Foreign key from `table.column` to `users.id` / `events.id`, deleting with the parent.
pub(crate) fn cascade_fk(from: (impl IntoIden, impl IntoIden), to: (impl IntoIden, impl IntoIden)) -> ForeignKeyCreateStatement {
    ForeignKey::create().from(from.0, from.1).to(to.0, to.1).on_delete(ForeignKeyAction::Cascade).to_owned()
}
