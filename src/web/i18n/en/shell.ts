export const shell = {
  productName: 'Rapport',
  documentTitle: '{{page}} · Rapport',
  skipToContent: 'Skip to main content',
  signedInAs: '{{name}} · {{role}}',
  openMenu: 'Open menu',
  closeMenu: 'Close menu',
  signOut: 'Sign out',
  backHome: 'Back to my caseload',
  nav: {
    label: 'Main',
    caseload: 'My caseload',
    notifications: 'Notifications',
    accessReview: 'Access review',
    staff: 'Staff and teams',
    account: 'Account',
    unread_one: '({{count}} unread)',
    unread_other: '({{count}} unread)',
  },
  notFound: {
    title: 'There is no page here',
    body: 'The address may be mistyped, or the page may have moved.',
  },
  forbidden: {
    title: 'This page is not part of your role',
    body: 'If you need it for your work, ask your manager or your Rapport administrator.',
  },
};
