// Answers the calls of shared/messages.ts. Only this extension's own content scripts and pages are
// answered: anything from another extension, or not shaped like an Envelope, is ignored (no reply),
// and a handler's failure becomes an error Result rather than a dropped promise.
import browser, { type Runtime } from 'webextension-polyfill';
import {
  EXTENSION_PAGE_ONLY,
  MAX_CONTENT_REQUEST_BYTES,
  MAX_EXTENSION_PAGE_REQUEST_BYTES,
  type CallName,
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

async function answer(
  handlers: Handlers,
  message: Envelope,
  sender: Runtime.MessageSender,
): Promise<Result<unknown>> {
  const handler = Object.hasOwn(handlers, message.call) ? handlers[message.call] : undefined;
  if (!handler) return err(`unknown call: ${String(message.call).slice(0, 40)}`);
  if (typeof message.payload !== 'object' || message.payload === null)
    return err(`${message.call}: payload must be an object`);
  const trusted = isExtensionPage(sender);
  if (!trusted && EXTENSION_PAGE_ONLY.includes(message.call))
    return err(`${message.call}: not allowed from a web page`);
  const limit = trusted ? MAX_EXTENSION_PAGE_REQUEST_BYTES : MAX_CONTENT_REQUEST_BYTES;
  if (JSON.stringify(message.payload).length > limit) return err(`${message.call}: request too large`);
  try {
    return ok(await (handler as (p: unknown, s: Runtime.MessageSender) => unknown)(message.payload, sender));
  } catch (e) {
    return err(`${message.call}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
