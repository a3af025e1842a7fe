//! Audience interest: how many signed-in attendees starred each talk of the published agenda,
//! beside the seats of its room, so organisers can swap a crowded talk into a bigger room.
use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::programme::{Programme, Session};
use super::timetable::Kind;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterestRow {
    pub code: String,
    pub title: String,
    /// "Wed 10 Mar 09:00–09:40"
    pub when: String,
    pub room: String,
    /// Seats of the talk's rooms; None when a room's capacity is not known.
    pub seats: Option<i32>,
    pub stars: i64,
    /// More stars than seats: the room will likely be too small.
    pub crowded: bool,
}

fn seats(p: &Programme, s: &Session) -> Option<i32> {
    s.room_ids.iter().map(|id| p.rooms.iter().find(|r| r.id == *id).and_then(|r| r.capacity)).sum()
}

/// Every talk of `p` with its star count (`stars` by talk code), most starred first, then in time.
pub fn interest(p: &Programme, stars: &HashMap<String, i64>) -> Vec<InterestRow> {
    let mut rows: Vec<InterestRow> = p
        .sessions
        .iter()
        .filter(|s| s.kind == Kind::Talk)
        .filter_map(|s| {
            let code = s.code.clone()?;
            let count = stars.get(&code).copied().unwrap_or(0);
            let seats = seats(p, s);
            Some(InterestRow {
                crowded: seats.is_some_and(|n| count > i64::from(n)),
                code,
                title: s.title.clone(),
                when: s.short_when(),
                room: s.room.clone(),
                seats,
                stars: count,
            })
        })
        .collect();
    // Sessions are already in time order; a stable sort keeps it among equal counts.
    rows.sort_by(|a, b| b.stars.cmp(&a.stars));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::programme::fixtures::{programme, session};

    #[test]
    fn talks_come_most_starred_first_and_crowded_when_stars_exceed_seats() {
        let mut lunch = session("lunch", 12, 60);
        lunch.kind = Kind::Break;
        let mut atelier = session("atelier", 11, 30);
        atelier.room_ids = vec![2];
        let mut p = programme(vec![session("early", 9, 30), session("late", 10, 30), atelier, lunch]);
        p.rooms[0].capacity = Some(2);
        let stars = HashMap::from([("late".to_string(), 3), ("atelier".to_string(), 3), ("lunch".to_string(), 9)]);

        let rows = interest(&p, &stars);

        let order: Vec<&str> = rows.iter().map(|r| r.code.as_str()).collect();
        assert_eq!(order, ["late", "atelier", "early"], "breaks are left out; ties stay in time order");
        assert_eq!((rows[0].seats, rows[0].crowded), (Some(2), true));
        assert_eq!((rows[1].seats, rows[1].crowded), (None, false), "unknown capacity is never called crowded");
        assert_eq!((rows[2].stars, rows[2].crowded), (0, false));
    }
}
