export { createConsentService, type ConsentEvidence, type ConsentService } from './consent.service.ts';
export { consentRoutes } from './consent.routes.ts';
export { consentPurposes, impliedInquiryMonths, type ConsentPurpose, type ConsentState } from './consent.rules.ts';
export { createAudienceBackup, type AudienceBackup } from './consent.backup.ts';
export { createSubscribeService, type SubscribeService } from './subscribe.service.ts';
export { publicFormRoutes } from './public-forms.routes.ts';
export { createQuestionsService, type QuestionsService } from './questions.service.ts';
export { questionsRoutes } from './questions.routes.ts';
