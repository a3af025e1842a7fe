//! What the rules find wrong, as values: the app words each one in the reader's language
//! (`app::lang::problems::text`). A variant carries the numbers and names its message shows; one
//! variant per sentence, shared where several rules say the same thing.
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// Something a person typed or asked for that the rules refuse (or, for schedule warnings, flag).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum Problem {
    // Lengths, shared by many fields.
    /// "Use at least {min} characters."
    TooShort {
        min: usize,
    },
    /// "Use at most {max} characters."
    AtMost {
        max: usize,
    },
    /// "Use at most {max} characters (you have {have})."
    TooLong {
        max: usize,
        have: usize,
    },
    /// "Please enter a name." (formats, tracks, rooms)
    NameMissing,

    // Accounts.
    EmailMissing,
    EmailInvalid,
    PasswordIsEmail,
    PasswordWeak,
    DisplayNameMissing,

    // Talks, formats and tracks.
    TalkTitleMissing,
    AbstractTooShort {
        min: usize,
        have: usize,
    },
    LevelMissing,
    LanguageMissing,
    LevelNotOffered,
    LanguageNotOffered,
    FormatNotOffered,
    TrackNotOffered,
    DurationOutOfRange {
        min: i32,
        max: i32,
    },
    ColourInvalid,

    // Events.
    SlugInvalid,
    EventNameMissing,
    CityMissing,
    VenueMissing,
    EndBeforeStart,
    DatesMissing,
    TimeZoneUnknown,
    VisibilityMissing,

    // Speaker profiles and photos.
    PublicNameMissing,
    UrlInvalid,
    GithubInvalid,
    SocialInvalid,
    PhotoMissing,
    PhotoTooBig {
        max_mb: usize,
    },
    PhotoNotAnImage,
    PhotoTooManyPixels {
        max_side: u32,
    },

    // A speaker's unavailability.
    StartMissing,
    EndMissing,
    NoteTooLong {
        max: usize,
    },
    /// `dates` names the event's days, already in the reader's language.
    OutsideEvent {
        dates: String,
    },
    EndNotAfterStart,
    TooManyWindows {
        max: usize,
    },

    // Reviews and decisions.
    ScoreInvalid {
        max: i32,
    },
    CommentTooLong {
        max: usize,
    },
    FeedbackTooLong {
        max: usize,
    },

    // Decision mail wording.
    Empty,
    KeepItUnder {
        max: usize,
    },
    UnknownPlaceholder {
        found: String,
        known: String,
    },

    // Claims of imported talks.
    ClaimForAnotherAddress {
        invited: String,
        email: String,
    },
    ClaimNeedsVerifiedEmail {
        email: String,
    },

    // Rooms and opening hours.
    CapacityInvalid {
        max: i32,
    },
    ClockInvalid,
    ClockOffGrid {
        grid: i64,
    },
    ClosesBeforeOpens,

    // Items of the timetable.
    MinutesInvalid,
    MinutesOutOfRange {
        min: i64,
        max: i64,
    },
    MinutesOffGrid {
        grid: i64,
    },
    ItemTitleMissing,
    ItemTitleTooLong {
        max: usize,
    },

    // Placing items on the schedule: refused…
    NotOnGrid {
        grid: i64,
    },
    EmptyOrReversed,
    OutsideDay,
    RoomTaken {
        room: String,
        other: String,
    },
    SpeakerElsewhere {
        other: String,
    },
    // … or flagged.
    DurationDiffers {
        format_minutes: i64,
        minutes: i64,
    },
    SpeakerUnavailable,
    RoomTooSmall {
        room: String,
        capacity: u32,
        expected: u32,
    },
    BackToBack {
        other: String,
        gap: i64,
    },

    // Volunteers.
    /// "Choose one of the event's teams."
    TeamUnknown,
    /// "Say where the shift takes place."
    PlaceMissing,
    /// "Enter a day like 2027-03-10."
    DayInvalid,
    /// "Choose a day of the event ({first} – {last})." The app writes the dates in the reader's language.
    DayOutsideEvent {
        first: NaiveDate,
        last: NaiveDate,
    },
    /// "Enter a number of volunteers between {min} and {max}."
    SeatsInvalid {
        min: i32,
        max: i32,
    },
    /// "That makes more than {max} shifts: choose longer shifts or a shorter block."
    TooManyShifts {
        max: usize,
    },
    /// "Choose at least one day you can help."
    DaysMissing,
    /// "Choose a T-shirt size from the list."
    TShirtUnknown,
    /// "You are already signed up for this shift."
    AlreadySignedUp,
    /// "This shift has already started."
    ShiftStarted,
    /// "This shift overlaps your talk “{title}” at {start}." `start` is the event's local time.
    OverlapsTalk {
        title: String,
        start: NaiveDateTime,
    },
    /// "This shift overlaps your shift “{title}” at {start}." `start` is the event's local time.
    OverlapsShift {
        title: String,
        start: NaiveDateTime,
    },
    /// "The {team} team confirms its volunteers before they take its shifts: ask its lead."
    NeedsTeamConfirmation {
        team: String,
    },
    /// "This shift is full ({taken} / {seats})."
    ShiftFull {
        taken: i32,
        seats: i32,
    },
    /// "Enter a number of hours between {min} and {max}."
    HoursOutOfRange {
        min: i64,
        max: i64,
    },
    /// "Enter a number of minutes between {min} and {max}."
    MinutesBetween {
        min: i64,
        max: i64,
    },
    /// "{taken} volunteers are on this shift: take some off before lowering the seats."
    SeatsBelowTaken {
        taken: i32,
    },

    // Partners.
    /// "Enter a whole number between {min} and {max}."
    NumberBetween {
        min: i32,
        max: i32,
    },
    /// "Choose sponsor or community."
    TierKindUnknown,
    /// "This name is already used."
    NameTaken,
    /// "{taken} partners are in this tier: it cannot offer fewer places."
    TierBelowTaken {
        taken: i32,
    },
    /// "Partners are in this tier: move or decline them before deleting it."
    TierInUse,
    /// "Choose one of the tiers offered."
    TierUnknown,
    /// "The {tier} tier is sold out."
    TierSoldOut {
        tier: String,
    },
    /// "Please enter the company's or community's name."
    CompanyMissing,
    /// "Another partner already uses this name."
    CompanyTaken,
    /// "Enter a VAT number like FR40303265045, or leave it empty."
    VatInvalid,
    /// "That has already been done."
    AlreadyDecided,
    /// "Accept the partner first."
    PartnerNotAccepted,
    /// "Mark the step before this one first."
    StepNeedsPrevious,
    /// "Give at most {max} links."
    TooManyLinks {
        max: usize,
    },
    /// "Your tier does not include job posts."
    JobsNotInTier,
    /// "Your tier includes {max} staff passes, all given: remove one first."
    StaffPassesUsed {
        max: usize,
    },
    /// "This address already has a pass."
    StaffTaken,
    /// "Use 1 to {max} letters, digits or dashes."
    BoothNumberInvalid {
        max: usize,
    },
    /// "Another booth has this number."
    BoothNumberTaken,
    /// "The booth must fit on the floor ({width} × {height} m)."
    BoothOffFloor {
        width: i32,
        height: i32,
    },
    /// "This booth overlaps booth {number}."
    BoothOverlaps {
        number: String,
    },
    /// Warning: "This booth has {area} m²; the partner's tier promises {promised} m²."
    BoothTooSmall {
        area: i32,
        promised: i32,
    },
    /// "Booth {number} already belongs to {partner}."
    BoothTaken {
        number: String,
        partner: String,
    },
    /// "Choose a PNG or SVG image."
    ImageNotPngOrSvg,
    /// "The image is too big: at most {max_kb} KB."
    ImageTooBig {
        max_kb: usize,
    },
    /// "This SVG runs scripts or loads other files: export it again as a plain drawing."
    SvgUnsafe,
    /// "Your tier does not include talk proposals."
    TalksNotInTier,
    /// "Please confirm you have read the rule: a talk shares expertise, it is not a sales pitch."
    PitchRuleNotAcknowledged,
}

/// A problem with one form field, shown next to that field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldProblem {
    pub field: String,
    pub problem: Problem,
}

impl FieldProblem {
    pub fn new(field: &str, problem: Problem) -> Self {
        FieldProblem { field: field.into(), problem }
    }
}

/// Collects the problems of failed checks as per-field problems.
pub fn collect(checks: impl IntoIterator<Item = (&'static str, Option<Problem>)>) -> Vec<FieldProblem> {
    checks.into_iter().filter_map(|(field, p)| p.map(|problem| FieldProblem::new(field, problem))).collect()
}

/// The fields of `problems`, in order (for tests).
pub fn fields(problems: &[FieldProblem]) -> Vec<&str> {
    problems.iter().map(|p| p.field.as_str()).collect()
}
