use chrono::TimeZone;
use chrono_tz::Europe::Paris;

use super::*;

fn utc(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 3, 10, h, m, 0).unwrap()
}

/// What pretalx writes (trimmed): conference rooms and tracks, persons with codes and no email.
const PRETALX: &str = r##"{
  "$schema": "https://c3voc.de/schedule/schema.json",
  "generator": {"name": "pretalx", "version": "2025.1.0"},
  "schedule": {
    "version": "0.4", "base_url": "https://pretalx.example/cn/schedule/",
    "conference": {
      "acronym": "cloudnord", "title": "Cloud Nord", "start": "2027-03-10", "end": "2027-03-10", "daysCount": 1,
      "timeslot_duration": "00:05", "time_zone_name": "Europe/Paris",
      "rooms": [
        {"name": "Amphi", "slug": "1-amphi", "guid": "a3f0d7ca-5c1f-5b0e-9a55-0e2b5d4b6e01", "description": {"en": "Ground floor"}, "capacity": 300},
        {"name": "Atelier", "slug": "2-atelier", "guid": "b3f0d7ca-5c1f-5b0e-9a55-0e2b5d4b6e02", "description": null, "capacity": null}
      ],
      "tracks": [{"name": "Security", "slug": "3-security", "color": "#cf222e"}],
      "days": [{
        "index": 1, "date": "2027-03-10", "day_start": "2027-03-10T04:00:00+01:00", "day_end": "2027-03-11T03:59:00+01:00",
        "rooms": {
          "Amphi": [
            {"guid": "c1d3e1c4-4a3b-5b5e-8f7a-1f2e3d4c5b6a", "code": "FQ8KMB", "id": 41, "logo": null,
             "date": "2027-03-10T10:00:00+01:00", "start": "10:00", "duration": "00:40", "room": "Amphi",
             "slug": "cloudnord-41-sbom", "url": "https://pretalx.example/cn/talk/FQ8KMB/",
             "title": "SBOM, VEX et signatures", "subtitle": "", "track": "Security", "type": "Talk", "language": "fr",
             "abstract": "Produire un SBOM est devenu facile.", "description": "", "recording_license": "", "do_not_record": false,
             "persons": [
               {"code": "7YH3QK", "name": "Amina Benali", "avatar": null, "biography": "Supply chain.", "public_name": "Amina Benali", "guid": "0e1a2b3c-4d5e-5f60-8172-8394a5b6c7d8"},
               {"code": "P9XW2D", "name": "Nadia Boukhris", "avatar": null, "biography": null, "public_name": "Nadia Boukhris"}
             ],
             "links": [], "feedback_url": "https://pretalx.example/cn/talk/FQ8KMB/feedback/", "origin_url": "https://pretalx.example/cn/talk/FQ8KMB/", "attachments": []}
          ],
          "Atelier": [
            {"guid": "d1d3e1c4-4a3b-5b5e-8f7a-1f2e3d4c5b6b", "code": "ZQ3LPN", "id": 42, "date": "2027-03-10T10:00:00+01:00",
             "start": "10:00", "duration": "01:30", "room": "Atelier", "slug": "cloudnord-42-ebpf", "url": "", "title": "Runtime security with eBPF",
             "subtitle": null, "track": "Security", "type": "Workshop", "language": "en-GB", "abstract": null, "description": null,
             "persons": [{"code": "7YH3QK", "name": "Amina Benali", "biography": "Supply chain."}], "links": []}
          ]
        }
      }]
    }
  }
}"##;

#[test]
fn reads_a_pretalx_export() {
    let s = parse(PRETALX, chrono_tz::UTC).unwrap();
    let names: Vec<_> = s.rooms.iter().map(|r| (r.name.as_str(), r.capacity, r.description.as_str())).collect();
    assert_eq!(names, [("Amphi", Some(300), "Ground floor"), ("Atelier", None, "")]);
    assert_eq!(s.tracks, [ImportedTrack { name: "Security".into(), colour: "#cf222e".into() }]);
    assert_eq!(s.sessions.len(), 2);
    let sbom = &s.sessions[0];
    assert_eq!((sbom.kind, sbom.title.as_str(), sbom.room.as_deref()), (Kind::Talk, "SBOM, VEX et signatures", Some("Amphi")));
    assert_eq!((sbom.start, sbom.end, sbom.minutes()), (utc(9, 0), utc(9, 40), 40));
    assert_eq!((sbom.format.as_str(), sbom.language.as_str(), sbom.track.as_deref()), ("Talk", "fr", Some("Security")));
    let keys: Vec<_> = sbom.persons.iter().map(|p| (p.key.as_str(), p.name.as_str())).collect();
    assert_eq!(keys, [("7YH3QK", "Amina Benali"), ("P9XW2D", "Nadia Boukhris")]);
    let workshop = &s.sessions[1];
    assert_eq!((workshop.minutes(), workshop.language.as_str(), workshop.abstract_md.as_str()), (90, "en", ""));
    assert_eq!(workshop.persons[0].key, "7YH3QK", "the same speaker is found by code in both talks");
}

