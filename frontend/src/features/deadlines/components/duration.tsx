import { InputNumber, Space } from "antd";
import { useTranslation } from "react-i18next";

/** Seconds as "48 小时" / "1 小时 30 分" / "45 秒". */
export function Duration({ seconds }: { seconds: number }) {
  const { t } = useTranslation();
  if (seconds < 60) return <>{t("deadlines.secondsOnly", { seconds })}</>;
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (minutes === 0) return <>{t("deadlines.hoursOnly", { hours })}</>;
  if (hours === 0) return <>{t("deadlines.minutesOnly", { minutes })}</>;
  return <>{t("deadlines.hoursMinutes", { hours, minutes })}</>;
}

/**
 * A form control whose value is seconds, edited as hours and minutes (leftover seconds, which
 * only very short test policies have, are kept).
 */
export function DurationInput({
  value = 0,
  onChange,
  id,
}: {
  value?: number;
  onChange?: (seconds: number) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const hours = Math.floor(value / 3600);
  const minutes = Math.floor((value % 3600) / 60);
  const rest = value % 60;
  return (
    <Space.Compact>
      <InputNumber
        id={id}
        min={0}
        precision={0}
        value={hours}
        style={{ width: 130 }}
        suffix={t("deadlines.hours")}
        aria-label={t("deadlines.hours")}
        onChange={(h) => onChange?.((h ?? 0) * 3600 + minutes * 60 + rest)}
      />
      <InputNumber
        min={0}
        max={59}
        precision={0}
        value={minutes}
        style={{ width: 110 }}
        suffix={t("deadlines.minutes")}
        aria-label={t("deadlines.minutes")}
        onChange={(m) => onChange?.(hours * 3600 + (m ?? 0) * 60 + rest)}
      />
    </Space.Compact>
  );
}
