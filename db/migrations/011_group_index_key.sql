-- The stored group list was keyed by the vendor's address and credential in plain text; it is now
-- keyed by an HMAC of them (lib/server/group-index.ts). Forget the old copy: the next crawl stores
-- the list again, and the credential is no longer in the database.
DELETE FROM group_index;
