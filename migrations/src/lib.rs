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
mod m0044_languages;
mod m0045_decision_template_languages;
mod m0046_event_texts;
mod m0047_volunteers;
mod m0048_volunteer_calls;
mod m0049_partners;
mod m0050_partner_talks;

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
            Box::new(m0044_languages::Migration),
            Box::new(m0045_decision_template_languages::Migration),
            Box::new(m0046_event_texts::Migration),
            Box::new(m0047_volunteers::Migration),
            Box::new(m0048_volunteer_calls::Migration),
            Box::new(m0049_partners::Migration),
            Box::new(m0050_partner_talks::Migration),
        ]
    }
}

/// Foreign key from `table.column` to `users.id` / `events.id`, deleting with the parent.
pub(crate) fn cascade_fk(from: (impl IntoIden, impl IntoIden), to: (impl IntoIden, impl IntoIden)) -> ForeignKeyCreateStatement {
    ForeignKey::create().from(from.0, from.1).to(to.0, to.1).on_delete(ForeignKeyAction::Cascade).to_owned()
}

#[cfg(test)]
mod tests {
    use std::collections::{HashMap, HashSet};

    use super::*;

    /// The names of the `m*.rs` files in src/ (without `.rs`), sorted.
    fn migration_files() -> Vec<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .expect("readable migrations/src")
            .flatten()
            .filter_map(|e| e.file_name().to_str().and_then(|n| n.strip_suffix(".rs")).map(str::to_string))
            .filter(|n| n.starts_with('m') && n != "mod")
            .collect();
        names.sort();
        names
    }

    fn listed() -> Vec<String> {
        Migrator::migrations().iter().map(|m| m.name().to_string()).collect()
    }

    /// What is wrong with these migration names: one not shaped `m<NNNN>_<what>`, one used twice, two
    /// sharing a number.
    fn clashes(names: &[String]) -> Vec<String> {
        let mut problems = Vec::new();
        let mut seen = HashSet::new();
        let mut by_number: HashMap<&str, &str> = HashMap::new();
        for name in names {
            if !seen.insert(name) {
                problems.push(format!("{name} twice"));
            }
            let number = name.split('_').next().unwrap_or_default();
            let digits = number.strip_prefix('m').is_some_and(|d| d.len() == 4 && d.chars().all(|c| c.is_ascii_digit()));
            if !digits || !name.contains('_') {
                problems.push(format!("{name}: name it m<NNNN>_<what>"));
            }
            match by_number.insert(number, name.as_str()) {
                Some(other) if other != name.as_str() => problems.push(format!("{other} and {name} share the number {number}")),
                _ => {}
            }
        }
        problems
    }

    #[test]
    fn every_migration_file_is_listed_once_in_order() {
        assert_eq!(listed(), migration_files(), "Migrator::migrations() must list every migrations/src/m*.rs once, in file order");
    }

    #[test]
    fn no_two_migrations_share_a_number_or_a_name() {
        for (what, names) in [("Migrator::migrations()", listed()), ("migrations/src", migration_files())] {
            let problems = clashes(&names);
            assert!(problems.is_empty(), "{what}: {}; a new migration takes the next free number", problems.join("; "));
        }
    }

    fn names(n: &[&str]) -> Vec<String> {
        n.iter().map(|s| String::from(*s)).collect()
    }

    #[test]
    fn the_check_finds_clashes() {
        assert!(clashes(&names(&["m0027_a", "m0028_b", "m0030_c"])).is_empty());
        assert_eq!(clashes(&names(&["m0028_speaker_unavailability", "m0028_mail_attachments"])).len(), 1);
        assert_eq!(clashes(&names(&["m0029_a", "m0029_a"])).len(), 1);
        assert_eq!(clashes(&names(&["m28_short"])).len(), 1);
    }
}
