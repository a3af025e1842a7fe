use sea_orm_migration::{prelude::*, schema::*};

use crate::cascade_fk;
use crate::m0002_events::Events;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The themes an event's talks are grouped by, each with a colour for the agenda.
#[derive(DeriveIden)]
pub enum Tracks {
    Table,
    Id,
    EventId,
    Name,
    Description,
    Colour,
    Hidden,
    Position,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Tracks::Table)
                    .if_not_exists()
                    .col(pk_auto(Tracks::Id))
                    .col(integer(Tracks::EventId))
                    .col(string(Tracks::Name))
                    .col(text(Tracks::Description))
                    .col(string(Tracks::Colour))
                    .col(boolean(Tracks::Hidden).default(false))
                    .col(integer(Tracks::Position).default(0))
                    .col(timestamp_with_time_zone(Tracks::CreatedAt))
                    .foreign_key(&mut cascade_fk((Tracks::Table, Tracks::EventId), (Events::Table, Events::Id)))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Tracks::Table).to_owned()).await
    }
}
