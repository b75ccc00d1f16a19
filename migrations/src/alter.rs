//! Changes to existing tables, written once: SQLite alters one column per statement, so adding
//! or dropping several columns is a loop every such migration would otherwise repeat.

use sea_orm_migration::prelude::*;

/// Adds `columns` to `table`, one `ALTER TABLE` each.
pub async fn add_columns<T, I>(manager: &SchemaManager<'_>, table: T, columns: I) -> Result<(), DbErr>
where
    T: IntoIden,
    I: IntoIterator<Item = ColumnDef>,
{
    let table = table.into_iden();
    for mut column in columns {
        manager
            .alter_table(Table::alter().table(table.clone()).add_column(&mut column).to_owned())
            .await?;
    }
    Ok(())
}

/// Drops `columns` from `table`, one `ALTER TABLE` each (the reverse of [`add_columns`]).
pub async fn drop_columns<T, C, I>(manager: &SchemaManager<'_>, table: T, columns: I) -> Result<(), DbErr>
where
    T: IntoIden,
    C: IntoIden,
    I: IntoIterator<Item = C>,
{
    let table = table.into_iden();
    for column in columns {
        manager
            .alter_table(
                Table::alter()
                    .table(table.clone())
                    .drop_column(column.into_iden())
                    .to_owned(),
            )
            .await?;
    }
    Ok(())
}

/// Creates the index `name` on `table` over `columns`, in that order.
pub async fn add_index<T, C, I>(manager: &SchemaManager<'_>, name: &str, table: T, columns: I) -> Result<(), DbErr>
where
    T: IntoIden,
    C: IntoIden,
    I: IntoIterator<Item = C>,
{
    let mut index = Index::create();
    index.name(name).table(table.into_iden());
    for column in columns {
        index.col(column.into_iden());
    }
    manager.create_index(index.to_owned()).await
}

/// Drops the index `name` from `table`.
pub async fn drop_index<T: IntoIden>(manager: &SchemaManager<'_>, name: &str, table: T) -> Result<(), DbErr> {
    manager
        .drop_index(Index::drop().name(name).table(table.into_iden()).to_owned())
        .await
}
