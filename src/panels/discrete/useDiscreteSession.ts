/**
 * The panel's worker session: configured when the panel is shown (it is mounted only then),
 * trained by the page in calls of STEPS_PER_CALL steps while running and the tab is visible,
 * paused while the page is held (slide hidden, frame out of view) and resumed after, and
 * released (its tensors disposed) when the panel goes away. A hidden panel does no work.
 */
import { useEffect, useMemo, useState } from 'react';
import type { DiscreteApi, DiscreteFrame, DiscreteInfo } from '../../compute/discrete/protocol';
import { usePauseWhileHeld } from '../use-page-hold';

const STEPS_PER_CALL = 20;
/** Training pauses by itself every this many steps (the plain curve has long crossed the floor). */
const AUTO_PAUSE_STEP = 3000;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface DiscreteSessionState {
  info: DiscreteInfo | null;
  frame: DiscreteFrame | null;
  running: boolean;
  error: string | null;
  setRunning: (running: boolean) => void;
  reset: () => void;
}

/** One configuration of the session: a new one (seed, reset, new worker) starts afresh. */
interface Token {
  client: DiscreteApi;
  key: string;
  seed: number;
}

interface SessionAnswer {
  token: Token;
  info: DiscreteInfo | null;
  frame: DiscreteFrame | null;
  error: string | null;
}

let sessions = 0;

export function useDiscreteSession(client: DiscreteApi | null, seed: number): DiscreteSessionState {
  const [generation, setGeneration] = useState(0);
  const [running, setRunning] = useState(true);
  const [answer, setAnswer] = useState<SessionAnswer | null>(null);
  const token = useMemo<Token | null>(
    () => (client ? { client, seed, key: `discrete-${seed}-${generation}-${++sessions}` } : null),
    [client, seed, generation],
  );
  const current = answer !== null && answer.token === token ? answer : null;
  const info = current?.info ?? null;

  useEffect(() => {
    if (!token) return;
    let live = true;
    const { client: api, key } = token;
    api
      .discreteConfigure({ key, seed: token.seed })
      .then(async (configured) => {
        const first = await api.discreteTrain(key, 0);
        if (live) setAnswer({ token, info: configured, frame: first, error: null });
      })
      .catch(
        (reason: unknown) =>
          live && setAnswer({ token, info: null, frame: null, error: message(reason) }),
      );
    return () => {
      live = false;
      api.discreteRelease(key).catch(() => undefined);
    };
  }, [token]);

  useEffect(() => {
    if (!token || !info || !running) return;
    let live = true;
    const update = (patch: Partial<SessionAnswer>) =>
      setAnswer((old) => (old && old.token === token ? { ...old, ...patch } : old));
    void (async () => {
      let previous = -1;
      while (live) {
        if (document.hidden) {
          await sleep(250);
          continue;
        }
        const next = await token.client.discreteTrain(info.key, STEPS_PER_CALL);
        if (!live) return;
        update({ frame: next });
        // Pause at every AUTO_PAUSE_STEP, and at the worker's cap (a call that trained nothing).
        const atPause =
          next.step >= AUTO_PAUSE_STEP && next.step % AUTO_PAUSE_STEP < STEPS_PER_CALL;
        if (atPause || next.step === previous) {
          setRunning(false);
          return;
        }
        previous = next.step;
      }
    })().catch((reason: unknown) => {
      if (!live) return;
      update({ error: message(reason) });
      setRunning(false);
    });
    return () => {
      live = false;
    };
  }, [token, info, running]);

  usePauseWhileHeld(
    running,
    () => setRunning(false),
    () => setRunning(true),
  );

  return {
    info,
    frame: current?.frame ?? null,
    running,
    error: current?.error ?? null,
    setRunning,
    reset: () => {
      setGeneration((g) => g + 1);
      setRunning(true);
    },
  };
}
