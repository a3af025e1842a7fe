//! The village as attendees read it on a phone (`/events/:slug/village`, `/events/:slug/village/:code`):
//! the map, the list of partners (the same in words), a search that works without JavaScript, and
//! a partner's page with "Share my contact with this partner". Served without the app's wasm.
use leptos::prelude::*;

use super::map_svg::FloorMap;
use super::views::{VillageCard, VillagePartnerView, VillageView};
use super::village_api::{load_village, load_village_partner, ShareContact};
use crate::plumbing::{param, urls};
use crate::tr;
use crate::ui::{outcome, query_flag, query_value, Form, Notice, PageTitle};

#[component]
pub fn VillagePage() -> impl IntoView {
    let slug = param("slug");
    let q = query_value("q");
    let data = Resource::new(move || (slug(), q.get().unwrap_or_default()), |(s, q)| load_village(s, q));
    view! {
        <Suspense fallback=|| view! { <p>{tr!(partners.loading)}</p> }>
            {move || data.get().map(|r| outcome(r, &urls::village(slug()), |v| view! { <Village v/> }.into_any()))}
        </Suspense>
    }
}

#[component]
fn Village(v: VillageView) -> impl IntoView {
    let slug = v.event.slug.clone();
    let count = v.partners.len() as i32;
    view! {
        <PageTitle text=tr!(partners.village.title, name = &v.event.name).to_string()/>
        <p class="meta"><a href=format!("/events/{slug}")>{v.event.name.clone()}</a></p>
        <h1>{tr!(partners.village.heading)}</h1>
        <p class="lead">{tr!(partners.village.intro)}</p>
        <form method="get" action=urls::village(&slug) class="village-search" role="search">
            <label for="f-q">{tr!(partners.village.search)}</label>
            <input type="search" id="f-q" name="q" value=v.query.clone() maxlength="80"/>
            <button type="submit" class="button">{tr!(partners.village.search_button)}</button>
        </form>
        {(!v.query.is_empty()).then(|| view! {
            <p class="status-line" role="status">
                {tr!(partners.village.found, count = count).to_string()}" "
                <a href=urls::village(&slug)>{tr!(partners.village.clear)}</a>
            </p>
        })}
        <div class="village">
            <FloorMap map=v.map.clone() slug=slug.clone() label=tr!(partners.village.map_label).to_string()/>
            <ul class="village-list">
                {v.partners.into_iter().map(|c| view! { <Card c slug=slug.clone()/> }).collect_view()}
            </ul>
        </div>
        {(count == 0 && v.query.is_empty()).then(|| view! { <p>{tr!(partners.village.empty)}</p> })}
    }
}

#[component]
fn Card(c: VillageCard, slug: String) -> impl IntoView {
    view! {
        <li class="village-card" class:community=c.community>
            {c.logo_src.clone().map(|src| view! { <img class="logo" src=src alt="" width="64" height="64"/> })}
            <div>
                <h2><a href=urls::village_partner(&slug, &c.code)>{c.name.clone()}</a></h2>
                <p class="meta">
                    {c.tier.clone()}
                    {c.booth.clone().map(|b| view! { " · "{tr!(partners.village.booth, number = &b).to_string()} })}
                </p>
                {(!c.summary.is_empty()).then(|| view! { <p>{c.summary.clone()}</p> })}
            </div>
        </li>
    }
}

#[component]
pub fn VillagePartnerPage() -> impl IntoView {
    let slug = param("slug");
    let code = param("code");
    let data = Resource::new(move || (slug(), code()), |(s, c)| load_village_partner(s, c));
    view! {
        <Suspense fallback=|| view! { <p>{tr!(partners.loading)}</p> }>
            {move || data.get().map(|r| outcome(r, &urls::village_partner(slug(), code()), |v| view! { <PartnerPage v/> }.into_any()))}
        </Suspense>
    }
}

#[component]
fn PartnerPage(v: VillagePartnerView) -> impl IntoView {
    let slug = v.event.slug.clone();
    let here = urls::village_partner(&slug, &v.card.code);
    let (shared, withdrawn) = (query_flag("shared"), query_flag("withdrawn"));
    view! {
        <PageTitle text=tr!(partners.partner_page.title, partner = &v.card.name, name = &v.event.name).to_string()/>
        <p class="meta"><a href=urls::village(&slug)>{tr!(partners.partner_page.back)}</a></p>
        <header class="partner-head">
            {v.card.logo_src.clone().map(|src| view! { <img class="logo" src=src alt="" width="96" height="96"/> })}
            <div>
                <h1>{v.card.name.clone()}</h1>
                <p class="meta">
                    {v.card.tier.clone()}
                    {v.card.booth.clone().map(|b| view! { " · "<strong>{tr!(partners.village.booth, number = &b).to_string()}</strong> })}
                </p>
            </div>
        </header>
        <div class="prose" inner_html=v.description_html.html()></div>
        {(!v.website.is_empty() || !v.links.is_empty()).then(|| view! {
            <ul class="links">
                {(!v.website.is_empty()).then(|| view! { <li><a href=v.website.clone() rel="noopener nofollow">{v.website.clone()}</a></li> })}
                {v.links.iter().map(|l| view! { <li><a href=l.clone() rel="noopener nofollow">{l.clone()}</a></li> }).collect_view()}
            </ul>
        })}
        {(!v.talks.is_empty()).then(|| view! {
            <section>
                <h2>{tr!(partners.partner_page.talks)}</h2>
                <ul>{v.talks.iter().map(|t| view! {
                    <li>
                        {match t.code.clone() {
                            Some(code) => view! { <a href=format!("/events/{}/talk/{code}", slug)>{t.title.clone()}</a> }.into_any(),
                            None => view! { <span>{t.title.clone()}</span> }.into_any(),
                        }}
                        " · "{t.when.clone()}" · "{t.room.clone()}
                    </li>
                }).collect_view()}</ul>
            </section>
        })}
        {v.jobs_html.clone().map(|jobs_html| view! {
            <section><h2>{tr!(partners.partner_page.jobs)}</h2><div class="prose" inner_html=jobs_html.html()></div></section>
        })}
        {v.card.booth.is_some().then(|| view! {
            <FloorMap map=v.map.clone() slug=slug.clone() label=tr!(partners.village.map_label).to_string()/>
        })}
        <section class="card" id="share">
            <h2>{tr!(partners.partner_page.share_heading)}</h2>
            <p>{tr!(partners.partner_page.share_explain)}</p>
            {move || shared.get().then(|| view! { <Notice>{tr!(partners.partner_page.shared)}</Notice> })}
            {move || withdrawn.get().then(|| view! { <Notice>{tr!(partners.partner_page.withdrawn)}</Notice> })}
            {match v.shared {
                None => view! {
                    <p><a class="button" href=format!("/signin?next={here}")>{tr!(partners.partner_page.sign_in)}</a></p>
                }.into_any(),
                Some(on) => view! { <ShareForm slug=slug.clone() code=v.card.code.clone() on/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn ShareForm(slug: String, code: String, on: bool) -> impl IntoView {
    let action = ServerAction::<ShareContact>::new();
    view! {
        {on.then(|| view! { <p class="status-line">{tr!(partners.partner_page.you_shared)}</p> })}
        <Form action>
            <input type="hidden" name="slug" value=slug/>
            <input type="hidden" name="code" value=code/>
            <input type="hidden" name="share" value=if on { "no" } else { "yes" }/>
            <button type="submit" class=if on { "button" } else { "button primary" }>
                {if on { tr!(partners.partner_page.withdraw) } else { tr!(partners.partner_page.share) }}
            </button>
        </Form>
    }
}
