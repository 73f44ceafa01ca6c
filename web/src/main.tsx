import { type RouteDefinition, type RouteSectionProps, Router } from '@solidjs/router';
import { type Component, lazy } from 'solid-js';
import { render } from 'solid-js/web';
import { Layout } from './Layout.jsx';
import { ComingSoon } from './pages/ComingSoon.jsx';
import { SignIn } from './pages/SignIn.jsx';
import './styles.css';

/**
 * Routes as a config. Every page's code loads when the page is first visited (`lazy`), with the
 * shared schemas and zod it needs; only the shell and the sign-in page (where every guarded link
 * leads a visitor) are in the first chunk. `npm run bundle-size` reports the chunks against their
 * budgets; test/unit/web-bundle.test.ts enforces them.
 */
function page<K extends string, M extends Record<K, Component<RouteSectionProps>>>(load: () => Promise<M>, name: K): Component<RouteSectionProps> {
  return lazy(async () => ({ default: (await load())[name] }));
}

const agreements = () => import('./agreements/AgreementEditor.jsx');
const drillDown = () => import('./rollups/LocalityDrillDown.jsx');
const planForm = () => import('./supervision/PlanForm.jsx');
const recordSheets = () => import('./imports/RecordSheets.jsx');

const routes: RouteDefinition[] = [
  { path: '/', component: page(() => import('./pages/Home.jsx'), 'Home') },
  { path: '/sign-in', component: SignIn },
  { path: '/status', component: page(() => import('./pages/Status.jsx'), 'Status') },
  {
    path: '/supervision',
    children: [
      { path: '/', component: page(() => import('./supervision/PlansPage.jsx'), 'PlansPage') },
      { path: '/new', component: page(planForm, 'NewPlanPage') },
      { path: '/board', component: page(() => import('./supervision/BoardPage.jsx'), 'BoardPage') },
      { path: '/plans/:id', component: page(() => import('./supervision/PlanPage.jsx'), 'PlanPage') },
      { path: '/plans/:id/edit', component: page(planForm, 'EditPlanPage') },
      { path: '/plans/:id/recommendations-sheet', component: page(recordSheets, 'RecommendationsSheet') },
    ],
  },
  { path: '/agreements', component: page(() => import('./agreements/AgreementList.jsx'), 'AgreementList') },
  { path: '/agreements/new', component: page(agreements, 'AgreementEditor') },
  { path: '/agreements/import', component: page(() => import('./imports/ImportDocument.jsx'), 'ImportDocument') },
  { path: '/agreements/:id', component: page(() => import('./agreements/AgreementDetail.jsx'), 'AgreementDetailPage') },
  { path: '/agreements/:id/edit', component: page(agreements, 'AgreementEditor') },
  { path: '/agreements/:id/items-sheet', component: page(() => import('./imports/ItemsSheet.jsx'), 'ItemsSheet') },
  { path: '/agreements/:id/reviews/:period/results-sheet', component: page(recordSheets, 'ReviewResultsSheet') },
  { path: '/agreements/:id/reviews/:period', component: page(() => import('./agreements/ReviewEditor.jsx'), 'ReviewEditor') },
  { path: '/archive', component: page(() => import('./archive/ArchiveList.jsx'), 'ArchiveList') },
  { path: '/archive/new', component: page(() => import('./archive/ArchiveUpload.jsx'), 'ArchiveUpload') },
  { path: '/archive/check', component: page(() => import('./archive/ArchiveCheck.jsx'), 'ArchiveCheck') },
  { path: '/archive/:id', component: page(() => import('./archive/ArchiveDetail.jsx'), 'ArchiveDetail') },
  { path: '/province', component: page(() => import('./rollups/Dashboard.jsx'), 'ProvinceDashboard') },
  { path: '/province/locality', component: page(drillDown, 'LocalityDrillDown') },
  { path: '/province/districts/:code', component: page(drillDown, 'LegacyDrillDownRedirect') },
  { path: '/audit', component: page(() => import('./audit/AuditLog.jsx'), 'AuditLog') },
  { path: '/sign-up', component: page(() => import('./tenancy/SignUp.jsx'), 'SignUp') },
  { path: '/invitation', component: page(() => import('./users/AcceptInvitation.jsx'), 'AcceptInvitation') },
  { path: '/approvals', component: page(() => import('./tenancy/Approvals.jsx'), 'Approvals') },
  { path: '/users', component: page(() => import('./users/Users.jsx'), 'Users') },
  { path: '/usage', component: page(() => import('./usage/UsagePage.jsx'), 'UsagePage') },
  { path: '/operator', component: page(() => import('./tenancy/Operator.jsx'), 'OperatorPage') },
  { path: '/notifications', component: page(() => import('./notifications/NotificationsPage.jsx'), 'NotificationsPage') },
  { path: '/notifications/settings', component: page(() => import('./notifications/NotificationSettings.jsx'), 'NotificationSettings') },
  { path: '*', component: () => <ComingSoon title={{ vi: 'Không tìm thấy trang', en: 'Page not found' }} /> },
];

render(() => <Router root={Layout}>{routes}</Router>, document.getElementById('root')!);
