// Start-up in steps (issue 11: "the start-up main-thread task ≤ 50 ms"): parts of the page that
// are not needed for its first paint are drawn one per task, in the order they ask, so that no
// single task draws the whole page. Each waits for a task of its own (a message on a channel,
// which the browser runs soon, unlike a timer clamped after nesting).
const queue: (() => void)[] = [];
let channel: MessageChannel | null = null;
let pending = false;

function next(): void {
  pending = false;
  const run = queue.shift();
  if (queue.length > 0) schedule();
  run?.();
}

function schedule(): void {
  if (pending) return;
  pending = true;
  if (typeof MessageChannel === 'undefined') {
    setTimeout(next, 0);
    return;
  }
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = next;
  }
  channel.port2.postMessage(null);
}

/** Runs `fn` in a task of its own, after those asked before it; returns a function that cancels it. */
export function later(fn: () => void): () => void {
  queue.push(fn);
  schedule();
  return () => {
    const i = queue.indexOf(fn);
    if (i >= 0) queue.splice(i, 1);
  };
}
