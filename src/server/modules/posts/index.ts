export { createPostsService, type PostsService } from './posts.service.ts';
export { createCredentialBox, type CredentialBox } from './credentials.ts';
export { postsRoutes } from './posts.routes.ts';
export { lengthFor, platformLimits, platforms, type Platform } from './lengths.ts';
export { createPlannerService, type PlannerService } from './planner.service.ts';
export { plannerRoutes } from './planner.routes.ts';
export { createPublisher, publishJobs, type Publisher } from './publish.service.ts';
export { mastodonAdapter } from './adapters/mastodon.ts';
export { defaultRetryPolicy, type Adapter, type RetryPolicy } from './adapters/types.ts';
