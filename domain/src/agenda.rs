//! What the public agenda shows for a filter: one day's sessions, grouped by start time, each with
//! its place on the rooms × time grid. The same function answers the server's render and the
//! browser's, so a shared link shows the same list everywhere.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::cfp::{Choice, Language, Level};
use super::programme::{Programme, Session, SpeakerRef};
use super::timetable::Kind;

/// Grid rows are this many minutes tall.
pub const ROW_MINUTES: i64 = 5;

/// The agenda's query string: every field empty means "all".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filter {
    #[serde(default)]
    pub day: String,
    #[serde(default)]
    pub track: String,
    #[serde(default)]
    pub format: String,
    #[serde(default)]
    pub level: String,
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub room: String,
    #[serde(default)]
    pub q: String,
}

impl Filter {
    /// True when something besides the day narrows the list (breaks are then left out).
    pub fn narrows(&self) -> bool {
        [&self.track, &self.format, &self.level, &self.language, &self.room, &self.q].iter().any(|v| !v.trim().is_empty())
    }

    /// The query string of this filter for another day (empty fields left out).
    pub fn query_for_day(&self, day: &str) -> String {
        let pairs = [
            ("day", day),
            ("track", &self.track),
            ("format", &self.format),
            ("level", &self.level),
            ("language", &self.language),
            ("room", &self.room),
            ("q", &self.q),
        ];
        pairs
            .iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(k, v)| format!("{k}={}", encode(v.trim())))
            .collect::<Vec<_>>()
            .join("&")
    }
}

