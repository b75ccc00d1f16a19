//! The demo customer archive: a known resident with an app login, for trying the residents' API
//! (docs/resident-app.md), and 160 customers in random rooms.

use chrono::Duration;
use huiyin_domain::customer::Relation;
use huiyin_store::customers::{self, CreateCustomer, CustomerPropertyInput};
use huiyin_store::residents::accounts::{self, IssueAccount};
use huiyin_store::{Actor, StoreResult};
use rand::rngs::StdRng;
use rand::Rng;
use sea_orm::{ConnectionTrait, TransactionTrait};
use uuid::Uuid;

use super::organisation::rooms;
use super::templates::{GIVEN, SURNAMES};
use super::{DEMO_PASSWORD, DEMO_RESIDENT_PHONE};

/// A customer and the room they were registered with: who reports the demo cases, and where.
pub(super) type Home = (Uuid, Uuid);

async fn customer<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    admin: &Actor,
    name: String,
    phone: String,
    (room, relation): (Uuid, Relation),
    tags: Vec<String>,
) -> StoreResult<Uuid> {
    let input = CreateCustomer {
        name,
        phones: vec![phone],
        properties: vec![CustomerPropertyInput {
            property_id: room,
            relation,
        }],
        tags,
        notes: None,
        project_id: None,
        ..Default::default()
    };
    Ok(customers::create(db, admin, input).await?.customer.id)
}

/// Creates the customers; returns their homes, the demo resident's first.
pub(super) async fn create<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    admin: &Actor,
    rng: &mut StdRng,
) -> StoreResult<Vec<Home>> {
    let rooms: Vec<Uuid> = rooms(db, admin, None).await?.into_iter().map(|room| room.id).collect();
    let home = rooms[0];
    let resident = customer(
        db,
        admin,
        "王建国".into(),
        DEMO_RESIDENT_PHONE.into(),
        (home, Relation::Owner),
        vec![],
    )
    .await?;
    let issued = accounts::issue(db, admin, resident, IssueAccount { phone: None }, Duration::hours(1)).await?;
    accounts::activate_unchecked(db, &issued.phone, &issued.code, DEMO_PASSWORD).await?;
    let mut homes = vec![(resident, home)];
    for i in 0..160 {
        let room = rooms[rng.gen_range(0..rooms.len())];
        let name = format!(
            "{}{}",
            SURNAMES[rng.gen_range(0..SURNAMES.len())],
            GIVEN[rng.gen_range(0..GIVEN.len())]
        );
        let phone = format!("13{}{:08}", rng.gen_range(0..10), 10_000_000 + i * 7919 % 90_000_000);
        let relation = match rng.gen_range(0..10) {
            0..=6 => Relation::Owner,
            7..=8 => Relation::Tenant,
            _ => Relation::Family,
        };
        let tags = if rng.gen_bool(0.08) {
            vec!["VIP".to_owned()]
        } else {
            vec![]
        };
        homes.push((customer(db, admin, name, phone, (room, relation), tags).await?, room));
    }
    Ok(homes)
}
