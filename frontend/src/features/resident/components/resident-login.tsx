import { Alert, Button, Card, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/problem";
import { useResidentLogin } from "../api/resident-login";

/** The resident's login with phone and password. */
export function ResidentLogin() {
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
