use sea_orm_migration::{prelude::*, schema::*};

use crate::cascade_fk;
use crate::m0001_users::Users;
use crate::m0002_events::Events;
use crate::m0014_proposals::Proposals;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Talks a signed-in attendee starred on the public agenda. Stars kept only in a browser never
/// reach the server; these are what organisers count per talk.
#[derive(DeriveIden)]
enum Favourites {
    Table,
    Id,
    EventId,
    UserId,
    ProposalId,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Favourites as F;
        manager
            .create_table(
                Table::create()
                    .table(F::Table)
                    .if_not_exists()
                    .col(pk_auto(F::Id))
                    .col(integer(F::EventId))
                    .col(integer(F::UserId))
                    .col(integer(F::ProposalId))
                    .col(timestamp_with_time_zone(F::CreatedAt))
                    .foreign_key(&mut cascade_fk((F::Table, F::EventId), (Events::Table, Events::Id)))
                    .foreign_key(&mut cascade_fk((F::Table, F::UserId), (Users::Table, Users::Id)))
                    .foreign_key(&mut cascade_fk((F::Table, F::ProposalId), (Proposals::Table, Proposals::Id)))
                    .index(Index::create().name("ux_favourites").col(F::UserId).col(F::ProposalId).unique())
                    .to_owned(),
            )
            .await?;
        // A separate statement: SQLite has no inline non-unique index in CREATE TABLE.
        manager.create_index(Index::create().if_not_exists().name("ix_favourites_event").table(F::Table).col(F::EventId).to_owned()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Favourites::Table).to_owned()).await
    }
}
