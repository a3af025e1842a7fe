use sea_orm_migration::{prelude::*, schema::*};

use crate::cascade_fk;
use crate::m0001_users::Users;
use crate::m0002_events::Events;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Memberships {
    Table,
    Id,
    EventId,
    UserId,
    Role,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Memberships::Table)
                    .if_not_exists()
                    .col(pk_auto(Memberships::Id))
                    .col(integer(Memberships::EventId))
                    .col(integer(Memberships::UserId))
                    .col(string(Memberships::Role))
                    .col(timestamp_with_time_zone(Memberships::CreatedAt))
                    .foreign_key(&mut cascade_fk((Memberships::Table, Memberships::EventId), (Events::Table, Events::Id)))
                    .foreign_key(&mut cascade_fk((Memberships::Table, Memberships::UserId), (Users::Table, Users::Id)))
                    .index(
                        Index::create()
                            .name("ux_memberships_event_user_role")
                            .col(Memberships::EventId)
                            .col(Memberships::UserId)
                            .col(Memberships::Role)
                            .unique(),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Memberships::Table).to_owned()).await
    }
}
