import { useEffect, useState } from "react";

export interface CountdownStart {
  /** Epoch ms when the countdown started. */
  from: number;
  /** Seconds to count down from. */
  seconds: number;
}

/** Whole seconds left of a countdown, ticking once a second; 0 when done or when there is none. */
export function useCountdown(start: CountdownStart | null): number {
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (start === null) return undefined;
    const end = start.from + start.seconds * 1000;
    const timer = window.setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= end) window.clearInterval(timer);
    }, 1000);
    return () => {
      window.clearInterval(timer);
    };
  }, [start]);

  if (start === null) return 0;
  const elapsed = Math.max(0, Math.max(now, start.from) - start.from);
  return Math.max(0, start.seconds - Math.floor(elapsed / 1000));
}
