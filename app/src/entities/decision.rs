use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "decisions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub proposal_id: i32,
    /// accepted | waitlisted | rejected — the working decision, pending until published.
    pub decision: String,
    pub waitlist_rank: Option<i32>,
    #[sea_orm(column_type = "Text")]
    pub feedback: String,
    pub decided_by: i32,
    pub decided_at: DateTimeUtc,
    /// What speakers were told; mails go out when it differs from `decision`.
    pub published_decision: Option<String>,
    pub published_at: Option<DateTimeUtc>,
    #[sea_orm(unique)]
    pub confirm_token_hash: Option<String>,
    /// confirmed | declined
    pub response: Option<String>,
    pub responded_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl Model {
    /// What the speakers were told, if anything.
    pub fn published(&self) -> Option<domain::review::Decision> {
        use domain::cfp::Choice;
        self.published_decision.as_deref().and_then(domain::review::Decision::parse)
    }

    /// The speakers' answer to an acceptance, if they gave one.
    pub fn answer(&self) -> Option<domain::review::Response> {
        use domain::cfp::Choice;
        self.response.as_deref().and_then(domain::review::Response::parse)
    }
}
