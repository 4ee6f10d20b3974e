import { createBrowserRouter, Outlet } from 'react-router';
import { AccountPage } from '../account/account-page';
import { AccessReviewPage } from '../audit/access-review-page';
import { RequireRole, RequireSession } from '../auth/require-session';
import { SessionProvider } from '../auth/session-provider';
import { SignInPage } from '../auth/sign-in-page';
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
            { path: 'notifications', element: <NotificationsPage /> },
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
