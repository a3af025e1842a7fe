use sea_orm::entity::prelude::*;

/// A company or community at an event's village: its application, pipeline and public profile.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "partners")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub event_id: i32,
    /// Public code of the village page (never the id).
    pub code: String,
    pub name: String,
    pub vat: String,
    pub billing_name: String,
    pub billing_email: String,
    #[sea_orm(column_type = "Text")]
    pub message: String,
    pub wished_tier_id: Option<i32>,
    /// The tier it was accepted in.
    pub tier_id: Option<i32>,
    /// "applied", "accepted", "waitlist" or "declined".
    pub status: String,
    pub applied_at: DateTimeUtc,
    pub decided_at: Option<DateTimeUtc>,
    pub signed_at: Option<DateTimeUtc>,
    pub invoiced_at: Option<DateTimeUtc>,
    pub paid_at: Option<DateTimeUtc>,
    /// Organisers' notes, never shown to the partner.
    #[sea_orm(column_type = "Text")]
    pub notes: String,
    #[sea_orm(column_type = "Text")]
    pub description: String,
    pub website: String,
    /// One address per line.
    #[sea_orm(column_type = "Text")]
    pub links: String,
    /// Markdown.
    #[sea_orm(column_type = "Text")]
    pub jobs: String,
    pub logo_file: String,
    pub logo_dark_file: String,
    pub needs_power: bool,
    pub needs_screen: bool,
    pub needs_table: bool,
    pub needs_saved_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
