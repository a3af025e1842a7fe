use sea_orm_migration::{prelude::*, schema::*};

use crate::cascade_fk;
use crate::m0002_events::Events;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The rooms of an event, in the order the agenda shows them.
#[derive(DeriveIden)]
pub enum Rooms {
    Table,
    Id,
    EventId,
    Name,
    Capacity,
    Position,
    Description,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Rooms as R;
        manager
            .create_table(
                Table::create()
                    .table(R::Table)
                    .if_not_exists()
                    .col(pk_auto(R::Id))
                    .col(integer(R::EventId))
                    .col(string(R::Name))
                    .col(integer_null(R::Capacity))
                    .col(integer(R::Position))
                    .col(text(R::Description))
                    .col(timestamp_with_time_zone(R::CreatedAt))
                    .foreign_key(&mut cascade_fk((R::Table, R::EventId), (Events::Table, Events::Id)))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().name("ux_rooms_event_name").table(R::Table).col(R::EventId).col(R::Name).unique().to_owned())
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Rooms::Table).to_owned()).await
    }
}
