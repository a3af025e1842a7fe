//! The agenda page (day tabs, filters, list on phones and rooms × time grid on wide screens) and
//! "My agenda". Filters live in the URL: plain links and a GET form, which `/agenda.js` submits as
//! soon as a select changes. These pages are rendered on the server only (no wasm, see `crate::shell`).
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::api::load_starred;
use super::favourites::{AccountStarsData, Star, StarTexts};
use crate::plumbing::param;
use crate::tr;
use crate::ui::{outcome, PageTitle};
use domain::agenda::{AgendaView, Filter, Group, Row};
use domain::timetable::Kind;

fn filter_from_query() -> Memo<Filter> {
    let q = use_query_map();
    Memo::new(move |_| {
        let q = q.read();
        let get = |k: &str| q.get(k).unwrap_or_default();
        Filter {
            day: get("day"),
            track: get("track"),
            format: get("format"),
            level: get("level"),
            language: get("language"),
            room: get("room"),
            q: get("q"),
        }
    })
}

/// Links shared by the agenda's pages.
#[component]
pub fn AgendaLinks(slug: String, updated: String) -> impl IntoView {
    view! {
        <p class="meta agenda-links">
            {format!("{} {updated}", tr!(agenda.updated))}" · "
            <a href=format!("/events/{slug}/changes")>{tr!(agenda.what_changed)}</a>" · "
            <a href=format!("/events/{slug}/now")>{tr!(agenda.now_and_next)}</a>" · "
            <a href=format!("/events/{slug}/my") data-my="">{tr!(agenda.my_agenda)}</a>" · "
            <a href=format!("/{slug}/schedule.ics")>{tr!(agenda.whole_calendar)}</a>
        </p>
    }
}

#[component]
pub fn AgendaPage() -> impl IntoView {
    let slug = param("slug")();
    let filter = filter_from_query().get_untracked();
    let for_page = slug;
    view! {
        <StarTexts/>
        <Suspense fallback=|| view! { <p>{tr!(agenda.loading)}</p> }>
            {Suspend::new(async move {
                match super::rendered::agenda(&for_page, filter, |v| view! { <AgendaBody v/> }.into_any()).await {
                    Ok(page) => view! {
                        <PageTitle text=page.title/>
                        <div class="agenda-page" inner_html=page.body_html.html()></div>
                    }.into_any(),
                    Err(crate::error::AppError::NotFound) => {
                        crate::ui::outcome::answer_status(&crate::error::AppError::NotFound);
                        view! { <p class="notice">{tr!(agenda.not_published)}</p> }.into_any()
                    }
                    Err(e) => outcome::<()>(Err(e), "", |_| ().into_any()),
                }
            })}
        </Suspense>
    }
}

/// The agenda's programme part, below the page's title (see `rendered`).
#[component]
pub fn AgendaBody(v: AgendaView) -> impl IntoView {
    let slug = v.slug.clone();
    let style = format!("--rooms:{};--rows:{}", v.rooms.len().max(1), v.grid_height.max(1));
    let rooms = v.rooms.clone();
    view! {
        <h1>{v.name.clone()}" — "{tr!(agenda.agenda)}</h1>
        <AgendaLinks slug=slug.clone() updated=v.updated.clone()/>
        <DayTabs v=v.clone()/>
        <Filters v=v.clone()/>
        <p class="meta" role="status">{tr!(agenda.shown_of_total, shown = v.shown, total = v.total).to_string()}</p>
        {v.groups.is_empty().then(|| view! { <p class="empty">{tr!(agenda.nothing_matches)}</p> })}
        <div class="agenda" style=style>
            <div class="agenda-rooms" aria-hidden="true">
                {rooms.into_iter().enumerate().map(|(i, r)| view! { <span style=format!("grid-column:{}", i + 2)>{r}</span> }).collect_view()}
            </div>
            <ol class="agenda-slots">
                {v.groups.into_iter().map(|g| view! { <Slot g slug=slug.clone()/> }).collect_view()}
            </ol>
        </div>
    }
}

#[component]
fn DayTabs(v: AgendaView) -> impl IntoView {
    view! {
        <nav aria-label=tr!(agenda.days) class="day-tabs">
            <ul>
                {v.days.iter().map(|d| {
                    let current = (d.date == v.day).then_some("page");
                    view! { <li><a href=format!("?{}", v.filter.query_for_day(&d.date)) aria-current=current>{d.label.clone()}</a></li> }
                }).collect_view()}
            </ul>
        </nav>
    }
}

