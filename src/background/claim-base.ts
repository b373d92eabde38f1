// The in-memory matching index over the claim base. It is a cache: built once per worker start from
// the stored claims, behind one promise, so a worker woken by a message answers as soon as it is built.
import browser from 'webextension-polyfill';
import { ClaimIndex, parsePack, type ClaimPack } from '../core/index.ts';

export interface ClaimBase {
  index: ClaimIndex;
  sourceCount: number;
  claimCount: number;
}

let ready: Promise<ClaimBase> | undefined;

export function claimBase(): Promise<ClaimBase> {
  ready ??= build().catch((e: unknown) => {
    ready = undefined; // let the next call try again instead of caching the failure
    throw e;
  });
  return ready;
}

async function loadSeedPack(): Promise<ClaimPack> {
  const response = await fetch(browser.runtime.getURL('seed-pack.json'));
  return parsePack(await response.json());
}

async function build(): Promise<ClaimBase> {
  const pack = await loadSeedPack();
  const index = new ClaimIndex();
  index.add(pack.claims, pack.sources);
  return { index, sourceCount: pack.sources.length, claimCount: pack.claims.length };
}
