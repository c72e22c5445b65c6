import { DefaultApolloClient } from '@vue/apollo-composable';
import { createApp } from 'vue';
import App from './app.vue';
import { createApolloClient } from './apollo/create-apollo-client';
import { createAppI18n } from './i18n/create-app-i18n';
import { bindLocale, localeKey } from './i18n/use-locale';
import { createAppRouter } from './router';
import './styles/base.css';

const i18n = createAppI18n();
const locale = bindLocale(i18n, safeLocalStorage(), document.documentElement);

createApp(App)
  .provide(DefaultApolloClient, createApolloClient())
  .provide(localeKey, locale)
  .use(i18n)
  .use(createAppRouter())
  .mount('#app');

/** `localStorage` throws on access when the browser blocks site data. */
function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
