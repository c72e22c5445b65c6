import { DefaultApolloClient } from '@vue/apollo-composable';
import { createApp } from 'vue';
import App from './app.vue';
import { createApolloClient } from './apollo/create-apollo-client';
import { createForbiddenFields, forbiddenFieldsKey } from './apollo/forbidden-fields';
import { createAppI18n } from './i18n/create-app-i18n';
import { bindLocale, localeKey } from './i18n/use-locale';
import { createAuthApi } from './modules/auth/auth-api';
import { authKey, browserLock, createAuth } from './modules/auth/use-auth';
import { clearVisitDrafts } from './modules/visits/visit-draft';
import { createAppRouter } from './router';
import './styles/base.css';

const storage = safeLocalStorage();
const i18n = createAppI18n();
const locale = bindLocale(i18n, storage, document.documentElement);
const auth = createAuth({ api: createAuthApi(), storage, lock: browserLock });
const forbiddenFields = createForbiddenFields();
const apollo = createApolloClient(auth, forbiddenFields);
auth.onSignOut((reason) => {
  if (reason === 'logout') clearVisitDrafts(storage);
});
window.addEventListener('storage', (event) => {
  if (event.storageArea === storage) auth.onStorageChange(event.key, event.newValue);
});

createApp(App)
  .provide(DefaultApolloClient, apollo)
  .provide(localeKey, locale)
  .provide(authKey, auth)
  .provide(forbiddenFieldsKey, forbiddenFields)
  .use(i18n)
  // Whatever ended the session, the next person on this browser starts from an empty cache.
  .use(
    createAppRouter(auth, async () => {
      forbiddenFields.clear();
      await apollo.clearStore();
    }),
  )
  .mount('#app');

/** `localStorage` throws on access when the browser blocks site data. */
function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
