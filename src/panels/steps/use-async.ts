import { useEffect, useState } from 'react';

export interface AsyncResult<T> {
  value: T | null;
  error: string | null;
  /** A request is in flight (or none has answered for the current request yet). */
  pending: boolean;
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/^Error: /, '');
}

/**
 * Runs `fetch(client, request)` whenever the client or the (memoised) request changes and
 * keeps the answer of the latest request only; a null client or request waits.
 */
export function useAsync<C, R, T>(
  client: C | null,
  request: R | null,
  fetch: (client: C, request: R) => Promise<T>,
): AsyncResult<T> {
  const [answer, setAnswer] = useState<{
    request: R;
    value: T | null;
    error: string | null;
  } | null>(null);
  useEffect(() => {
    if (!client || request === null) return;
    let live = true;
    fetch(client, request).then(
      (value) => live && setAnswer({ request, value, error: null }),
      (error: unknown) => live && setAnswer({ request, value: null, error: messageOf(error) }),
    );
    return () => {
      live = false;
    };
  }, [client, request, fetch]);
  const current = answer !== null && answer.request === request;
  return {
    value: current ? answer.value : null,
    error: current ? answer.error : null,
    pending: request !== null && !current,
  };
}
