import browser from 'webextension-polyfill';
import type { CallName, Envelope, Request, Response } from './messages.ts';
import type { Result } from './result.ts';

/** Calls the background and unwraps its Result: resolves with the reply or rejects with its error text. */
export async function callBackground<K extends CallName>(call: K, payload: Request<K>): Promise<Response<K>> {
  const envelope: Envelope<K> = { crosscheck: 1, call, payload };
  const reply = (await browser.runtime.sendMessage(envelope)) as Result<Response<K>> | undefined;
  if (!reply) throw new Error(`crosscheck: no reply to ${call}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
