import { Alert, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";
import type { Works } from "../api/types";
import { useWorksList } from "../api/works-list";
import { WorksDetail } from "./works-detail";

/** The works in scope (a designer: their own); a row opens its page. */
export function WorksList() {
  const { t } = useTranslation();
  const list = useWorksList();
  const [openId, setOpenId] = useState<string | null>(null);
  const items = list.data?.items ?? [];
  const open = items.find((w) => w.id === openId);
  return (
    <>
      {list.error && <Alert type="error" showIcon message={errorMessage(list.error, t)} />}
      <Table<Works>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={items}
        pagination={false}
        data-testid="works-list"
        onRow={(w) => ({
          onClick: () => {
            setOpenId(w.id);
          },
        })}
        columns={[
          { title: t("works.field.address"), dataIndex: "address" },
          { title: t("works.field.status"), render: (_, w) => <Tag>{t(`works.status.${w.status}`)}</Tag> },
          { title: t("works.field.signedOn"), dataIndex: "contract_signed_on" },
          { title: t("works.field.amount"), render: (_, w) => `¥${w.contract_amount}` },
          {
            title: t("works.field.stage"),
            render: (_, w) => {
              const current = w.stages.find((s) => s.status !== "visited");
              return current
                ? t(`works.stage.${current.name}`, { defaultValue: current.name })
                : t("works.allVisited");
            },
          },
          { title: t("works.field.warrantyUntil"), render: (_, w) => w.warranty_until ?? "—" },
        ]}
      />
      {open && (
        <WorksDetail
          works={open}
          onClose={() => {
            setOpenId(null);
          }}
        />
      )}
    </>
  );
}
