import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Result,
  Row,
  Segmented,
  Select,
  Space,
  Spin,
  Tag,
  TreeSelect,
  Typography,
} from "antd";
import { type ReactNode, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { applyFieldErrors, errorMessage } from "@/lib/problem";
import { useCategories, useDepartments, useProjects } from "@/lib/reference";
import {
  CASE_KINDS,
  type CaseDetail,
  type CaseKind,
  type Category,
  CHANNELS,
  type Channel,
  type CustomerDetail,
  SEVERITIES,
  type Severity,
} from "@/lib/types";
import {
  type CreateCaseBody,
  useCreateCase,
  useCustomerLookup,
  useProperties,
  useRoutingProposal,
} from "../api/cases";
import { StatusTag } from "./case-tags";

interface IntakeValues {
  kind: CaseKind;
  channel: Channel;
  severity: Severity;
  category_id?: string;
  project_id?: string;
  property_id?: string;
  title: string;
  description: string;
  new_name?: string;
  new_phone?: string;
}

interface TreeNode {
  value: string;
  title: string;
  children: TreeNode[];
}

function categoryTree(items: Category[], english: boolean): TreeNode[] {
  const node = (c: Category): TreeNode => ({
    value: c.id,
    title: english ? c.name_en : c.name,
    children: items.filter((x) => x.parent_id === c.id && x.active).map(node),
  });
  return items.filter((c) => !c.parent_id && c.active).map(node);
}

function useDebounced(value: string, ms = 300) {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => {
      setDebounced(value);
    }, ms);
    return () => {
      window.clearTimeout(timer);
    };
  }, [value, ms]);
  return debounced;
}

