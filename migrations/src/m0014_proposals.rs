use sea_orm_migration::{prelude::*, schema::*};

use crate::cascade_fk;
use crate::m0001_users::Users;
use crate::m0002_events::Events;
use crate::m0010_formats::Formats;
use crate::m0011_tracks::Tracks;
use crate::m0013_talks::Talks;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A talk submitted (or being drafted) for one event; its text is its own copy, edited independently.
#[derive(DeriveIden)]
pub enum Proposals {
    Table,
    Id,
    Code,
    EventId,
    TalkId,
    OwnerId,
    FormatId,
    TrackId,
    Title,
    Summary,
    Details,
    Level,
    Language,
    References,
    State,
    FormKey,
    SubmittedAt,
    WithdrawnAt,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Proposals as P;
        manager
            .create_table(
                Table::create()
                    .table(P::Table)
                    .if_not_exists()
                    .col(pk_auto(P::Id))
                    .col(string_uniq(P::Code))
                    .col(integer(P::EventId))
                    .col(integer_null(P::TalkId))
                    .col(integer(P::OwnerId))
                    .col(integer_null(P::FormatId))
                    .col(integer_null(P::TrackId))
                    .col(string(P::Title))
                    .col(text(P::Summary))
                    .col(text(P::Details))
                    .col(string(P::Level))
                    .col(string(P::Language))
                    .col(text(P::References))
                    .col(string(P::State))
                    .col(string_uniq(P::FormKey))
                    .col(timestamp_with_time_zone_null(P::SubmittedAt))
                    .col(timestamp_with_time_zone_null(P::WithdrawnAt))
                    .col(timestamp_with_time_zone(P::CreatedAt))
                    .col(timestamp_with_time_zone(P::UpdatedAt))
                    .foreign_key(&mut cascade_fk((P::Table, P::EventId), (Events::Table, Events::Id)))
                    .foreign_key(&mut cascade_fk((P::Table, P::OwnerId), (Users::Table, Users::Id)))
                    .foreign_key(
                        ForeignKey::create().from(P::Table, P::TalkId).to(Talks::Table, Talks::Id).on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(ForeignKey::create().from(P::Table, P::FormatId).to(Formats::Table, Formats::Id))
                    .foreign_key(ForeignKey::create().from(P::Table, P::TrackId).to(Tracks::Table, Tracks::Id))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().if_not_exists().name("ix_proposals_event_state").table(P::Table).col(P::EventId).col(P::State).to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Proposals::Table).to_owned()).await
    }
}
