import { createBrowserRouter, Navigate } from 'react-router';
import { RequireSession } from './features/auth/components/require-session.tsx';
import { ForgotPage } from './features/auth/pages/forgot-page.tsx';
import { InvitePage } from './features/auth/pages/invite-page.tsx';
import { ResetPage } from './features/auth/pages/reset-page.tsx';
import { LoginPage } from './features/auth/pages/login-page.tsx';
import { SetupPage } from './features/auth/pages/setup-page.tsx';
import { FocusPage } from './features/focus/pages/focus-page.tsx';
import { ImportPage } from './features/imports/pages/import-page.tsx';
import { DuplicatesPage } from './features/people/pages/duplicates-page.tsx';
import { PeoplePage } from './features/people/pages/people-page.tsx';
import { PersonPage } from './features/people/pages/person-page.tsx';
import { DoorPage } from './features/events/pages/door-page.tsx';
import { EventsPage } from './features/events/pages/events-page.tsx';
import { NewEventPage } from './features/events/pages/new-event-page.tsx';
import { OccurrencePage } from './features/events/pages/occurrence-page.tsx';
import { SeriesPage } from './features/events/pages/series-page.tsx';
import { AudiencePage } from './features/audience/pages/audience-page.tsx';
import { BroadcastPage } from './features/broadcasts/pages/broadcast-page.tsx';
import { BroadcastsPage } from './features/broadcasts/pages/broadcasts-page.tsx';
import { PlannedPage } from './features/planned/pages/planned-page.tsx';
import { SettingsPage } from './features/settings/pages/settings-page.tsx';
import { LosingTouchPage } from './features/today/pages/losing-touch-page.tsx';
import { TodayPage } from './features/today/pages/today-page.tsx';
import { AppLayout } from './features/shell/components/app-layout.tsx';
import { CrashPage } from './features/shell/pages/crash-page.tsx';
import { NotFoundPage } from './features/shell/pages/not-found-page.tsx';

export const router = createBrowserRouter(
  [
    {
      errorElement: <CrashPage />,
      children: [
        { path: 'setup', element: <SetupPage /> },
        { path: 'login', element: <LoginPage /> },
        { path: 'invite/:token', element: <InvitePage /> },
        { path: 'forgot', element: <ForgotPage /> },
        { path: 'reset/:token', element: <ResetPage /> },
        {
          element: (
            <RequireSession>
              <AppLayout />
            </RequireSession>
          ),
          children: [
            // Today is where the day starts: who to call, who to meet.
            { index: true, element: <Navigate to="/today" replace /> },
            { path: 'today', element: <TodayPage /> },
            { path: 'today/losing-touch', element: <LosingTouchPage /> },
            { path: 'people', element: <PeoplePage /> },
            { path: 'people/duplicates', element: <DuplicatesPage /> },
            { path: 'people/:id', element: <PersonPage /> },
            { path: 'import', element: <ImportPage /> },
            // The planner (and its drag-and-drop library) loads with its pages.
            { path: 'planner', lazy: async () => ({ Component: (await import('./features/planner/pages/planner-page.tsx')).PlannerPage }) },
            { path: 'planner/channels', lazy: async () => ({ Component: (await import('./features/planner/pages/channels-page.tsx')).ChannelsPage }) },
            { path: 'planner/posts/new', lazy: async () => ({ Component: (await import('./features/planner/pages/post-page.tsx')).PostPage }) },
            { path: 'planner/posts/:id', lazy: async () => ({ Component: (await import('./features/planner/pages/post-page.tsx')).PostPage }) },
            { path: 'events', element: <EventsPage /> },
            { path: 'events/new', element: <NewEventPage /> },
            { path: 'events/series/:id', element: <SeriesPage /> },
            { path: 'events/occurrences/:id', element: <OccurrencePage /> },
            { path: 'events/occurrences/:id/door', element: <DoorPage /> },
            { path: 'audience', element: <AudiencePage /> },
            { path: 'focus', element: <FocusPage /> },
            // The chart library loads only with the page that draws charts.
            { path: 'focus/reflection', lazy: async () => ({ Component: (await import('./features/focus/pages/reflection-page.tsx')).ReflectionPage }) },
            { path: 'broadcasts', element: <BroadcastsPage /> },
            { path: 'broadcasts/new', element: <BroadcastPage /> },
            { path: 'broadcasts/:id', element: <BroadcastPage /> },
            // Charts: the page loads with its chart library.
            { path: 'insights', lazy: async () => ({ Component: (await import('./features/insights/pages/insights-page.tsx')).InsightsPage }) },
            { path: 'settings', element: <SettingsPage /> },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ],
  { basename: '/app' },
);
