//! A published schedule as attendees, exports and the API see it: the frozen slots of one version,
//! with the talks' public details and speakers. Times are given in UTC and, already converted, in the
//! event's zone (the zone database stays on the server).
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::timetable::Kind;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Programme {
    pub slug: String,
    pub name: String,
    pub city: String,
    pub venue: String,
    /// IANA name, e.g. "Europe/Paris".
    pub time_zone: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub version: i32,
    pub version_name: String,
    pub published_at: DateTime<Utc>,
    /// "Saturday 12 March 2027, 18:04 Europe/Paris".
    pub published_label: String,
    /// The event's rooms in their order (also those no session uses).
    pub rooms: Vec<ProgrammeRoom>,
    /// Visible tracks in their order.
    pub tracks: Vec<ProgrammeTrack>,
    /// In time, then room order.
    pub sessions: Vec<Session>,
    /// Speakers of the sessions, by name.
    pub speakers: Vec<Speaker>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgrammeRoom {
    pub id: i32,
    pub name: String,
    pub capacity: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgrammeTrack {
    pub name: String,
    /// "#1f6feb" or empty.
    pub colour: String,
}

/// One placed item of the published version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    /// The schedule item id: stable across versions, used in calendar UIDs.
    pub item: i32,
    pub kind: Kind,
    /// Public code of the talk; None for breaks and plenaries without a proposal.
    pub code: Option<String>,
    pub title: String,
    pub room_ids: Vec<i32>,
    /// Room names, or "All rooms".
    pub room: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// Local day and times in the event's zone.
    pub day: NaiveDate,
    pub start_local: String,
    pub end_local: String,
    pub speakers: Vec<SpeakerRef>,
    pub format: String,
    pub track: String,
    /// "beginner" | "intermediate" | "advanced" | "" (breaks).
    pub level: String,
    /// "fr" | "en" | "".
    pub language: String,
    /// The public abstract, Markdown as the speaker wrote it (render with `ui::markdown` on the
    /// server). The details written for reviewers are never read into a programme.
    pub abstract_md: String,
    /// The partner a partner talk speaks for (empty otherwise): labelled "Partner" on the agenda
    /// and in the exports.
    #[serde(default)]
    pub partner: String,
}

impl Session {
    /// "Wed 10 Mar 09:00–09:40"
    pub fn short_when(&self) -> String {
        format!("{} {}–{}", self.day.format("%a %-d %b"), self.start_local, self.end_local)
    }

    pub fn minutes(&self) -> i64 {
        (self.end - self.start).num_minutes()
    }

    pub fn overlaps(&self, other: &Session) -> bool {
        self.start < other.end && other.start < self.end
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerRef {
    /// Public code of the speaker; None when the person has none yet.
    pub code: Option<String>,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    pub code: String,
    pub name: String,
    pub bio_md: String,
    pub company: String,
    pub job_title: String,
    /// Absolute path or URL of the photo, if any.
    pub photo: Option<String>,
    /// (label, url) pairs: website, GitHub, LinkedIn, social.
    pub links: Vec<(String, String)>,
    /// Codes of this speaker's sessions in the programme.
    pub talks: Vec<String>,
}

impl Programme {
    pub fn session(&self, code: &str) -> Option<&Session> {
        self.sessions.iter().find(|s| s.code.as_deref() == Some(code))
    }

    pub fn speaker(&self, code: &str) -> Option<&Speaker> {
        self.speakers.iter().find(|s| s.code == code)
    }

    /// The local days that hold sessions, in order.
    pub fn days(&self) -> Vec<NaiveDate> {
        let mut days: Vec<NaiveDate> = self.sessions.iter().map(|s| s.day).collect();
        days.dedup();
        days.sort();
        days.dedup();
        days
    }

    pub fn track_colour(&self, track: &str) -> Option<&str> {
        self.tracks.iter().find(|t| t.name == track).map(|t| t.colour.as_str()).filter(|c| !c.is_empty())
    }
}

/// Pairs of starred sessions that overlap in time, by index into `sessions` (sorted by start).
pub fn overlapping_pairs(sessions: &[&Session]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for (i, a) in sessions.iter().enumerate() {
        for (j, b) in sessions.iter().enumerate().skip(i + 1) {
            if a.overlaps(b) {
                pairs.push((i, j));
            }
        }
    }
    pairs
}

/// Small programmes for tests, here and in the server crates (feature `fixtures`).
#[cfg(any(test, feature = "fixtures"))]
pub mod fixtures {
    use super::*;
    use chrono::TimeZone;

    /// A programme of `sessions` in rooms Amphi (1) and Atelier (2), one track "Cloud".
    pub fn programme(sessions: Vec<Session>) -> Programme {
        let day = |d| NaiveDate::from_ymd_opt(2027, 3, d).unwrap();
        Programme {
            slug: "conf".into(),
            name: "Conf".into(),
            city: String::new(),
            venue: String::new(),
            time_zone: "UTC".into(),
            start_date: day(10),
            end_date: day(11),
            version: 2,
            version_name: "v2".into(),
            published_at: chrono::DateTime::default(),
            published_label: "now".into(),
            rooms: vec![
                ProgrammeRoom { id: 1, name: "Amphi".into(), capacity: None },
                ProgrammeRoom { id: 2, name: "Atelier".into(), capacity: None },
            ],
            tracks: vec![ProgrammeTrack { name: "Cloud".into(), colour: "#1f6feb".into() }],
            sessions,
            speakers: vec![],
        }
    }

    pub fn session(code: &str, start_h: u32, minutes: i64) -> Session {
        let start = Utc.with_ymd_and_hms(2027, 3, 10, start_h, 0, 0).unwrap();
        Session {
            item: start_h as i32,
            kind: Kind::Talk,
            code: Some(code.into()),
            title: format!("Talk {code}"),
            room_ids: vec![1],
            room: "Amphi".into(),
            start,
            end: start + chrono::Duration::minutes(minutes),
            day: start.date_naive(),
            start_local: start.format("%H:%M").to_string(),
            end_local: (start + chrono::Duration::minutes(minutes)).format("%H:%M").to_string(),
            speakers: vec![],
            format: "Talk".into(),
            track: "Cloud".into(),
            level: "beginner".into(),
            language: "en".into(),
            abstract_md: String::new(),
            partner: String::new(),
        }
    }

    #[test]
    fn overlaps_are_found_between_starred_sessions_only_when_times_cross() {
        let a = session("a", 9, 60);
        let b = session("b", 9, 30);
        let c = session("c", 10, 30);
        assert_eq!(overlapping_pairs(&[&a, &b, &c]), vec![(0, 1)]);
        assert!(!a.overlaps(&c), "a session ending when the next begins does not overlap it");
    }
}
