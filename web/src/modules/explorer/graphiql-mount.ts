import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { createElement, type ComponentProps } from 'react';
import { createRoot } from 'react-dom/client';
import { INTROSPECTION } from './explorer-fetch';

type GraphiQLProps = ComponentProps<typeof GraphiQL>;

/** What GraphiQL hands the fetcher: the editor's document, parsed variables and chosen operation. */
export interface EditorRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

export interface GraphiQLOptions {
  /** Runs the editor's operation (and the schema introspection); resolves to the JSON answer. */
  fetcher(request: EditorRequest): Promise<unknown>;
  query: string;
  variables: string;
  onEditQuery(query: string): void;
  onEditVariables(variables: string): void;
}

/** Drives a mounted GraphiQL from Vue: its editors follow these values (GraphiQL replaces an editor's text when its prop changes). */
export interface GraphiQLHandle {
  setDocument(query: string, variables: string): void;
  /** Shows a result obtained outside GraphiQL (a saved query run by id). */
  setResponse(text: string): void;
  unmount(): void;
}

/**
 * GraphiQL keeps tabs and history in storage; on a shared computer that must not outlive the
 * page, so it gets memory only (drafts are kept per account by the explorer itself).
 */
function memoryStorage(): NonNullable<GraphiQLProps['storage']> {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
    get length() {
      return items.size;
    },
  };
}

export function mountGraphiQL(element: HTMLElement, options: GraphiQLOptions): GraphiQLHandle {
  const root = createRoot(element);
  const storage = memoryStorage();
  const state = { query: options.query, variables: options.variables, response: '' };
  const fetcher: GraphiQLProps['fetcher'] = async (params) => {
    const answer = await options.fetcher(params as EditorRequest);
    // Keeps the response prop in step with what GraphiQL shows, so the next setResponse always lands;
    // the schema's introspection is not shown there.
    if (params.operationName !== INTROSPECTION) state.response = JSON.stringify(answer, null, 2);
    return answer as Awaited<ReturnType<GraphiQLProps['fetcher']>>;
  };

  function render() {
    root.render(
      createElement(
        GraphiQL,
        {
          fetcher,
          storage,
          query: state.query,
          variables: state.variables,
          response: state.response,
          forcedTheme: 'light',
          isHeadersEditorEnabled: false,
          shouldPersistHeaders: false,
          defaultEditorToolsVisibility: state.variables ? 'variables' : false,
          onEditQuery: (query: string) => {
            state.query = query;
            options.onEditQuery(query);
            render();
          },
          onEditVariables: (variables: string) => {
            state.variables = variables;
            options.onEditVariables(variables);
            render();
          },
        },
        // Its name in place of its logo, which links out to the internet.
        createElement(GraphiQL.Logo, null, 'GraphiQL'),
      ),
    );
  }
  render();

  return {
    setDocument(query, variables) {
      state.query = query;
      state.variables = variables;
      render();
    },
    setResponse(text) {
      state.response = text;
      render();
    },
    unmount: () => root.unmount(),
  };
}
