import {
  Alert,
  Button,
  Card,
  Empty,
  Form,
  Input,
  List,
  Radio,
  Select,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Route, Routes, useNavigate, useParams } from "react-router-dom";
import { LanguageSwitch } from "@/components/language-switch";
import { restoreSession } from "@/lib/api";
import { errorMessage } from "@/lib/problem";
import { residentSession } from "@/lib/session";
import {
  logoutResident,
  type ReportCase,
  type Satisfaction,
  useRateCase,
  useReportCase,
  useResidentCase,
  useResidentCases,
  useResidentCategories,
  useResidentLogin,
  useResidentProperties,
  useResidentRestored,
  useResidentToken,
  useWithdrawCase,
} from "../api/resident";
import { ResidentBoard } from "./resident-board";

const KINDS = ["repair", "complaint", "inquiry", "suggestion", "praise"] as const;
const SATISFACTIONS: Satisfaction[] = ["very_satisfied", "satisfied", "dissatisfied", "very_dissatisfied"];

function useBilingual() {
  const { i18n } = useTranslation();
  return (text: { zh: string; en: string }) => (i18n.resolvedLanguage === "en" ? text.en : text.zh);
}

function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const token = useResidentToken();
  return (
    <div style={{ maxWidth: 480, margin: "0 auto", padding: 12, minHeight: "100vh" }}>
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("residentApp.title")}
        </Typography.Title>
        <Space>
          <LanguageSwitch />
          {token && (
            <Button size="small" onClick={logoutResident} data-testid="resident-logout">
              {t("residentApp.logout")}
            </Button>
          )}
        </Space>
      </Space>
      {children}
    </div>
  );
}

function LoginForm() {
  const { t } = useTranslation();
  const login = useResidentLogin();
  return (
    <Card title={t("residentApp.login")}>
      <Form
        layout="vertical"
        onFinish={(values: { phone: string; password: string }) => {
          login.mutate(values);
        }}
      >
        <Form.Item name="phone" label={t("residentApp.phone")} rules={[{ required: true }]}>
          <Input inputMode="tel" autoComplete="username" />
        </Form.Item>
        <Form.Item name="password" label={t("residentApp.password")} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        {login.isError && (
          <Alert type="error" showIcon message={errorMessage(login.error, t)} style={{ marginBottom: 12 }} />
        )}
        <Button type="primary" htmlType="submit" block loading={login.isPending}>
          {t("residentApp.loginButton")}
        </Button>
      </Form>
    </Card>
  );
}

function CaseList() {
  const { t } = useTranslation();
  const text = useBilingual();
  const cases = useResidentCases();
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Link to="/resident/report">
        <Button type="primary" block data-testid="resident-report">
          {t("residentApp.report")}
        </Button>
      </Link>
      <Typography.Title level={5}>{t("residentApp.myCases")}</Typography.Title>
      {cases.isError && <Alert type="error" message={errorMessage(cases.error, t)} />}
      {cases.isPending ? (
        <Spin />
      ) : (
        <List
          dataSource={cases.data?.items ?? []}
          locale={{ emptyText: <Empty description={t("residentApp.noCases")} /> }}
          renderItem={(item) => (
            <List.Item data-testid="resident-case">
              <Link to={`/resident/cases/${item.id}`} style={{ width: "100%" }}>
                <Space direction="vertical" size={0} style={{ width: "100%" }}>
                  <Space>
                    <Tag>{t(`case.status.${item.status}`)}</Tag>
                    <Typography.Text strong>{item.title}</Typography.Text>
                  </Space>
                  <Typography.Text type="secondary">{text(item.progress)}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {item.number} · {dayjs(item.reported_at).format("YYYY-MM-DD HH:mm")}
                  </Typography.Text>
                </Space>
              </Link>
            </List.Item>
          )}
        />
      )}
      <ResidentBoard />
    </Space>
  );
}

function RatePanel({ id, onRated }: { id: string; onRated: () => void }) {
  const { t } = useTranslation();
  const rate = useRateCase(id);
  const [comment, setComment] = useState("");
  return (
    <Card size="small" title={t("residentApp.rate")}>
      <Input.TextArea
        value={comment}
        onChange={(e) => {
          setComment(e.target.value);
        }}
        placeholder={t("residentApp.comment")}
        style={{ marginBottom: 8 }}
      />
      <Space wrap style={{ display: rate.isSuccess ? "none" : undefined }}>
        {SATISFACTIONS.map((s) => (
          <Button
            key={s}
            data-testid={`rate-${s}`}
            loading={rate.isPending && rate.variables.satisfaction === s}
            onClick={() => {
              onRated();
              rate.mutate({ satisfaction: s, comment: comment.trim() === "" ? null : comment });
            }}
          >
            {t(`case.satisfaction.${s}`)}
          </Button>
        ))}
      </Space>
      {rate.isError && <Alert type="error" message={errorMessage(rate.error, t)} style={{ marginTop: 8 }} />}
      {rate.isSuccess && (
        <Alert
          type="success"
          data-testid="rate-result"
          message={t("residentApp.rated", { status: t(`case.status.${rate.data.status}`) })}
          style={{ marginTop: 8 }}
        />
      )}
    </Card>
  );
}