/// A frab-style day: no `date` on events (local start in the file's zone), no declared rooms,
/// a lunch copied into every room.
fn frab_json(lunch_rooms: &[&str], start: &str) -> String {
    let lunch = |room: &str| {
        format!(
            r#"{{"guid": "77777777-0000-4000-8000-000000000001", "start": "12:30", "duration": "01:00", "room": "{room}", "title": "Lunch", "type": "lunch", "persons": []}}"#
        )
    };
    let mut rooms = vec![format!(
        r#""Amphi": [{{"id": 1, "start": "{start}", "duration": "0:45", "room": "Amphi", "title": "Opening", "type": "Talk", "persons": [{{"id": 9, "public_name": "Ada"}}]}}, {}]"#,
        lunch("Amphi")
    )];
    rooms.extend(lunch_rooms.iter().map(|r| format!(r#""{r}": [{}]"#, lunch(r))));
    if !lunch_rooms.contains(&"Atelier") {
        rooms.push(r#""Atelier": []"#.into());
    }
    format!(
        r#"{{"schedule": {{"version": "1", "conference": {{"title": "T", "days": [{{"index": 1, "date": "2027-03-10", "rooms": {{{}}}}}]}}}}}}"#,
        rooms.join(", ")
    )
}

#[test]
fn local_start_times_use_the_zone_and_copies_in_every_room_span_all_rooms() {
    let s = parse(&frab_json(&["Atelier"], "09:15"), Paris).unwrap();
    assert_eq!(s.rooms.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(), ["Amphi", "Atelier"]);
    assert_eq!((s.sessions[0].start, s.sessions[0].minutes()), (utc(8, 15), 45));
    assert_eq!(s.sessions[0].persons[0].key, "9");
    let lunch = &s.sessions[1];
    assert_eq!((lunch.kind, lunch.room.as_deref(), lunch.start), (Kind::Lunch, None, utc(11, 30)));
    assert_eq!(s.sessions.len(), 2, "the copies are one item");
}

#[test]
fn names_the_first_problem_with_its_place() {
    let bad_time = frab_json(&["Atelier"], "25:00");
    assert_eq!(parse(&bad_time, Paris).unwrap_err().to_string(), "schedule.conference.days[0].rooms.Amphi[0]: start “25:00” is not a time");
    let bad_duration = PRETALX.replace("\"01:30\"", "\"an hour\"");
    assert_eq!(
        parse(&bad_duration, Paris).unwrap_err().to_string(),
        "schedule.conference.days[0].rooms.Atelier[0]: duration “an hour” is not a length (HH:MM)"
    );
    let unknown_room = PRETALX.replace("\"Atelier\": [", "\"Cave\": [");
    assert_eq!(
        parse(&unknown_room, Paris).unwrap_err().to_string(),
        "schedule.conference.days[0].rooms.Cave: room “Cave” is not listed in the conference's rooms"
    );
    let bad_date = PRETALX.replace(
        "2027-03-10T10:00:00+01:00\", \"start\": \"10:00\", \"duration\": \"00:40\"",
        "2027-03-10 10h\", \"start\": \"10:00\", \"duration\": \"00:40\"",
    );
    assert!(parse(&bad_date, Paris)
        .unwrap_err()
        .to_string()
        .starts_with("schedule.conference.days[0].rooms.Amphi[0]: date “2027-03-10 10h” is not a date and time"));
    let no_title = PRETALX.replace("\"title\": \"Runtime security with eBPF\",", "");
    assert_eq!(parse(&no_title, Paris).unwrap_err().to_string(), "schedule.conference.days[0].rooms.Atelier[0]: it has no title");
    let partly = frab_json(&["Atelier"], "09:00").replace("\"Atelier\": [{", "\"Cave\": [], \"Atelier\": [{");
    assert_eq!(
        parse(&partly, Paris).unwrap_err().to_string(),
        "schedule.conference.days[0].rooms.Amphi[1]: “Lunch” is in several rooms at once but not in all of them"
    );
    let alone = parse(&frab_json(&[], "09:00"), Paris).unwrap();
    assert_eq!(alone.sessions[1].room, None, "a lunch alone in the first room spans all rooms, as Estrade exports it");
    let talk = r#""Atelier": [{"id": 5, "start": "12:45", "duration": "0:30", "title": "Lunch talk", "persons": [{"name": "Bo"}]}]"#;
    let busy = parse(&frab_json(&[], "09:00").replace(r#""Atelier": []"#, talk), Paris).unwrap();
    assert_eq!(busy.sessions[1].room.as_deref(), Some("Amphi"), "…unless another room is busy meanwhile");
    let bad_zone = PRETALX.replace("Europe/Paris", "Lille/Nord");
    assert_eq!(parse(&bad_zone, Paris).unwrap_err().path, "schedule.conference.time_zone_name");
}

#[test]
fn malformed_or_foreign_files_are_refused_as_a_whole() {
    let broken = parse("{\"schedule\": {", Paris).unwrap_err();
    assert!(broken.path.is_empty() && broken.message.starts_with("this is not valid JSON"), "{broken}");
    assert_eq!(parse(" \n", Paris).unwrap_err().to_string(), "the file is empty: choose a schedule.json or schedule.xml");
    assert_eq!(parse("{\"talks\": []}", Paris).unwrap_err().to_string(), "“schedule” is missing");
    assert_eq!(parse("[]", Paris).unwrap_err().to_string(), "the file should be an object with “schedule”");
    let empty = r#"{"schedule": {"conference": {"days": []}}}"#;
    assert_eq!(parse(empty, Paris).unwrap_err().to_string(), "this schedule has no sessions to import");
    assert!(parse("<schedule><day date='2027-03-10'><room name='A'></day></schedule>", Paris)
        .unwrap_err()
        .message
        .starts_with("this is not valid XML"));
    assert_eq!(parse("<html/>", Paris).unwrap_err().to_string(), "the document's root is <html>, not <schedule>");
}

const XML: &str = r##"<?xml version="1.0" encoding="utf-8"?>
<schedule>
  <version>0.4</version>
  <conference>
    <acronym>cloudnord</acronym><title>Cloud Nord</title>
    <time_zone_name>Europe/Paris</time_zone_name>
    <track name="Security" color="#cf222e" slug="security"/>
  </conference>
  <day index="1" date="2027-03-10" start="2027-03-10T04:00:00+01:00" end="2027-03-11T03:59:00+01:00">
    <room name="Amphi" guid="a3f0d7ca-5c1f-5b0e-9a55-0e2b5d4b6e01">
      <event guid="c1d3e1c4-4a3b-5b5e-8f7a-1f2e3d4c5b6a" id="41" code="FQ8KMB">
        <room>Amphi</room><title>SBOM, VEX &amp; signatures &#8212; live</title><subtitle/>
        <type>Talk</type><date>2027-03-10T10:00:00+01:00</date><start>10:00</start><duration>00:40</duration>
        <abstract><![CDATA[Produire un *SBOM* <facile>.]]></abstract><track>Security</track><language>fr</language>
        <persons><person id="7" guid="0e1a2b3c-4d5e-5f60-8172-8394a5b6c7d8">Amina Benali</person></persons>
      </event>
    </room>
    <room name="Atelier">
      <event guid="e1d3e1c4-4a3b-5b5e-8f7a-1f2e3d4c5b6c" id="43">
        <room>Atelier</room><title>Coffee</title><type>break</type><start>10:45</start><duration>00:15</duration>
        <abstract/><track/><persons/>
      </event>
      <event guid="f1d3e1c4-4a3b-5b5e-8f7a-1f2e3d4c5b6d" id="44">
        <room>Atelier</room><title>Late</title><type>Talk</type><start>9h</start><duration>00:15</duration>
        <abstract/><track/><persons/>
      </event>
    </room>
  </day>
</schedule>"##;

#[test]
fn reads_a_frab_xml_export_and_names_problems_with_xpath() {
    let err = parse(XML, chrono_tz::UTC).unwrap_err();
    assert_eq!(err.to_string(), "schedule/day[1]/room[@name='Atelier']/event[2]: start “9h” is not a time");
    let s = parse(&XML.replace("<start>9h</start>", "<start>11:00</start>"), chrono_tz::UTC).unwrap();
    let talk = &s.sessions[0];
    assert_eq!(talk.title, "SBOM, VEX & signatures — live");
    assert_eq!((talk.start, talk.minutes(), talk.abstract_md.as_str()), (utc(9, 0), 40, "Produire un *SBOM* <facile>."));
    assert_eq!((talk.persons[0].key.as_str(), talk.persons[0].name.as_str()), ("0e1a2b3c-4d5e-5f60-8172-8394a5b6c7d8", "Amina Benali"));
    assert_eq!(s.tracks[0].colour, "#cf222e");
    let coffee = &s.sessions[1];
    assert_eq!(
        (coffee.kind, coffee.room.as_deref(), coffee.start, coffee.track.as_deref()),
        (Kind::Break, Some("Atelier"), utc(9, 45), None)
    );
    assert_eq!(s.sessions[2].kind, Kind::Plenary, "a session nobody speaks at cannot be a proposal");
}

#[test]
fn deep_nesting_is_refused_before_any_tree_is_built() {
    // 50,000 levels overflowed a worker's stack and aborted the server (the XML tree was built, then
    // dropped recursively): here, on a test thread's stack, it would abort the test binary.
    let n = 50_000;
    let deep = [
        format!("{}{}", "<a>".repeat(n), "</a>".repeat(n)),
        format!("<schedule>{}", "<day>".repeat(n)),
        format!("{}{}", "[".repeat(n), "]".repeat(n)),
        format!("{}1{}", r#"{"a":"#.repeat(n), "}".repeat(n)),
        format!(r#"{{"schedule": {{"conference": {{"days": {}"#, "[".repeat(40)),
    ];
    for text in deep {
        let err = parse(&text, Paris).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the file nests more than 32 levels deep; a schedule needs about ten, so this is not one",
            "{}",
            &text[..40]
        );
    }
    let at_limit = format!("<schedule>{}{}</schedule>", "<x>".repeat(limits::MAX_DEPTH - 1), "</x>".repeat(limits::MAX_DEPTH - 1));
    assert_eq!(parse(&at_limit, Paris).unwrap_err().to_string(), "this schedule has no sessions to import");
    let brackets = "[{\"[".repeat(500);
    let s = parse(&PRETALX.replace("SBOM, VEX et signatures", &brackets.replace('"', "\\\"")), Paris).unwrap();
    assert_eq!(s.sessions[0].title, brackets, "brackets inside strings are text, not nesting");
}

/// A frab JSON with one room listing `events`, with `rooms` declared and `tracks`.
fn crowded(events: Vec<serde_json::Value>, rooms: usize, tracks: usize) -> String {
    let rooms: Vec<_> = (0..rooms).map(|i| serde_json::json!({"name": format!("Room {i}")})).collect();
    let tracks: Vec<_> = (0..tracks).map(|i| serde_json::json!({"name": format!("Track {i}")})).collect();
    let day = serde_json::json!({"date": "2027-03-10", "rooms": {"Room 0": events}});
    serde_json::json!({"schedule": {"conference": {"rooms": rooms, "tracks": tracks, "days": [day]}}}).to_string()
}

fn session_with(n: usize, persons: std::ops::Range<usize>) -> serde_json::Value {
    let persons: Vec<_> = persons.map(|p| serde_json::json!({"id": p, "name": format!("P{p}")})).collect();
    serde_json::json!({"id": n, "start": "10:00", "duration": "00:30", "title": format!("T{n}"), "persons": persons})
}

#[test]
fn files_too_large_or_too_crowded_are_refused_with_the_limit() {
    let err = |text: String| parse(&text, Paris).unwrap_err().to_string();
    let big = format!("{PRETALX}{}", " ".repeat(limits::MAX_FILE_BYTES + 1024 * 1024));
    assert_eq!(err(big), "the file is 11.0 MB; an import reads files up to 10.0 MB");
    let one = || vec![session_with(0, 0..1)];
    assert!(parse(&crowded(one(), limits::MAX_ROOMS, limits::MAX_TRACKS), Paris).is_ok(), "at the limits");
    assert_eq!(err(crowded(one(), 201, 1)), "the file has 201 rooms; an import takes at most 200");
    assert_eq!(err(crowded(one(), 1, 201)), "the file has 201 tracks; an import takes at most 200");
    let sessions = (0..=limits::MAX_SESSIONS).map(|n| session_with(n, 0..1)).collect();
    assert_eq!(err(crowded(sessions, 1, 0)), "the file has 5001 sessions; an import takes at most 5000");
    assert_eq!(
        err(crowded(vec![session_with(0, 0..51)], 1, 0)),
        "schedule.conference.days[0].rooms.Room 0[0]: 51 people speak in this session; an import takes at most 50"
    );
    let people = (0..101).map(|n| session_with(n, n * 50..n * 50 + 50)).collect();
    assert_eq!(err(crowded(people, 1, 0)), "the file has 5050 people; an import takes at most 5000");
    let tracked = (0..=limits::MAX_TRACKS)
        .map(|n| serde_json::json!({"id": n, "start": "10:00", "duration": "00:30", "title": "T", "track": format!("t{n}")}))
        .collect();
    assert_eq!(err(crowded(tracked, 1, 0)), "the file has 201 tracks; an import takes at most 200");
}
