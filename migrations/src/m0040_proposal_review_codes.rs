use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, Statement};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Proposals get a second random code for review links, so that a reviewer never holds the public
/// code of a talk (which would open its public page, speakers included, while reviews are anonymous).
#[derive(DeriveIden)]
enum Proposals {
    Table,
    Id,
    ReviewCode,
}

fn random_code() -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyz23456789";
    let mut rng = rand::rngs::OsRng;
    (0..12).map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char).collect()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter().table(Proposals::Table).add_column(ColumnDef::new(Proposals::ReviewCode).string().null()).to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        let backend = manager.get_database_backend();
        let ids = db.query_all_raw(Statement::from_string(backend, "SELECT id FROM proposals")).await?;
        for row in ids {
            let id: i32 = row.try_get("", "id")?;
            let update = Query::update()
                .table(Proposals::Table)
                .value(Proposals::ReviewCode, random_code())
                .and_where(Expr::col(Proposals::Id).eq(id))
                .to_owned();
            db.execute(&update).await?;
        }
        manager
            .create_index(
                Index::create().name("proposals_review_code").table(Proposals::Table).col(Proposals::ReviewCode).unique().to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_index(Index::drop().name("proposals_review_code").table(Proposals::Table).to_owned()).await?;
        manager.alter_table(Table::alter().table(Proposals::Table).drop_column(Proposals::ReviewCode).to_owned()).await
    }
}
