use sea_orm_migration::{prelude::*, schema::*};

use crate::cascade_fk;
use crate::m0002_events::Events;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A role granted to an email that has no account yet; it becomes a membership once that email is verified.
#[derive(DeriveIden)]
enum RoleInvitations {
    Table,
    Id,
    EventId,
    EmailNormalized,
    Role,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(RoleInvitations::Table)
                    .if_not_exists()
                    .col(pk_auto(RoleInvitations::Id))
                    .col(integer(RoleInvitations::EventId))
                    .col(string(RoleInvitations::EmailNormalized))
                    .col(string(RoleInvitations::Role))
                    .col(timestamp_with_time_zone(RoleInvitations::CreatedAt))
                    .foreign_key(&mut cascade_fk((RoleInvitations::Table, RoleInvitations::EventId), (Events::Table, Events::Id)))
                    .index(
                        Index::create()
                            .name("ux_role_invitations_event_email_role")
                            .col(RoleInvitations::EventId)
                            .col(RoleInvitations::EmailNormalized)
                            .col(RoleInvitations::Role)
                            .unique(),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(RoleInvitations::Table).to_owned()).await
    }
}
