import { authOf, type App } from '../../core/types.ts';
import { AnswerInput, Question, QuestionId, QuestionList, QuestionPatch, QuestionQuery } from './questions.contract.ts';
import type { QuestionsService } from './questions.service.ts';

export function questionsRoutes(app: App, { questions }: { questions: QuestionsService }) {
  const tags = ['audience'];
  app.get('/api/v1/questions', { schema: { tags, summary: 'The "Ask us anything" inbox: open questions oldest first, or answered ones', querystring: QuestionQuery, response: { 200: QuestionList } } },
    async (request) => ({ items: await questions.list(authOf(request), request.query.status) }));
  app.patch('/api/v1/questions/:id', { schema: { tags, summary: 'Assign a question to a member', params: QuestionId, body: QuestionPatch, response: { 200: Question } } },
    (request) => questions.assign(authOf(request), request.params.id, request.body.assignedTo));
  app.post('/api/v1/questions/:id/answer', { schema: { tags, summary: 'Answer by email; question and answer join the person\'s timeline', params: QuestionId, body: AnswerInput, response: { 200: Question } } },
    (request) => questions.answer(authOf(request), request.params.id, request.body.answer));
}
