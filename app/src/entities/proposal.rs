use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "proposals")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Public, unguessable identifier used in links.
    #[sea_orm(unique)]
    pub code: String,
    /// Another random code, for review links only: reviewers never learn `code`, which opens the
    /// talk's public page (with its speakers) once it is scheduled. Set on every insert.
    #[sea_orm(unique)]
    pub review_code: Option<String>,
    pub event_id: i32,
    pub talk_id: Option<i32>,
    pub owner_id: i32,
    pub format_id: Option<i32>,
    pub track_id: Option<i32>,
    pub title: String,
    #[sea_orm(column_type = "Text")]
    pub summary: String,
    #[sea_orm(column_type = "Text")]
    pub details: String,
    pub level: String,
    pub language: String,
    #[sea_orm(column_type = "Text")]
    pub references: String,
    pub state: String,
    /// The key of the form that created it: a second click on the same form finds this row.
    #[sea_orm(unique)]
    pub form_key: String,
    pub submitted_at: Option<DateTimeUtc>,
    pub withdrawn_at: Option<DateTimeUtc>,
    /// The partner this proposal speaks for (shown to organisers and, once scheduled, on the agenda;
    /// never to reviewers).
    pub partner_id: Option<i32>,
    /// When its speaker acknowledged the "no sales pitch" rule (partner proposals only).
    pub pitch_rule_accepted_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl Model {
    /// The stored state as the rules know it (a value no migration ever wrote reads as a draft,
    /// which nobody but its speakers sees).
    pub fn proposal_state(&self) -> domain::cfp::ProposalState {
        <domain::cfp::ProposalState as domain::cfp::Choice>::parse(&self.state).unwrap_or(domain::cfp::ProposalState::Draft)
    }
}

#[async_trait::async_trait]
impl ActiveModelBehavior for ActiveModel {
    /// Every new proposal gets its review code, whichever path creates it (CFP, import, seeds).
    async fn before_save<C>(mut self, _db: &C, insert: bool) -> Result<Self, DbErr>
    where
        C: ConnectionTrait,
    {
        if insert && !matches!(self.review_code, sea_orm::ActiveValue::Set(Some(_))) {
            self.review_code = sea_orm::ActiveValue::Set(Some(crate::crypto::new_code()));
        }
        Ok(self)
    }
}