function CustomerCard({
  customer,
  selected,
  onSelect,
}: {
  customer: CustomerDetail;
  selected: boolean;
  onSelect: (customer: CustomerDetail, propertyId?: string, projectId?: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid="intake-customer"
      style={{ borderColor: selected ? "#1677ff" : undefined }}
      title={
        <Space wrap>
          <span>{customer.name}</span>
          <Typography.Text type="secondary">{customer.phones.join(", ")}</Typography.Text>
          {customer.repeat_complaint && (
            <Tag color="red" data-testid="repeat-complaint">
              {t("intake.repeatComplaint")}
            </Tag>
          )}
        </Space>
      }
      extra={
        <Button
          size="small"
          type={selected ? "primary" : "default"}
          onClick={() => {
            const first = customer.properties[0];
            onSelect(customer, first?.property_id, first?.project_id);
          }}
        >
          {selected ? t("intake.selected") : t("intake.select")}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 8 }}>
        {customer.properties.map((p) => (
          <Tag
            key={p.property_id}
            style={{ cursor: "pointer" }}
            onClick={() => {
              onSelect(customer, p.property_id, p.project_id);
            }}
          >
            {p.label}
          </Tag>
        ))}
      </Space>
      {customer.recent_cases.length > 0 && (
        <List
          size="small"
          dataSource={customer.recent_cases.slice(0, 5)}
          renderItem={(c) => (
            <List.Item>
              <Space wrap>
                <Link to={`/cases/${c.id}`}>{c.number}</Link>
                <StatusTag status={c.status} />
                <span>{c.title}</span>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** The intake (登记) screen, made for a phone call: look up, fill in, Ctrl/Cmd+Enter. */
/**
 * Renders knowledge suggestions for the case being typed (its title and category); the app
 * composes it from the knowledge feature.
 */
export type SuggestionSlot = (title: string, categoryId: string | undefined) => ReactNode;

export function IntakeForm({ suggestions }: { suggestions?: SuggestionSlot } = {}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<IntakeValues>();
  const [search, setSearch] = useState("");
  const [customer, setCustomer] = useState<CustomerDetail | null>(null);
  const [propertySearch, setPropertySearch] = useState("");
  const [created, setCreated] = useState<CaseDetail | null>(null);
  const [submissionKey, setSubmissionKey] = useState(() => crypto.randomUUID());
  const lookup = useCustomerLookup(useDebounced(search));
  const categories = useCategories();
  const projects = useProjects();
  const projectId = Form.useWatch("project_id", form);
  const watchedTitle = Form.useWatch<string | undefined>("title", form);
  const typedTitle = useDebounced(watchedTitle ?? "");
  const typedCategory = Form.useWatch("category_id", form);
  const typedKind = Form.useWatch("kind", form);
  const typedSeverity = Form.useWatch("severity", form);
  const departments = useDepartments();
  // The routing rules' proposal for what is typed: shown, and pre-selected when dispatching.
  const proposal = useRoutingProposal({
    project_id: projectId ?? undefined,
    category_id: typedCategory ?? undefined,
    kind: typedKind,
    severity: typedSeverity,
  });
  const proposedName = departments.data?.items.find((d) => d.id === proposal.data?.department_id)?.name;
  const properties = useProperties(useDebounced(propertySearch), projectId);
  const create = useCreateCase();
  const english = i18n.resolvedLanguage === "en";
  const tree = useMemo(() => categoryTree(categories.data?.items ?? [], english), [categories.data, english]);

  const select = (c: CustomerDetail, propertyId?: string, project?: string) => {
    setCustomer(c);
    form.setFieldsValue({ property_id: propertyId, project_id: project });
  };

  const submit = (values: IntakeValues) => {
    if (create.isPending) return;
    const body: CreateCaseBody = {
      kind: values.kind,
      channel: values.channel,
      severity: values.severity,
      category_id: values.category_id ?? null,
      project_id: values.project_id ?? null,
      property_id: values.property_id ?? null,
      title: values.title,
      description: values.description,
      customer_id: customer?.id ?? null,
      customer:
        !customer && values.new_name && values.new_phone
          ? { name: values.new_name, phone: values.new_phone }
          : null,
    };
    create.mutate(
      { body, key: submissionKey },
      {
        onSuccess: (result) => {
          setCreated(result);
          setSubmissionKey(crypto.randomUUID());
          form.resetFields();
          setCustomer(null);
          setSearch("");
        },
        onError: (error) => {
          const rest = applyFieldErrors(form, error);
          void message.error(
            rest.length > 0 ? rest.map((r) => r.errors.join(" ")).join("; ") : errorMessage(error, t),
          );
        },
      },
    );
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.submit();
    }
  };

  let results: ReactNode = null;
  if (search.trim().length >= 2) {
    if (lookup.isFetching && !lookup.data) results = <Spin />;
    else if (lookup.data && lookup.data.length === 0)
      results = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("intake.noCustomer")} />;
    else
      results = (
        <Flex vertical gap="small">
          {lookup.data?.map((c) => (
            <CustomerCard key={c.id} customer={c} selected={customer?.id === c.id} onSelect={select} />
          ))}
        </Flex>
      );
  }

  return (
    <Flex vertical gap="middle" onKeyDown={onKeyDown}>
      {created && (
        <Result
          status="success"
          title={
            <span>
              {t("intake.created")}{" "}
              <Typography.Text strong copyable style={{ fontSize: 28 }} data-testid="created-number">
                {created.number}
              </Typography.Text>
            </span>
          }
          subTitle={t("intake.readBack")}
          extra={
            <Link to={`/cases/${created.id}`} data-testid="created-link">
              {t("intake.openCase")}
            </Link>
          }
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={t("intake.caller")}>
            <Input.Search
              autoFocus
              allowClear
              placeholder={t("intake.searchPlaceholder")}
              aria-label={t("intake.searchPlaceholder")}
              value={search}
              onChange={(e) => {
                const value = e.target.value;
                setSearch(value);
                // A caller nobody knows yet: the number typed is most likely the new customer's.
                if (/^\+?\d{7,}$/.test(value.trim())) form.setFieldValue("new_phone", value.trim());
              }}
              data-testid="intake-search"
            />
            <div style={{ marginTop: 12 }}>{results}</div>
            {customer && (
              <Alert
                style={{ marginTop: 12 }}
                type="info"
                message={t("intake.customerChosen", { name: customer.name })}
                action={
                  <Button
                    size="small"
                    onClick={() => {
                      setCustomer(null);
                    }}
                  >
                    {t("intake.clear")}
                  </Button>
                }
              />
            )}
          </Card>
          {suggestions?.(typedTitle, typedCategory)}
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t("intake.title")}>
            <Form<IntakeValues>
              form={form}
              layout="vertical"
              onFinish={submit}
              initialValues={{ kind: "complaint", channel: "phone", severity: "normal" }}
            >
              {!customer && (
                <Row gutter={12}>
                  <Col xs={24} sm={12}>
                    <Form.Item name="new_name" label={t("intake.newName")}>
                      <Input data-testid="new-name" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item name="new_phone" label={t("intake.newPhone")}>
                      <Input data-testid="new-phone" />
                    </Form.Item>
                  </Col>
                </Row>
              )}
              <Form.Item name="kind" label={t("case.field.kind")}>
                <Segmented options={CASE_KINDS.map((k) => ({ value: k, label: t(`case.kind.${k}`) }))} />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item name="channel" label={t("case.field.channel")}>
                    <Select options={CHANNELS.map((c) => ({ value: c, label: t(`case.channel.${c}`) }))} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="severity" label={t("case.field.severity")}>
                    <Segmented
                      options={SEVERITIES.map((s) => ({ value: s, label: t(`case.severity.${s}`) }))}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="category_id" label={t("case.field.category")}>
                <TreeSelect
                  allowClear
                  treeDefaultExpandAll
                  treeData={tree}
                  showSearch
                  treeNodeFilterProp="title"
                />
              </Form.Item>
              {proposal.data?.department_id && (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 16 }}
                  data-testid="routing-proposal"
                  message={
                    proposal.data.dispatches_at_registration
                      ? t("intake.autoDispatch", { department: proposedName ?? "—" })
                      : t("intake.proposedDepartment", { department: proposedName ?? "—" })
                  }
                />
              )}
              <Row gutter={12}>
                <Col xs={24} sm={10}>
                  <Form.Item name="project_id" label={t("case.field.project")}>
                    <Select
                      allowClear
                      data-testid="project-select"
                      options={projects.data?.items.map((p) => ({ value: p.id, label: p.name }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={14}>
                  <Form.Item name="property_id" label={t("case.field.property")}>
                    <Select
                      allowClear
                      showSearch
                      filterOption={false}
                      data-testid="property-select"
                      onSearch={setPropertySearch}
                      options={[
                        ...(customer?.properties
                          .filter((p) => !properties.data?.items.some((x) => x.id === p.property_id))
                          .map((p) => ({ value: p.property_id, label: p.label })) ?? []),
                        ...(properties.data?.items.map((p) => ({
                          value: p.id,
                          label: `${p.building} ${p.unit} ${p.room}`,
                        })) ?? []),
                      ]}
                      onChange={(value: string | undefined) => {
                        const p = properties.data?.items.find((x) => x.id === value);
                        if (p) form.setFieldValue("project_id", p.project_id);
                      }}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                name="title"
                label={t("case.field.title")}
                rules={[{ required: true, message: t("common.required") }]}
              >
                <Input data-testid="case-title" />
              </Form.Item>
              <Form.Item
                name="description"
                label={t("case.field.description")}
                rules={[{ required: true, message: t("common.required") }]}
              >
                <Input.TextArea rows={4} data-testid="case-description" />
              </Form.Item>
              <Flex justify="space-between" align="center" wrap gap="small">
                <Typography.Text type="secondary">{t("intake.shortcut")}</Typography.Text>
                <Button
                  type="primary"
                  htmlType="submit"
                  loading={create.isPending}
                  data-testid="intake-submit"
                >
                  {t("intake.submit")}
                </Button>
              </Flex>
            </Form>
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
