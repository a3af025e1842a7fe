use sea_orm_migration::{prelude::*, schema::*};

use crate::cascade_fk;
use crate::m0001_users::Users;
use crate::m0002_events::Events;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Times an accepted speaker said they cannot speak during an event (instants in UTC).
#[derive(DeriveIden)]
enum SpeakerUnavailability {
    Table,
    Id,
    EventId,
    UserId,
    StartsAt,
    EndsAt,
    Note,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use SpeakerUnavailability as U;
        manager
            .create_table(
                Table::create()
                    .table(U::Table)
                    .if_not_exists()
                    .col(pk_auto(U::Id))
                    .col(integer(U::EventId))
                    .col(integer(U::UserId))
                    .col(timestamp_with_time_zone(U::StartsAt))
                    .col(timestamp_with_time_zone(U::EndsAt))
                    .col(string(U::Note))
                    .col(timestamp_with_time_zone(U::CreatedAt))
                    .foreign_key(&mut cascade_fk((U::Table, U::EventId), (Events::Table, Events::Id)))
                    .foreign_key(&mut cascade_fk((U::Table, U::UserId), (Users::Table, Users::Id)))
                    .to_owned(),
            )
            .await?;
        // A separate statement: SQLite has no inline non-unique index in CREATE TABLE.
        manager
            .create_index(
                Index::create().if_not_exists().name("ix_speaker_unavailability_event").table(U::Table).col(U::EventId).to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(SpeakerUnavailability::Table).to_owned()).await
    }
}
