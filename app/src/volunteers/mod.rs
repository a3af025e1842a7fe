//! Volunteers: the shifts of an event's teams, taken and left by its volunteers on their phones
//! (pages served without the app's wasm, like the agenda). Rules in `domain::volunteers`; a seat is
//! claimed in the database (`signup`), so concurrent sign-ups never overbook.
pub mod api;
#[cfg(feature = "ssr")]
pub mod applications;
#[cfg(feature = "ssr")]
pub mod board;
#[cfg(feature = "ssr")]
pub mod call;
pub mod call_api;
#[cfg(feature = "ssr")]
pub mod call_pages;
#[cfg(feature = "ssr")]
pub mod clashes;
#[cfg(feature = "ssr")]
pub mod feed;
#[cfg(feature = "ssr")]
pub mod hosts;
#[cfg(feature = "ssr")]
pub mod hours;
#[cfg(feature = "ssr")]
pub mod lead;
pub mod lead_api;
pub mod lead_pages;
#[cfg(feature = "ssr")]
pub mod mails;
#[cfg(feature = "ssr")]
pub mod mine;
#[cfg(feature = "ssr")]
pub mod pages;
pub mod people_api;

pub mod people_pages;
#[cfg(feature = "ssr")]
pub mod reminders;
#[cfg(feature = "ssr")]
pub mod settings;
#[cfg(feature = "ssr")]
pub mod shift_admin;
pub mod shift_api;
pub mod shift_pages;
#[cfg(feature = "ssr")]
pub mod signup;
pub mod status;
pub mod views;
#[cfg(feature = "ssr")]
pub mod words;

use serde::{Deserialize, Serialize};

use crate::events::EventSummary;

/// The shift board of one event, as one volunteer sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardView {
    pub event: EventSummary,
    pub days: Vec<BoardDay>,
    /// Only the shifts I can take ("shifts I can take" filter).
    pub only_open: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardDay {
    /// "mardi 3 février" / "Tuesday 3 February".
    pub label: String,
    pub shifts: Vec<BoardShift>,
}

/// Where a shift stands for me.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ShiftState {
    /// I can take a seat.
    Open,
    /// I hold a seat.
    Mine,
    /// I am on its waiting list.
    Waiting,
    /// Full, and nothing else stops me: I may wait for a seat.
    Full,
    /// Something stops me (`why_not` says what).
    Blocked,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardShift {
    pub id: i32,
    pub team: String,
    pub colour: String,
    pub title: String,
    pub place: String,
    /// "09:00–11:00", the event's local time.
    pub time: String,
    pub seats: i32,
    pub taken: i32,
    pub state: ShiftState,
    /// Why I cannot take it, in my language.
    pub why_not: Option<String>,
    /// I hold it and may still leave it myself.
    pub can_leave: bool,
}

/// The team form as sent (`restricted` present when ticked).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamForm {
    pub name: String,
    pub description: String,
    pub colour: String,
    #[serde(default)]
    pub restricted: Option<String>,
    pub briefing: String,
    pub lead_name: String,
    pub lead_phone: String,
}

/// The leads' page of an event: its teams, the days for the shift form, and the coverage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadView {
    pub event: EventSummary,
    pub time_zone: String,
    pub teams: Vec<TeamRow>,
    /// (YYYY-MM-DD, label) of each day of the event.
    pub days: Vec<(String, String)>,
    pub coverage: Vec<CoverageRow>,
    /// What applying the room-host rule to the published agenda would do.
    pub hosts: HostPreview,
    /// Who is on shift right now, per place.
    pub now: Vec<views::NowLine>,
    /// Volunteers whose talk is on one of their shifts.
    pub clashes: Vec<views::ClashLine>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamRow {
    pub id: i32,
    pub name: String,
    pub colour: String,
    pub restricted: bool,
    pub shifts: usize,
}

/// One team's shifts on one day, understaffed first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoverageRow {
    pub day: String,
    pub team: String,
    pub needed: i32,
    pub taken: i32,
    pub shifts: Vec<CoverageLine>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoverageLine {
    pub id: i32,
    pub time: String,
    pub title: String,
    pub place: String,
    pub seats: i32,
    pub taken: i32,
}

/// "My shifts" of one volunteer at one event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyShiftsView {
    pub event: EventSummary,
    /// Coming shifts first (by start), then those that are over.
    pub shifts: Vec<MyShift>,
    /// The personal calendar address, once made.
    pub feed: Option<String>,
}

/// One of my shifts, with what only its volunteers may read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyShift {
    pub id: i32,
    pub title: String,
    pub team: String,
    pub place: String,
    /// "dimanche 17 janvier · 08:00–10:00".
    pub when: String,
    pub briefing: String,
    pub lead_name: String,
    pub lead_phone: String,
    pub notes: String,
    pub over: bool,
    pub can_leave: bool,
    /// "I'm here" is offered (from a quarter of an hour before the start until the end).
    pub can_check_in: bool,
    pub arrived: bool,
}

/// Room-host shifts from the agenda: what applying the rule would create, move and delete.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostPreview {
    /// An agenda is published (else there is nothing to build from).
    pub published: bool,
    pub create: Vec<HostLine>,
    pub moved: Vec<HostLine>,
    pub delete: Vec<HostLine>,
    pub unchanged: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostLine {
    /// "dimanche 17 janvier · 09:40–11:20".
    pub when: String,
    pub room: String,
    pub first_talk: String,
    /// Volunteers on it (told when it moves or goes).
    pub taken: i32,
}
