use sea_orm::entity::prelude::*;

/// Someone's application to volunteer at an event, and (accepted) their volunteer record.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "volunteer_applications")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub event_id: i32,
    pub user_id: i32,
    /// Days available, comma-separated `YYYY-MM-DD`.
    #[sea_orm(column_type = "Text")]
    pub days: String,
    /// Team ids wished, comma-separated (empty: anywhere).
    #[sea_orm(column_type = "Text")]
    pub teams: String,
    pub tshirt: String,
    pub languages: String,
    /// Private (accessibility, diet): the person and the event's leads only.
    #[sea_orm(column_type = "Text")]
    pub note: String,
    pub status: String,
    /// Bumped first by each sign-up of this person: their sign-ups run one at a time.
    pub lock_version: i32,
    /// The secret of the person's calendar feed. Kept as it is (not hashed) so their page can show
    /// the address again, like a calendar app's secret address; rotating it cuts the old one off.
    pub feed_token: Option<String>,
    pub created_at: DateTimeUtc,
    pub decided_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
