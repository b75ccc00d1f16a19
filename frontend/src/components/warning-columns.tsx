import { Flex, type TableColumnsType, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { components } from "@/api/schema";

type Warning = components["schemas"]["WarningView"];
type Column = TableColumnsType<Warning>[number];

/**
 * The columns of a fired warning, shared by the warnings list and the month's warnings in the
 * statistics, so that both tables read the same; each table picks its own order and extras.
 */
export function useWarningColumns(): Record<"rule" | "title" | "cases" | "firedAt", Column> {
  const { t } = useTranslation();
  return {
    rule: {
      key: "rule",
      title: t("warnings.ruleTitle"),
      render: (_, w) => <Tag color="volcano">{t(`warnings.rule.${w.rule}`)}</Tag>,
    },
    title: {
      key: "title",
      title: t("case.field.title"),
      render: (_, w) => (
        <Flex vertical>
          <Typography.Text strong>{w.title}</Typography.Text>
          <Typography.Text type="secondary">{w.detail}</Typography.Text>
        </Flex>
      ),
    },
    cases: {
      key: "cases",
      title: t("warnings.cases"),
      render: (_, w) => (
        <Flex wrap gap={4}>
          {w.cases.map((c) => (
            <Link key={c.id} to={`/cases/${c.id}`}>
              {c.number}
            </Link>
          ))}
        </Flex>
      ),
    },
    firedAt: {
      key: "fired",
      title: t("warnings.firedAt"),
      render: (_, w) => dayjs(w.fired_at).format("YYYY-MM-DD HH:mm"),
    },
  };
}
