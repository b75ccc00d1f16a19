import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Modal,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  type TableColumnType,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import { ApiError, applyFieldErrors, errorMessage } from "@/lib/problem";
import { useCategories, useDepartments, useProjects } from "@/lib/reference";
import { CASE_KINDS, type CaseKind, SEVERITIES, type Severity } from "@/lib/types";
import { type RoutingRuleInput, useCreateRoutingRule } from "../api/create-routing-rule";
import { useDeleteRoutingRule } from "../api/delete-routing-rule";
import { useRoutingRules } from "../api/routing-rules";
import { useUpdateRoutingRule } from "../api/update-routing-rule";
import { ReadOnlyNotice } from "./read-only-notice";

type Rule = components["schemas"]["RoutingRuleView"];

interface RuleValues {
  project_id?: string | null;
  category_id?: string;
  kind?: CaseKind | null;
  severity?: Severity | null;
  department_id?: string;
  auto_dispatch: boolean;
}

/** Names of the projects, categories and departments the table and the form show. */
function useNames() {
  const { i18n } = useTranslation();
  const projects = useProjects();
  const categories = useCategories();
  const departments = useDepartments();
  const english = i18n.resolvedLanguage === "en";
  return {
    projects: projects.data?.items ?? [],
    categories: (categories.data?.items ?? []).map((c) => ({
      id: c.id,
      name: english ? c.name_en : c.name,
      active: c.active,
    })),
    departments: departments.data?.items ?? [],
  };
}

