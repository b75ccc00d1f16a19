import { useEffect } from "react";

/** One object URL per blob, with the number of mounted components showing it. */
const urls = new WeakMap<Blob, { url: string; users: number }>();

/**
 * How long a URL made while rendering waits for its component to mount before it counts as unused
 * (a render React throws away never mounts; one that commits mounts well within this).
 */
const MOUNT_GRACE_MS = 30_000;

/**
 * Revokes `blob`'s URL if, after `delay`, no component shows it. Deferred so that a component
 * that lets go and takes it again in the same commit (StrictMode runs every effect twice) keeps a
 * live URL.
 */
function revokeWhenUnused(blob: Blob, delay = 0): void {
  setTimeout(() => {
    const entry = urls.get(blob);
    if (entry && entry.users === 0) {
      URL.revokeObjectURL(entry.url);
      urls.delete(blob);
    }
  }, delay);
}

function urlFor(blob: Blob): string {
  const known = urls.get(blob);
  if (known) return known.url;
  const url = URL.createObjectURL(blob);
  urls.set(blob, { url, users: 0 });
  revokeWhenUnused(blob, MOUNT_GRACE_MS);
  return url;
}

/**
 * An object URL for `blob`, for an `<img src>` or a download link whose bytes had to be fetched
 * with the bearer token. The URL lives while a mounted component shows this blob, and is revoked
 * when the last one unmounts or moves on to another blob: an object URL holds its bytes until it
 * is revoked or the page goes away. Components showing the same blob share one URL.
 */
export function useObjectUrl(blob: Blob | undefined | null): string | undefined {
  const url = blob ? urlFor(blob) : undefined;
  useEffect(() => {
    if (!blob) return;
    urlFor(blob);
    const entry = urls.get(blob);
    if (entry) entry.users += 1;
    return () => {
      const held = urls.get(blob);
      if (held) held.users -= 1;
      revokeWhenUnused(blob);
    };
  }, [blob]);
  return url;
}
