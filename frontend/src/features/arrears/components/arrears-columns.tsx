import { Button, Space, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { ArrearsAbilities } from "../abilities";
import type { Arrears } from "../api/arrears";
import { StageBadge } from "./stage-badge";

interface Options {
  may: ArrearsAbilities;
  onContact: (arrears: Arrears) => void;
  onDecide: (arrears: Arrears) => void;
}

/** The arrears table's columns: property, customer, amounts, stage, last contact, complaint, actions. */
export function useArrearsColumns({ may, onContact, onDecide }: Options): TableColumnsType<Arrears> {
  const { t } = useTranslation();
  return [
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
            <Tag color={a.open_case.open ? "processing" : "default"}>
              {t(`case.status.${a.open_case.status}`)}
            </Tag>
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
                  onContact(a);
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
                  onDecide(a);
                }}
              >
                {a.legal ? t(`arrears.legal.${a.legal.decision}`) : t("arrears.legal.title")}
              </Button>
            )}
          </Space>
        ),
    },
  ];
}
