use sea_orm_migration::{prelude::*, schema::*};

use crate::cascade_fk;
use crate::m0001_users::Users;
use crate::m0014_proposals::Proposals;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Who speaks in a proposal: its owner and the co-speakers who accepted.
#[derive(DeriveIden)]
enum ProposalSpeakers {
    Table,
    Id,
    ProposalId,
    UserId,
    IsOwner,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use ProposalSpeakers as S;
        manager
            .create_table(
                Table::create()
                    .table(S::Table)
                    .if_not_exists()
                    .col(pk_auto(S::Id))
                    .col(integer(S::ProposalId))
                    .col(integer(S::UserId))
                    .col(boolean(S::IsOwner))
                    .col(timestamp_with_time_zone(S::CreatedAt))
                    .foreign_key(&mut cascade_fk((S::Table, S::ProposalId), (Proposals::Table, Proposals::Id)))
                    .foreign_key(&mut cascade_fk((S::Table, S::UserId), (Users::Table, Users::Id)))
                    .index(Index::create().name("ux_proposal_speakers").col(S::ProposalId).col(S::UserId).unique())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(ProposalSpeakers::Table).to_owned()).await
    }
}
