export { createOutboxService, type OutboxService } from './outbox.service.ts';
export { outboxRoutes } from './outbox.routes.ts';
