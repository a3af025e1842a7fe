//! One error type for every server function: what a person sees, and the HTTP status it maps to.
use serde::{Deserialize, Serialize};
use server_fn::codec::JsonEncoding;
use server_fn::error::{FromServerFnError, ServerFnErrorErr};

/// A message about one form field, shown next to that field (already in the reader's language).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: &str, message: impl Into<String>) -> Self {
        FieldError { field: field.into(), message: message.into() }
    }

    /// The rules' field problems as field messages, in `locale`.
    pub fn from_problems(locale: crate::lang::Locale, problems: &[domain::problem::FieldProblem]) -> Vec<FieldError> {
        problems.iter().map(|p| FieldError::new(&p.field, crate::lang::problems::text(locale, &p.problem))).collect()
    }

    /// [`FieldError::from_problems`] in the request's language (the page's, in the browser): for
    /// forms whose other messages are made in the app.
    pub fn here(problems: &[domain::problem::FieldProblem]) -> Vec<FieldError> {
        Self::from_problems(crate::lang::use_locale(), problems)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("We could not find that page or item.")]
    NotFound,
    #[error("Please sign in first.")]
    Unauthorized,
    #[error("You are not allowed to do that.")]
    Forbidden,
    #[error("{message}")]
    Validation { message: String, fields: Vec<FieldError> },
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    TooManyRequests(String),
    #[error("{0}")]
    BadRequest(String),
    #[error("Something went wrong on our side. Please try again in a moment.")]
    Internal,
    #[error("The service cannot reach its database right now. Please try again in a minute.")]
    Unavailable,
    #[error("The server could not be reached: {0}")]
    Network(String),
}

impl AppError {
    pub fn validation(fields: Vec<FieldError>) -> Self {
        let message = match fields.as_slice() {
            [only] => only.message.clone(),
            _ => crate::tr!(errors.several_fields).to_string(),
        };
        AppError::Validation { message, fields }
    }

    pub fn field(field: &str, message: impl Into<String>) -> Self {
        Self::validation(vec![FieldError { field: field.into(), message: message.into() }])
    }

    /// The rules' problems with a form, each worded in the request's language (the page's, in the
    /// browser).
    pub fn problems(problems: Vec<domain::problem::FieldProblem>) -> Self {
        Self::validation(FieldError::here(&problems))
    }

    /// One problem with one field, worded in the request's language.
    pub fn problem(field: &str, problem: domain::problem::Problem) -> Self {
        Self::field(field, crate::lang::problems::here(&problem))
    }

    /// What a person reads, in `locale`. Messages with a text were written in the reader's language
    /// where they were made (the server knows the request's); the fixed ones are looked up here.
    pub fn message(&self, locale: crate::lang::Locale) -> String {
        use leptos_i18n::td_string;
        match self {
            AppError::NotFound => td_string!(locale, errors.not_found).to_string(),
            AppError::Unauthorized => td_string!(locale, errors.unauthorized).to_string(),
            AppError::Forbidden => td_string!(locale, errors.forbidden).to_string(),
            AppError::Internal => td_string!(locale, errors.internal).to_string(),
            AppError::Unavailable => td_string!(locale, errors.unavailable).to_string(),
            AppError::Network(detail) => td_string!(locale, errors.network, detail = detail).to_string(),
            AppError::Validation { message, .. } => message.clone(),
            AppError::Conflict(m) | AppError::TooManyRequests(m) | AppError::BadRequest(m) => m.clone(),
        }
    }

    /// [`AppError::message`] in the language of the page being rendered.
    pub fn text(&self) -> String {
        self.message(crate::lang::use_locale())
    }

    /// The message for one field, if this error carries one.
    pub fn field_message(&self, field: &str) -> Option<String> {
        match self {
            AppError::Validation { fields, .. } => fields.iter().find(|f| f.field == field).map(|f| f.message.clone()),
            _ => None,
        }
    }

    pub fn status_code(&self) -> u16 {
        match self {
            AppError::NotFound => 404,
            AppError::Unauthorized => 401,
            AppError::Forbidden => 403,
            AppError::Validation { .. } => 422,
            AppError::Conflict(_) => 409,
            AppError::TooManyRequests(_) => 429,
            AppError::BadRequest(_) => 400,
            AppError::Unavailable => 503,
            AppError::Internal | AppError::Network(_) => 500,
        }
    }

    /// Logs the detail of an unexpected failure and returns the opaque error users see.
    #[cfg(feature = "ssr")]
    pub fn internal(detail: impl std::fmt::Display) -> Self {
        tracing::error!(error = %detail, "internal error");
        AppError::Internal
    }
}

#[cfg(feature = "ssr")]
impl From<sea_orm::DbErr> for AppError {
    /// A database that cannot be reached is a 503 (try again), not a bug.
    fn from(err: sea_orm::DbErr) -> Self {
        match err {
            sea_orm::DbErr::Conn(_) | sea_orm::DbErr::ConnectionAcquire(_) => {
                tracing::warn!(error = %err, "database unreachable");
                AppError::Unavailable
            }
            other => AppError::internal(other),
        }
    }
}

/// The page every request gets while the database cannot be used, in both languages (choosing
/// one may itself need the database: a person's saved preference).
#[cfg(feature = "ssr")]
pub fn unavailable_page() -> String {
    use crate::lang::Locale;
    use leptos_i18n::td_string;
    let part = |l: Locale| {
        format!(
            "<section lang=\"{}\"><h1>{}</h1><p>{}</p></section>",
            crate::lang::code(l),
            td_string!(l, errors.unavailable_title),
            td_string!(l, errors.unavailable)
        )
    };
    format!(
        "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{} / {}</title></head><body>{}{}</body></html>",
        td_string!(Locale::fr, errors.unavailable_title),
        td_string!(Locale::en, errors.unavailable_title),
        part(Locale::fr),
        part(Locale::en)
    )
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(m) | ServerFnErrorErr::MissingArg(m) | ServerFnErrorErr::Deserialization(m) => {
                AppError::BadRequest(crate::tr!(errors.malformed_form, detail = m).to_string())
            }
            ServerFnErrorErr::Request(m) | ServerFnErrorErr::Response(m) => AppError::Network(m),
            other => {
                #[cfg(feature = "ssr")]
                tracing::error!(error = %other, "server function failure");
                let _ = other;
                AppError::Internal
            }
        }
    }
}

pub type AppResult<T> = Result<T, AppError>;

#[cfg(test)]
mod tests {
    use super::FieldError;
    use crate::lang::Locale;
    use domain::problem::{FieldProblem, Problem};

    #[test]
    fn field_errors_word_the_rules_problems_in_the_language_asked_for() {
        let fields = FieldError::from_problems(Locale::fr, &[FieldProblem::new("email", Problem::EmailMissing)]);
        assert_eq!(fields, [FieldError::new("email", "Veuillez saisir votre adresse e-mail.")]);
    }
}
