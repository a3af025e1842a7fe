//! Errors the rules report: a message about one form field.
use serde::{Deserialize, Serialize};

/// A message about one form field, shown next to that field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: &str, message: impl Into<String>) -> Self {
        FieldError { field: field.into(), message: message.into() }
    }
}
