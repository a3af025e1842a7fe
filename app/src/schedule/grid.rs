//! The builder's board: the unscheduled talks and the rooms × time grid of one day. Items move by
//! pointer (mouse, pen or finger): the rules run in the browser while hovering, and the server
//! checks again on drop. The "Place…" link on every item is the keyboard path.
use leptos::ev;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys;

use super::api::{PlaceItem, UnplaceItem};
use super::{BuilderDay, BuilderItem, BuilderView};
use crate::plumbing::urls;
use crate::tr;
use domain::schedule::{check, Context, DayHours, Placement, Verdict, GRID_MINUTES};

/// How far (px) the pointer must travel before a press becomes a drag (so clicks stay clicks).
const DRAG_THRESHOLD: f64 = 5.0;

/// Where the pointer is over the grid: a room (None: the item spans all rooms) and a 5-minute row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Spot {
    room: Option<i32>,
    row: usize,
}

/// What the last drop did, shown beside it (so an organiser working on the afternoon reads it
/// where they dropped, not above the grid). Lives with the page: the board is drawn again after
/// every move.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DropNote {
    pub date: String,
    pub room: Option<i32>,
    pub row: usize,
    pub text: String,
    pub refused: bool,
}

/// The drag in progress, shared by the panel and the grid.
#[derive(Clone, Copy)]
struct Drag {
    pressed: RwSignal<Option<(i32, f64, f64)>>,
    item: RwSignal<Option<i32>>,
    over: RwSignal<Option<Spot>>,
}

impl Drag {
    fn new() -> Self {
        let d = Drag { pressed: RwSignal::new(None), item: RwSignal::new(None), over: RwSignal::new(None) };
        let moved = window_event_listener(ev::pointermove, move |e| {
            if let (Some((id, x, y)), None) = (d.pressed.get_untracked(), d.item.get_untracked()) {
                if (f64::from(e.client_x()) - x).hypot(f64::from(e.client_y()) - y) > DRAG_THRESHOLD {
                    d.item.set(Some(id));
                }
            }
        });
        // Runs after a cell's or the panel's own pointerup, which read the drag first.
        let released = window_event_listener(ev::pointerup, move |_| d.clear());
        on_cleanup(move || {
            moved.remove();
            released.remove();
        });
        d
    }

    fn clear(&self) {
        self.pressed.set(None);
        self.item.set(None);
        self.over.set(None);
    }

    /// The handler starting a drag on an item card (links inside the card keep their click).
    fn start(self, id: i32) -> impl Fn(ev::PointerEvent) + Copy {
        move |e: ev::PointerEvent| {
            let target = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            if e.button() != 0 || target.as_ref().is_some_and(|t| t.closest("a, button").ok().flatten().is_some()) {
                return;
            }
            e.prevent_default();
            // A finger would otherwise keep sending its events to the card it pressed.
            if let Some(t) = target {
                let _ = t.release_pointer_capture(e.pointer_id());
            }
            self.pressed.set(Some((id, f64::from(e.client_x()), f64::from(e.client_y()))));
        }
    }
}

/// The candidate placement and the rules' verdict for the item being dragged over `spot`.
fn preview(v: &BuilderView, d: &BuilderDay, id: i32, spot: Spot) -> Option<(Placement, Verdict)> {
    let item = v.item(id)?;
    let spans_all = item.placed.as_ref().is_some_and(|p| p.room.is_none());
    let room = if spans_all { None } else { spot.room };
    let candidate = item.placement_at(room, d.instant_of(spot.row), &v.rooms);
    let others = v.others(id);
    let ctx = Context {
        others: &others,
        day: DayHours { start: d.start, end: d.end },
        rooms: &v.rooms,
        unavailable: &v.unavailable,
        expected: None,
    };
    let verdict = check(&candidate, &ctx);
    Some((candidate, verdict))
}

