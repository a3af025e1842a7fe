//! The floor map as SVG: one rectangle per booth with its number, a link to the partner standing
//! there (focusable, named for screen readers), the highlighted booth drawn apart. The list beside
//! it on every page says the same in words, so nothing depends on seeing the drawing.
use leptos::prelude::*;

use super::views::{MapBooth, MapView};
use crate::plumbing::urls;
use crate::tr;

/// Drawing units per metre.
const SCALE: i32 = 10;

#[component]
pub fn FloorMap(map: MapView, slug: String, #[prop(into)] label: String) -> impl IntoView {
    let (w, h) = (map.width * SCALE, map.height * SCALE);
    let highlight = map.highlight;
    let booths =
        map.booths.into_iter().map(|b| view! { <BoothShape b=b.clone() slug=slug.clone() lit=highlight == Some(b.id)/> }).collect_view();
    view! {
        <figure class="floor-map">
            <svg viewBox=format!("0 0 {w} {h}") role="group" aria-label=label xmlns="http://www.w3.org/2000/svg">
                <rect class="floor" x="0" y="0" width=w height=h/>
                {map.plan_src.map(|src| view! { <image href=src x="0" y="0" width=w height=h preserveAspectRatio="xMidYMid meet"/> })}
                {booths}
            </svg>
        </figure>
    }
}

#[component]
fn BoothShape(b: MapBooth, slug: String, lit: bool) -> impl IntoView {
    let (x, y, w, h) = (b.x * SCALE, b.y * SCALE, b.w * SCALE, b.h * SCALE);
    let class = match (&b.partner, lit) {
        (_, true) => "booth booth-lit",
        (Some(_), false) => "booth booth-taken",
        (None, false) => "booth booth-free",
    };
    let number = b.number.clone();
    let shape = move |name: Option<String>| {
        view! {
            <rect x=x y=y width=w height=h rx="2"/>
            <text x=x + w / 2 y=y + h / 2 text-anchor="middle" dominant-baseline="middle">{number.clone()}</text>
            {name.map(|n| view! { <title>{n}</title> })}
        }
    };
    match b.partner {
        Some((code, name)) => {
            let label = tr!(partners.map.booth_of, number = &b.number, partner = &name).to_string();
            view! {
                <a class=class href=urls::village_partner(&slug, &code) aria-label=label data-booth=b.id>{shape(Some(name))}</a>
            }
            .into_any()
        }
        None => view! { <g class=class data-booth=b.id>{shape(None)}</g> }.into_any(),
    }
}
