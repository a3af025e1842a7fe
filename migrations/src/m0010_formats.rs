use sea_orm_migration::{prelude::*, schema::*};

use crate::cascade_fk;
use crate::m0002_events::Events;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The talk formats an event offers (short talk, REX, deep-dive …).
#[derive(DeriveIden)]
pub enum Formats {
    Table,
    Id,
    EventId,
    Name,
    Description,
    DurationMin,
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
                    .table(Formats::Table)
                    .if_not_exists()
                    .col(pk_auto(Formats::Id))
                    .col(integer(Formats::EventId))
                    .col(string(Formats::Name))
                    .col(text(Formats::Description))
                    .col(integer(Formats::DurationMin))
                    .col(boolean(Formats::Hidden).default(false))
                    .col(integer(Formats::Position).default(0))
                    .col(timestamp_with_time_zone(Formats::CreatedAt))
                    .foreign_key(&mut cascade_fk((Formats::Table, Formats::EventId), (Events::Table, Events::Id)))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Formats::Table).to_owned()).await
    }
}
