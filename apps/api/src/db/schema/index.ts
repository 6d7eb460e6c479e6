export { authors } from './authors';
export { blogs } from './blogs';
export { outboxMessages } from './outbox-messages';
export { uploadReferences } from './upload-references';
export { uploads } from './uploads';
export { userIdentities } from './user-identities';
export { users } from './users';
