import { useCallback, useEffect, useState } from 'preact/hooks';
import { callBackground } from '../shared/rpc.ts';
import type { CallName, Request, Response } from '../shared/messages.ts';
import { onPageEvent } from '../shared/ui/base-changes.ts';

/**
 * Calls the background whenever `key` changes; `reload` calls again (after a write). The call is also
 * made again when the base changes elsewhere (a clip, an import, another dashboard tab), so every view
 * follows the base without a page reload.
 */
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
  useEffect(() => onPageEvent((e) => e.event === 'base-changed' && reload()), [reload]);
  return { data, error, reload };
}
