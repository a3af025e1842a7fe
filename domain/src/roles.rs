//! Per-event roles.
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

    pub fn label(self) -> &'static str {
        match self {
            Role::Organizer => "Organiser",
            Role::Reviewer => "Reviewer",
            Role::VolunteerLead => "Volunteer lead",
            Role::Volunteer => "Volunteer",
            Role::Partner => "Partner",
        }
    }

    pub fn parse(value: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == value)
    }
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
}