function RuleModal({ rule, onClose }: { rule: Rule | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RuleValues>();
  const names = useNames();
  const create = useCreateRoutingRule();
  const update = useUpdateRoutingRule();
  const [problem, setProblem] = useState<string | null>(null);
  const required = [{ required: true, message: t("common.required") }];

  const submit = (values: RuleValues) => {
    setProblem(null);
    const body: RoutingRuleInput = {
      project_id: values.project_id ?? null,
      category_id: values.category_id ?? "",
      kind: values.kind ?? null,
      severity: values.severity ?? null,
      department_id: values.department_id ?? "",
      auto_dispatch: values.auto_dispatch,
    };
    const handlers = {
      onSuccess: () => {
        void message.success(t("deadlines.saved"));
        onClose();
      },
      onError: (error: Error) => {
        if (error instanceof ApiError && error.status === 409) setProblem(t("routing.exists"));
        else if (error instanceof ApiError && error.status === 412) setProblem(t("errors.stale"));
        else {
          applyFieldErrors(form, error);
          setProblem(errorMessage(error, t));
        }
      },
    };
    if (rule) update.mutate({ id: rule.id, version: rule.version, body }, handlers);
    else create.mutate(body, handlers);
  };

  return (
    <Modal
      open
      title={rule ? t("routing.edit") : t("routing.new")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={{ id: "routing-submit" }}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem && (
        <Typography.Paragraph type="danger" data-testid="routing-problem">
          {problem}
        </Typography.Paragraph>
      )}
      <Form<RuleValues>
        form={form}
        layout="horizontal"
        labelCol={{ span: 7 }}
        onFinish={submit}
        initialValues={
          rule
            ? {
                project_id: rule.project_id ?? null,
                category_id: rule.category_id,
                kind: rule.kind ?? null,
                severity: rule.severity ?? null,
                department_id: rule.department_id,
                auto_dispatch: rule.auto_dispatch,
              }
            : { project_id: null, kind: null, severity: null, auto_dispatch: false }
        }
      >
        <Form.Item name="project_id" label={t("routing.project")}>
          <Select<string>
            allowClear
            placeholder={t("routing.company")}
            data-testid="routing-project"
            options={names.projects.map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Form.Item name="category_id" label={t("routing.category")} rules={required}>
          <Select<string>
            showSearch
            optionFilterProp="label"
            placeholder={t("routing.chooseCategory")}
            notFoundContent={t("routing.noOptions")}
            data-testid="routing-category"
            options={names.categories
              .filter((c) => c.active || c.id === rule?.category_id)
              .map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
        <Form.Item name="kind" label={t("case.field.kind")}>
          <Select<CaseKind>
            allowClear
            placeholder={t("deadlines.anyKind")}
            data-testid="routing-kind"
            options={CASE_KINDS.map((k) => ({ value: k, label: t(`case.kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="severity" label={t("case.field.severity")}>
          <Select<Severity>
            allowClear
            placeholder={t("deadlines.anySeverity")}
            data-testid="routing-severity"
            options={SEVERITIES.map((s) => ({ value: s, label: t(`case.severity.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="department_id" label={t("routing.department")} rules={required}>
          <Select<string>
            showSearch
            optionFilterProp="label"
            placeholder={t("routing.chooseDepartment")}
            notFoundContent={t("routing.noOptions")}
            data-testid="routing-department"
            options={names.departments.map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        <Form.Item
          name="auto_dispatch"
          label={t("routing.autoDispatch")}
          valuePropName="checked"
          extra={t("routing.autoDispatchHint")}
        >
          <Switch data-testid="routing-auto" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** "Edit" and "delete" of one rule. */
function RuleActions({ rule, onEdit }: { rule: Rule; onEdit: (rule: Rule) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const remove = useDeleteRoutingRule();
  return (
    <Space>
      <Button
        size="small"
        onClick={() => {
          onEdit(rule);
        }}
      >
        {t("common.edit")}
      </Button>
      <Popconfirm
        title={t("routing.confirmDelete")}
        okText={t("common.delete")}
        cancelText={t("common.cancel")}
        onConfirm={() => {
          remove.mutate(rule.id, {
            onError: (error) => void message.error(errorMessage(error, t)),
          });
        }}
      >
        <Button size="small" danger>
          {t("common.delete")}
        </Button>
      </Popconfirm>
    </Space>
  );
}

/**
 * Routing rules: which department a new case of a category (and optionally kind, severity,
 * project) is proposed to, and whether it is dispatched at registration. Without `editable`
 * (no `config_manage`) the table is read-only.
 */
export function RoutingRules({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const rules = useRoutingRules();
  const names = useNames();
  const [editing, setEditing] = useState<Rule | "new" | null>(null);
  const name = (list: { id: string; name: string }[], id: string) =>
    list.find((x) => x.id === id)?.name ?? "…";
  const actionsColumn: TableColumnType<Rule> = {
    key: "actions",
    title: t("common.actions"),
    fixed: "right",
    render: (_, r) => <RuleActions rule={r} onEdit={setEditing} />,
  };

  return (
    <Card
      title={t("routing.title")}
      extra={
        editable && (
          <Button
            type="primary"
            data-testid="routing-new"
            onClick={() => {
              setEditing("new");
            }}
          >
            {t("routing.new")}
          </Button>
        )
      }
    >
      {!editable && <ReadOnlyNotice />}
      <Typography.Paragraph type="secondary">{t("routing.hint")}</Typography.Paragraph>
      {rules.isError ? (
        <Alert
          type="error"
          showIcon
          data-testid="routing-error"
          message={errorMessage(rules.error, t)}
          action={
            <Button
              size="small"
              onClick={() => {
                void rules.refetch();
              }}
            >
              {t("common.retry")}
            </Button>
          }
        />
      ) : (
        <Table<Rule>
          rowKey="id"
          size="small"
          data-testid="routing-table"
          loading={rules.isPending}
          dataSource={rules.data?.items ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty description={t("routing.empty")} /> }}
          columns={[
            {
              key: "project",
              title: t("routing.project"),
              render: (_, r) =>
                r.project_id ? name(names.projects, r.project_id) : <Tag>{t("routing.company")}</Tag>,
            },
            {
              key: "category",
              title: t("routing.category"),
              render: (_, r) => name(names.categories, r.category_id),
            },
            {
              key: "kind",
              title: t("case.field.kind"),
              render: (_, r) => (r.kind ? t(`case.kind.${r.kind}`) : <Tag>{t("deadlines.anyKind")}</Tag>),
            },
            {
              key: "severity",
              title: t("case.field.severity"),
              render: (_, r) =>
                r.severity ? t(`case.severity.${r.severity}`) : <Tag>{t("deadlines.anySeverity")}</Tag>,
            },
            {
              key: "department",
              title: t("routing.department"),
              render: (_, r) => name(names.departments, r.department_id),
            },
            {
              key: "auto",
              title: t("routing.autoDispatch"),
              render: (_, r) => (r.auto_dispatch ? t("common.yes") : t("common.no")),
            },
            ...(editable ? [actionsColumn] : []),
          ]}
        />
      )}
      {editing && (
        <RuleModal
          rule={editing === "new" ? null : editing}
          onClose={() => {
            setEditing(null);
          }}
        />
      )}
    </Card>
  );
}
