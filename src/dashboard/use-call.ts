import { useCallback, useEffect, useState } from 'preact/hooks';
import { callBackground } from '../shared/rpc.ts';
import type { CallName, Request, Response } from '../shared/messages.ts';

/** Calls the background whenever `key` changes; `reload` calls again (after a write). */
export function useCall<K extends CallName>(call: K, payload: Request<K>, key: string) {
  const [data, setData] = useState<Response<K> | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    callBackground(call, payload).then(
      (value) => live && (setData(value), setError(undefined)),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [call, key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, reload };
}
