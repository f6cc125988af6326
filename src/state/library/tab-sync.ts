// The link between tabs: a tab that saves or deletes a scenario says so over a BroadcastChannel,
// so another tab editing it never silently overwrites the newer copy (excalidraw#2791).
/** BroadcastChannel name. Never rename: open tabs of different versions must still hear each other. */
export const CHANNEL_NAME = 'compute-planner';

export type TabMessage = { type: 'saved'; id: string; revision: number } | { type: 'deleted'; id: string };

/** The part of a BroadcastChannel the sync uses (a fake in the tests). */
export interface Channel {
  postMessage(m: TabMessage): void;
  onmessage: ((e: MessageEvent<TabMessage>) => void) | null;
  close(): void;
}

export function browserChannel(): Channel | null {
  return typeof BroadcastChannel === 'undefined' ? null : (new BroadcastChannel(CHANNEL_NAME) as unknown as Channel);
}

export class TabSync {
  #channel: Channel | null = null;

  /** Starts listening; `onMessage` hears what the other tabs did. */
  start(channel: Channel | null, onMessage: (m: TabMessage) => void): void {
    this.#channel = channel;
    if (channel) channel.onmessage = (e) => onMessage(e.data);
  }

  saved(id: string, revision: number): void {
    this.#channel?.postMessage({ type: 'saved', id, revision });
  }

  deleted(id: string): void {
    this.#channel?.postMessage({ type: 'deleted', id });
  }

  stop(): void {
    this.#channel?.close();
    this.#channel = null;
  }
}
