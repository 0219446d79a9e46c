import type { QueryClient } from '@tanstack/react-query';

// Leaf module: People and Plans invalidate Today without importing its hooks.
export const todayKeys = {
  today: ['today'] as const,
  losingTouch: ['losing-touch'] as const,
};

// Any touch, plan or nudge action can change who is due: ask again next time Today shows.
export function refreshToday(client: QueryClient) {
  void client.invalidateQueries({ queryKey: todayKeys.today });
  void client.invalidateQueries({ queryKey: todayKeys.losingTouch });
}
