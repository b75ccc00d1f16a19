import { Button, Card, Flex, InputNumber, Select, Space, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { Role } from "@/lib/auth";
import { useProjects } from "@/lib/reference";
import { arrearsAbilities } from "../abilities";
import { type Arrears, type ArrearsFilters, type Stage, useArrears } from "../api/arrears";
import { useAreas } from "../api/areas";
import { ContactForm } from "./contact-form";
import { ImportPanel } from "./import-panel";
import { LegalDialog } from "./legal-dialog";
import { StageBadge } from "./stage-badge";

const STAGES: Stage[] = ["steward", "supervisor", "legal"];

function Filters({ value, onChange }: { value: ArrearsFilters; onChange: (next: ArrearsFilters) => void }) {
  const { t } = useTranslation();
  const projects = useProjects();
  const areas = useAreas(value.project_id ?? undefined);
  return (
    <Space wrap>
      <Select
        allowClear
        style={{ minWidth: 180 }}
        placeholder={t("arrears.filters.project")}
        value={value.project_id ?? undefined}
        options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
        onChange={(project_id?: string) => {
          onChange({ ...value, project_id, area_id: undefined });
        }}
      />
      <Select
        allowClear
        style={{ minWidth: 160 }}
        placeholder={t("arrears.filters.area")}
        value={value.area_id ?? undefined}
        options={(areas.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
        onChange={(area_id?: string) => {
          onChange({ ...value, area_id });
        }}
      />
      <Select
        allowClear
        style={{ minWidth: 140 }}
        placeholder={t("arrears.filters.stage")}
        value={value.stage ?? undefined}
        options={STAGES.map((s) => ({ value: s, label: t(`arrears.stage.${s}`) }))}
        onChange={(stage?: Stage) => {
          onChange({ ...value, stage });
        }}
      />
      <InputNumber
        min={1}
        placeholder={t("arrears.filters.minMonths")}
        aria-label={t("arrears.filters.minMonths")}
        value={value.min_months ?? null}
        onChange={(n) => {
          onChange({ ...value, min_months: n ?? undefined });
        }}
      />
      <Select
        style={{ minWidth: 120 }}
        value={value.status ?? "open"}
        options={(["open", "settled"] as const).map((s) => ({ value: s, label: t(`arrears.status.${s}`) }))}
        onChange={(status: "open" | "settled") => {
          onChange({ ...value, status });
        }}
      />
    </Space>
  );
}

/** The arrears list per area with its filters, the contact form, the legal decision and the import. */
export function ArrearsPage({ role }: { role: Role }) {
  const { t } = useTranslation();
  const may = arrearsAbilities(role);
  const [filters, setFilters] = useState<ArrearsFilters>({ status: "open" });
  const [contacting, setContacting] = useState<Arrears | null>(null);
  const [deciding, setDeciding] = useState<Arrears | null>(null);
  const list = useArrears(filters);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Flex vertical gap="middle">
      <Card>
        <Filters value={filters} onChange={setFilters} />
        <Table<Arrears>
          style={{ marginTop: 12 }}
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={items}
          pagination={false}
          scroll={{ x: 1100 }}
          locale={{ emptyText: t("arrears.empty") }}
          columns={[
            {
              key: "property",
              title: t("arrears.columns.property"),
              render: (_, a) => `${a.property.building}-${a.property.unit}-${a.property.room}`,
            },
            { key: "customer", title: t("arrears.columns.customer"), render: (_, a) => a.customer?.name ?? "—" },
            { key: "fee", dataIndex: "fee_item", title: t("arrears.columns.feeItem") },
            { key: "months", dataIndex: "months", title: t("arrears.columns.months"), align: "right" },
            { key: "amount", title: t("arrears.columns.amount"), align: "right", render: (_, a) => `¥${a.amount}` },
            { key: "asOf", dataIndex: "as_of", title: t("arrears.columns.asOf") },
            { key: "stage", title: t("arrears.columns.stage"), render: (_, a) => <StageBadge stage={a.stage} /> },
            {
              key: "last",
              title: t("arrears.columns.lastContact"),
              render: (_, a) =>
                a.last_contact ? (
                  <span>
                    {dayjs(a.last_contact.created_at).format("MM-DD")} {t(`arrears.result.${a.last_contact.result}`)}
                  </span>
                ) : (
                  <Typography.Text type="secondary">{t("arrears.neverContacted")}</Typography.Text>
                ),
            },
            {
              key: "case",
              title: t("arrears.columns.case"),
              render: (_, a) =>
                a.open_case ? (
                  <Space size={4}>
                    <Link to={`/cases/${a.open_case.id}`}>{a.open_case.number}</Link>
                    <Tag color={a.open_case.open ? "processing" : "default"}>{t(`case.status.${a.open_case.status}`)}</Tag>
                  </Space>
                ) : (
                  "—"
                ),
            },
            {
              key: "actions",
              title: t("common.actions"),
              render: (_, a) =>
                a.status === "open" && (
                  <Space size={4}>
                    {may.contact && (
                      <Button
                        size="small"
                        data-testid="arrears-contact"
                        onClick={() => {
                          setContacting(a);
                        }}
                      >
                        {t("arrears.contact.title")}
                      </Button>
                    )}
                    {may.legal && a.stage === "legal" && (
                      <Button
                        size="small"
                        danger
                        onClick={() => {
                          setDeciding(a);
                        }}
                      >
                        {a.legal ? t(`arrears.legal.${a.legal.decision}`) : t("arrears.legal.title")}
                      </Button>
                    )}
                  </Space>
                ),
            },
          ]}
        />
        {list.hasNextPage && (
          <Button
            style={{ marginTop: 12 }}
            loading={list.isFetchingNextPage}
            onClick={() => {
              void list.fetchNextPage();
            }}
          >
            {t("common.loadMore")}
          </Button>
        )}
      </Card>
      {may.import && <ImportPanel projectId={filters.project_id ?? undefined} />}
      {contacting && (
        <ContactForm
          arrears={contacting}
          onClose={() => {
            setContacting(null);
          }}
        />
      )}
      {deciding && (
        <LegalDialog
          arrears={deciding}
          onClose={() => {
            setDeciding(null);
          }}
        />
      )}
    </Flex>
  );
}
