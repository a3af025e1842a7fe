//! Sign-in, sign-up, password reset, email verification and account pages.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::auth::api::{ChangePassword, RequestPasswordReset, ResendVerification, ResetPassword, SignIn, SignUp, UpdateProfile, VerifyEmail};
use crate::ui::{action_error, field_error, use_current_user, Field, Form, FormError, Notice, PageTitle, SubmitButton};

fn query(name: &'static str) -> Memo<Option<String>> {
    let q = use_query_map();
    Memo::new(move |_| q.read().get(name))
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let action = ServerAction::<SignIn>::new();
    let error = action_error(action);
    let next = query("next");
    let reset_done = query("reset");
    view! {
        <PageTitle text="Sign in — Estrade"/>
        <section class="card narrow">
            <h1>"Sign in"</h1>
            {move || reset_done.get().map(|_| view! { <Notice>"Your password was changed. Sign in with the new one."</Notice> })}
            <FormError error/>
            <Form action>
                <input type="hidden" name="next" value=move || next.get().unwrap_or_default()/>
                <Field label="Email" name="email" kind="email" autocomplete="username" error=field_error(error, "email")/>
                <Field label="Password" name="password" kind="password" autocomplete="current-password" error=field_error(error, "password")/>
                <SubmitButton action label="Sign in"/>
            </Form>
            <p class="aside"><a href="/reset">"Forgot your password?"</a>" · "<a href="/signup">"Create an account"</a></p>
        </section>
    }
}

#[component]
pub fn SignUpPage() -> impl IntoView {
    let action = ServerAction::<SignUp>::new();
    let error = action_error(action);
    let email = query("email");
    let next = query("next");
    view! {
        <PageTitle text="Create an account — Estrade"/>
        <section class="card narrow">
            <h1>"Create your account"</h1>
            <p>"One account for every event: submit talks, review, volunteer."</p>
            <FormError error/>
            <Form action>
                <input type="hidden" name="next" value=move || next.get().unwrap_or_default()/>
                <Field label="Email" name="email" kind="email" autocomplete="email" value=email.get_untracked().unwrap_or_default() maxlength=254 error=field_error(error, "email")/>
                <Field label="Your name" name="display_name" autocomplete="name" maxlength=80 hint="Shown to organisers and, if you speak, to attendees." error=field_error(error, "display_name")/>
                <Field label="Password" name="password" kind="password" autocomplete="new-password" minlength=10 maxlength=128 hint="10 to 128 characters, hard to guess: a few unrelated words work well." error=field_error(error, "password")/>
                <SubmitButton action label="Create account"/>
            </Form>
            <p class="aside">"Already have an account? "<a href="/signin">"Sign in"</a></p>
        </section>
    }
}

#[component]
pub fn ResetRequestPage() -> impl IntoView {
    let action = ServerAction::<RequestPasswordReset>::new();
    let error = action_error(action);
    let sent = query("sent");
    view! {
        <PageTitle text="Reset your password — Estrade"/>
        <section class="card narrow">
            <h1>"Reset your password"</h1>
            {move || sent.get().map(|_| view! {
                <Notice>"If an account uses this address, a reset link is on its way. It works once, for one hour."</Notice>
            })}
            <FormError error/>
            <Form action>
                <Field label="Email" name="email" kind="email" autocomplete="email" error=field_error(error, "email")/>
                <SubmitButton action label="Send me a reset link"/>
            </Form>
        </section>
    }
}

#[component]
pub fn ResetConfirmPage() -> impl IntoView {
    let action = ServerAction::<ResetPassword>::new();
    let error = action_error(action);
    let token = query("token");
    view! {
        <PageTitle text="Choose a new password — Estrade"/>
        <section class="card narrow">
            <h1>"Choose a new password"</h1>
            <FormError error/>
            {move || field_error(error, "token").get().map(|m| view! { <p class="field-error">{m}" "<a href="/reset">"Ask for a new link"</a></p> })}
            <Form action>
                <input type="hidden" name="token" value=move || token.get().unwrap_or_default()/>
                <Field label="New password" name="password" kind="password" autocomplete="new-password" minlength=10 maxlength=128 hint="10 to 128 characters, hard to guess: a few unrelated words work well." error=field_error(error, "password")/>
                <SubmitButton action label="Set my new password"/>
            </Form>
        </section>
    }
}

