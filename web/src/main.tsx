import { Route, Router } from '@solidjs/router';
import { render } from 'solid-js/web';
import { AgreementDetailPage } from './agreements/AgreementDetail.jsx';
import { AgreementEditor } from './agreements/AgreementEditor.jsx';
import { AgreementList } from './agreements/AgreementList.jsx';
import { ReviewEditor } from './agreements/ReviewEditor.jsx';
import { Layout } from './Layout.jsx';
import { ArchiveCheck } from './archive/ArchiveCheck.jsx';
import { ArchiveDetail } from './archive/ArchiveDetail.jsx';
import { ArchiveList } from './archive/ArchiveList.jsx';
import { ArchiveUpload } from './archive/ArchiveUpload.jsx';
import { ProvinceDashboard } from './rollups/Dashboard.jsx';
import { LegacyDrillDownRedirect, LocalityDrillDown } from './rollups/LocalityDrillDown.jsx';
import { ComingSoon } from './pages/ComingSoon.jsx';
import { Home } from './pages/Home.jsx';
import { SignIn } from './pages/SignIn.jsx';
import { Status } from './pages/Status.jsx';
import { AuditLog } from './audit/AuditLog.jsx';
import { Approvals } from './tenancy/Approvals.jsx';
import { SignUp } from './tenancy/SignUp.jsx';
import { AcceptInvitation } from './users/AcceptInvitation.jsx';
import { Users } from './users/Users.jsx';
import { UsagePage } from './usage/UsagePage.jsx';
import { SupervisionRoutes } from './supervision/routes.jsx';
import './styles.css';
import { ui } from './i18n.js';

render(
  () => (
    <Router root={Layout}>
      <Route path="/" component={Home} />
      <Route path="/sign-in" component={SignIn} />
      <Route path="/status" component={Status} />
      <Route path="/supervision">
        <SupervisionRoutes />
      </Route>
      <Route path="/agreements" component={AgreementList} />
      <Route path="/agreements/new" component={AgreementEditor} />
      <Route path="/agreements/:id" component={AgreementDetailPage} />
      <Route path="/agreements/:id/edit" component={AgreementEditor} />
      <Route path="/agreements/:id/reviews/:period" component={ReviewEditor} />
      <Route path="/archive" component={ArchiveList} />
      <Route path="/archive/new" component={ArchiveUpload} />
      <Route path="/archive/check" component={ArchiveCheck} />
      <Route path="/archive/:id" component={ArchiveDetail} />
      <Route path="/province" component={ProvinceDashboard} />
      <Route path="/province/locality" component={LocalityDrillDown} />
      <Route path="/province/districts/:code" component={LegacyDrillDownRedirect} />
      <Route path="/audit" component={AuditLog} />
      <Route path="/sign-up" component={SignUp} />
      <Route path="/invitation" component={AcceptInvitation} />
      <Route path="/approvals" component={Approvals} />
      <Route path="/users" component={Users} />
      <Route path="/usage" component={UsagePage} />
      <Route path="*" component={() => <ComingSoon title={{ vi: 'Không tìm thấy trang', en: 'Page not found' }} />} />
    </Router>
  ),
  document.getElementById('root')!,
);
