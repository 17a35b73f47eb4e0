//! The keys of every table as the database itself reports them, so a test can hold the
//! schema to the rule a distributed PostgreSQL (Citus) needs: every primary key and every
//! foreign key begins with the regency key, `tenant_id`.

use sqlx::Row;

use crate::{Backend, Result, Store};

/// One table's primary key and foreign keys, each as its columns in key order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TableKeys {
    pub table: String,
    pub primary: Vec<String>,
    pub foreign: Vec<Vec<String>>,
}

impl Store {
    /// Every table of the schema with its keys, by table name.
    pub async fn table_keys(&self) -> Result<Vec<TableKeys>> {
        match self.backend {
            Backend::Sqlite => self.sqlite_keys().await,
            Backend::Postgres => self.postgres_keys().await,
        }
    }

    async fn sqlite_keys(&self) -> Result<Vec<TableKeys>> {
        let tables = sqlx::query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             ORDER BY name",
        )
        .fetch_all(&self.reader)
        .await?;
        let mut all = Vec::new();
        for row in tables {
            let table: String = row.try_get("name")?;
            let mut primary: Vec<(i64, String)> = Vec::new();
            for column in sqlx::query("SELECT name, pk FROM pragma_table_info($1)")
                .bind(&table)
                .fetch_all(&self.reader)
                .await?
            {
                let position: i64 = column.try_get("pk")?;
                if position > 0 {
                    primary.push((position, column.try_get("name")?));
                }
            }
            primary.sort();
            let mut foreign: Vec<(i64, Vec<String>)> = Vec::new();
            for column in sqlx::query(
                "SELECT id, seq, \"from\" AS name FROM pragma_foreign_key_list($1) ORDER BY id, seq",
            )
            .bind(&table)
            .fetch_all(&self.reader)
            .await?
            {
                let id: i64 = column.try_get("id")?;
                let name: String = column.try_get("name")?;
                match foreign.last_mut() {
                    Some((last, columns)) if *last == id => columns.push(name),
                    _ => foreign.push((id, vec![name])),
                }
            }
            all.push(TableKeys {
                table,
                primary: primary.into_iter().map(|(_, name)| name).collect(),
                foreign: foreign.into_iter().map(|(_, columns)| columns).collect(),
            });
        }
        Ok(all)
    }

    async fn postgres_keys(&self) -> Result<Vec<TableKeys>> {
        let mut all: Vec<TableKeys> = sqlx::query(
            "SELECT table_name::TEXT AS name FROM information_schema.tables
             WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
             ORDER BY table_name",
        )
        .fetch_all(&self.reader)
        .await?
        .iter()
        .map(|row| {
            Ok(TableKeys {
                table: row.try_get("name")?,
                ..TableKeys::default()
            })
        })
        .collect::<Result<_>>()?;
        let columns = sqlx::query(
            "SELECT tc.table_name::TEXT AS table_name, tc.constraint_name::TEXT AS constraint_name,
                    tc.constraint_type::TEXT AS kind, kcu.column_name::TEXT AS column_name
             FROM information_schema.table_constraints tc
             JOIN information_schema.key_column_usage kcu
               ON kcu.constraint_schema = tc.constraint_schema
              AND kcu.constraint_name = tc.constraint_name
              AND kcu.table_name = tc.table_name
             WHERE tc.table_schema = current_schema()
               AND tc.constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY')
             ORDER BY tc.table_name, tc.constraint_name, kcu.ordinal_position",
        )
        .fetch_all(&self.reader)
        .await?;
        let mut last: Option<(String, String)> = None;
        for row in columns {
            let table: String = row.try_get("table_name")?;
            let constraint: String = row.try_get("constraint_name")?;
            let kind: String = row.try_get("kind")?;
            let column: String = row.try_get("column_name")?;
            let Some(keys) = all.iter_mut().find(|k| k.table == table) else {
                continue;
            };
            let same = last.as_ref() == Some(&(table.clone(), constraint.clone()));
            if kind == "PRIMARY KEY" {
                keys.primary.push(column);
            } else if same {
                if let Some(columns) = keys.foreign.last_mut() {
                    columns.push(column);
                }
            } else {
                keys.foreign.push(vec![column]);
            }
            last = Some((table, constraint));
        }
        Ok(all)
    }
}
