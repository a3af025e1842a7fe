use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, Statement};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Speakers get a short random public code for their page on the agenda (no enumerable ids in URLs).
#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    PublicCode,
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
            .alter_table(Table::alter().table(Users::Table).add_column(ColumnDef::new(Users::PublicCode).string().null()).to_owned())
            .await?;
        let db = manager.get_connection();
        let backend = manager.get_database_backend();
        let ids = db.query_all_raw(Statement::from_string(backend, "SELECT id FROM users")).await?;
        for row in ids {
            let id: i32 = row.try_get("", "id")?;
            let update = Query::update()
                .table(Users::Table)
                .value(Users::PublicCode, random_code())
                .and_where(Expr::col(Users::Id).eq(id))
                .to_owned();
            db.execute(&update).await?;
        }
        manager
            .create_index(Index::create().name("users_public_code").table(Users::Table).col(Users::PublicCode).unique().to_owned())
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_index(Index::drop().name("users_public_code").table(Users::Table).to_owned()).await?;
        manager.alter_table(Table::alter().table(Users::Table).drop_column(Users::PublicCode).to_owned()).await
    }
}
