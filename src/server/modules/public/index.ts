export { publicRoutes } from './public.routes.ts';
export { createMicrocache, pageContext, renderHtml, renderNotFound, renderPage, sendPage } from './render.ts';
export { pickLocale } from './i18n.ts';
