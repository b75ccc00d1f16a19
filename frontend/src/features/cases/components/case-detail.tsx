import { PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Image,
  List,
  Result,
  Row,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
  Upload,
} from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { api } from "@/lib/api";
import { errorMessage } from "@/lib/problem";
import { useDepartments, useUsers } from "@/lib/reference";
import type { CaseAction, CaseDetail, CaseEvent } from "@/lib/types";
import { formatTime } from "./format";
import { useCase, useCaseEvents, useUploadAttachment } from "../api/cases";
import { ActionModal, type ArticleSlot, type TemplateSlot } from "./action-modal";
import { CaseFamily } from "./case-family";
import { DeadlineMark, DueTime, LevelTag, SeverityTag, StatusTag } from "./case-tags";

type Attachment = CaseDetail["attachments"][number];

/** Attachments need the Bearer token, so images are fetched as blobs and shown from object URLs. */
function AttachmentPreview({ caseId, attachment }: { caseId: string; attachment: Attachment }) {
  const [src, setSrc] = useState<string | null>(null);
  const isImage = attachment.content_type.startsWith("image/");
  useEffect(() => {
    let url: string | null = null;
    let cancelled = false;
    void api
      .GET("/api/v1/cases/{id}/attachments/{attachment_id}", {
        params: { path: { id: caseId, attachment_id: attachment.id } },
        parseAs: "blob",
      })
      .then(({ data }) => {
        if (cancelled || !(data instanceof Blob)) return;
        url = URL.createObjectURL(data);
        setSrc(url);
      });
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [caseId, attachment.id]);
  if (isImage)
    return src ? (
      <Image src={src} width={96} height={96} style={{ objectFit: "cover" }} alt={attachment.file_name} />
    ) : (
      <Spin />
    );
  return (
    <a href={src ?? undefined} download={attachment.file_name}>
      <PaperClipOutlined /> {attachment.file_name}
    </a>
  );
}

/** Every action on a case (for naming them in the timeline). */
const CASE_ACTIONS: readonly CaseAction[] = [
  "verify",
  "dispatch",
  "accept",
  "resolve",
  "reply",
  "visit",
  "close_on_spot",
  "cancel",
  "comment",
  "reassign",
  "pause",
  "resume",
  "escalate",
  "deescalate",
];

const isCaseAction = (value: string): value is CaseAction =>
  (CASE_ACTIONS as readonly string[]).includes(value);

const DEADLINES = ["verify", "dispatch", "resolve", "reply"] as const;

/** The deadlines a `breach` event names (`payload.deadlines`). */
function breachedIn(event: CaseEvent): string[] {
  const payload = event.payload as Record<string, unknown>;
  const list = payload["deadlines"];
  return Array.isArray(list) ? list.filter((d): d is string => typeof d === "string") : [];
}

export function CaseDetailView({
  id,
  templates,
  articles,
}: {
  id: string;
  templates?: TemplateSlot;
  articles?: ArticleSlot;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const detail = useCase(id);
  const events = useCaseEvents(id);
  const departments = useDepartments();
  const users = useUsers();
  const upload = useUploadAttachment(id);
  const [action, setAction] = useState<CaseAction | null>(null);

  if (detail.isPending) return <Spin />;
  if (detail.isError) return <Result status="warning" title={errorMessage(detail.error, t)} />;
  const c = detail.data;
  // The server lists what the case's state and the caller's role allow, in the console's order.
  const actions = c.available_actions;
  const department = (depId?: string | null) =>
    departments.data?.items.find((d) => d.id === depId)?.name ?? "—";
  const person = (userId?: string | null) =>
    users.data?.items.find((u) => u.id === userId)?.display_name ?? "—";
  const actionLabel = (name: string) => {
    if (
      name === "register" ||
      name === "breach" ||
      name === "visit_check" ||
      name === "link" ||
      name === "unlink"
    )
      return t(`case.event.${name}`);
    return isCaseAction(name) ? t(`case.action.${name}`) : name;
  };
  const deadlineName = (name: string) =>
    (DEADLINES as readonly string[]).includes(name)
      ? t(`deadline.kind.${name as (typeof DEADLINES)[number]}`)
      : name;
  const ended = c.status === "closed" || c.status === "cancelled";

  return (
    <Flex vertical gap="middle">
      <Card>
        <Flex justify="space-between" wrap gap="middle">
          <Space wrap size="middle">
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="case-number" copyable>
              {c.number}
            </Typography.Title>
            <StatusTag status={c.status} />
            <Tag>{t(`case.kind.${c.kind}`)}</Tag>
            <SeverityTag severity={c.severity} />
            <LevelTag level={c.level} />
            {c.paused && (
              <Tag color="warning" data-testid="paused-tag">
                {t("case.paused")}
              </Tag>
            )}
          </Space>
          <Space wrap>
            {actions.map((a) => (
              <Button
                key={a}
                type={a === "comment" ? "default" : "primary"}
                danger={a === "cancel"}
                data-testid={`action-${a}`}
                onClick={() => {
                  setAction(a);
                }}
              >
                {t(`case.action.${a}`)}
              </Button>
            ))}
          </Space>
        </Flex>
        {c.paused && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            data-testid="paused-alert"
            message={t("case.pausedSince", { time: formatTime(c.deadlines.paused_at) })}
            description={c.deadlines.pause_reason}
          />
        )}
        <Typography.Title level={5}>{c.title}</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>{c.description}</Typography.Paragraph>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            {
              key: "due",
              label: t("case.field.due"),
              children: (
                <DueTime
                  dueAt={c.due_at}
                  overdue={c.overdue}
                  done={c.status === "closed" || c.status === "cancelled"}
                />
              ),
            },
            {
              key: "dispatch",
              label: t("case.field.dispatchCount"),
              children: <span data-testid="dispatch-count">{c.dispatch_count}</span>,
            },
            { key: "channel", label: t("case.field.channel"), children: t(`case.channel.${c.channel}`) },
            {
              key: "customer",
              label: t("case.field.customer"),
              children: c.customer_id ? (
                <Link to={`/customers?id=${c.customer_id}`}>{c.customer_name ?? "—"}</Link>
              ) : (
                "—"
              ),
            },
            { key: "phone", label: t("case.field.phone"), children: c.customer_phone ?? "—" },
            { key: "property", label: t("case.field.property"), children: c.property_label ?? "—" },
            { key: "category", label: t("case.field.category"), children: c.category_name ?? "—" },
            { key: "department", label: t("case.field.department"), children: department(c.department_id) },
            { key: "assignee", label: t("case.field.assignee"), children: person(c.assignee_id) },
            { key: "reported", label: t("case.field.reportedAt"), children: formatTime(c.reported_at) },
          ]}
        />
        <Descriptions
          size="small"
          title={t("deadline.title")}
          style={{ marginTop: 12 }}
          column={{ xs: 1, sm: 2, lg: 4 }}
          data-testid="deadlines"
          items={DEADLINES.map((name) => ({
            key: name,
            label: t(`deadline.kind.${name}`),
            children: (
              <span data-testid={`deadline-${name}`}>
                <DeadlineMark deadline={c.deadlines[name]} paused={c.paused || ended} />
              </span>
            ),
          }))}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t("case.timeline")}>
            {events.data ? (
              <Timeline
                items={events.data.items.map((e) => ({
                  key: e.id,
                  color: e.action === "breach" ? "red" : e.visibility === "internal" ? "gray" : "blue",
                  children: (
                    <div data-testid="timeline-entry">
                      <Space wrap>
                        <Typography.Text strong>{actionLabel(e.action)}</Typography.Text>
                        <Tag color={e.visibility === "internal" ? "default" : "blue"}>
                          {t(`case.visibility.${e.visibility}`)}
                        </Tag>
                        {e.to_status && e.to_status !== e.from_status && <StatusTag status={e.to_status} />}
                        <Typography.Text type="secondary">
                          {formatTime(e.created_at)} · {person(e.actor_id)}
                        </Typography.Text>
                      </Space>
                      {e.action === "breach" && breachedIn(e).length > 0 && (
                        <Typography.Text type="danger" style={{ display: "block", marginTop: 4 }}>
                          {t("case.breachOf", { deadlines: breachedIn(e).map(deadlineName).join("、") })}
                        </Typography.Text>
                      )}
                      {e.note && (
                        <Typography.Paragraph
                          type={e.visibility === "internal" ? "secondary" : undefined}
                          style={{ margin: "4px 0 0", whiteSpace: "pre-wrap" }}
                        >
                          {e.note}
                        </Typography.Paragraph>
                      )}
                    </div>
                  ),
                }))}
              />
            ) : (
              <Spin />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Flex vertical gap="middle">
            <CaseFamily c={c} />
            <Card title={t("case.workOrders")} size="small">
              <List
                size="small"
                dataSource={c.work_orders}
                locale={{ emptyText: t("common.none") }}
                renderItem={(w) => (
                  <List.Item>
                    <Flex vertical style={{ width: "100%" }}>
                      <Space wrap>
                        <Typography.Text strong>#{w.sequence}</Typography.Text>
                        <span>{department(w.department_id)}</span>
                        <span>{person(w.assignee_id)}</span>
                        <Tag color={w.status === "done" ? "green" : undefined}>
                          {t(`case.workOrderStatus.${w.status}`)}
                        </Tag>
                      </Space>
                      {w.result && <Typography.Text type="secondary">{w.result}</Typography.Text>}
                    </Flex>
                  </List.Item>
                )}
              />
            </Card>
            <Card title={t("case.visits")} size="small">
              <List
                size="small"
                dataSource={c.visits}
                locale={{ emptyText: t("common.none") }}
                renderItem={(v) => (
                  <List.Item>
                    <Space wrap>
                      <span>{formatTime(v.created_at)}</span>
                      {v.satisfaction ? (
                        <Tag color={v.satisfaction.includes("dissatisfied") ? "red" : "green"}>
                          {t(`case.satisfaction.${v.satisfaction}`)}
                        </Tag>
                      ) : (
                        <Tag>{t("case.notReached")}</Tag>
                      )}
                      {v.comment && <span>{v.comment}</span>}
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
            <Card
              title={t("case.attachments")}
              size="small"
              extra={
                <Upload
                  showUploadList={false}
                  customRequest={({ file, onSuccess, onError }) => {
                    if (!(file instanceof File)) return;
                    upload.mutate(file, {
                      onSuccess: () => {
                        onSuccess?.(null);
                      },
                      onError: (error) => {
                        void message.error(errorMessage(error, t));
                        onError?.(error);
                      },
                    });
                  }}
                >
                  <Button size="small" icon={<UploadOutlined />} loading={upload.isPending}>
                    {t("case.upload")}
                  </Button>
                </Upload>
              }
            >
              {c.attachments.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("case.noAttachments")} />
              ) : (
                <Image.PreviewGroup>
                  <Flex wrap gap="small">
                    {c.attachments.map((a) => (
                      <AttachmentPreview key={a.id} caseId={c.id} attachment={a} />
                    ))}
                  </Flex>
                </Image.PreviewGroup>
              )}
            </Card>
          </Flex>
        </Col>
      </Row>
      {action && (
        <ActionModal
          action={action}
          current={c}
          templates={templates}
          articles={articles}
          onClose={() => {
            setAction(null);
          }}
          onDone={() => {
            setAction(null);
            void message.success(t("case.done"));
          }}
        />
      )}
    </Flex>
  );
}
