//! `POST /api/v1/cases/{id}/<action>`: each needs `If-Match: "<version>"` (428 without, 412 when
//! stale) and answers 409 naming the current status when the state machine forbids the action.

use actix_web::http::StatusCode;
use actix_web::{post, web, HttpResponse};
use huiyin_domain::sla::escalation::Level;
use huiyin_store::cases::actions::ActionInput;
use huiyin_store::cases::pipeline;
use huiyin_store::cases::query;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::action_bodies::{
    CancelCase, CloseOnSpot, CommentCase, DecideCancel, DispatchCase, EscalateCase, PauseCase, ReassignCase, ReplyCase,
    ResolveCase, ResumeCase, VerifyCase, VisitCase,
};
use super::views::CaseResponse;
use super::{case_reply, render};
use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::extract::{IfMatch, Json};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(verify)
        .service(dispatch)
        .service(accept)
        .service(resolve)
        .service(reply)
        .service(visit)
        .service(close_on_spot)
        .service(cancel)
        .service(cancel_approve)
        .service(cancel_reject)
        .service(comment)
        .service(reassign)
        .service(pause)
        .service(resume)
        .service(escalate)
        .service(deescalate);
}

async fn act(
    state: &AppState,
    user: &AuthUser,
    id: Uuid,
    version: IfMatch,
    input: ActionInput,
) -> ApiResult<HttpResponse> {
    // The level is the store's to check (a steward escalates only from project level): here,
    // whether the role may perform the action at all.
    let action = input.action();
    let at_some_level = huiyin_domain::permission::may_act(user.role, action, Level::Project);
    if !at_some_level {
        user.require(action.permission())?;
    }
    let saved = pipeline::perform(&state.store.db, user, id, version.0, input).await?;
    let record = query::record(&state.store.db, saved).await?;
    Ok(case_reply(StatusCode::OK, &render(state, user, record).await?))
}

macro_rules! case_action {
    ($fn:ident, $path:literal, $body:ty, $variant:expr, $doc:literal) => {
        #[doc = $doc]
        #[utoipa::path(
            tag = "cases",
            request_body = $body,
            params(("If-Match" = String, Header, description = "The case version you last read, e.g. \"3\"")),
            responses(
                (status = 200, body = CaseResponse),
                (status = 403, body = crate::error::Problem, content_type = "application/problem+json", description = "Your role may not do this (or, for `dispatch`, the project's `dispatch_by` rule)"),
                (status = 409, body = crate::error::Problem, content_type = "application/problem+json", description = "Not allowed in the current status (`current_status` says which)"),
                (status = 412, body = crate::error::Problem, content_type = "application/problem+json", description = "Someone else changed the case (`current_version`)"),
                (status = 428, body = crate::error::Problem, content_type = "application/problem+json", description = "If-Match missing")
            ),
            security(("bearer" = []))
        )]
        #[post($path)]
        async fn $fn(state: web::Data<AppState>, user: AuthUser, id: web::Path<Uuid>, version: IfMatch, Json(body): Json<$body>) -> ApiResult<HttpResponse> {
            act(&state, &user, *id, version, $variant(body.into())).await
        }
    };
}

case_action!(
    verify,
    "/cases/{id}/verify",
    VerifyCase,
    ActionInput::Verify,
    "Same-day verification (调查核实) with a note; the case stays registered."
);
case_action!(
    dispatch,
    "/cases/{id}/dispatch",
    DispatchCase,
    ActionInput::Dispatch,
    "Dispatches a work order (派工单) to a department, optionally to one person, with a due time."
);
case_action!(
    resolve,
    "/cases/{id}/resolve",
    ResolveCase,
    ActionInput::Resolve,
    "Records the department's result (and any out-of-warranty charge)."
);
case_action!(
    reply,
    "/cases/{id}/reply",
    ReplyCase,
    ActionInput::Reply,
    "Records what the customer was told (回复); the case then awaits its return visit."
);
case_action!(
    visit,
    "/cases/{id}/visit",
    VisitCase,
    ActionInput::Visit,
    "Records a return visit (回访). Satisfied closes the case; dissatisfied or worse dispatches it again to the same department (二次派单)."
);
case_action!(
    close_on_spot,
    "/cases/{id}/close_on_spot",
    CloseOnSpot,
    ActionInput::CloseOnSpot,
    "Closes an inquiry, suggestion or praise answered during the first contact."
);
case_action!(
    cancel,
    "/cases/{id}/cancel",
    CancelCase,
    ActionInput::Cancel,
    "Cancels a duplicate (linking the original), invalid or withdrawn case. On a dispatched or in-progress case, anyone below supervisor only requests it (`note` required): the case keeps its work order and deadlines until a supervisor approves or rejects (`cancel_request` on the case)."
);
case_action!(
    cancel_approve,
    "/cases/{id}/cancel/approve",
    DecideCancel,
    ActionInput::CancelApprove,
    "Approves the requested cancellation (supervisors and up): the case is cancelled with the requested reason and its work order withdrawn. 409 when no request waits."
);
case_action!(
    cancel_reject,
    "/cases/{id}/cancel/reject",
    DecideCancel,
    ActionInput::CancelReject,
    "Rejects the requested cancellation (supervisors and up): the case goes on as it was. 409 when no request waits."
);
case_action!(
    comment,
    "/cases/{id}/comment",
    CommentCase,
    ActionInput::Comment,
    "Adds an internal or public note to the timeline."
);
case_action!(
    reassign,
    "/cases/{id}/reassign",
    ReassignCase,
    ActionInput::Reassign,
    "Moves the open work order to another department or person; it must be accepted again."
);

case_action!(
    pause,
    "/cases/{id}/pause",
    PauseCase,
    ActionInput::Pause,
    "Stops the deadline clocks while the case waits on the customer; the reason shows in the timeline. Any handling action (or `resume`) restarts them, giving back the time that was left."
);
case_action!(
    resume,
    "/cases/{id}/resume",
    ResumeCase,
    ActionInput::Resume,
    "Restarts the deadline clocks of a paused case."
);
case_action!(
    escalate,
    "/cases/{id}/escalate",
    EscalateCase,
    ActionInput::Escalate,
    "Raises the case one level (project → area → company) with a reason and notifies that level's people."
);
case_action!(
    deescalate,
    "/cases/{id}/deescalate",
    EscalateCase,
    ActionInput::Deescalate,
    "Lowers the case one level (managers only)."
);

/// The handler takes the work order (the body may be empty or `{}`).
#[utoipa::path(
    tag = "cases",
    params(("If-Match" = String, Header, description = "The case version you last read")),
    responses(
        (status = 200, body = CaseResponse),
        (status = 409, body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 412, body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 428, body = crate::error::Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[post("/cases/{id}/accept")]
async fn accept(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    version: IfMatch,
) -> ApiResult<HttpResponse> {
    act(&state, &user, *id, version, ActionInput::Accept).await
}
