import { Radio, Space, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { EligibleDesigner } from "../api/eligible-designers";

/** The store's designers with their counts and whether they may take the lead (why not, if not). */
export function DesignerTable({
  designers,
  loading,
  chosen,
  onChoose,
}: {
  designers: EligibleDesigner[];
  loading: boolean;
  chosen: string | null;
  onChoose: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table<EligibleDesigner>
      rowKey="id"
      size="small"
      pagination={false}
      loading={loading}
      dataSource={designers}
      data-testid="eligible-designers"
      columns={[
        {
          key: "pick",
          width: 40,
          render: (_, d) => (
            <Radio
              checked={chosen === d.id}
              onChange={() => {
                onChoose(d.id);
              }}
              aria-label={d.name}
            />
          ),
        },
        { title: t("leads.dispatch.designer"), dataIndex: "name" },
        { title: t("leads.dispatch.level"), render: (_, d) => t(`leads.level.${d.level}`) },
        { title: t("leads.dispatch.today"), dataIndex: "today" },
        { title: t("leads.dispatch.week"), dataIndex: "this_week" },
        { title: t("leads.dispatch.inHand"), dataIndex: "in_hand" },
        {
          title: t("leads.dispatch.eligible"),
          render: (_, d) =>
            d.eligible ? (
              <Tag color="green">{t("leads.dispatch.yes")}</Tag>
            ) : (
              <Space size={2} wrap>
                {d.reasons.map((r) => (
                  <Tag color="red" key={r}>
                    {t(`leads.rule.${r}`)}
                  </Tag>
                ))}
              </Space>
            ),
        },
      ]}
    />
  );
}
