import type { RouteObject } from 'react-router'
import { AdminPage, adminRoutes } from '../features/admin'
import { CaseListPage } from '../features/caseList'
import { CasePage } from '../features/casePage'
import { DashboardPage } from '../features/dashboard'
import { DirectoryPage, OrganizationPage, ResourcesPage } from '../features/directory'
import { IntakePage } from '../features/intake'
import { ImportLawyersPage, LawyerPage, LawyersPage } from '../features/lawyers'
import { BatchMatchingPage, ReferralsPage } from '../features/referrals'
import { ReportsPage } from '../features/reports'
import { accountRouteHandle, CaseworkOnly, ChangePassphrasePage } from '../features/vault'
import { AppFrame } from './AppFrame'
import { NotFoundPage, RouteErrorPage } from './ApologyPage'

export type TPageTitleKey =
  | 'dashboard.title'
  | 'survivors.title'
  | 'caseList.title'
  | 'intake.title'
  | 'casePage.title'
  | 'lawyers.title'
  | 'directory.title'
  | 'referrals.title'
  | 'reports.title'
  | 'admin.title'
  | 'notFound.title'

/** Route metadata read by the frame (document title). */
export type TRouteHandle = { titleKey: TPageTitleKey }

const handle = (titleKey: TPageTitleKey): TRouteHandle => ({ titleKey })

/**
 * Hash routes (`#/survivors`): the app is served from `app://` in Electron and by the test bridge,
 * so the path part of the URL must stay the same for every screen.
 */
export const routes: RouteObject[] = [
  {
    element: <AppFrame />,
    children: [
      {
        // A screen that throws is replaced by an apology inside the frame, so navigation keeps working.
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <DashboardPage />, handle: handle('dashboard.title') },
          {
            path: 'survivors',
            element: (
              <CaseworkOnly titleKey="caseList.title">
                <CaseListPage />
              </CaseworkOnly>
            ),
            handle: handle('caseList.title'),
          },
          {
            path: 'survivors/new',
            element: (
              <CaseworkOnly titleKey="intake.title">
                <IntakePage />
              </CaseworkOnly>
            ),
            handle: handle('intake.title'),
          },
          {
            path: 'survivors/new/:draftId',
            element: (
              <CaseworkOnly titleKey="intake.title">
                <IntakePage />
              </CaseworkOnly>
            ),
            handle: handle('intake.title'),
          },
          { path: 'survivors/:caseId', element: <CasePage />, handle: handle('casePage.title') },
          { path: 'lawyers', element: <LawyersPage />, handle: handle('lawyers.title') },
          { path: 'lawyers/import', element: <ImportLawyersPage />, handle: handle('lawyers.title') },
          { path: 'lawyers/:lawyerId', element: <LawyerPage />, handle: handle('lawyers.title') },
          { path: 'directory', element: <DirectoryPage />, handle: handle('directory.title') },
          { path: 'directory/resources', element: <ResourcesPage />, handle: handle('directory.title') },
          {
            path: 'directory/organizations/:organizationId',
            element: <OrganizationPage />,
            handle: handle('directory.title'),
          },
          { path: 'referrals', element: <ReferralsPage />, handle: handle('referrals.title') },
          {
            path: 'referrals/batch',
            element: (
              <CaseworkOnly titleKey="referrals.title">
                <BatchMatchingPage />
              </CaseworkOnly>
            ),
            handle: handle('referrals.title'),
          },
          {
            path: 'reports',
            element: (
              <CaseworkOnly titleKey="reports.title">
                <ReportsPage />
              </CaseworkOnly>
            ),
            handle: handle('reports.title'),
          },
          { path: 'admin', element: <AdminPage />, handle: handle('admin.title'), children: adminRoutes },
          { path: 'account', element: <ChangePassphrasePage />, handle: accountRouteHandle },
          { path: '*', element: <NotFoundPage />, handle: handle('notFound.title') },
        ],
      },
    ],
  },
]