function CaseDetail() {
  const { t } = useTranslation();
  const text = useBilingual();
  const { id = "" } = useParams();
  const detail = useResidentCase(id);
  const withdraw = useWithdrawCase(id);
  const [rated, setRated] = useState(false);
  if (detail.isError) return <Alert type="error" message={errorMessage(detail.error, t)} />;
  if (detail.isPending) return <Spin />;
  const c = detail.data;
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Link to="/resident">{t("residentApp.back")}</Link>
      <Card title={c.title} extra={<Tag data-testid="resident-status">{t(`case.status.${c.status}`)}</Tag>}>
        <Typography.Paragraph>{text(c.progress)}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">
          {c.number} · {t(`case.kind.${c.kind}`)} · {c.property_label ?? ""}
        </Typography.Paragraph>
        <Typography.Paragraph>{c.description}</Typography.Paragraph>
        {c.due_at && (
          <Typography.Paragraph data-testid="resident-due">
            {t("residentApp.due", { time: dayjs(c.due_at).format("YYYY-MM-DD HH:mm") })}
          </Typography.Paragraph>
        )}
        {c.attachments.length > 0 && (
          <Typography.Paragraph data-testid="resident-photos">
            {t("residentApp.photos")}: {c.attachments.map((a) => a.file_name).join(", ")}
          </Typography.Paragraph>
        )}
        {c.satisfaction && (
          <Typography.Paragraph>
            {t("residentApp.yourRating")}: {t(`case.satisfaction.${c.satisfaction}`)}
          </Typography.Paragraph>
        )}
      </Card>
      {(c.can_rate || rated) && (
        <RatePanel
          id={c.id}
          onRated={() => {
            setRated(true);
          }}
        />
      )}
      {c.can_withdraw && (
        <Button
          danger
          block
          loading={withdraw.isPending}
          data-testid="resident-withdraw"
          onClick={() => {
            withdraw.mutate();
          }}
        >
          {t("residentApp.withdraw")}
        </Button>
      )}
      {withdraw.isError && <Alert type="error" message={errorMessage(withdraw.error, t)} />}
      <Card size="small" title={t("residentApp.timeline")}>
        <Timeline
          items={c.timeline.map((entry) => ({
            key: entry.id,
            children: (
              <>
                <div>{text(entry.title)}</div>
                {entry.note && <Typography.Text type="secondary">{entry.note}</Typography.Text>}
                <div style={{ fontSize: 12, color: "#999" }}>
                  {dayjs(entry.at).format("YYYY-MM-DD HH:mm")}
                </div>
              </>
            ),
          }))}
        />
      </Card>
    </Space>
  );
}

interface ReportValues {
  kind: ReportCase["kind"];
  category_id?: string;
  property_id: string;
  title: string;
  description?: string;
}

function ReportForm() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const categories = useResidentCategories();
  const properties = useResidentProperties();
  const report = useReportCase();
  const [photo, setPhoto] = useState<File | null>(null);
  const key = useRef<string>(crypto.randomUUID());
  const en = i18n.resolvedLanguage === "en";
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Link to="/resident">{t("residentApp.back")}</Link>
      <Card title={t("residentApp.report")}>
        <Form<ReportValues>
          layout="vertical"
          initialValues={{ kind: "repair" }}
          onFinish={(values) => {
            report.mutate(
              {
                key: key.current,
                photo,
                body: {
                  kind: values.kind,
                  category_id: values.category_id ?? null,
                  property_id: values.property_id,
                  title: values.title,
                  description: values.description ?? "",
                },
              },
              {
                onSuccess: (created) => {
                  key.current = crypto.randomUUID();
                  void navigate(`/resident/cases/${created.id}`);
                },
              },
            );
          }}
        >
          <Form.Item name="kind" label={t("residentApp.kind")}>
            <Radio.Group
              optionType="button"
              options={KINDS.map((k) => ({ value: k, label: t(`case.kind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="category_id" label={t("residentApp.category")}>
            <Select
              id="resident-category"
              allowClear
              loading={categories.isPending}
              options={(categories.data?.items ?? []).map((c) => ({
                value: c.id,
                label: en ? c.name_en : c.name,
              }))}
            />
          </Form.Item>
          <Form.Item name="property_id" label={t("residentApp.property")} rules={[{ required: true }]}>
            <Select
              id="resident-property"
              loading={properties.isPending}
              options={(properties.data?.items ?? []).map((p) => ({
                value: p.id,
                label: `${p.project_name ?? ""} ${p.label}`.trim(),
              }))}
            />
          </Form.Item>
          <Form.Item name="title" label={t("residentApp.caseTitle")} rules={[{ required: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="description" label={t("residentApp.description")}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item label={t("residentApp.photo")}>
            <input
              type="file"
              accept="image/*"
              data-testid="resident-photo"
              onChange={(e) => {
                setPhoto(e.target.files?.[0] ?? null);
              }}
            />
          </Form.Item>
          {report.isError && (
            <Alert type="error" message={errorMessage(report.error, t)} style={{ marginBottom: 12 }} />
          )}
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={report.isPending}
            data-testid="resident-submit"
          >
            {t("residentApp.submit")}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}

/** The residents' mobile page: log in, my cases, report, rate, withdraw. */
export function ResidentApp() {
  const token = useResidentToken();
  const restored = useResidentRestored();
  useEffect(() => {
    if (!restored) void restoreSession(residentSession);
  }, [restored]);
  return (
    <Shell>
      {token === null && !restored ? (
        <Spin />
      ) : token === null ? (
        <LoginForm />
      ) : (
        <Routes>
          <Route index element={<CaseList />} />
          <Route path="report" element={<ReportForm />} />
          <Route path="cases/:id" element={<CaseDetail />} />
          <Route path="*" element={<CaseList />} />
        </Routes>
      )}
    </Shell>
  );
}
