import { Route } from '@solidjs/router';
import { BoardPage } from './BoardPage.jsx';
import { PlanPage } from './PlanPage.jsx';
import { EditPlanPage, NewPlanPage } from './PlanForm.jsx';
import { PlansPage } from './PlansPage.jsx';

/** Pages under /supervision (mounted in main.tsx). */
export function SupervisionRoutes() {
  return (
    <>
      <Route path="/" component={PlansPage} />
      <Route path="/new" component={NewPlanPage} />
      <Route path="/board" component={BoardPage} />
      <Route path="/plans/:id" component={PlanPage} />
      <Route path="/plans/:id/edit" component={EditPlanPage} />
    </>
  );
}
