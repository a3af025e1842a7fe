//! Volunteers: the shifts of an event's teams, taken and left by its volunteers on their phones
//! (pages served without the app's wasm, like the agenda). Rules in `domain::volunteers`; a seat is
//! claimed in the database (`signup`), so concurrent sign-ups never overbook.
pub mod api;
#[cfg(feature = "ssr")]
pub mod board;
#[cfg(feature = "ssr")]
pub mod lead;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod signup;

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
