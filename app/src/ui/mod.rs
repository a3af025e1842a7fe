//! Shared components: layout, form fields, notices.
pub mod form;
pub mod layout;

pub use form::{action_error, field_error, Field, FormError, Notice, Select, SubmitButton, TextArea};
pub use layout::{use_current_user, Layout, NotFoundNotice};
