import { Kind, print, subscribe, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { Context } from '../graphql/context.js';
import { pushIterator } from './bus.js';

type Results = AsyncGenerator<ExecutionResult> | AsyncIterableIterator<ExecutionResult>;

interface Group {
  consumers: Set<(result: ExecutionResult) => void>;
  source: Results;
  /** For state streams (coverage), the latest result: a late joiner gets it at once. */
  latest: ExecutionResult | null;
  replay: boolean;
}

/** Subscriptions whose every message is the whole current state, not an event. */
const STATE_STREAMS = new Set(['coverageChanged']);

function isStateStream(args: ExecutionArgs): boolean {
  return args.document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION
    && d.selectionSet.selections.some((s) => s.kind === Kind.FIELD && STATE_STREAMS.has(s.name.value)));
}

/**
 * Subscriptions shared by identical subscribers (the Hasura way): the same document and
 * variables, asked by viewers with the same roles, units and member, always get the same
 * results, so they are executed once per event and the result is sent to each of them.
 * Cost per event grows with the number of distinct subscriptions, not of subscribers.
 */
export function sharedSubscriptions() {
  const groups = new Map<string, Promise<Group | ExecutionResult>>();
  const keyOf = (args: ExecutionArgs) => {
    const ctx = args.contextValue as Context;
    const viewer = ctx.viewer;
    const scope = viewer ? JSON.stringify([viewer.memberId, viewer.bindings.map((b) => [b.role, b.committeeId, b.cellId]).sort()]) : 'anonymous';
    return JSON.stringify([print(args.document), args.operationName ?? null, args.variableValues ?? {}, scope]);
  };

  return async (args: ExecutionArgs): Promise<ExecutionResult | AsyncIterableIterator<ExecutionResult>> => {
    const key = keyOf(args);
    let pending = groups.get(key);
    if (!pending) {
      pending = Promise.resolve(subscribe(args)).then((result) => {
        if (!(Symbol.asyncIterator in result)) {
          groups.delete(key);
          return result;
        }
        const group: Group = { consumers: new Set(), source: result, latest: null, replay: isStateStream(args) };
        void (async () => {
          for await (const value of group.source) {
            if (group.replay) group.latest = value;
            for (const push of group.consumers) push(value);
          }
        })().catch((error) => console.error('[gan-bo] shared subscription failed:', error));
        return group;
      });
      groups.set(key, pending);
    }
    const group = await pending;
    if (!('consumers' in group)) return group;
    return pushIterator<ExecutionResult>((push) => {
      group.consumers.add(push);
      if (group.latest) push(group.latest);
      return () => {
        group.consumers.delete(push);
        if (group.consumers.size === 0 && groups.get(key) === pending) {
          groups.delete(key);
          void group.source.return?.(undefined);
        }
      };
    });
  };
}
