use chrono::TimeZone;

use super::*;
use crate::programme::fixtures::{programme, session};

fn at(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 3, 10, h, m, 0).unwrap()
}

/// Item `item` of `kind` in `rooms` (Amphi is 1, Atelier 2), from h:m for `minutes`.
fn item(item: i32, kind: Kind, rooms: &[i32], (h, m): (u32, u32), minutes: i64) -> Session {
    let mut s = session(&format!("t{item}"), 9, minutes);
    s.item = item;
    s.kind = kind;
    s.title = format!("Item {item}");
    s.room_ids = rooms.to_vec();
    s.start = at(h, m);
    s.end = s.start + Duration::minutes(minutes);
    s
}

fn talk(id: i32, room: i32, start: (u32, u32)) -> Session {
    item(id, Kind::Talk, &[room], start, 40)
}

fn times(shifts: &[DesiredShift]) -> Vec<(String, DateTime<Utc>, DateTime<Utc>)> {
    shifts.iter().map(|s| (s.key.clone(), s.start, s.end)).collect()
}

/// Applies a plan to the shifts it was made from, numbering new shifts from 100.
fn apply(plan: &HostPlan, existing: &[GeneratedShift]) -> Vec<GeneratedShift> {
    let mut after: Vec<GeneratedShift> = existing.iter().filter(|e| !plan.delete.contains(&e.shift_id)).cloned().collect();
    for (id, d) in &plan.moved {
        let e = after.iter_mut().find(|e| e.shift_id == *id).unwrap();
        (e.start, e.end) = (d.start, d.end);
    }
    let next = after.iter().map(|e| e.shift_id + 1).max().unwrap_or(100).max(100);
    after.extend(plan.create.iter().zip(next..).map(|(d, shift_id)| GeneratedShift {
        shift_id,
        key: d.key.clone(),
        start: d.start,
        end: d.end,
        seats_taken: 0,
    }));
    after
}

#[test]
fn the_rule_has_defaults() {
    assert_eq!(HostRule::default(), HostRule { minutes_before: 10, minutes_after: 0, seats: 1, max_gap_minutes: 20 });
}

#[test]
fn consecutive_talks_in_a_room_make_one_shift() {
    let p = programme(vec![talk(1, 1, (9, 0)), talk(2, 1, (9, 50)), talk(3, 1, (10, 40))]);
    let shifts = desired_host_shifts(&p, &HostRule::default());
    assert_eq!(
        shifts,
        [DesiredShift {
            key: "host:1:1".into(),
            room_id: 1,
            room: "Amphi".into(),
            start: at(8, 50),
            end: at(11, 20),
            first_talk: "Item 1".into(),
        }]
    );
    let after = HostRule { minutes_after: 5, minutes_before: 0, ..HostRule::default() };
    assert_eq!(times(&desired_host_shifts(&p, &after)), [("host:1:1".into(), at(9, 0), at(11, 25))]);
}

#[test]
fn a_break_in_all_rooms_splits_runs() {
    let talks = vec![talk(1, 1, (9, 0)), talk(2, 1, (9, 55)), talk(3, 2, (9, 0)), talk(4, 2, (9, 55))];
    let mut with_break = talks.clone();
    with_break.push(item(9, Kind::Break, &[1, 2], (9, 40), 15));
    let shifts = desired_host_shifts(&programme(with_break), &HostRule::default());
    assert_eq!(
        times(&shifts),
        [
            ("host:1:1".into(), at(8, 50), at(9, 40)),
            ("host:2:3".into(), at(8, 50), at(9, 40)),
            ("host:1:2".into(), at(9, 45), at(10, 35)),
            ("host:2:4".into(), at(9, 45), at(10, 35)),
        ],
        "by start, then room order"
    );
    // An item with no rooms spans them all.
    let mut roomless = talks.clone();
    roomless.push(item(9, Kind::Lunch, &[], (9, 40), 15));
    assert_eq!(desired_host_shifts(&programme(roomless), &HostRule::default()).len(), 4);
    // Without the break, each room has one run.
    assert_eq!(desired_host_shifts(&programme(talks), &HostRule::default()).len(), 2);
}

#[test]
fn a_break_in_another_room_does_not_split_a_run() {
    let p = programme(vec![talk(1, 1, (9, 0)), talk(2, 1, (9, 55)), item(9, Kind::Village, &[2], (9, 40), 15)]);
    assert_eq!(times(&desired_host_shifts(&p, &HostRule::default())), [("host:1:1".into(), at(8, 50), at(10, 35))]);
}