fn describe(v: &BuilderView, d: &BuilderDay, p: &Placement, verdict: &Verdict) -> String {
    let time = d.row_of(p.start).and_then(|r| d.rows.get(r)).cloned().unwrap_or_default();
    let room = if p.rooms.len() > 1 { tr!(schedule.grid.all_rooms).to_string() } else { v.room_name(p.rooms.first().copied()) };
    let problems: Vec<String> = verdict
        .hard
        .iter()
        .map(|h| h.problem())
        .chain(verdict.warnings.iter().map(|w| w.problem()))
        .map(|p| crate::lang::problems::here(&p))
        .collect();
    let outcome = if problems.is_empty() { tr!(schedule.grid.fits).to_string() } else { problems.join(" ") };
    if verdict.allowed() {
        tr!(schedule.grid.drop_at, time = time, room = room, outcome = outcome).to_string()
    } else {
        tr!(schedule.grid.cannot_drop_at, time = time, room = room, outcome = outcome).to_string()
    }
}

fn place_link(slug: &str, item: &BuilderItem, day: &str) -> String {
    format!("{}?day={day}", urls::admin_schedule_place(slug, item.id))
}

fn grid_area(row: usize, span: usize, column: Option<usize>, rooms: usize) -> String {
    let column = match column {
        Some(c) => format!("{}", c + 2),
        None => format!("2 / span {rooms}"),
    };
    format!("grid-row:{} / span {};grid-column:{column}", row + 2, span.max(1))
}

#[component]
pub fn Board(
    view: BuilderView,
    day: BuilderDay,
    slug: String,
    place: ServerAction<PlaceItem>,
    unplace: ServerAction<UnplaceItem>,
) -> impl IntoView {
    let drag = Drag::new();
    let note = expect_context::<RwSignal<Option<DropNote>>>();
    let v = StoredValue::new(view);
    let d = StoredValue::new(day);
    let slug = StoredValue::new(slug);
    let hovering = Memo::new(move |_| {
        let (id, spot) = (drag.item.get()?, drag.over.get()?);
        v.with_value(|v| d.with_value(|d| preview(v, d, id, spot)))
    });
    let drop_on = move |spot: Spot| {
        let Some(id) = drag.item.get_untracked() else { return };
        let Some((candidate, verdict)) = v.with_value(|v| d.with_value(|d| preview(v, d, id, spot))) else { return };
        let date = d.with_value(|d| d.date.clone());
        let at = |text: String, refused: bool| DropNote { date: date.clone(), room: spot.room, row: spot.row, text, refused };
        if !verdict.allowed() {
            note.set(Some(at(v.with_value(|v| d.with_value(|d| describe(v, d, &candidate, &verdict))), true)));
            return;
        }
        note.set(Some(at(tr!(schedule.grid.placing).to_string(), false)));
        let (version, minutes) = v.with_value(|v| v.item(id).map(|i| (i.version, i.minutes)).unwrap_or_default());
        let room = if candidate.rooms.len() == 1 { candidate.rooms[0].to_string() } else { "all".into() };
        let start = d.with_value(|d| d.rows.get(spot.row).cloned().unwrap_or_default());
        place.dispatch(PlaceItem {
            slug: slug.get_value(),
            item: id.to_string(),
            version: version.to_string(),
            at: super::Where { day: date.clone(), room, start, minutes: minutes.to_string() },
            stay: Some("1".into()),
        });
    };
    let drop_on_panel = move |_| {
        let Some(id) = drag.item.get_untracked() else { return };
        let placed = v.with_value(|v| v.item(id).filter(|i| i.placed.is_some()).map(|i| i.version));
        if let Some(version) = placed {
            let date = d.with_value(|d| d.date.clone());
            note.set(None);
            unplace.dispatch(UnplaceItem {
                slug: slug.get_value(),
                item: id.to_string(),
                version: version.to_string(),
                day: date,
                stay: Some("1".into()),
            });
        }
    };
    let status = move || hovering.get().map(|(p, verdict)| v.with_value(|v| d.with_value(|d| describe(v, d, &p, &verdict))));
    view! {
        <div class="sched-board">
            <UnscheduledPanel v d slug drag on_drop=drop_on_panel/>
            <div class="sched-main">
                <p class="sched-status" role="status" aria-live="polite" data-testid="drag-status">{status}</p>
                <Grid v d slug drag hovering note on_drop=drop_on/>
            </div>
        </div>
    }
}