/// One filter: a select of the GET form (the page script submits it on change).
#[component]
fn FilterSelect(name: &'static str, label: &'static str, value: String, options: Vec<(String, String)>) -> impl IntoView {
    let id = format!("filter-{name}");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id name=name>
                <option value="" selected=value.is_empty()>{tr!(agenda.all)}</option>
                {options.into_iter().map(|(v, l)| {
                    let selected = v == value;
                    view! { <option value=v selected=selected>{l}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

#[component]
fn Filters(v: AgendaView) -> impl IntoView {
    let f = v.filter.clone();
    let narrowed = f.narrows();
    let c = v.choices.clone();
    let same = |list: Vec<String>| list.into_iter().map(|x| (x.clone(), x)).collect::<Vec<_>>();
    view! {
        <details class="filters-box" open=narrowed>
        <summary>{tr!(agenda.filters)}</summary>
        <form method="get" action="" class="filters" aria-label=tr!(agenda.filters)>
            <input type="hidden" name="day" value=v.day.clone()/>
            <FilterSelect name="track" label=tr!(agenda.track) value=f.track.clone() options=same(c.tracks)/>
            <FilterSelect name="format" label=tr!(agenda.format) value=f.format.clone() options=same(c.formats)/>
            <FilterSelect name="level" label=tr!(agenda.level) value=f.level.clone() options=c.levels/>
            <FilterSelect name="language" label=tr!(agenda.language) value=f.language.clone() options=c.languages/>
            <FilterSelect name="room" label=tr!(agenda.room) value=f.room.clone() options=same(c.rooms)/>
            <div class="field search">
                <label for="filter-q">{tr!(agenda.search)}</label>
                <input id="filter-q" type="search" name="q" value=f.q.clone()/>
            </div>
            <div class="filter-actions">
                <button type="submit" class="button">{tr!(agenda.apply)}</button>
                {narrowed.then(|| view! { <a href=format!("?day={}", v.day)>{tr!(agenda.clear)}</a> })}
            </div>
        </form>
        </details>
    }
}

#[component]
fn Slot(g: Group, slug: String) -> impl IntoView {
    view! {
        <li class="slot">
            <h2 class="slot-time" style=format!("--row:{}", g.grid_row + 1)>{g.start_local.clone()}</h2>
            <ul class="slot-items">
                {g.rows.into_iter().map(|r| view! { <SessionBox r slug=slug.clone()/> }).collect_view()}
            </ul>
        </li>
    }
}

#[component]
fn SessionBox(r: Row, slug: String) -> impl IntoView {
    let place = format!(
        "--row:{};--row-span:{};--col:{};--col-span:{};--track:{}",
        r.grid_row + 1,
        r.grid_rows,
        r.grid_col + 1,
        r.grid_cols,
        if r.track_colour.is_empty() { "var(--border)" } else { &r.track_colour }
    );
    let is_talk = r.kind == Kind::Talk;
    let title = match &r.code {
        Some(code) => view! { <a href=format!("/events/{slug}/talk/{code}")>{r.title.clone()}</a> }.into_any(),
        None => view! { <span>{r.title.clone()}</span> }.into_any(),
    };
    let speakers = r.speakers.iter().map(|p| p.name.clone()).collect::<Vec<_>>().join(", ");
    view! {
        <li class="session" class:break=matches!(r.kind, Kind::Break | Kind::Lunch | Kind::Village)
            class:plenary=matches!(r.kind, Kind::Plenary | Kind::Welcome | Kind::Closing) style=place>
            <p class="session-when">{format!("{}–{}", r.start_local, r.end_local)}<span class="session-room">{format!(" · {}", r.room)}</span></p>
            <h3 class="session-title">{title}</h3>
            {(!speakers.is_empty()).then(|| view! { <p class="session-speakers">{speakers}</p> })}
            {is_talk.then(|| view! {
                <p class="badges">
                    {(!r.track.is_empty()).then(|| view! { <span class="badge track">{r.track.clone()}</span> })}
                    {(!r.format.is_empty()).then(|| view! { <span class="badge">{r.format.clone()}</span> })}
                    {(!r.language.is_empty()).then(|| view! { <span class="badge lang">{r.language.clone()}</span> })}
                    {(!r.level.is_empty()).then(|| view! { <span class="badge">{r.level.clone()}</span> })}
                    {r.partner.then(|| view! { <span class="badge partner">{tr!(agenda.partner_talk)}</span> })}
                </p>
            })}
            {r.code.clone().map(|code| view! { <Star code title=r.title.clone()/> })}
        </li>
    }
}

/// The visitor's starred talks, with overlaps and a calendar feed. The browser's list comes in
/// `?talks=` (the page script adds it); a signed-in visitor's account list is added on the server.
#[component]
pub fn MyAgendaPage() -> impl IntoView {
    let slug = param("slug");
    let query = use_query_map();
    let talks = move || query.read().get("talks").unwrap_or_default();
    let data = Resource::new(move || (slug(), talks()), |(s, codes)| load_starred(s, codes));
    view! {
        <PageTitle text=tr!(agenda.my_agenda)/>
        <AccountStarsData slug=slug()/>
        <h1>{tr!(agenda.my_agenda)}</h1>
        <p class="meta"><a href=move || format!("/events/{}/agenda", slug())>{tr!(agenda.agenda)}</a></p>
        <noscript><p class="notice">{tr!(agenda.my_needs_js)}</p></noscript>
        <Transition fallback=|| ()>
            {move || data.get().map(|r| outcome(r, "", |v| if v.talks.is_empty() {
                view! { <p class="empty" data-my-page="">{tr!(agenda.my_empty)}</p> }.into_any()
            } else {
                view! {
                    {v.overlaps.into_iter().map(|(a, b)| view! {
                        <p class="notice notice-warn" role="alert">{tr!(agenda.overlap_pair, a = &a, b = &b).to_string()}</p>
                    }).collect_view()}
                    <ul class="talk-lines" data-my-page="">
                        {v.talks.into_iter().map(|t| {
                            let code = t.code.clone().unwrap_or_default();
                            view! {
                                <li>
                                    <p class="session-when">{t.when.clone()}" · "{t.room.clone()}</p>
                                    <h2 class="session-title"><a href=format!("/events/{}/talk/{code}", slug())>{t.title.clone()}</a></h2>
                                    <p class="session-speakers">{t.speakers.clone()}</p>
                                    <Star code title=t.title.clone()/>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <p><a class="button" href=v.ics>{tr!(agenda.add_to_calendar)}</a></p>
                }.into_any()
            }))}
        </Transition>
    }
}
