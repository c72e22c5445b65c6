import { useApolloClient } from '@vue/apollo-composable';
import { onScopeDispose, shallowRef } from 'vue';
import type { OverdueAssignmentsQueryVariables, Role } from '../../gql/graphql';
import { refusalOf } from './api-refusal';
import { fetchAllPages, FetchCancelled, TooManyRows } from './fetch-all';
import { EXPORT_ROW_LIMIT, exportCsv, exportSheet, exportTable, type ExportLabels } from './overdue-export';
import { OverdueAssignmentsQuery } from './overdue.documents';

export type ExportFormat = 'csv' | 'xlsx';

export type ExportState =
  | { phase: 'idle' }
  | { phase: 'fetching'; format: ExportFormat; fetched: number; total: number; waitSeconds: number | null }
  | { phase: 'building'; format: ExportFormat; total: number }
  | { phase: 'done'; format: ExportFormat; rows: number; fileName: string }
  | { phase: 'cancelled' }
  | { phase: 'tooMany'; total: number; limit: number }
  | { phase: 'failed' };

/**
 * The page size an export starts with: the largest the role's default limits allow for this
 * query (page size, and cost at about 31 points a row). An operator's other limits are met by
 * fetchAllPages, which asks again smaller when refused.
 */
export function exportPageSize(roles: ReadonlySet<Role>): number {
  if (roles.has('ANALYST')) return 300;
  if (roles.has('COMMITTEE_STAFF')) return 200;
  return 100;
}

export interface ExportRequest {
  format: ExportFormat;
  pageSize: number;
  variables: Omit<OverdueAssignmentsQueryVariables, 'first' | 'after'>;
  /** The list's totalCount as shown: a list over the limit is refused before any request. */
  knownTotal: number;
  labels: ExportLabels;
  sheetName: string;
  fileName: string;
}

/** Hands a file to the browser as a download. */
function download(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Lets the browser paint the progress before a long synchronous step. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The whole filtered list as CSV or XLSX: every page fetched with progress, cancellable, capped. */
export function useOverdueExport() {
  const { resolveClient } = useApolloClient();
  const state = shallowRef<ExportState>({ phase: 'idle' });
  let controller: AbortController | null = null;

  async function start(request: ExportRequest) {
    controller?.abort();
    const { format } = request;
    if (request.knownTotal > EXPORT_ROW_LIMIT) {
      state.value = { phase: 'tooMany', total: request.knownTotal, limit: EXPORT_ROW_LIMIT };
      return;
    }
    const own = new AbortController();
    controller = own;
    const { signal } = own;
    state.value = { phase: 'fetching', format, fetched: 0, total: request.knownTotal, waitSeconds: null };
    try {
      const rows = await fetchAllPages(
        async (after, first) => {
          const { data } = await resolveClient().query({
            query: OverdueAssignmentsQuery,
            variables: { ...request.variables, first, after },
            // Not kept: tens of thousands of rows would only weigh on the cache.
            fetchPolicy: 'no-cache',
            context: { fetchOptions: { signal } },
          });
          return data.assignments;
        },
        {
          pageSize: request.pageSize,
          limit: EXPORT_ROW_LIMIT,
          signal,
          refusalOf,
          onProgress: (fetched, total) => (state.value = { phase: 'fetching', format, fetched, total, waitSeconds: null }),
          onWait: (seconds) => {
            const current = state.value;
            if (current.phase === 'fetching') state.value = { ...current, waitSeconds: seconds };
          },
        },
      );
      state.value = { phase: 'building', format, total: rows.length };
      await nextFrame();
      if (signal.aborted) throw new FetchCancelled();
      const table = exportTable(rows, request.labels);
      let blob: Blob;
      if (format === 'csv') {
        blob = new Blob([exportCsv(table)], { type: 'text/csv;charset=utf-8' });
      } else {
        // The zip writer loads only when someone exports a workbook.
        const { buildXlsx, XLSX_MIME } = await import('./xlsx');
        blob = new Blob([buildXlsx(exportSheet(table, request.sheetName)).slice()], { type: XLSX_MIME });
      }
      download(blob, request.fileName);
      state.value = { phase: 'done', format, rows: rows.length, fileName: request.fileName };
    } catch (error) {
      if (controller !== own) return; // a newer export took over
      if (error instanceof TooManyRows) state.value = { phase: 'tooMany', total: error.total, limit: error.limit };
      else if (error instanceof FetchCancelled || signal.aborted) state.value = { phase: 'cancelled' };
      else state.value = { phase: 'failed' };
    } finally {
      if (controller === own) controller = null;
    }
  }

  function cancel() {
    controller?.abort();
  }

  function dismiss() {
    if (!controller) state.value = { phase: 'idle' };
  }

  onScopeDispose(cancel);
  return { state, start, cancel, dismiss };
}
