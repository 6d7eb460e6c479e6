export { authors } from './authors';
export { blogRevisions } from './blog-revisions';
export { blogs } from './blogs';
export { blogTags, tags } from './tags';
export { outboxMessages } from './outbox-messages';
export { userIdentities } from './user-identities';
export { userPermissions } from './user-permissions';
export { users } from './users';
