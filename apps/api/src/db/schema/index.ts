export { authors } from './authors';
export { blogs } from './blogs';
export { outboxMessages } from './outbox-messages';
export { userIdentities } from './user-identities';
export { users } from './users';
