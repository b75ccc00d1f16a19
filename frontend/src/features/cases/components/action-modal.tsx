import { Alert, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Switch } from "antd";
import type { Dayjs } from "dayjs";
import { type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, applyFieldErrors, errorMessage } from "@/lib/problem";
import { useDepartments, useUsers } from "@/lib/reference";
import type { CaseAction, CaseDetail, Satisfaction } from "@/lib/types";
import { SATISFACTIONS } from "@/lib/types";
import { type ActionRequest, useCaseAction } from "../api/case-action";
import { useRoutingProposal } from "../api/routing-proposal";

/** Every field any action form has; each action reads its own. */
interface ActionValues {
  note?: string;
  department_id?: string;
  assignee_id?: string;
  due_at?: Dayjs;
  result?: string;
  charge_amount?: number;
  materials?: string;
  content?: string;
  method?: "phone" | "sms" | "in_person" | "letter" | "wechat" | "email" | "app" | "other";
  reached?: boolean;
  satisfaction?: Satisfaction;
  comment?: string;
  answer?: string;
  article_id?: string;
  reason?: "duplicate" | "invalid" | "withdrawn";
  duplicate_of?: string;
  body?: string;
  visibility?: "internal" | "public";
  why?: string;
}

const orNull = (value: string | undefined) => (value && value.trim() !== "" ? value : null);

function toRequest(action: CaseAction, v: ActionValues): ActionRequest {
  switch (action) {
    case "verify":
      return { action, body: { note: v.note ?? "" } };
    case "dispatch":
      return {
        action,
        body: {
          department_id: v.department_id ?? "",
          assignee_id: v.assignee_id ?? null,
          due_at: v.due_at ? v.due_at.toISOString() : null,
          note: orNull(v.note),
        },
      };
    case "accept":
      return { action, body: null };
    case "resolve":
      return {
        action,
        body: {
          result: v.result ?? "",
          charge_amount: v.charge_amount ?? null,
          materials: orNull(v.materials),
        },
      };
    case "reply":
      return { action, body: { content: v.content ?? "", method: v.method ?? "phone" } };
    case "visit":
      return {
        action,
        body: {
          reached: v.reached ?? true,
          satisfaction: v.reached === false ? null : (v.satisfaction ?? null),
          comment: orNull(v.comment),
        },
      };
    case "close_on_spot":
      return { action, body: { answer: v.answer ?? "", article_id: v.article_id ?? null } };
    case "cancel":
      return {
        action,
        body: { reason: v.reason ?? "invalid", duplicate_of: orNull(v.duplicate_of), note: orNull(v.note) },
      };
    case "comment":
      return { action, body: { body: v.body ?? "", visibility: v.visibility ?? "internal" } };
    case "reassign":
      return {
        action,
        body: {
          department_id: v.department_id ?? null,
          assignee_id: v.assignee_id ?? null,
          note: orNull(v.note),
        },
      };
    case "pause":
    case "escalate":
    case "deescalate":
      return { action, body: { reason: v.why ?? "" } };
    case "resume":
    case "cancel_approve":
    case "cancel_reject":
      return { action, body: { note: orNull(v.note) } };
    case "redispatch":
      // Never a button: a 48 h check recorded as "not done" on the visit worklist does it.
      throw new Error("redispatch is recorded on the visit worklist");
  }
}

