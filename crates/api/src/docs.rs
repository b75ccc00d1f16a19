//! The OpenAPI document: base info, security schemes, and the problem responses every
//! operation can give (added in one place rather than repeated on each handler).

use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{Content, OpenApi as OpenApiDoc, RefOr, Response, ResponseBuilder};
use utoipa::{Modify, OpenApi};

use crate::error::Problem;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Huiyin 回音 API",
        description = "Customer-service centre platform for property-management and home-decoration companies: \
cases (complaints, repairs, inquiries, suggestions, praise, incidents), dispatch, return visits and statistics.\n\n\
Errors are RFC 9457 `application/problem+json`. Lists use cursor pagination (`limit`, `cursor` → `{items, next_cursor}`). \
Changes to versioned resources need `If-Match: \"<version>\"`; creates accept `Idempotency-Key`.",
        version = "1.0.0",
        license(name = "MIT")
    ),
    components(schemas(
        Problem,
        // Enums used only in query parameters are not collected from the handlers.
        crate::routes::cases::list_query::Queue,
        crate::routes::cases::list_query::CaseSort,
        crate::routes::stats::ReportFormat,
        crate::routes::visits::views::VisitFilter,
        crate::routes::warnings::WarningStatus,
        huiyin_domain::arrears::Stage,
        huiyin_domain::arrears::ArrearsStatus,
        huiyin_domain::handover::HandoverStatus,
    )),
    modifiers(&Security),
    tags(
        (name = "platform", description = "Health, readiness, metrics"),
        (name = "auth", description = "Login, token refresh, the current user"),
        (name = "organisation", description = "Projects, areas, properties, departments, users"),
        (name = "customers", description = "The customer archive (业主档案)"),
        (name = "cases", description = "Registering and handling cases"),
        (name = "audit", description = "Who viewed personal data and what was exported"),
        (name = "statistics", description = "Complaint statistics, the monthly report and the case export (staff or API keys)"),
        (name = "integrations", description = "API keys for third-party integrations"),
        (name = "deadlines", description = "SLA policies per case kind × severity, the business calendar (holidays, make-up days) and escalation contacts per level (project → area → company)"),
        (name = "visits", description = "Scheduled return visits (回访): repair contact and outcome checks, satisfaction visits"),
        (name = "warnings", description = "Complaint warnings (投诉预警) and their rules"),
        (name = "notifications", description = "The signed-in user's in-app notifications"),
        (name = "webhooks", description = "Signed webhook deliveries of case and warning events (admin or an API key with `webhooks:manage`)"),
        (name = "resident", description = "The residents' mobile app (业主 App): activate a login, list your properties, \
report and follow your own cases, attach photos, rate the result, withdraw. Use a resident access token \
(`POST /api/v1/auth/login` with your phone number as `username`); staff tokens are refused here with 403."),
        (name = "stewardship", description = "Area stewards (片区管家): monthly visit plans, household visits (走访) and coverage, \
the worklist, patrol routes and patrols (巡查; a failed checkpoint opens an incident case), photos, public notices (公示)"),
        (name = "arrears", description = "Fee arrears (欠费催缴) imported from the billing system: the list per area, contacts, \
6- and 12-month escalation, the manager's legal decision, the per-project policy. Money is a decimal string (\"1234.50\")."),
        (name = "handovers", description = "Shift handovers (交接班) with the server's snapshot of open work, signed by the next shift"),
        (name = "knowledge", description = "The knowledge base (应知应会): articles with Chinese full-text search, suggestions during intake, citations"),
        (name = "reply-templates", description = "Standard replies (标准回复) with {customer_name} {case_number} {due_at} placeholders"),
        (name = "leads", description = "Decoration companies: leads (客户资源) registered by the customer manager, fair dispatch to designers by order size and grade with daily, weekly and in-hand caps, follow-ups, lost leads (跑单) confirmed by the design manager"),
        (name = "works", description = "Decoration companies: construction works (装修工程) opened from signed leads, stage visits by customer service, completion, warranty and aftercare visits"),
    )
)]
pub struct ApiDoc;

struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut OpenApiDoc) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "api_key",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::new("X-API-Key"))),
        );
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .build(),
            ),
        );
    }
}

fn problem(description: &str) -> RefOr<Response> {
    RefOr::T(
        ResponseBuilder::new()
            .description(description)
            .content(
                "application/problem+json",
                Content::new(Some(RefOr::Ref(utoipa::openapi::Ref::from_schema_name("Problem")))),
            )
            .build(),
    )
}

/// The operations of a path, whatever their method.
fn operations(item: &mut utoipa::openapi::PathItem) -> impl Iterator<Item = &mut utoipa::openapi::path::Operation> {
    [
        &mut item.get,
        &mut item.post,
        &mut item.put,
        &mut item.patch,
        &mut item.delete,
    ]
    .into_iter()
    .flatten()
}

/// Adds the problem responses every operation can give, so handlers list only their own.
pub fn apply_problem_responses(openapi: &mut OpenApiDoc) {
    name_operations(openapi);
    for (path, item) in openapi.paths.paths.iter_mut() {
        if !path.starts_with("/api/") {
            continue;
        }
        let has_id = path.contains('{');
        for op in operations(item) {
            let secured = op.security.as_ref().is_some_and(|s| !s.is_empty());
            let versioned = op
                .parameters
                .as_ref()
                .is_some_and(|ps| ps.iter().any(|p| p.name.eq_ignore_ascii_case("If-Match")));
            let json_body = op
                .request_body
                .as_ref()
                .is_some_and(|b| b.content.contains_key("application/json"));
            let responses = &mut op.responses.responses;
            let mut add = |code: &str, text: &str| {
                responses.entry(code.to_owned()).or_insert_with(|| problem(text));
            };
            add("400", "Malformed request (bad JSON, bad header or identifier)");
            add("422", "Validation failed; `errors` names each offending field");
            if json_body {
                add("413", "The JSON body is larger than 256 KiB");
                add("415", "The body is not sent as `Content-Type: application/json`");
            }
            if secured {
                add("401", "Missing, invalid or expired access token");
                add("403", "Authenticated but not allowed");
            }
            if has_id {
                add("404", "Does not exist or is outside your scope");
            }
            if versioned {
                add(
                    "412",
                    "Someone else changed it since you read it (`current_version`); reload",
                );
                add("428", "`If-Match` is required");
            }
            add(
                "500",
                "Unexpected error (details are in the server log, never in the body)",
            );
            add("503", "The database is unavailable; retry later");
        }
    }
}

/// Handler names repeat across resources (`list`, `create`, `get_one`…); generated clients need
/// unique operation ids, so staff operations are prefixed with their resource: `projects_list`.
fn name_operations(openapi: &mut OpenApiDoc) {
    for (path, item) in openapi.paths.paths.iter_mut() {
        let Some(rest) = path.strip_prefix("/api/v1/") else {
            continue;
        };
        let resource = rest.split('/').next().unwrap_or(rest).replace('-', "_");
        for op in operations(item) {
            if let Some(id) = &op.operation_id {
                if !id.starts_with("resident_") && !id.starts_with(&format!("{resource}_")) {
                    op.operation_id = Some(format!("{resource}_{id}"));
                }
            }
        }
    }
}
