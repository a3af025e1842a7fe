//! The frame of every page: skip link, header with who is signed in, main, footer.
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::auth::api::{who_am_i, SignOut};
use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::lang::{self, use_locale};
use crate::tr;
use crate::ui::PageTitle;

pub type UserResource = Resource<Result<Option<CurrentUser>, AppError>>;

/// The signed-in person's resource, refreshed on each navigation.
pub fn use_current_user() -> UserResource {
    expect_context::<UserResource>()
}

pub fn provide_current_user() {
    let location = use_location();
    let user: UserResource = Resource::new(move || location.pathname.get(), |_| who_am_i());
    provide_context(user);
}

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">{tr!(common.skip_to_content)}</a>
        <header class="site-header">
            <nav class="nav" aria-label=tr!(common.main_navigation)>
                <a class="brand" href="/">"Estrade"</a>
                <Transition fallback=|| ()>
                    <UserMenu/>
                </Transition>
                <LanguageSwitch/>
            </nav>
        </header>
        <main id="main" class="container" tabindex="-1">{children()}</main>
        <footer class="site-footer">
            <p>{tr!(common.footer)}</p>
        </footer>
    }
}

#[component]
fn UserMenu() -> impl IntoView {
    let user = use_current_user();
    move || match user.get().and_then(|r| r.ok()).flatten() {
        Some(me) => view! { <SignedInMenu me/> }.into_any(),
        None => view! { <SignedOutMenu/> }.into_any(),
    }
}

/// The menu's opening tag: the page cache finds the menu by it (see [`menu_span`]).
const MENU_OPEN: &str = r#"<ul class="nav-links""#;

/// The signed-in menu. Sign-out is a plain form: the menu is also rendered apart from any page,
/// for public pages the server cache sends signed-in visitors (see [`menu_html`]).
#[component]
fn SignedInMenu(me: CurrentUser) -> impl IntoView {
    let sign_out = <SignOut as server_fn::ServerFn>::PATH;
    view! {
        <ul class="nav-links">
            <li><a href="/">{tr!(common.nav.events)}</a></li>
            <li><a href="/proposals">{tr!(common.nav.my_proposals)}</a></li>
            <li><a href="/profile">{tr!(common.nav.profile)}</a></li>
            {me.reviews.then(|| view! { <li><a href="/review">{tr!(common.nav.review)}</a></li> })}
            {me.manages.then(|| view! { <li><a href="/admin">{tr!(common.nav.manage)}</a></li> })}
            <li><a href="/account" class="who" data-signed-in="">{me.display_name.clone()}</a></li>
            <li>
                <form method="post" action=sign_out class="inline-form">
                    <button type="submit" class="link-button">{tr!(common.nav.sign_out)}</button>
                </form>
            </li>
        </ul>
    }
}

#[component]
fn SignedOutMenu() -> impl IntoView {
    view! {
        <ul class="nav-links">
            <li><a href="/signin">{tr!(common.nav.sign_in)}</a></li>
            <li><a href="/signup" class="button small">{tr!(common.nav.sign_up)}</a></li>
        </ul>
    }
}

/// The header's menu for `me` (None: nobody signed in) in `l`, as HTML, rendered apart from any page.
#[cfg(feature = "ssr")]
pub fn menu_html(me: Option<CurrentUser>, l: lang::Locale) -> String {
    Owner::new().with(|| {
        provide_context(l);
        match me {
            Some(me) => view! { <SignedInMenu me/> }.to_html(),
            None => view! { <SignedOutMenu/> }.to_html(),
        }
    })
}

/// Where the header's menu is in a rendered page: from its opening tag to its closing `</ul>`
/// (the menu holds no list of its own). The first match is the header's: nothing before it on a
/// page can hold markup (the title and metadata are escaped text).
pub fn menu_span(html: &str) -> Option<std::ops::Range<usize>> {
    let start = html.find(MENU_OPEN)?;
    let end = start + html[start..].find("</ul>")? + "</ul>".len();
    Some(start..end)
}

/// FR | EN: plain links to the switch, which comes back to this page; the current language is marked.
/// `rel="external"`: the switch is a server route, so the hydrated router lets the browser go there.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let location = use_location();
    let current = use_locale();
    // Reactive: the layout stays while the hydrated app moves between pages.
    let back = move || {
        let query = location.search.get();
        let query = query.trim_start_matches('?');
        if query.is_empty() {
            location.pathname.get()
        } else {
            format!("{}?{query}", location.pathname.get())
        }
    };
    view! {
        <ul class="lang-switch" aria-label=tr!(common.language.switch_label)>
            {lang::all()
                .iter()
                .map(|&l| {
                    let back = back.clone();
                    let name = leptos_i18n::td_string!(l, common.language.name);
                    let short = leptos_i18n::td_string!(l, common.language.short);
                    let code = lang::code(l);
                    view! {
                        <li>
                            <a
                                href=move || lang::switch_href(l, &back())
                                hreflang=code
                                lang=code
                                rel="external"
                                title=name
                                aria-current=(l == current).then_some("true")
                            >
                                {short}
                            </a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// The body of a 404 page; sets the status during server rendering.
#[component]
pub fn NotFoundNotice() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <PageTitle text=tr!(common.not_found.title)/>
        <section class="card narrow">
            <h1>{tr!(common.not_found.heading)}</h1>
            <p>{tr!(common.not_found.body)}<a href="/">{tr!(common.not_found.back)}</a></p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    #![cfg(feature = "ssr")]
    use super::*;

    fn someone() -> CurrentUser {
        CurrentUser {
            id: 1,
            email: "ada@example.org".into(),
            display_name: "Ada </ul>".into(),
            is_admin: false,
            verified: true,
            reviews: true,
            manages: true,
            language: None,
        }
    }

    #[test]
    fn the_cache_finds_either_menu_whole_in_a_page() {
        for l in lang::all() {
            for me in [None, Some(someone())] {
                let menu = menu_html(me, *l);
                let page = format!("<header><a>Estrade</a>{menu}<ul class=\"lang-switch\"><li>EN</li></ul></header><main><ul><li>talk</li></ul></main>");
                let span = menu_span(&page).expect("the menu is found");
                assert_eq!(&page[span], menu, "in {}", lang::code(*l));
            }
        }
    }
}
