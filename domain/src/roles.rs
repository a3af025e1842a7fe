//! Per-event roles, and the named sets of them that server functions admit (through
//! `auth::guard::event_access`). Organisers belong to every set: they may do what their team does.
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    Organizer,
    Reviewer,
    VolunteerLead,
    Volunteer,
    Partner,
}

impl Role {
    pub const ALL: [Role; 5] = [Role::Organizer, Role::Reviewer, Role::VolunteerLead, Role::Volunteer, Role::Partner];

    /// The value stored in the database and sent by forms.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Organizer => "organizer",
            Role::Reviewer => "reviewer",
            Role::VolunteerLead => "volunteer_lead",
            Role::Volunteer => "volunteer",
            Role::Partner => "partner",
        }
    }


    pub fn parse(value: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == value)
    }
}

/// Who manages the event: its organisers.
pub const ORGANISERS: &[Role] = &[Role::Organizer];
/// Who reviews proposals: reviewers and organisers.
pub const REVIEWERS: &[Role] = &[Role::Reviewer, Role::Organizer];
/// Who runs the volunteers: volunteer leads and organisers.
pub const VOLUNTEER_LEADS: &[Role] = &[Role::VolunteerLead, Role::Organizer];
/// Who sees the volunteers' side: volunteers, their leads and organisers.
pub const VOLUNTEERS: &[Role] = &[Role::Volunteer, Role::VolunteerLead, Role::Organizer];
/// Who speaks for a partner of the event: partner contacts and organisers.
pub const PARTNER_CONTACTS: &[Role] = &[Role::Partner, Role::Organizer];
/// Who has pages to manage in the event (`/admin` lists it for them): organisers and volunteer leads.
pub const MANAGERS: &[Role] = &[Role::Organizer, Role::VolunteerLead];
/// Anyone with a role in the event.
pub const MEMBERS: &[Role] = &Role::ALL;

/// The stored names of `roles`, for a database filter.
pub fn names(roles: &[Role]) -> Vec<&'static str> {
    roles.iter().map(|r| r.as_str()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_through_their_stored_name() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("admin"), None);
    }

    #[test]
    fn organisers_belong_to_every_role_set() {
        for set in [ORGANISERS, REVIEWERS, VOLUNTEER_LEADS, VOLUNTEERS, PARTNER_CONTACTS, MANAGERS, MEMBERS] {
            assert!(set.contains(&Role::Organizer), "{set:?}");
        }
        assert_eq!(names(REVIEWERS), ["reviewer", "organizer"]);
    }
}
