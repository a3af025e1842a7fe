//! Organisers' view of audience interest: stars per talk of the published agenda beside the seats
//! of its room. Only stars kept in accounts are counted; a browser's own list stays private.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::plumbing::{param, urls};
use crate::tr;
use crate::ui::{outcome, PageTitle};
use domain::interest::InterestRow;

#[cfg(feature = "ssr")]
use crate::auth::guard::event_access;
#[cfg(feature = "ssr")]
use domain::roles::ORGANISERS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterestView {
    pub slug: String,
    pub event_name: String,
    /// Accounts that starred at least one talk.
    pub stargazers: u64,
    pub rows: Vec<InterestRow>,
}

/// Organisers of the event only; a 409 until a schedule is published.
#[server(endpoint = "agenda/interest")]
pub async fn load_interest(slug: String) -> Result<InterestView, AppError> {
    let state = crate::state::app_state();
    let e = event_access(&state.db, &slug, ORGANISERS).await?.event;
    let p = crate::published::latest_programme(&state.db, &state.programmes, &e).await.map_err(|err| match err {
        AppError::NotFound => AppError::Conflict(tr!(schedule.interest.nothing_published).into()),
        other => other,
    })?;
    let counts = crate::agenda::favourites_store::counts(&state.db, &e).await?;
    let stargazers = crate::agenda::favourites_store::stargazers(&state.db, &e).await?;
    Ok(InterestView { slug: e.slug, event_name: e.name, stargazers, rows: domain::interest::interest(&p, &counts) })
}

#[component]
pub fn InterestPage() -> impl IntoView {
    let slug = param("slug");
    let data = Resource::new(move || slug(), load_interest);
    view! {
        <Transition fallback=|| view! { <p>{tr!(schedule.loading)}</p> }>
            {move || data.get().map(|r| outcome(r, &urls::admin_schedule_interest(slug()), |v| view! {
                <PageTitle text=tr!(schedule.interest.title, event = &v.event_name).to_string()/>
                <p class="meta"><a href=urls::admin_schedule(&v.slug)>{tr!(schedule.back_to_builder)}</a></p>
                <h1>{tr!(schedule.interest.heading)}</h1>
                <p>{tr!(schedule.interest.stargazers, count = v.stargazers as i32).to_string()}</p>
                <div class="org-table-wrap">
                    <table class="table interest">
                        <caption class="visually-hidden">{tr!(schedule.interest.caption)}</caption>
                        <thead><tr>
                            <th scope="col">{tr!(schedule.interest.talk)}</th>
                            <th scope="col">{tr!(schedule.interest.when)}</th>
                            <th scope="col">{tr!(schedule.interest.room)}</th>
                            <th scope="col" class="num">{tr!(schedule.interest.seats)}</th>
                            <th scope="col" class="num">{tr!(schedule.interest.stars)}</th>
                        </tr></thead>
                        <tbody>
                            {v.rows.into_iter().map(|r| view! {
                                <tr class:crowded=r.crowded>
                                    <th scope="row"><a href=format!("/events/{}/talk/{}", v.slug, r.code) rel="external">{r.title}</a></th>
                                    <td>{r.when}</td>
                                    <td>{r.room}</td>
                                    <td class="num">{r.seats.map(|n| n.to_string()).unwrap_or_else(|| "?".into())}</td>
                                    <td class="num">{r.stars}{r.crowded.then(|| view! { <span class="badge warn">{tr!(schedule.interest.more_than_seats)}</span> })}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()))}
        </Transition>
    }
}
