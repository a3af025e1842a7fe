//! What the call for volunteers, the leads' people page and a shift's page carry.
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::events::EventSummary;

/// The call for volunteers of an event, as one reader sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallView {
    pub event: EventSummary,
    /// The organisers' text, rendered from Markdown, in the reader's language.
    pub text_html: crate::ui::SafeHtml,
    pub teams: Vec<CallTeam>,
    /// (YYYY-MM-DD, label) of each day of the event.
    pub days: Vec<(String, String)>,
    pub signed_in: bool,
    /// Where I stand, when signed in.
    pub mine: Option<MyApplication>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallTeam {
    pub id: i32,
    pub name: String,
    pub description: String,
    pub colour: String,
    pub restricted: bool,
}

/// Where an application stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ApplicationStatus {
    /// A lead invited them (volunteers of an earlier edition): one click to apply.
    Invited,
    Pending,
    Accepted,
    Declined,
}

impl ApplicationStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ApplicationStatus::Invited => "invited",
            ApplicationStatus::Pending => "pending",
            ApplicationStatus::Accepted => "accepted",
            ApplicationStatus::Declined => "declined",
        }
    }

    pub fn parse(s: &str) -> ApplicationStatus {
        match s {
            "invited" => ApplicationStatus::Invited,
            "accepted" => ApplicationStatus::Accepted,
            "declined" => ApplicationStatus::Declined,
            _ => ApplicationStatus::Pending,
        }
    }
}

/// My application as I last sent it (the form starts from it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyApplication {
    /// None: never applied nor invited.
    pub status: Option<ApplicationStatus>,
    pub days: Vec<String>,
    pub teams: Vec<String>,
    pub tshirt: String,
    pub languages: String,
    pub note: String,
}

/// The leads' page about people: applications, earlier editions to invite from, hours and T-shirts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeopleView {
    pub event: EventSummary,
    /// Waiting for a decision first, then accepted, then the rest.
    pub applications: Vec<ApplicationRow>,
    /// (slug, name) of earlier events whose volunteers this lead may invite.
    pub earlier: Vec<(String, String)>,
    /// Checked-in hours per accepted volunteer, most first.
    pub hours: Vec<(String, String)>,
    /// T-shirts to order: (size label, count), smallest first.
    pub tshirts: Vec<(String, usize)>,
    pub settings: SettingsView,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationRow {
    pub id: i32,
    pub name: String,
    pub email: String,
    pub status: ApplicationStatus,
    /// The days, in the reader's language.
    pub days: String,
    /// The teams wished ("anywhere" when none).
    pub teams: String,
    pub tshirt: String,
    pub languages: String,
    /// Private: leads and organisers only.
    pub note: String,
    /// Restricted teams they wished that have not confirmed them yet: (team id, name).
    pub to_confirm: Vec<(i32, String)>,
}

/// The settings form as it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsView {
    pub call_language: String,
    pub call_text: String,
    pub call_translations: BTreeMap<String, String>,
    pub sign_out_hours: String,
    pub host_minutes_before: String,
    pub host_max_gap_minutes: String,
}

/// The settings form as sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallSettingsForm {
    pub call_text: String,
    #[serde(default)]
    pub call_text_language: String,
    #[serde(default)]
    pub call_translations: BTreeMap<String, String>,
    pub sign_out_hours: String,
    pub host_minutes_before: String,
    pub host_max_gap_minutes: String,
}

/// One shift as its lead manages it: the edit form, the people on it and on its waiting list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShiftAdminView {
    pub event: EventSummary,
    pub id: i32,
    pub team: String,
    pub when: String,
    pub seats: i32,
    pub taken: i32,
    /// The edit form's values (local day and times).
    pub form: domain::volunteers::shifts::ShiftForm,
    pub teams: Vec<(String, String)>,
    pub days: Vec<(String, String)>,
    pub people: Vec<OnShift>,
    pub waiting: Vec<String>,
    /// Accepted volunteers not on it, for "assign": (user id, name).
    pub assignable: Vec<(String, String)>,
}

/// Someone on a shift, for check-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OnShift {
    pub user_id: i32,
    pub name: String,
    pub arrived: bool,
    pub no_show: bool,
}

/// Who is on shift right now, per place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NowLine {
    pub place: String,
    pub shift_id: i32,
    pub title: String,
    pub time: String,
    /// (name, arrived).
    pub people: Vec<(String, bool)>,
}

/// A volunteer whose talk now overlaps a shift they hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClashLine {
    pub shift_id: i32,
    pub volunteer: String,
    pub shift: String,
    pub talk: String,
    pub talk_time: String,
}
