export { publicRoutes } from './public.routes.ts';
export { pageContext, renderNotFound, renderPage } from './render.ts';
export { pickLocale } from './i18n.ts';
