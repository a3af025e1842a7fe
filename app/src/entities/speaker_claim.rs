use sea_orm::entity::prelude::*;

/// A speaker an import created, whose file gave an email: the link mailed there lets the owner of
/// the address take the talks into their own account.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "speaker_claims")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub event_id: i32,
    /// The imported speaker's account (event-local, cannot sign in).
    #[sea_orm(unique)]
    pub user_id: i32,
    /// The address the file gave; never matched against existing accounts.
    pub email_normalized: String,
    /// SHA-256 of the last mailed link, none before the first mail.
    #[sea_orm(unique)]
    pub token_hash: Option<String>,
    pub sent_at: Option<DateTimeUtc>,
    pub expires_at: Option<DateTimeUtc>,
    pub claimed_by: Option<i32>,
    pub claimed_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
