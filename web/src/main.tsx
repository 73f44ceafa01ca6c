import { Route, Router } from '@solidjs/router';
import { render } from 'solid-js/web';
import { AgreementDetailPage } from './agreements/AgreementDetail.jsx';
import { AgreementEditor } from './agreements/AgreementEditor.jsx';
import { AgreementList } from './agreements/AgreementList.jsx';
import { ReviewEditor } from './agreements/ReviewEditor.jsx';
import { Layout } from './Layout.jsx';
import { ComingSoon } from './pages/ComingSoon.jsx';
import { Home } from './pages/Home.jsx';
import { SignIn } from './pages/SignIn.jsx';
import { Status } from './pages/Status.jsx';
import './styles.css';
import { ui } from './i18n.js';

render(
  () => (
    <Router root={Layout}>
      <Route path="/" component={Home} />
      <Route path="/sign-in" component={SignIn} />
      <Route path="/status" component={Status} />
      <Route path="/agreements" component={AgreementList} />
      <Route path="/agreements/new" component={AgreementEditor} />
      <Route path="/agreements/:id" component={AgreementDetailPage} />
      <Route path="/agreements/:id/edit" component={AgreementEditor} />
      <Route path="/agreements/:id/reviews/:period" component={ReviewEditor} />
      <Route path="/supervision" component={() => <ComingSoon title={ui.nav.supervision} issue={5} />} />
      <Route path="/archive" component={() => <ComingSoon title={ui.nav.archive} issue={6} />} />
      <Route path="/province" component={() => <ComingSoon title={ui.nav.rollups} issue={7} />} />
      <Route path="/audit" component={() => <ComingSoon title={ui.nav.audit} issue={3} />} />
      <Route path="*" component={() => <ComingSoon title={{ vi: 'Không tìm thấy trang', en: 'Page not found' }} />} />
    </Router>
  ),
  document.getElementById('root')!,
);