#[component]
pub fn VerifyPage() -> impl IntoView {
    let action = ServerAction::<VerifyEmail>::new();
    let error = action_error(action);
    let token = query("token");
    view! {
        <PageTitle text="Confirm your email — Estrade"/>
        <section class="card narrow">
            <h1>"Confirm your email"</h1>
            <FormError error/>
            {move || field_error(error, "token").get().map(|m| view! { <p class="field-error">{m}</p> })}
            <Form action>
                <input type="hidden" name="token" value=move || token.get().unwrap_or_default()/>
                <SubmitButton action label="Confirm my email"/>
            </Form>
        </section>
    }
}

#[component]
pub fn AccountPage() -> impl IntoView {
    let user = use_current_user();
    view! {
        <PageTitle text="Your account — Estrade"/>
        <Transition fallback=|| view! { <p>"Loading…"</p> }>
            {move || match user.get().and_then(|r| r.ok()).flatten() {
                None => view! {
                    <section class="card narrow">
                        <h1>"Your account"</h1>
                        <p>"Please "<a href="/signin?next=/account">"sign in"</a>" to see your account."</p>
                    </section>
                }.into_any(),
                Some(me) => view! { <AccountDetails me/> }.into_any(),
            }}
        </Transition>
    }
}

#[component]
fn AccountDetails(me: crate::auth::CurrentUser) -> impl IntoView {
    let profile = ServerAction::<UpdateProfile>::new();
    let profile_error = action_error(profile);
    let password = ServerAction::<ChangePassword>::new();
    let password_error = action_error(password);
    let resend = ServerAction::<ResendVerification>::new();
    let flags = use_query_map();
    let flag = move |name: &'static str| flags.read().get(name).is_some();
    view! {
        <h1>"Your account"</h1>
        {move || flag("welcome").then(|| view! { <Notice>"Welcome to Estrade! We sent you a mail to confirm your address."</Notice> })}
        {move || flag("verified").then(|| view! { <Notice>"Your email is confirmed."</Notice> })}
        {move || flag("saved").then(|| view! { <Notice>"Saved."</Notice> })}
        {move || flag("password").then(|| view! { <Notice>"Your password was changed; your other sessions were signed out."</Notice> })}
        {move || flag("resent").then(|| view! { <Notice>"A new confirmation mail is on its way."</Notice> })}
        <section class="card">
            <h2>"Profile"</h2>
            <p>"Email: "<strong>{me.email.clone()}</strong>
                {if me.verified { view! { <span class="badge ok">"confirmed"</span> }.into_any() } else {
                    view! {
                        <span class="badge warn">"not confirmed"</span>
                        <Form action=resend attr:class="inline-form">
                            <button type="submit" class="link-button">"Send the confirmation mail again"</button>
                        </Form>
                    }.into_any()
                }}
            </p>
            <FormError error=profile_error/>
            <Form action=profile>
                <Field label="Your name" name="display_name" autocomplete="name" maxlength=80 value=me.display_name.clone() error=field_error(profile_error, "display_name")/>
                <SubmitButton action=profile label="Save"/>
            </Form>
        </section>
        <section class="card">
            <h2>"Change password"</h2>
            <p class="hint">"Your other sessions (other browsers, phones) will be signed out."</p>
            <FormError error=password_error/>
            <Form action=password>
                <Field label="Current password" name="current_password" kind="password" autocomplete="current-password" error=field_error(password_error, "current_password")/>
                <Field label="New password" name="new_password" kind="password" autocomplete="new-password" minlength=10 maxlength=128 hint="10 to 128 characters, hard to guess: a few unrelated words work well." error=field_error(password_error, "new_password")/>
                <SubmitButton action=password label="Change password"/>
            </Form>
        </section>
    }
}
