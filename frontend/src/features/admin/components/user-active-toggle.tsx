import { App, Button, Popconfirm } from "antd";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";
import { ApiError, errorMessage } from "@/lib/problem";
import { useSetUserActive } from "../api/set-user-active";

type User = components["schemas"]["UserResponse"];

/** Deactivates or reactivates an account after a confirmation; on a 412 `onStale` reloads the list. */
export function UserActiveToggle({ user: u, onStale }: { user: User; onStale: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const setActive = useSetUserActive();
  return (
    <Popconfirm
      title={u.active ? t("admin.deactivate") : t("admin.activate")}
      description={u.display_name}
      okText={t("common.yes")}
      cancelText={t("common.no")}
      onConfirm={() => {
        setActive.mutate(
          { id: u.id, version: u.version, active: !u.active },
          {
            onError: (error) => {
              void message.error(errorMessage(error, t));
              // Someone else changed the account: show its current state (and version).
              if (error instanceof ApiError && error.status === 412) onStale();
            },
          },
        );
      }}
    >
      <Button size="small" danger={u.active}>
        {u.active ? t("admin.deactivate") : t("admin.activate")}
      </Button>
    </Popconfirm>
  );
}
