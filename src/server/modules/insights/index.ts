export { createInsightsService, type InsightsService } from './insights.service.ts';
export { insightsRoutes } from './insights.routes.ts';
