//! Where a sign-up and a volunteer record stand, as stored.

/// A sign-up holding a seat.
pub const TAKEN: &str = "taken";
/// A sign-up on the waiting list.
pub const WAITING: &str = "waiting";
/// An accepted volunteer's record.
pub const ACCEPTED: &str = "accepted";
