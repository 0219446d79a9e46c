import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { ConsentLookup, type InPersonConsent } from '../../../server/modules/audience/consent.contract.ts';
import { Question, QuestionList } from '../../../server/modules/audience/questions.contract.ts';
import { api } from '../../lib/api-client.ts';
import { peopleKeys } from '../people/api.ts';
import { refreshToday } from '../today/keys.ts';

export type Question = z.output<typeof Question>;
export type QuestionStatus = 'open' | 'answered';
export type ConsentLookup = z.output<typeof ConsentLookup>;
export type ConsentState = ConsentLookup['states']['newsletter'];
export type ConsentRecord = ConsentLookup['records'][number];
export type InPersonConsentInput = z.input<typeof InPersonConsent>;
export { InPersonConsent } from '../../../server/modules/audience/consent.contract.ts';
export { AnswerInput } from '../../../server/modules/audience/questions.contract.ts';

export const audienceKeys = {
  questions: ['questions'] as const,
  questionList: (status: QuestionStatus) => [...audienceKeys.questions, status] as const,
  consent: ['consent'] as const,
  consentOf: (email: string) => [...audienceKeys.consent, email.toLowerCase()] as const,
};

export function useQuestions(status: QuestionStatus) {
  return useQuery({
    queryKey: audienceKeys.questionList(status),
    queryFn: ({ signal }) => api('/api/v1/questions', { query: { status }, schema: QuestionList, signal }),
  });
}

export function useAssignQuestion(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (assignedTo: string | null) => api(`/api/v1/questions/${id}`, { method: 'PATCH', body: { assignedTo }, schema: Question }),
    onSuccess: (question) => {
      client.setQueryData<{ items: Question[] }>(audienceKeys.questionList('open'), (data) => data && {
        items: data.items.map((item) => (item.id === question.id ? question : item)),
      });
    },
  });
}

// The answer goes to the asker by email and joins their timeline; the question moves to Answered.
export function useAnswerQuestion(question: Question) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (answer: string) => api(`/api/v1/questions/${question.id}/answer`, { method: 'POST', body: { answer }, schema: Question }),
    onSettled: () => {
      // Also after ALREADY_ANSWERED: someone else answered it, the lists show that.
      void client.invalidateQueries({ queryKey: audienceKeys.questions });
      void client.invalidateQueries({ queryKey: peopleKeys.interactions(question.personId) });
      void client.invalidateQueries({ queryKey: peopleKeys.detail(question.personId), exact: true });
    },
    meta: { form: true },
  });
}

export function useConsent(email: string) {
  return useQuery({
    queryKey: audienceKeys.consentOf(email),
    queryFn: ({ signal }) => api('/api/v1/consent', { query: { email }, schema: ConsentLookup, signal }),
    enabled: email !== '',
  });
}

export function useRecordInPersonConsent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: InPersonConsentInput) => api('/api/v1/consent/in-person', { method: 'POST', body: input }),
    onSuccess: (_nothing, input) => void client.invalidateQueries({ queryKey: audienceKeys.consentOf(input.email) }),
    meta: { form: true },
  });
}

export function useSuppress() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (email: string) => api('/api/v1/suppressions', { method: 'POST', body: { email } }),
    onSuccess: (_nothing, email) => void client.invalidateQueries({ queryKey: audienceKeys.consentOf(email) }),
  });
}

// A person's rights. Export is a plain download (the server names the file); erasure removes the
// person with their timeline, plans, questions and consent records, so almost every list changes.
export function personExportUrl(personId: string): string {
  return `/api/v1/people/${personId}/export`;
}

export function useErasePerson(personId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api(`/api/v1/people/${personId}/erase`, { method: 'POST' }),
    onSuccess: () => {
      client.removeQueries({ queryKey: peopleKeys.detail(personId) });
      void client.invalidateQueries({ queryKey: peopleKeys.all });
      void client.invalidateQueries({ queryKey: audienceKeys.questions });
      void client.invalidateQueries({ queryKey: audienceKeys.consent });
      refreshToday(client);
    },
  });
}
