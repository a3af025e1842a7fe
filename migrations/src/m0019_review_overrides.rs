use sea_orm_migration::{prelude::*, schema::*};

use crate::cascade_fk;
use crate::m0001_users::Users;
use crate::m0014_proposals::Proposals;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// An organiser lets a reviewer review a proposal flagged as a conflict (same company).
#[derive(DeriveIden)]
enum ReviewOverrides {
    Table,
    Id,
    ProposalId,
    ReviewerId,
    GrantedBy,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use ReviewOverrides as O;
        manager
            .create_table(
                Table::create()
                    .table(O::Table)
                    .if_not_exists()
                    .col(pk_auto(O::Id))
                    .col(integer(O::ProposalId))
                    .col(integer(O::ReviewerId))
                    .col(integer(O::GrantedBy))
                    .col(timestamp_with_time_zone(O::CreatedAt))
                    .foreign_key(&mut cascade_fk((O::Table, O::ProposalId), (Proposals::Table, Proposals::Id)))
                    .foreign_key(&mut cascade_fk((O::Table, O::ReviewerId), (Users::Table, Users::Id)))
                    .foreign_key(&mut cascade_fk((O::Table, O::GrantedBy), (Users::Table, Users::Id)))
                    .index(Index::create().name("ux_review_overrides").col(O::ProposalId).col(O::ReviewerId).unique())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(ReviewOverrides::Table).to_owned()).await
    }
}
