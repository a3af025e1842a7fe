use chrono::NaiveDate;

use super::*;
use crate::programme::fixtures::{programme, session};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 3, d).unwrap()
}

fn sample() -> Programme {
    let mut kube = session("kube", 9, 40);
    kube.abstract_md = "Operators all the way down".into();
    let mut rex = session("rex", 9, 20);
    rex.room_ids = vec![2];
    rex.room = "Atelier".into();
    rex.track = "Security".into();
    rex.language = "fr".into();
    rex.speakers = vec![SpeakerRef { code: Some("x".into()), name: "Zoé Dupont".into() }];
    let mut lunch = session("", 12, 60);
    lunch.kind = Kind::Lunch;
    lunch.code = None;
    lunch.room_ids = vec![1, 2];
    lunch.room = "All rooms".into();
    let mut next_day = session("later", 9, 40);
    next_day.day = day(11);
    programme(vec![kube, rex, lunch, next_day])
}

#[test]
fn no_filter_shows_the_whole_first_day_with_breaks_grouped_by_start() {
    let v = agenda(&sample(), &Filter::default(), day(1));
    assert_eq!(v.day, "2027-03-10");
    assert_eq!(v.days.len(), 2);
    let titles: Vec<Vec<&str>> = v.groups.iter().map(|g| g.rows.iter().map(|r| r.title.as_str()).collect()).collect();
    assert_eq!(titles, vec![vec!["Talk kube", "Talk rex"], vec!["Talk "]]);
    assert_eq!((v.shown, v.total), (2, 2));
}

#[test]
fn today_is_shown_first_during_the_event() {
    assert_eq!(agenda(&sample(), &Filter::default(), day(11)).day, "2027-03-11");
}

#[test]
fn a_track_filter_keeps_its_talks_and_hides_breaks() {
    let f = Filter { track: "Security".into(), ..Default::default() };
    let v = agenda(&sample(), &f, day(1));
    let titles: Vec<&str> = v.groups.iter().flat_map(|g| g.rows.iter().map(|r| r.title.as_str())).collect();
    assert_eq!(titles, vec!["Talk rex"]);
    assert_eq!((v.shown, v.total), (1, 2));
}

#[test]
fn text_search_reads_titles_abstracts_and_speaker_names_ignoring_case() {
    let p = sample();
    let found = |q: &str| -> Vec<String> {
        let f = Filter { q: q.into(), ..Default::default() };
        agenda(&p, &f, day(1)).groups.iter().flat_map(|g| g.rows.iter().map(|r| r.title.clone())).collect()
    };
    assert_eq!(found("OPERATORS"), vec!["Talk kube"]);
    assert_eq!(found("zoé"), vec!["Talk rex"]);
    assert_eq!(found("talk down"), vec!["Talk kube"], "every word must be found");
    assert!(found("nothing-like-this").is_empty());
}

#[test]
fn grid_places_each_session_by_room_and_five_minute_rows() {
    let v = agenda(&sample(), &Filter::default(), day(1));
    let rex = &v.groups[0].rows[1];
    assert_eq!((rex.grid_col, rex.grid_cols, rex.grid_row, rex.grid_rows), (2, 1, 1, 4));
    let lunch = &v.groups[1].rows[0];
    assert_eq!((lunch.grid_col, lunch.grid_cols), (1, 2), "a break in all rooms spans every column");
    assert_eq!(lunch.grid_row, 3 * 12 + 1, "12:00 is three hours after the 09:00 start");
    assert_eq!(v.grid_height, 4 * 12);
}

#[test]
fn a_filtered_grid_starts_at_the_first_session_shown() {
    let mut p = sample();
    let mut late = session("late", 14, 40);
    late.track = "Data".into();
    p.sessions.push(late);
    let f = Filter { track: "Data".into(), ..Default::default() };
    let v = agenda(&p, &f, day(1));
    assert_eq!(v.groups.len(), 1);
    assert_eq!(v.groups[0].grid_row, 1, "no empty rows above the 14:00 talk, the only one shown");
    assert_eq!(v.grid_height, 40 / 5);
    assert_eq!(agenda(&p, &Filter::default(), day(1)).groups.last().map(|g| g.grid_row), Some(5 * 12 + 1), "unfiltered, 14:00 is 5 h after 09:00");
}

#[test]
fn filter_choices_list_only_values_talks_use_in_their_order() {
    let v = agenda(&sample(), &Filter::default(), day(1));
    assert_eq!(v.choices.tracks, vec!["Cloud", "Security"]);
    assert_eq!(v.choices.languages, vec![("fr".to_string(), "fr".to_string()), ("en".to_string(), "en".to_string())], "codes; the app names them");
    assert_eq!(v.groups[0].rows[1].language, "fr", "rows carry codes; pages name them in the reader's language");
}

#[test]
fn day_links_keep_the_other_filters_encoded() {
    let f = Filter { track: "Cloud & AI".into(), q: "k8s ops".into(), ..Default::default() };
    assert_eq!(f.query_for_day("2027-03-11"), "day=2027-03-11&track=Cloud+%26+AI&q=k8s+ops");
}
