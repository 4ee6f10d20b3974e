import { account } from './account';
import { audit } from './audit';
import { auth } from './auth';
import { brief } from './brief';
import { checkins } from './checkins';
import { common } from './common';
import { consent } from './consent';
import { consistency } from './consistency';
import { contacts } from './contacts';
import { goals } from './goals';
import { history } from './history';
import { network } from './network';
import { notifications } from './notifications';
import { people } from './people';
import { profile } from './profile';
import { promises } from './promises';
import { record } from './record';
import { shell } from './shell';
import { staff } from './staff';
import { voice } from './voice';

/** English, the source language. Other languages mirror this shape. */
export const en = {
  common,
  auth,
  shell,
  people,
  profile,
  network,
  consent,
  history,
  brief,
  contacts,
  record,
  promises,
  checkins,
  consistency,
  goals,
  voice,
  audit,
  notifications,
  account,
  staff,
  roles: common.roles,
};