#[component]
fn UnscheduledPanel(
    v: StoredValue<BuilderView>,
    d: StoredValue<BuilderDay>,
    slug: StoredValue<String>,
    drag: Drag,
    on_drop: impl Fn(ev::PointerEvent) + 'static,
) -> impl IntoView {
    let query = leptos_router::hooks::use_query_map();
    let chosen = move |key: &str| query.read().get(key).and_then(|s| s.parse::<i32>().ok());
    let date = d.with_value(|d| d.date.clone());
    let (formats, tracks) = v.with_value(|v| (v.formats.clone(), v.tracks.clone()));
    let cards = move || {
        let (format, track) = (chosen("format"), chosen("track"));
        let waiting: Vec<BuilderItem> = v.with_value(|v| {
            v.items
                .iter()
                .filter(|i| i.placed.is_none())
                .filter(|i| format.is_none() || i.format_id == format)
                .filter(|i| track.is_none() || i.track_id == track)
                .cloned()
                .collect()
        });
        if waiting.is_empty() {
            return view! { <p class="empty">{tr!(schedule.grid.nothing_left)}</p> }.into_any();
        }
        let date = d.with_value(|d| d.date.clone());
        view! {
            <ul class="sched-waiting">
                {waiting.into_iter().map(|i| {
                    let link = place_link(&slug.get_value(), &i, &date);
                    view! {
                        <li class="sched-card" data-item=i.id on:pointerdown=drag.start(i.id)
                            class:lifted=move || drag.item.get() == Some(i.id)>
                            <strong>{i.title.clone()}</strong>
                            <span class="meta">{tr!(schedule.grid.length, format = &i.format, minutes = i.minutes).to_string()}</span>
                            <span class="meta">{i.speaker_names.join(", ")}</span>
                            <a href=link class="place-link">{tr!(schedule.grid.place)}<span class="visually-hidden">{format!(" “{}”", i.title)}</span></a>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <aside class="sched-panel" aria-labelledby="unscheduled-heading" on:pointerup=on_drop
            class:drop-target=move || drag.item.get().is_some()>
            <h2 id="unscheduled-heading">{tr!(schedule.grid.unscheduled)}</h2>
            <form method="get" class="sched-filters">
                <input type="hidden" name="day" value=date/>
                <label for="filter-format">{tr!(schedule.grid.format)}</label>
                <select id="filter-format" name="format">
                    <option value="">{tr!(schedule.grid.all_formats)}</option>
                    {formats.into_iter().map(|(id, name)| view! { <option value=id.to_string() selected=move || chosen("format") == Some(id)>{name}</option> }).collect_view()}
                </select>
                <label for="filter-track">{tr!(schedule.grid.track)}</label>
                <select id="filter-track" name="track">
                    <option value="">{tr!(schedule.grid.all_tracks)}</option>
                    {tracks.into_iter().map(|(id, name)| view! { <option value=id.to_string() selected=move || chosen("track") == Some(id)>{name}</option> }).collect_view()}
                </select>
                <button type="submit" class="button">{tr!(schedule.grid.filter)}</button>
            </form>
            {cards}
            <p class="hint">{tr!(schedule.grid.drag_hint)}</p>
        </aside>
    }
}

#[component]
fn Grid(
    v: StoredValue<BuilderView>,
    d: StoredValue<BuilderDay>,
    slug: StoredValue<String>,
    drag: Drag,
    hovering: Memo<Option<(Placement, Verdict)>>,
    note: RwSignal<Option<DropNote>>,
    on_drop: impl Fn(Spot) + Copy + 'static,
) -> impl IntoView {
    let rooms = v.with_value(|v| v.rooms.clone());
    let room_count = rooms.len();
    let (rows, label) = d.with_value(|d| (d.rows.clone(), d.label.clone()));
    let style = format!("--rooms:{room_count};--rows:{}", rows.len());
    let rooms = StoredValue::new(rooms);
    let column_of = move |room: Option<i32>| room.and_then(|r| rooms.with_value(|rooms| rooms.iter().position(|x| x.id == r)));
    let heads = v.with_value(|v| v.rooms.clone()).into_iter().enumerate().map(|(j, r)| {
        let seats = r.capacity.map(|c| tr!(schedule.grid.seats, count = c as i32).to_string()).unwrap_or_default();
        view! { <div class="sched-head" style=format!("grid-row:1;grid-column:{}", j + 2)><strong>{r.name}</strong><span class="meta">{seats}</span></div> }
    }).collect_view();
    let times = rows
        .iter()
        .enumerate()
        .filter(|(_, t)| t.ends_with(":00") || t.ends_with(":30"))
        .map(|(i, t)| {
            view! { <div class="sched-time" style=format!("grid-row:{} / span 6;grid-column:1", i + 2)>{t.clone()}</div> }
        })
        .collect_view();
    let room_ids: Vec<i32> = v.with_value(|v| v.rooms.iter().map(|r| r.id).collect());
    let cells = rows.iter().enumerate().flat_map(|(i, t)| {
        let hour = t.ends_with(":00");
        room_ids.iter().enumerate().map(move |(j, room)| {
            let spot = Spot { room: Some(*room), row: i };
            view! {
                <div class="sched-cell" class:hour=hour data-room=*room data-time=t.clone()
                    style=format!("grid-row:{};grid-column:{}", i + 2, j + 2)
                    on:pointermove=move |_| if drag.item.get_untracked().is_some() && drag.over.get_untracked() != Some(spot) { drag.over.set(Some(spot)) }
                    on:pointerup=move |_| on_drop(spot)></div>
            }
        }).collect::<Vec<_>>()
    }).collect_view();
    let preview = move || {
        let (p, verdict) = hovering.get()?;
        let row = d.with_value(|d| d.row_of(p.start))?;
        let span = ((p.end - p.start).num_minutes() / GRID_MINUTES) as usize;
        let column = if p.rooms.len() > 1 { None } else { column_of(p.rooms.first().copied()) };
        let class = if !verdict.allowed() {
            "bad"
        } else if verdict.warnings.is_empty() {
            "ok"
        } else {
            "warn"
        };
        Some(view! { <div class=format!("sched-preview {class}") style=grid_area(row, span, column, room_count) aria-hidden="true"></div> })
    };
    let date = d.with_value(|d| d.date.clone());
    let today = date.clone();
    let note_here = move || {
        let n = note.get().filter(|n| n.date == today)?;
        let class = if n.refused { "sched-note refused" } else { "sched-note" };
        Some(view! { <p class=class role="status" style=grid_area(n.row, 1, column_of(n.room), room_count)>{n.text}</p> })
    };
    let placed: Vec<BuilderItem> =
        v.with_value(|v| v.items.iter().filter(|i| i.placed.as_ref().is_some_and(|p| p.date == date)).cloned().collect());
    let warned: Vec<i32> = v.with_value(|v| v.warnings.iter().map(|w| w.item).collect());
    let items = placed
        .into_iter()
        .filter_map(|i| {
            let p = i.placed.clone()?;
            let row = d.with_value(|d| d.row_of(p.start))?;
            let span = ((p.end - p.start).num_minutes() / GRID_MINUTES) as usize;
            let area = grid_area(row, span, column_of(p.room), room_count);
            let link = place_link(&slug.get_value(), &i, &date);
            let id = i.id;
            Some(view! {
                <article class=format!("sched-item kind-{}", i.kind.key()) class:warned=warned.contains(&id) style=area data-item=id
                    on:pointerdown=drag.start(id) class:lifted=move || drag.item.get() == Some(id)>
                    <p class="time">{format!("{}–{}", p.starts, p.ends)}</p>
                    <h3>{i.title.clone()}</h3>
                    <p class="meta">{i.speaker_names.join(", ")}</p>
                    <a href=link class="place-link">{tr!(schedule.grid.place)}<span class="visually-hidden">{format!(" “{}”", i.title)}</span></a>
                </article>
            })
        })
        .collect_view();
    view! {
        <div class="sched-scroll">
            <div class="sched-grid" class:dragging=move || drag.item.get().is_some() style=style aria-label=tr!(schedule.grid.schedule_of, day = label).to_string()>
                <div class="sched-corner" style="grid-row:1;grid-column:1"></div>
                {heads}
                {times}
                {cells}
                {items}
                {preview}
                {note_here}
            </div>
        </div>
    }
}
