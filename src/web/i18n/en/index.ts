import { account } from './account';
import { audit } from './audit';
import { auth } from './auth';
import { common } from './common';
import { notifications } from './notifications';
import { people } from './people';
import { shell } from './shell';
import { staff } from './staff';

/** English, the source language. Other languages mirror this shape. */
export const en = { common, auth, shell, people, audit, notifications, account, staff, roles: common.roles };