function DepartmentFields({ required }: { required: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<ActionValues>();
  const departmentId = Form.useWatch("department_id", form);
  const departments = useDepartments();
  const users = useUsers(departmentId, Boolean(departmentId));
  return (
    <>
      <Form.Item
        name="department_id"
        label={t("case.field.department")}
        rules={required ? [{ required: true, message: t("common.required") }] : []}
      >
        <Select
          data-testid="department-select"
          showSearch
          optionFilterProp="label"
          options={departments.data?.items.map((d) => ({ value: d.id, label: d.name }))}
          onChange={() => {
            form.setFieldValue("assignee_id", undefined);
          }}
        />
      </Form.Item>
      <Form.Item name="assignee_id" label={t("case.field.assignee")}>
        <Select
          data-testid="assignee-select"
          allowClear
          disabled={!departmentId}
          options={users.data?.items.map((u) => ({
            value: u.id,
            label: `${u.display_name} (${u.username})`,
          }))}
        />
      </Form.Item>
    </>
  );
}

function Fields({
  action,
  current,
  articles,
}: {
  action: CaseAction;
  current: CaseDetail;
  articles?: ArticleSlot;
}) {
  const { t } = useTranslation();
  const required = [{ required: true, message: t("common.required") }];
  const reached = Form.useWatch<boolean | undefined>("reached");
  switch (action) {
    case "verify":
      return (
        <Form.Item name="note" label={t("case.field.note")} rules={required}>
          <Input.TextArea rows={3} />
        </Form.Item>
      );
    case "dispatch":
      return (
        <>
          <DepartmentFields required />
          <Form.Item name="due_at" label={t("case.field.dueAt")}>
            <DatePicker showTime style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item name="note" label={t("case.field.note")}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      );
    case "reassign":
      return (
        <>
          <DepartmentFields required={false} />
          <Form.Item name="note" label={t("case.field.note")}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      );
    case "accept":
      return null;
    case "resolve":
      return (
        <>
          <Form.Item name="result" label={t("case.field.result")} rules={required}>
            <Input.TextArea rows={3} data-testid="field-result" />
          </Form.Item>
          <Form.Item name="charge_amount" label={t("case.field.charge")}>
            <InputNumber min={0} step={1} style={{ width: "100%" }} />
          </Form.Item>
        </>
      );
    case "reply":
      return (
        <>
          <Form.Item name="content" label={t("case.field.content")} rules={required}>
            <Input.TextArea rows={3} data-testid="field-content" />
          </Form.Item>
          <Form.Item name="method" label={t("case.field.method")} rules={required}>
            <Select
              options={(
                ["phone", "sms", "in_person", "letter", "wechat", "email", "app", "other"] as const
              ).map((m) => ({
                value: m,
                label: t(`case.replyMethod.${m}`),
              }))}
            />
          </Form.Item>
        </>
      );
    case "visit":
      return (
        <>
          <Form.Item name="reached" label={t("case.field.reached")} valuePropName="checked">
            <Switch />
          </Form.Item>
          {reached !== false && (
            <Form.Item name="satisfaction" label={t("case.field.satisfaction")} rules={required}>
              <Radio.Group
                optionType="button"
                options={SATISFACTIONS.map((s) => ({ value: s, label: t(`case.satisfaction.${s}`) }))}
              />
            </Form.Item>
          )}
          <Form.Item name="comment" label={t("case.field.comment")}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      );
    case "close_on_spot":
      return (
        <>
          {articles && (
            <Form.Item name="article_id" label={t("case.field.article")}>
              {articles(current.title)}
            </Form.Item>
          )}
          <Form.Item name="answer" label={t("case.field.answer")} rules={required}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </>
      );
    case "cancel":
      return (
        <>
          <Form.Item name="reason" label={t("case.field.reason")} rules={required}>
            <Radio.Group
              options={(["duplicate", "invalid", "withdrawn"] as const).map((r) => ({
                value: r,
                label: t(`case.cancelReason.${r}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="duplicate_of" label={t("case.field.duplicateOf")}>
            <Input />
          </Form.Item>
          <Form.Item
            name="note"
            label={t("case.field.note")}
            rules={current.status === "dispatched" || current.status === "in_progress" ? required : []}
            extra={
              current.status === "dispatched" || current.status === "in_progress"
                ? t("case.cancelNeedsApproval")
                : undefined
            }
          >
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      );
    case "pause":
    case "escalate":
    case "deescalate":
      return (
        <Form.Item name="why" label={t("case.field.why")} rules={required}>
          <Input.TextArea rows={3} data-testid="field-why" />
        </Form.Item>
      );
    case "resume":
      return (
        <Form.Item name="note" label={t("case.field.note")}>
          <Input.TextArea rows={2} />
        </Form.Item>
      );
    case "cancel_approve":
    case "cancel_reject":
      return (
        <>
          {current.cancel_request && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              message={t(`case.cancelReason.${current.cancel_request.reason}`)}
              description={current.cancel_request.note}
            />
          )}
          <Form.Item name="note" label={t("case.field.note")}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      );
    case "comment":
      return (
        <>
          <Form.Item name="body" label={t("case.field.body")} rules={required}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="visibility" label={t("case.field.visibility")}>
            <Radio.Group
              options={(["internal", "public"] as const).map((v) => ({
                value: v,
                label: t(`case.visibility.${v}`),
              }))}
            />
          </Form.Item>
        </>
      );
  }
}

/** Where a standard reply may be inserted: the action, and the form field receiving the text. */
const TEMPLATE_FIELDS = { reply: "content", visit: "comment", comment: "body" } as const;
export type TemplateUse = keyof typeof TEMPLATE_FIELDS;

/** Renders a standard-reply picker for a form; the app composes it from the reply-templates feature. */
export type TemplateSlot = (use: TemplateUse, insert: (text: string) => void) => ReactNode;

/**
 * Renders the knowledge-article control of the close-on-spot form for a case title (a form control
 * taking `value`/`onChange`); the app composes it from the knowledge feature.
 */
export type ArticleSlot = (caseTitle: string) => ReactNode;

/**
 * The form for one action. The version sent in If-Match is the case's current one at submit
 * time: after a 412 the case reloads, the form keeps its values and the next submit uses the
 * fresh version.
 */
export function ActionModal({
  action,
  current,
  onClose,
  onDone,
  templates,
  articles,
}: {
  action: CaseAction;
  current: CaseDetail;
  onClose: () => void;
  onDone: () => void;
  templates?: TemplateSlot;
  articles?: ArticleSlot;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ActionValues>();
  const run = useCaseAction();
  // A first dispatch pre-selects the department the routing rules propose.
  const proposal = useRoutingProposal({
    project_id: action === "dispatch" && !current.department_id ? current.project_id : undefined,
    category_id: current.category_id ?? undefined,
    kind: current.kind,
    severity: current.severity,
  });
  const proposed = proposal.data?.department_id;
  useEffect(() => {
    if (proposed && !form.getFieldValue("department_id")) form.setFieldValue("department_id", proposed);
  }, [proposed, form]);
  const [problem, setProblem] = useState<{ title: string; detail?: string } | null>(null);

  const submit = (values: ActionValues) => {
    setProblem(null);
    run.mutate(
      { id: current.id, version: current.version, request: toRequest(action, values) },
      {
        onSuccess: onDone,
        onError: (error) => {
          if (error instanceof ApiError && error.status === 412)
            setProblem({ title: t("case.staleTitle"), detail: t("case.staleBody") });
          else if (error instanceof ApiError && error.status === 409)
            setProblem({ title: t("case.conflict") });
          else {
            const rest = applyFieldErrors(form, error);
            setProblem({
              title: errorMessage(error, t),
              detail: rest.map((r) => r.errors.join(" ")).join("; ") || undefined,
            });
          }
        },
      },
    );
  };

  return (
    <Modal
      open
      title={`${t(`case.action.${action}`)} · ${current.number}`}
      okText={t("common.submit")}
      cancelText={t("common.cancel")}
      confirmLoading={run.isPending}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      okButtonProps={{ id: "action-submit" }}
      destroyOnHidden
    >
      {problem && (
        <Alert
          type="warning"
          showIcon
          message={problem.title}
          description={problem.detail}
          style={{ marginBottom: 16 }}
          data-testid="action-problem"
        />
      )}
      <Form<ActionValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          reached: true,
          visibility: "internal",
          method: "phone",
          department_id: current.department_id ?? undefined,
        }}
      >
        {templates && action in TEMPLATE_FIELDS && (
          <Form.Item>
            {templates(action as TemplateUse, (text) => {
              const field = TEMPLATE_FIELDS[action as TemplateUse];
              const before = (form.getFieldValue(field) as string | undefined) ?? "";
              form.setFieldValue(field, before ? `${before}\n${text}` : text);
            })}
          </Form.Item>
        )}
        <Fields action={action} current={current} articles={articles} />
      </Form>
    </Modal>
  );
}