/// Percent-encodes a query value (letters, digits and `-_.~` stay as they are).
pub fn encode(v: &str) -> String {
    v.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            b' ' => "+".to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Does `s` pass `f`? Text search looks at the title, the abstract and the speakers' names.
pub fn matches(s: &Session, f: &Filter) -> bool {
    let is = |wanted: &str, value: &str| wanted.trim().is_empty() || wanted.trim() == value;
    if s.kind != Kind::Talk && f.narrows() {
        return false;
    }
    is(&f.track, &s.track)
        && is(&f.format, &s.format)
        && is(&f.level, &s.level)
        && is(&f.language, &s.language)
        && is(&f.room, &s.room)
        && text_matches(s, &f.q)
}

fn text_matches(s: &Session, q: &str) -> bool {
    let words: Vec<String> = q.split_whitespace().map(str::to_lowercase).collect();
    if words.is_empty() {
        return true;
    }
    let haystack = format!(
        "{} {} {}",
        s.title,
        s.abstract_md,
        s.speakers.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(" ")
    )
    .to_lowercase();
    words.iter().all(|w| haystack.contains(w))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choices {
    pub tracks: Vec<String>,
    pub formats: Vec<String>,
    /// (value, label): the rules give the code as label, the app names it in the reader's language.
    pub levels: Vec<(String, String)>,
    pub languages: Vec<(String, String)>,
    pub rooms: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayTab {
    /// "2027-03-10"
    pub date: String,
    /// "Wed 10 Mar"
    pub label: String,
}

/// One session as a row of the list and a box of the grid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    pub code: Option<String>,
    pub kind: Kind,
    pub title: String,
    pub start_local: String,
    pub end_local: String,
    pub room: String,
    pub speakers: Vec<SpeakerRef>,
    pub format: String,
    pub track: String,
    pub track_colour: String,
    /// Stored codes ("beginner", "fr"): pages name them in the reader's language.
    pub level: String,
    pub language: String,
    /// A partner talk (labelled "Partner").
    pub partner: bool,
    /// Grid placement: first row (1-based, after the header row) and rows spanned; first room
    /// column (1-based, after the time column) and columns spanned.
    pub grid_row: i64,
    pub grid_rows: i64,
    pub grid_col: usize,
    pub grid_cols: usize,
}

/// Sessions that start at the same time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    pub start_local: String,
    pub grid_row: i64,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaView {
    pub slug: String,
    pub name: String,
    pub updated: String,
    pub version: i32,
    pub days: Vec<DayTab>,
    pub day: String,
    pub rooms: Vec<String>,
    pub choices: Choices,
    pub filter: Filter,
    pub groups: Vec<Group>,
    /// Grid rows the day needs.
    pub grid_height: i64,
    pub shown: usize,
    pub total: usize,
}

/// The agenda of `p` for `f`: the asked day (or `today` when it is an event day, else the first).
pub fn agenda(p: &Programme, f: &Filter, today: NaiveDate) -> AgendaView {
    let days = p.days();
    let day = pick_day(&days, &f.day, today);
    let of_day: Vec<&Session> = p.sessions.iter().filter(|s| Some(s.day) == day).collect();
    // The grid spans the sessions shown: a filter leaving only the afternoon starts it there.
    let shown_of_day: Vec<&Session> = of_day.iter().copied().filter(|s| matches(s, f)).collect();
    let day_start = shown_of_day.iter().map(|s| s.start).min();
    let day_end = shown_of_day.iter().map(|s| s.end).max();
    let grid_height = match (day_start, day_end) {
        (Some(a), Some(b)) => (b - a).num_minutes() / ROW_MINUTES,
        _ => 0,
    };
    let mut groups: Vec<Group> = Vec::new();
    let mut shown = 0;
    for s in &shown_of_day {
        let offset = day_start.map_or(0, |d| (s.start - d).num_minutes() / ROW_MINUTES);
        let row = row(p, s, offset);
        shown += usize::from(s.kind == Kind::Talk);
        match groups.last_mut() {
            Some(g) if g.start_local == s.start_local => g.rows.push(row),
            _ => groups.push(Group { start_local: s.start_local.clone(), grid_row: offset + 1, rows: vec![row] }),
        }
    }
    AgendaView {
        slug: p.slug.clone(),
        name: p.name.clone(),
        updated: p.published_label.clone(),
        version: p.version,
        days: days.iter().map(|d| DayTab { date: d.to_string(), label: d.format("%a %-d %b").to_string() }).collect(),
        day: day.map(|d| d.to_string()).unwrap_or_default(),
        rooms: p.rooms.iter().map(|r| r.name.clone()).collect(),
        choices: choices(p),
        filter: f.clone(),
        groups,
        grid_height,
        shown,
        total: of_day.iter().filter(|s| s.kind == Kind::Talk).count(),
    }
}

fn pick_day(days: &[NaiveDate], asked: &str, today: NaiveDate) -> Option<NaiveDate> {
    let asked = asked.trim().parse::<NaiveDate>().ok().filter(|d| days.contains(d));
    asked.or_else(|| days.contains(&today).then_some(today)).or_else(|| days.first().copied())
}

fn row(p: &Programme, s: &Session, offset: i64) -> Row {
    let columns: Vec<usize> = s.room_ids.iter().filter_map(|id| p.rooms.iter().position(|r| r.id == *id)).collect();
    let first = columns.iter().min().copied().unwrap_or(0);
    let last = columns.iter().max().copied().unwrap_or(first);
    Row {
        code: s.code.clone(),
        kind: s.kind,
        title: s.title.clone(),
        start_local: s.start_local.clone(),
        end_local: s.end_local.clone(),
        room: s.room.clone(),
        speakers: s.speakers.clone(),
        format: s.format.clone(),
        track: s.track.clone(),
        track_colour: p.track_colour(&s.track).unwrap_or_default().to_string(),
        level: s.level.clone(),
        language: s.language.clone(),
        partner: !s.partner.is_empty(),
        grid_row: offset + 1,
        grid_rows: (s.minutes() / ROW_MINUTES).max(1),
        grid_col: first + 1,
        grid_cols: last - first + 1,
    }
}

/// The values worth offering in the filters: those the programme's talks use.
fn choices(p: &Programme) -> Choices {
    let talks: Vec<&Session> = p.sessions.iter().filter(|s| s.kind == Kind::Talk).collect();
    let used = |pick: fn(&Session) -> &str| {
        let mut v: Vec<String> = talks.iter().map(|s| pick(s).to_string()).filter(|v| !v.is_empty()).collect();
        v.sort();
        v.dedup();
        v
    };
    let tracks = {
        let used = used(|s| &s.track);
        let mut ordered: Vec<String> = p.tracks.iter().map(|t| t.name.clone()).filter(|t| used.contains(t)).collect();
        ordered.extend(used.into_iter().filter(|t| !p.tracks.iter().any(|x| &x.name == t)));
        ordered
    };
    Choices {
        tracks,
        formats: used(|s| &s.format),
        levels: Level::ALL.iter().filter(|l| talks.iter().any(|s| s.level == l.as_str())).map(|l| (l.as_str().into(), l.as_str().into())).collect(),
        languages: Language::ALL
            .iter()
            .filter(|l| talks.iter().any(|s| s.language == l.as_str()))
            .map(|l| (l.as_str().into(), l.as_str().into()))
            .collect(),
        rooms: p.rooms.iter().map(|r| r.name.clone()).filter(|r| talks.iter().any(|s| &s.room == r)).collect(),
    }
}

/// Whether `path` is one of the attendee pages (or the volunteers' shift board, used the same way),
/// which are served as plain HTML with the small `/agenda.js` instead of the app's wasm: phones in a
/// hallway download a few kilobytes, not megabytes.
pub fn is_attendee_page(path: &str) -> bool {
    if is_village_page(path) {
        return true;
    }
    let mut parts = path.trim_end_matches('/').split('/').skip(1);
    let (Some("events"), Some(slug), Some(page)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let rest: Vec<&str> = parts.collect();
    if page == "volunteer" && (rest == ["mine"] || rest == ["shifts"]) {
        return !slug.is_empty();
    }
    let rest = rest.len();
    !slug.is_empty()
        && match page {
            "agenda" | "my" | "now" | "changes" | "volunteer" => rest == 0,
            "talk" | "speaker" => rest == 1,
            _ => false,
        }
}

/// The organisers' floor map, which also loads the drag-and-drop script.
pub fn is_floor_map_editor(path: &str) -> bool {
    let parts: Vec<&str> = path.trim_end_matches('/').split('/').skip(1).collect();
    matches!(parts.as_slice(), ["admin", "events", slug, "village"] if !slug.is_empty())
}

/// The partner village's pages, served the same way: the village and a partner's page, "Become a
/// partner", a partner's space, and the organisers' partner and floor-map pages (their forms post
/// and come back; none needs the app).
fn is_village_page(path: &str) -> bool {
    let parts: Vec<&str> = path.trim_end_matches('/').split('/').skip(1).collect();
    match parts.as_slice() {
        ["events", slug, "partners" | "village"] | ["events", slug, "village" | "partner", _] => !slug.is_empty(),
        ["admin", "events", slug, "partners" | "village"] | ["admin", "events", slug, "partners", _] => !slug.is_empty(),
        _ => false,
    }
}

#[cfg(test)]
#[path = "agenda_tests.rs"]
mod tests;

#[cfg(test)]
mod attendee_page_tests {
    use super::is_attendee_page;

    #[test]
    fn attendee_pages_are_the_agenda_and_its_neighbours() {
        for p in [
            "/events/cn/agenda",
            "/events/cn/agenda/",
            "/events/cn/my",
            "/events/cn/now",
            "/events/cn/changes",
            "/events/cn/talk/abc",
            "/events/cn/speaker/xyz",
            "/events/cn/volunteer",
            "/events/cn/volunteer/mine",
            "/events/cn/volunteer/shifts",
            "/events/cn/village",
            "/events/cn/village/q7xk2m",
            "/events/cn/partners",
            "/events/cn/partner/7",
            "/admin/events/cn/partners",
            "/admin/events/cn/partners/7",
            "/admin/events/cn/village",
        ] {
            assert!(is_attendee_page(p), "{p}");
        }
        for p in [
            "/",
            "/events/cn",
            "/events/cn/cfp",
            "/events/cn/cfp/propose",
            "/events/cn/talk",
            "/events/cn/talk/a/b",
            "/admin/events/cn/agenda",
            "/events//agenda",
            "/events/cn/volunteer/feed",
            "/events//village",
            "/events/cn/village/a/b",
            "/admin/events/cn/partners/7/x",
        ] {
            assert!(!is_attendee_page(p), "{p}");
        }
        assert!(super::is_floor_map_editor("/admin/events/cn/village"));
        assert!(!super::is_floor_map_editor("/events/cn/village"));
    }
}
