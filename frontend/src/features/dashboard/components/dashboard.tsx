import { AuditOutlined, BarChartOutlined, FormOutlined, PhoneOutlined } from "@ant-design/icons";
import { Card, Col, Descriptions, Flex, Row, Tag, Typography } from "antd";
import dayjs from "dayjs";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { User } from "@/lib/auth";
import { canSeeScreen } from "@/lib/permissions";

interface DashboardProps {
  user: Pick<User, "display_name" | "role" | "project_ids">;
}

type Shortcut = "intake" | "queues" | "visits" | "statistics";

const SHORTCUTS: { key: Shortcut; icon: ReactNode }[] = [
  { key: "intake", icon: <FormOutlined /> },
  { key: "queues", icon: <AuditOutlined /> },
  { key: "visits", icon: <PhoneOutlined /> },
  { key: "statistics", icon: <BarChartOutlined /> },
];

export function Dashboard({ user }: DashboardProps) {
  const { t, i18n } = useTranslation();
  const today = dayjs()
    .locale(i18n.resolvedLanguage === "en" ? "en" : "zh-cn")
    .format("LL dddd");

  return (
    <Flex vertical gap="large">
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="dashboard-greeting">
          {t("dashboard.greeting", { name: user.display_name })}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t("dashboard.today", { date: today })}</Typography.Paragraph>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            {
              key: "role",
              label: t("dashboard.role"),
              children: <Tag color="blue">{t(`roles.${user.role}`)}</Tag>,
            },
            {
              key: "projects",
              label: t("dashboard.projects"),
              children: t("dashboard.projectCount", { count: user.project_ids.length }),
            },
          ]}
        />
      </Card>
      <div>
        <Typography.Title level={5}>{t("dashboard.shortcuts")}</Typography.Title>
        <Row gutter={[16, 16]}>
          {SHORTCUTS.filter(({ key }) => canSeeScreen(user.role, key)).map(({ key, icon }) => (
            <Col key={key} xs={24} sm={12} xl={6}>
              <Link to={`/${key}`}>
                <Card hoverable style={{ height: "100%" }}>
                  <Card.Meta
                    avatar={<span style={{ fontSize: 24, color: "#1677ff" }}>{icon}</span>}
                    title={t(`nav.${key}`)}
                    description={t(`dashboard.shortcut.${key}`)}
                  />
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      </div>
    </Flex>
  );
}
