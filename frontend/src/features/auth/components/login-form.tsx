import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import type { LoginBody } from "@/lib/auth";
import { useLoginSubmit } from "./use-login-submit";

interface LoginFormProps {
  onSuccess: () => void;
}

export function LoginForm({ onSuccess }: LoginFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginBody>();
  const { onFinish, onValuesChange, alert, waiting, pending } = useLoginSubmit(form, onSuccess);

  return (
    <Form<LoginBody>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={onFinish}
      onValuesChange={onValuesChange}
      disabled={pending}
    >
      {alert && (
        <Form.Item>
          <Alert
            type="error"
            showIcon
            role="alert"
            message={alert.message}
            description={alert.description}
            data-testid="login-error"
          />
        </Form.Item>
      )}
      <Form.Item
        label={t("auth.username")}
        name="username"
        rules={[{ required: true, whitespace: true, message: t("auth.usernameRequired") }]}
      >
        <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
      </Form.Item>
      <Form.Item
        label={t("auth.password")}
        name="password"
        rules={[{ required: true, message: t("auth.passwordRequired") }]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
      </Form.Item>
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" block size="large" loading={pending} disabled={waiting}>
          {t("auth.submit")}
        </Button>
      </Form.Item>
    </Form>
  );
}
