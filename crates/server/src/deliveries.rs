//! Webhook delivery: one POST per delivery row, signed with the subscription's secret.
//! A non-2xx answer or a network error fails the job, which the queue retries with backoff;
//! the delivery log records every attempt.

use std::time::Duration;

use chrono::Utc;
use huiyin_domain::webhook::{sign, DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER};
use huiyin_store::entity::job;
use huiyin_store::webhooks::{self, SUCCEEDED};
use huiyin_store::Store;
use uuid::Uuid;

/// The HTTP client for deliveries: bounded time, no redirects (a receiver answers for itself).
pub fn client(timeout: Duration) -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(timeout)
        .connect_timeout(timeout.min(Duration::from_secs(5)))
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(concat!("Huiyin-Webhooks/", env!("CARGO_PKG_VERSION")))
        .build()
        .unwrap_or_default()
}

pub async fn deliver(store: &Store, http: &reqwest::Client, job: &job::Model) -> Result<(), String> {
    let payload: serde_json::Value = serde_json::from_str(&job.payload).map_err(|e| format!("bad job payload: {e}"))?;
    let id: Uuid = payload["delivery_id"]
        .as_str()
        .and_then(|s| s.parse().ok())
        .ok_or("job payload lacks delivery_id")?;
    let db = &store.db;
    let Some((delivery, hook)) = webhooks::load_for_delivery(db, id).await.map_err(|e| e.to_string())? else {
        // The subscription was deleted: nothing left to deliver.
        return Ok(());
    };
    if delivery.status == SUCCEEDED {
        return Ok(());
    }
    let final_attempt = job.attempts >= job.max_attempts;
    if !hook.active {
        webhooks::record_attempt(db, &delivery, None, Some("subscription is inactive".into()), true)
            .await
            .map_err(|e| e.to_string())?;
        return Ok(());
    }
    let timestamp = Utc::now().timestamp();
    let signature = sign(&hook.secret, timestamp, delivery.payload.as_bytes());
    let sent = http
        .post(&hook.url)
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .header(EVENT_HEADER, &delivery.event)
        .header(DELIVERY_HEADER, delivery.id.to_string())
        .header(TIMESTAMP_HEADER, timestamp.to_string())
        .header(SIGNATURE_HEADER, signature)
        .body(delivery.payload.clone())
        .send()
        .await;
    let (status, error) = match sent {
        Ok(response) if response.status().is_success() => (Some(response.status().as_u16()), None),
        Ok(response) => (
            Some(response.status().as_u16()),
            Some(format!("the receiver answered {}", response.status())),
        ),
        Err(e) if e.is_timeout() => (None, Some("the receiver did not answer in time".to_owned())),
        Err(e) => (None, Some(format!("could not reach the receiver: {e}"))),
    };
    webhooks::record_attempt(db, &delivery, status, error.clone(), final_attempt)
        .await
        .map_err(|e| e.to_string())?;
    match error {
        None => Ok(()),
        Some(error) => Err(error),
    }
}
