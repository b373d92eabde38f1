// Answers the calls of shared/messages.ts. Only this extension's own content scripts and pages are
// answered: anything from another extension, or not shaped like an Envelope, is ignored (no reply),
// and a handler's failure becomes an error Result rather than a dropped promise. An envelope of the wrong
// shape (unknown call, a payload that is not an object or does not match REQUEST_SHAPES, too large,
// circular) gets an error Result before any handler runs; a full disk gets a message saying so.
import browser, { type Runtime } from 'webextension-polyfill';
import {
  EXTENSION_PAGE_ONLY,
  MAX_CONTENT_REQUEST_BYTES,
  MAX_EXTENSION_PAGE_REQUEST_BYTES,
  REQUEST_SHAPES,
  type CallName,
  type FieldSpec,
  type Envelope,
  type Request,
  type Response,
} from '../shared/messages.ts';
import { err, ok, type Result } from '../shared/result.ts';

export type Handlers = {
  [K in CallName]: (payload: Request<K>, sender: Runtime.MessageSender) => Promise<Response<K>> | Response<K>;
};

function isEnvelope(message: unknown): message is Envelope {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { crosscheck?: unknown }).crosscheck === 1 &&
    typeof (message as { call?: unknown }).call === 'string'
  );
}

function isOwnSender(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id;
}

/** An extension page (popup, dashboard) rather than a content script running inside a web page. */
function isExtensionPage(sender: Runtime.MessageSender): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL(''));
}

/** Registers the listener; call once, at the worker's top level, so a restarted worker hears the wakeup message. */
export function serve(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isOwnSender(sender) || !isEnvelope(message)) return undefined;
    return answer(handlers, message, sender);
  });
}

/** The payload's first field that does not match its call's shape, as an error message. */
function shapeError(payload: Record<string, unknown>, shape: Record<string, FieldSpec>): string | undefined {
  for (const [field, spec] of Object.entries(shape)) {
    const value = Object.hasOwn(payload, field) ? payload[field] : undefined;
    const optional = spec.endsWith('?');
    if (value === undefined) {
      if (optional) continue;
      return `${field}: missing required field`;
    }
    const types = spec.replace(/\?$/, '').split('|');
    const fits = types.some((t) =>
      t === 'null'
        ? value === null
        : t === 'string[]'
          ? Array.isArray(value) && value.every((x) => typeof x === 'string')
          : t === 'object'
            ? typeof value === 'object' && value !== null && !Array.isArray(value)
            : typeof value === t,
    );
    if (!fits) return `${field}: expected ${types.join(' or ')}`;
  }
  return undefined;
}

/** The serialized size of a request, or undefined when it cannot be serialized (circular, nested too deep). */
function sizeOf(payload: unknown): number | undefined {
  try {
    return JSON.stringify(payload).length;
  } catch (e) {
    // Longer than the longest string the engine makes: larger than any limit.
    if (e instanceof RangeError && /string length/i.test(e.message)) return Infinity;
    return undefined;
  }
}

/** True for a browser's "storage is full" error, also when Dexie wraps it (inner, a bulk write's failures). */
export function isQuotaError(e: unknown, depth = 0): boolean {
  if (typeof e !== 'object' || e === null || depth > 3) return false;
  const x = e as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (x.name === 'QuotaExceededError') return true;
  const failures = Array.isArray(x.failures) ? x.failures : Object.values(x.failures ?? {});
  return [x.inner, x.cause, ...failures].some((inner) => isQuotaError(inner, depth + 1));
}

/** Shown as it is by the popup and the dashboard; every write is one transaction, so nothing changed. */
export const STORAGE_FULL =
  'storage is full, so nothing was changed; free some disk space (or delete sources you no longer need) and try again';

async function answer(
  handlers: Handlers,
  message: Envelope,
  sender: Runtime.MessageSender,
): Promise<Result<unknown>> {
  // Everything below runs inside the try: whatever a message holds, the sender gets an error Result,
  // never a rejected promise (which would reach it as an opaque failure or not at all).
  try {
    const handler = Object.hasOwn(handlers, message.call) ? handlers[message.call] : undefined;
    if (!handler) return err(`unknown call: ${String(message.call).slice(0, 40)}`);
    const payload: unknown = message.payload;
    // Arrays are objects too, but no call takes one.
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
      return err(`${message.call}: payload must be an object`);
    const trusted = isExtensionPage(sender);
    if (!trusted && EXTENSION_PAGE_ONLY.includes(message.call))
      return err(`${message.call}: not allowed from a web page`);
    const limit = trusted ? MAX_EXTENSION_PAGE_REQUEST_BYTES : MAX_CONTENT_REQUEST_BYTES;
    const size = sizeOf(payload);
    if (size === undefined)
      return err(`${message.call}: request cannot be read (circular or nested too deeply)`);
    if (size > limit) return err(`${message.call}: request too large (over ${limit} bytes)`);
    const wrong = shapeError(payload as Record<string, unknown>, REQUEST_SHAPES[message.call]);
    if (wrong) return err(`${message.call}: ${wrong}`);
    return ok(await (handler as (p: unknown, s: Runtime.MessageSender) => unknown)(payload, sender));
  } catch (e) {
    if (isQuotaError(e)) return err(`${String(message.call)}: ${STORAGE_FULL}`);
    return err(`${String(message.call)}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