#[test]
fn a_plenary_splits_runs_and_has_no_host() {
    let p = programme(vec![talk(1, 1, (9, 0)), item(5, Kind::Plenary, &[1], (9, 40), 40), talk(2, 1, (10, 20))]);
    let shifts = desired_host_shifts(&p, &HostRule { max_gap_minutes: 120, ..HostRule::default() });
    assert_eq!(times(&shifts), [("host:1:1".into(), at(8, 50), at(9, 40)), ("host:1:2".into(), at(10, 10), at(11, 0))]);
    let alone = programme(vec![item(5, Kind::Plenary, &[1, 2], (9, 0), 40)]);
    assert_eq!(desired_host_shifts(&alone, &HostRule::default()), []);
}

#[test]
fn a_gap_longer_than_the_rule_splits_runs() {
    // 9:00–9:40, then 10:00 (gap 20: kept) and 11:01 (gap 21: split).
    let p = programme(vec![talk(1, 1, (9, 0)), talk(2, 1, (10, 0)), talk(3, 1, (11, 1))]);
    let shifts = desired_host_shifts(&p, &HostRule::default());
    assert_eq!(times(&shifts), [("host:1:1".into(), at(8, 50), at(10, 40)), ("host:1:3".into(), at(10, 51), at(11, 41))]);
    let tight = HostRule { max_gap_minutes: 19, ..HostRule::default() };
    assert_eq!(desired_host_shifts(&p, &tight).len(), 3);
}

#[test]
fn talks_are_sorted_by_start_whatever_the_programme_order() {
    let p = programme(vec![talk(3, 1, (10, 40)), talk(1, 1, (9, 0)), talk(2, 1, (9, 50))]);
    assert_eq!(desired_host_shifts(&p, &HostRule::default())[0].key, "host:1:1");
}

#[test]
fn applying_a_plan_twice_changes_nothing_the_second_time() {
    let rule = HostRule::default();
    let mut p = programme(vec![talk(1, 1, (9, 0)), talk(2, 1, (9, 50)), talk(3, 2, (9, 0))]);
    let first = plan_hosts(&desired_host_shifts(&p, &rule), &[]);
    assert_eq!(first.create.len(), 2);
    assert!(!first.is_empty());
    let existing = apply(&first, &[]);
    let again = plan_hosts(&desired_host_shifts(&p, &rule), &existing);
    assert!(again.is_empty(), "{again:?}");
    assert_eq!(again.unchanged, [100, 101]);

    // The schedule changes: room 1 starts later, room 2's talk goes, a talk appears in room 2.
    p.sessions[0] = talk(1, 1, (9, 10));
    p.sessions[2] = talk(4, 2, (14, 0));
    let change = plan_hosts(&desired_host_shifts(&p, &rule), &existing);
    let room1 = existing.iter().find(|e| e.key == "host:1:1").unwrap().shift_id;
    let room2 = existing.iter().find(|e| e.key == "host:2:3").unwrap().shift_id;
    assert_eq!(change.moved.len(), 1);
    assert_eq!(change.moved[0].0, room1);
    assert_eq!((change.moved[0].1.start, change.moved[0].1.end), (at(9, 0), at(10, 30)));
    assert_eq!(change.delete, [room2]);
    assert_eq!(times(&change.create), [("host:2:4".into(), at(13, 50), at(14, 40))]);
    assert!(change.unchanged.is_empty());

    let existing = apply(&change, &existing);
    let settled = plan_hosts(&desired_host_shifts(&p, &rule), &existing);
    assert!(settled.is_empty(), "{settled:?}");
    assert_eq!(settled.unchanged.len(), 2);
}

#[test]
fn volunteers_of_moved_and_deleted_shifts_are_to_be_told() {
    let shift = |shift_id: i32, key: &str, seats_taken: i32| GeneratedShift {
        shift_id,
        key: key.into(),
        start: at(9, 0),
        end: at(10, 0),
        seats_taken,
    };
    let existing = [shift(1, "host:1:1", 1), shift(2, "host:1:7", 0), shift(3, "host:2:3", 2), shift(4, "host:2:3", 0)];
    let desired = [DesiredShift {
        key: "host:1:1".into(),
        room_id: 1,
        room: "Amphi".into(),
        start: at(9, 30),
        end: at(10, 0),
        first_talk: "Item 1".into(),
    }];
    let plan = plan_hosts(&desired, &existing);
    assert_eq!(plan.moved.iter().map(|(id, _)| *id).collect::<Vec<_>>(), [1]);
    assert_eq!(plan.delete, [2, 3, 4]);
    assert_eq!(plan.touching_volunteers(&existing), [1, 3]);
    // A key generated twice keeps its first shift.
    let twice = plan_hosts(&[DesiredShift { key: "host:2:3".into(), start: at(9, 0), ..desired[0].clone() }], &existing);
    assert_eq!((twice.unchanged, twice.delete), (vec![3], vec![1, 2, 4]));
}
