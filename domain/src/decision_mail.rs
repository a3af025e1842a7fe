//! The mails that announce decisions: placeholders, and the checks an organiser's own wording (or a
//! built-in one, kept in the app's catalogues) must pass.
use crate::problem::{FieldProblem, Problem};

pub const SUBJECT_MAX: usize = 200;
pub const BODY_MAX: usize = 10_000;

/// Every placeholder a template may use (the app says what each becomes, and holds the built-in wordings).
pub const PLACEHOLDERS: &[&str] = &["{speaker}", "{title}", "{event}", "{confirm_link}", "{deadline}", "{feedback}"];

/// The values placed into a template for one speaker of one proposal.
#[derive(Debug, Clone, Default)]
pub struct Values {
    pub speaker: String,
    pub title: String,
    pub event: String,
    pub confirm_link: String,
    pub deadline: String,
    pub feedback: String,
}

impl Values {
    fn get(&self, placeholder: &str) -> Option<&str> {
        Some(match placeholder {
            "{speaker}" => &self.speaker,
            "{title}" => &self.title,
            "{event}" => &self.event,
            "{confirm_link}" => &self.confirm_link,
            "{deadline}" => &self.deadline,
            "{feedback}" => &self.feedback,
            _ => return None,
        })
    }
}

/// Replaces the known placeholders in one pass (a value containing "{title}" is not expanded again).
pub fn render(template: &str, values: &Values) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        match tail.find('}').map(|end| &tail[..=end]).and_then(|p| values.get(p).map(|v| (p.len(), v))) {
            Some((len, value)) => {
                out.push_str(value);
                rest = &tail[len..];
            }
            None => {
                out.push('{');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Words in braces that are not placeholders, e.g. "{name}" — most likely a typo.
fn unknown_placeholders(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let tail = &rest[start..];
        let Some(end) = tail.find('}') else { break };
        let candidate = &tail[..=end];
        let word = &candidate[1..candidate.len() - 1];
        if !word.is_empty() && word.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') && Values::default().get(candidate).is_none() {
            found.push(candidate.to_string());
        }
        rest = &tail[1..];
    }
    found
}

pub fn template_errors(subject: &str, body: &str) -> Vec<FieldProblem> {
    let known = PLACEHOLDERS.join(", ");
    let check = |field: &str, text: &str, max: usize| -> Option<FieldProblem> {
        if text.trim().is_empty() {
            return Some(FieldProblem::new(field, Problem::Empty));
        }
        if super::text::typed_len(text) > max {
            return Some(FieldProblem::new(field, Problem::KeepItUnder { max }));
        }
        unknown_placeholders(text)
            .first()
            .map(|p| FieldProblem::new(field, Problem::UnknownPlaceholder { found: p.clone(), known: known.clone() }))
    };
    [check("subject", subject, SUBJECT_MAX), check("body", body, BODY_MAX)].into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values() -> Values {
        Values {
            speaker: "Ada".into(),
            title: "Kubernetes {title} at scale".into(),
            event: "Cloud Nord".into(),
            confirm_link: "https://x/confirm/abc".into(),
            deadline: "15 January".into(),
            feedback: String::new(),
        }
    }

    #[test]
    fn placeholders_are_replaced_once_and_others_kept() {
        let out = render("Hi {speaker}: “{title}” {unknown} {event}, {", &values());
        assert_eq!(out, "Hi Ada: “Kubernetes {title} at scale” {unknown} Cloud Nord, {");
    }

    #[test]
    fn a_typo_in_a_placeholder_is_named() {
        let errors = template_errors("Hello {name}", "");
        assert_eq!(errors.len(), 2);
        assert!(
            matches!(&errors[0].problem, Problem::UnknownPlaceholder { found, known } if found == "{name}" && known.starts_with("{speaker}, {title}"))
        );
        assert_eq!(errors[1], FieldProblem::new("body", Problem::Empty));
        assert_eq!(template_errors(&"s".repeat(SUBJECT_MAX + 1), "b")[0].problem, Problem::KeepItUnder { max: SUBJECT_MAX });
        assert!(template_errors("Braces { like this } are fine", "JSON {\"a\": 1}").is_empty());
    }
}
