// The route table. Pages inside the signed-in shell go in `shellRoutes`; other domains add ONE entry each, e.g.
//   { path: 'evidence/:itemId', element: <EvidenceItemPage /> },
// Paths are relative to "/". Public pages (no session) go in `routes` beside /login.
import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { AppShell } from './app-shell';
import { RequireSession } from './session';
import { LoginPage } from '../scenes/LoginPage/LoginPage';
import { DashboardPage } from '../scenes/DashboardPage/DashboardPage';
import { CaseListPage } from '../scenes/CaseListPage/CaseListPage';
import { CasePage } from '../scenes/CasePage/CasePage';
import { NewCasePage } from '../scenes/NewCasePage/NewCasePage';
import { EntityPage } from '../scenes/EntityPage/EntityPage';
import { SearchPage } from '../scenes/SearchPage/SearchPage';
import { AuditPage } from '../scenes/AuditPage/AuditPage';
import { UsersPage } from '../scenes/UsersPage/UsersPage';
import { AgenciesPage } from '../scenes/AgenciesPage/AgenciesPage';
import { AccountPage } from '../scenes/AccountPage/AccountPage';
import { NotFoundPage } from '../scenes/NotFoundPage/NotFoundPage';
import { PageError } from '../components/page-error';
import { VictimStatisticsPage } from '../features/victims/victim-statistics-page';
import { VictimsOverviewPage } from '../features/victims/victims-overview-page';
import { OfferCheckPage } from '../scenes/OfferCheckPage/OfferCheckPage';
import { EvidenceItemPage } from '../features/evidence/evidence-item-page';
import { CooperationPage } from '../features/cooperation/cooperation-page';
import { TrainingPage } from '../features/training/training-page';
import { TrainingPlayPage } from '../features/training/play-page';
import { TrainingSessionPage } from '../features/training/session-page';
import { TrainingExercisePage } from '../features/training/exercise-page';
import { ScenarioEditorPage } from '../features/training/scenario-editor-page';

export const shellRoutes: RouteObject[] = [
  { index: true, element: <DashboardPage /> },
  { path: 'cases', element: <CaseListPage /> },
  { path: 'cases/:caseId', element: <CasePage /> },
  { path: 'cases/new', element: <NewCasePage /> },
  { path: 'entities/:entityId', element: <EntityPage /> },
  { path: 'cases/:caseId/:tabId', element: <CasePage /> },
  { path: 'search', element: <SearchPage /> },
  { path: 'audit', element: <AuditPage /> },
  { path: 'admin/users', element: <UsersPage /> },
  { path: 'admin/agencies', element: <AgenciesPage /> },
  { path: 'account', element: <AccountPage /> },
  { path: 'victims', element: <VictimsOverviewPage /> },
  { path: 'victims/statistics', element: <VictimStatisticsPage /> },
  { path: 'evidence/:itemId', element: <EvidenceItemPage /> },
  { path: 'cooperation', element: <CooperationPage /> },
  { path: 'training', element: <TrainingPage /> },
  { path: 'training/attempts/:attemptId', element: <TrainingPlayPage /> },
  { path: 'training/sessions/:sessionId', element: <TrainingSessionPage /> },
  { path: 'training/exercises/:exerciseId', element: <TrainingExercisePage /> },
  { path: 'training/scenarios/:scenarioId', element: <ScenarioEditorPage /> },
];

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  { path: '/check-offer', element: <OfferCheckPage /> },
  {
    path: '/',
    errorElement: <PageError />,
    element: (
      <RequireSession>
        <AppShell />
      </RequireSession>
    ),
    children: [...shellRoutes, { path: '*', element: <NotFoundPage /> }],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
