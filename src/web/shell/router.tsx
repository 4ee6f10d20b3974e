import { createBrowserRouter, Outlet } from 'react-router';
import { caseRoles } from '../../domain/roles.js';
import { AccountPage } from '../account/account-page';
import { AccessReviewPage } from '../audit/access-review-page';
import { RequireRole, RequireSession } from '../auth/require-session';
import { SessionProvider } from '../auth/session-provider';
import { SignInPage } from '../auth/sign-in-page';
import { BriefPage } from '../brief/brief-page';
import { CheckinsPage } from '../cadence/checkins-page';
import { LedgerPage } from '../commitments/ledger-page';
import { MyConsistencyPage } from '../consistency/my-consistency-page';
import { RecordPage } from '../contacts/record-page';
import { NotificationsPage } from '../notifications/notifications-page';
import { CaseloadPage } from '../people/caseload-page';
import { PersonPage } from '../people/person-page';
import { StaffPage } from '../staff/staff-page';
import { AppLayout } from './app-layout';
import { NotFoundPage } from './not-found-page';

export function createRouter() {
  return createBrowserRouter([
    {
      element: (
        <SessionProvider>
          <Outlet />
        </SessionProvider>
      ),
      children: [
        { path: '/sign-in', element: <SignInPage /> },
        {
          element: (
            <RequireSession>
              <AppLayout />
            </RequireSession>
          ),
          children: [
            { index: true, element: <CaseloadPage /> },
            // One page for the whole record; the optional last part names the section (no personal data).
            { path: 'people/:personId/:section?', element: <PersonPage /> },
            // The brief and recording a contact are pages of their own (the brief: one request, printable).
            { path: 'people/:personId/brief', element: <BriefPage /> },
            { path: 'people/:personId/contacts/new', element: <RecordPage /> },
            { path: 'notifications', element: <NotificationsPage /> },
            {
              path: 'promises',
              element: (
                <RequireRole roles={caseRoles}>
                  <LedgerPage />
                </RequireRole>
              ),
            },
            {
              path: 'checkins',
              element: (
                <RequireRole roles={caseRoles}>
                  <CheckinsPage />
                </RequireRole>
              ),
            },
            {
              path: 'consistency',
              element: (
                <RequireRole roles={caseRoles}>
                  <MyConsistencyPage />
                </RequireRole>
              ),
            },
            {
              path: 'access-review',
              element: (
                <RequireRole roles={['supervisor', 'manager']}>
                  <AccessReviewPage />
                </RequireRole>
              ),
            },
            {
              path: 'admin',
              element: (
                <RequireRole roles={['administrator']}>
                  <StaffPage />
                </RequireRole>
              ),
            },
            { path: 'account', element: <AccountPage /> },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
