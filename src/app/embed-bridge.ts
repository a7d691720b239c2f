/**
 * The window side of the embedding protocol (docs/embedding.md; parsing in
 * state/embed-protocol.ts). Active only inside a frame: messages from the parent window
 * (and, with `?origin=`, only from that origin) drive the lab; state and step events go back
 * to the parent. Anything else that arrives is ignored without a word.
 */
import {
  EMBED_PROTOCOL_VERSION,
  allowedHostOrigin,
  originAccepted,
  paramsAsText,
  parseHostMessage,
  stateEvent,
  stepEvent,
  type HostCommand,
  type LabEvent,
} from '../state/embed-protocol';
import { labCommands } from '../state/lab-commands';
import { usePageHold } from '../state/page-hold';
import type { LabState, LabStore } from '../state/lab-store';

export interface LabCommands {
  train(): void;
  pause(): void;
  reset(): void;
  stepMany(n: number): void;
}

function snapshotEvent(state: LabState): LabEvent {
  return stateEvent({
    params: paramsAsText(state.params),
    phase: state.run.phase,
    step: state.frame?.step ?? 0,
    heldOutNll: state.frame?.heldOutNll ?? Number.NaN,
    loss: state.frame?.loss ?? Number.NaN,
    error: state.run.error,
  });
}

/** Starts the bridge (a no-op outside a frame); returns the function that stops it. */
export function startEmbedBridge(
  win: Window,
  store: LabStore,
  commands: LabCommands = labCommands,
): () => void {
  if (win.parent === win) return () => {};
  // The store read `?origin=` from the address at load (through the URL schema).
  const { params, invalidParams } = store.getState();
  const allowed = allowedHostOrigin(params, invalidParams);
  if (allowed === 'invalid') return () => {};
  const targetOrigin = allowed ?? '*';
  const post = (event: LabEvent) => {
    try {
      win.parent.postMessage(event, targetOrigin);
    } catch {
      // The parent went away or its origin changed: nobody to tell.
    }
  };

  let statePending = false;
  const postStateSoon = () => {
    if (statePending) return;
    statePending = true;
    queueMicrotask(() => {
      statePending = false;
      post(snapshotEvent(store.getState()));
    });
  };

  const run = (command: HostCommand) => {
    switch (command.type) {
      case 'set':
        if (command.invalid.length > 0) {
          post({ type: 'flowlab:invalid', version: EMBED_PROTOCOL_VERSION, params: command.invalid });
        }
        store.getState().setParams(command.params);
        postStateSoon();
        return;
      case 'play':
        return commands.train();
      case 'pause':
        return commands.pause();
      case 'reset':
        return commands.reset();
      case 'step':
        return commands.stepMany(command.count);
      case 'get':
        return postStateSoon();
      case 'slide':
        // The slide holding this frame was hidden (pause everything) or shown (resume).
        return usePageHold.getState().setHold('slide', !command.shown);
    }
  };

  const onMessage = (event: MessageEvent) => {
    if (event.source !== win.parent || !originAccepted(allowed, event.origin)) return;
    const command = parseHostMessage(event.data);
    if (command) run(command);
  };

  let lastStep = store.getState().frame?.step ?? 0;
  const unsubscribe = store.subscribe((state, previous) => {
    const frame = state.frame;
    if (frame && frame !== previous.frame && frame.step !== lastStep) {
      lastStep = frame.step;
      if (frame.step > 0) post(stepEvent(frame.step, frame.heldOutNll, frame.loss));
    }
    if (
      state.params !== previous.params ||
      state.run.phase !== previous.run.phase ||
      state.run.error !== previous.run.error ||
      frame !== previous.frame
    ) {
      postStateSoon();
    }
  });

  win.addEventListener('message', onMessage);
  post({
    type: 'flowlab:ready',
    version: EMBED_PROTOCOL_VERSION,
    panel: store.getState().params.panel,
  });
  postStateSoon();
  return () => {
    win.removeEventListener('message', onMessage);
    unsubscribe();
  };
}
