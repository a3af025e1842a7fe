use sea_orm_migration::{prelude::*, schema::*};

use crate::cascade_fk;
use crate::m0001_users::Users;
use crate::m0014_proposals::Proposals;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A mailed, single-use invitation to join a proposal as co-speaker; only the token's hash is stored.
#[derive(DeriveIden)]
enum CospeakerInvitations {
    Table,
    Id,
    ProposalId,
    EmailNormalized,
    TokenHash,
    InvitedBy,
    ExpiresAt,
    UsedAt,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use CospeakerInvitations as I;
        manager
            .create_table(
                Table::create()
                    .table(I::Table)
                    .if_not_exists()
                    .col(pk_auto(I::Id))
                    .col(integer(I::ProposalId))
                    .col(string(I::EmailNormalized))
                    .col(string_uniq(I::TokenHash))
                    .col(integer(I::InvitedBy))
                    .col(timestamp_with_time_zone(I::ExpiresAt))
                    .col(timestamp_with_time_zone_null(I::UsedAt))
                    .col(timestamp_with_time_zone(I::CreatedAt))
                    .foreign_key(&mut cascade_fk((I::Table, I::ProposalId), (Proposals::Table, Proposals::Id)))
                    .foreign_key(&mut cascade_fk((I::Table, I::InvitedBy), (Users::Table, Users::Id)))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(CospeakerInvitations::Table).to_owned()).await
    }
}
