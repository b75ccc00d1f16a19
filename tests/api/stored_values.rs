//! A stored enum value the code does not know (issue #15) is an error naming the row, never a
//! default: the store's error says which row and which value, while the API answers the generic
//! 500 problem — the value and the row go to the log, not to the client, who cannot fix them.

use huiyin_store::entity::{case, customer_property, user};
use reqwest::StatusCode;
use sea_orm::sea_query::{Alias, Expr, Query};
use sea_orm::{ConnectionTrait, EntityTrait};
use serde_json::json;
use uuid::Uuid;

use crate::case_steps::new_case;
use crate::db_tests;
use crate::helpers::{Reply, TestApp};

db_tests!(an_unknown_stored_value_is_an_error_naming_the_row);

/// Writes `value` into `column` of the row `id` with plain SQL, past the typed model.
async fn corrupt<E: EntityTrait>(app: &TestApp, table: E, column: E::Column, id: Uuid, value: &str) {
    let db = &app.store.db;
    let update = Query::update()
        .table(table.table_ref())
        .value(column, value)
        .and_where(Expr::col(Alias::new("id")).eq(id))
        .to_owned();
    let done = db
        .execute(db.get_database_backend().build(&update))
        .await
        .expect("update");
    assert_eq!(done.rows_affected(), 1);
}

/// The generic problem, with nothing of the stored value in it.
fn assert_generic_problem(reply: &Reply, secret: &str) {
    reply.assert_problem(500, None);
    assert!(!reply.text.contains(secret), "the stored value leaked: {}", reply.text);
}

async fn an_unknown_stored_value_is_an_error_naming_the_row(app: &TestApp) {
    let token = &app.admin_token;
    let project = app.project("翠湖花园").await;
    let property = app.property(&project, None, "3栋", "2单元", "1201").await;
    let created = new_case(
        app,
        token,
        json!({"kind": "repair", "channel": "phone", "severity": "normal", "property_id": property,
               "customer": {"name": "王建国", "phone": "138 0013 8000"},
               "title": "卫生间漏水", "description": "卫生间天花板渗水。"}),
    )
    .await;
    let case_id: Uuid = created["id"].as_str().unwrap().parse().unwrap();
    let path = format!("/api/v1/cases/{case_id}");
    assert_eq!(app.get(&path, token).await.status, StatusCode::OK);

    corrupt(app, case::Entity, case::Column::Kind, case_id, "mystery_kind").await;
    // Not read as a complaint (the old fallback): the case and the list it is in fail.
    assert_generic_problem(&app.get(&path, token).await, "mystery_kind");
    assert_generic_problem(&app.get("/api/v1/cases", token).await, "mystery_kind");
    let error = case::Entity::find_by_id(case_id)
        .one(&app.store.db)
        .await
        .expect_err("an unknown kind is an error");
    let message = error.to_string();
    assert!(
        message.contains(&case_id.to_string()) && message.contains("mystery_kind") && message.contains("case kind"),
        "{message}"
    );

    // The same for another table: a user whose stored role is unknown is not a resident.
    let (user_id, _) = app.user("zhao.agent", "agent", None, &[&project]).await;
    let user_path = format!("/api/v1/users/{user_id}");
    assert_eq!(app.get(&user_path, token).await.status, StatusCode::OK);
    let user_id: Uuid = user_id.parse().unwrap();
    corrupt(app, user::Entity, user::Column::Role, user_id, "overlord").await;
    assert_generic_problem(&app.get(&user_path, token).await, "overlord");
    let message = user::Entity::find_by_id(user_id)
        .one(&app.store.db)
        .await
        .expect_err("an unknown role is an error")
        .to_string();
    assert!(
        message.contains(&user_id.to_string()) && message.contains("overlord"),
        "{message}"
    );

    // A table without an `id`: the error names the composite key.
    let customer = app
        .post(
            "/api/v1/customers",
            token,
            json!({"name": "李女士", "phones": ["139 0013 9000"],
                   "properties": [{"property_id": property, "relation": "owner"}]}),
        )
        .await
        .id();
    let customer_path = format!("/api/v1/customers/{customer}");
    assert_eq!(app.get(&customer_path, token).await.status, StatusCode::OK);
    let (customer_id, property_id): (Uuid, Uuid) = (customer.parse().unwrap(), property.parse().unwrap());
    let update = Query::update()
        .table(customer_property::Entity)
        .value(customer_property::Column::Relation, "landlord_of_the_rings")
        .and_where(Expr::col(customer_property::Column::CustomerId).eq(customer_id))
        .and_where(Expr::col(customer_property::Column::PropertyId).eq(property_id))
        .to_owned();
    let db = &app.store.db;
    let done = db
        .execute(db.get_database_backend().build(&update))
        .await
        .expect("update");
    assert_eq!(done.rows_affected(), 1);
    assert_generic_problem(&app.get(&customer_path, token).await, "landlord_of_the_rings");
    let message = customer_property::Entity::find_by_id((customer_id, property_id))
        .one(db)
        .await
        .expect_err("an unknown relation is an error")
        .to_string();
    assert!(
        message.contains(&format!("customer_id {customer_id}, property_id {property_id}"))
            && message.contains("landlord_of_the_rings")
            && message.contains("property relation"),
        "{message}"
    );
}
